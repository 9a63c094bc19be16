/// How timed posts are grouped into windows for the consistency-over-time check.
public enum ToneWindowing: Sendable, Hashable {
    /// Calendar months in UTC (the default): "2024-03".
    case calendarMonth
    /// Fixed windows of this many days, counted from the Unix epoch (UTC).
    case days(Int)

    /// The window a time falls in: its start (seconds since the epoch, UTC) and label.
    func window(of seconds: Int64) -> (start: Int64, label: String) {
        let day = Self.floorDivide(seconds, 86_400)
        switch self {
        case .calendarMonth:
            let (year, month, _) = Self.civil(fromDays: day)
            let start = Self.days(year: year, month: month, day: 1) * 86_400
            return (start, Self.monthLabel(year, month))
        case .days(let length):
            let size = Int64(max(1, length))
            let start = Self.floorDivide(day, size) * size
            let (year, month, dayOfMonth) = Self.civil(fromDays: start)
            var label = Self.monthLabel(year, month) + "-"
            if dayOfMonth < 10 { label += "0" }
            label += String(dayOfMonth)
            return (start * 86_400, label)
        }
    }

    static func monthLabel(_ year: Int64, _ month: Int64) -> String {
        (month < 10 ? "\(year)-0" : "\(year)-") + String(month)
    }

    static func floorDivide(_ a: Int64, _ b: Int64) -> Int64 {
        let quotient = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? quotient - 1 : quotient
    }

    /// Proleptic Gregorian date of a day number (days since 1970-01-01); H. Hinnant's `civil_from_days`.
    static func civil(fromDays days: Int64) -> (year: Int64, month: Int64, day: Int64) {
        let z = days + 719_468
        let era = floorDivide(z, 146_097)
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let monthPrime = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * monthPrime + 2) / 5 + 1
        let month = monthPrime < 10 ? monthPrime + 3 : monthPrime - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// Day number of a date; H. Hinnant's `days_from_civil`.
    static func days(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = floorDivide(y, 400)
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
