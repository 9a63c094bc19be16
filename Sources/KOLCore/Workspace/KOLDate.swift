/// A calendar date or an instant, parsed by hand from `YYYY-MM-DD` or RFC 3339.
///
/// Why not `Date` + `DateFormatter`: formatters are slow on hot paths (10^6 posts) and locale-sensitive;
/// and a date-only value ("the account was created on 2019-05-01") is not an instant, so we keep the
/// difference. The value keeps its written UTC offset so saving writes back what was read.
public struct KOLDate: Hashable, Sendable, Comparable, CustomStringConvertible {
    /// Whether the source gave a calendar day or a moment in time.
    public enum Form: Hashable, Sendable {
        /// `YYYY-MM-DD`; `secondsSinceEpoch` is that day's midnight UTC.
        case dateOnly
        /// RFC 3339 date-time with the UTC offset it was written in (0 for `Z`).
        case dateTime(offsetMinutes: Int)
    }

    /// Seconds since 1970-01-01T00:00:00Z (negative before).
    public var secondsSinceEpoch: Int64
    /// Fraction of a second, 0..<1_000_000_000 (digits past nanoseconds are dropped).
    public var nanoseconds: Int32
    public var form: Form

    public init(secondsSinceEpoch: Int64, nanoseconds: Int32 = 0, form: Form = .dateTime(offsetMinutes: 0)) {
        self.secondsSinceEpoch = secondsSinceEpoch
        self.nanoseconds = nanoseconds
        self.form = form
    }

    /// A calendar day (UTC midnight), or nil when the day does not exist.
    public init?(year: Int, month: Int, day: Int) {
        guard (0...9999).contains(year), (1...12).contains(month),
              (1...KOLDate.daysIn(month: month, year: year)).contains(day) else { return nil }
        self.init(secondsSinceEpoch: Int64(KOLDate.daysFromCivil(year: year, month: month, day: day)) * 86_400,
                  form: .dateOnly)
    }

    public var isDateOnly: Bool { form == .dateOnly }

    /// Seconds since the epoch as a floating value, for analyses (rates, ages).
    public var timeInterval: Double { Double(secondsSinceEpoch) + Double(nanoseconds) / 1e9 }

    /// Days since the epoch (floor), handy for daily growth rates.
    public var dayNumber: Int64 { KOLDate.floorDiv(secondsSinceEpoch, 86_400) }

    /// The UTC calendar day this instant falls in (midnight UTC, date-only).
    public var utcDay: KOLDate { KOLDate(secondsSinceEpoch: dayNumber * 86_400, form: .dateOnly) }

    /// Instants compare by time; the written offset and form do not matter for order.
    public static func < (a: KOLDate, b: KOLDate) -> Bool {
        (a.secondsSinceEpoch, a.nanoseconds) < (b.secondsSinceEpoch, b.nanoseconds)
    }

    // MARK: Parsing

    /// Parses `YYYY-MM-DD` or an RFC 3339 date-time (`T`/`t`/space separator, optional fraction,
    /// `Z` or `±HH:MM`). Returns nil for anything else, including days that do not exist (2026-02-30).
    public static func parse(_ text: String) -> KOLDate? {
        let utf8 = text.utf8
        return utf8.withContiguousStorageIfAvailable { parse(bytes: $0) } ?? parse(bytes: Array(text.utf8)[...])
    }

    static func parse<C: Collection>(bytes: C) -> KOLDate? where C.Element == UInt8, C.Index == Int {
        var scanner = DigitScanner(bytes: bytes)
        guard let year = scanner.digits(4), scanner.take(UInt8(ascii: "-")),
              let month = scanner.digits(2), scanner.take(UInt8(ascii: "-")),
              let day = scanner.digits(2),
              (1...12).contains(month), (1...daysIn(month: month, year: year)).contains(day) else { return nil }
        let days = Int64(daysFromCivil(year: year, month: month, day: day))
        if scanner.atEnd { return KOLDate(secondsSinceEpoch: days * 86_400, form: .dateOnly) }
        guard let sep = scanner.next(), sep == UInt8(ascii: "T") || sep == UInt8(ascii: "t") || sep == UInt8(ascii: " "),
              let hour = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let minute = scanner.digits(2), scanner.take(UInt8(ascii: ":")),
              let second = scanner.digits(2),
              hour <= 23, minute <= 59, second <= 60 else { return nil }
        var nanos: Int32 = 0
        if scanner.take(UInt8(ascii: ".")) {
            var digitCount = 0
            while let d = scanner.peekDigit() {
                scanner.skip()
                if digitCount < 9 { nanos = nanos * 10 + Int32(d) }
                digitCount += 1
            }
            guard digitCount > 0 else { return nil }
            for _ in digitCount..<max(9, digitCount) { nanos *= 10 }
        }
        let offsetMinutes: Int
        guard let zone = scanner.next() else { return nil }
        switch zone {
        case UInt8(ascii: "Z"), UInt8(ascii: "z"):
            offsetMinutes = 0
        case UInt8(ascii: "+"), UInt8(ascii: "-"):
            guard let oh = scanner.digits(2), scanner.take(UInt8(ascii: ":")), let om = scanner.digits(2),
                  oh <= 23, om <= 59 else { return nil }
            offsetMinutes = (zone == UInt8(ascii: "-") ? -1 : 1) * (oh * 60 + om)
        default:
            return nil
        }
        guard scanner.atEnd else { return nil }
        let local = days * 86_400 + Int64(hour * 3600 + minute * 60 + second)
        return KOLDate(secondsSinceEpoch: local - Int64(offsetMinutes * 60), nanoseconds: nanos,
                       form: .dateTime(offsetMinutes: offsetMinutes))
    }

    // MARK: Formatting

    /// The canonical text: `YYYY-MM-DD`, or RFC 3339 in the written offset (`Z` for zero), fraction trimmed.
    public var description: String {
        switch form {
        case .dateOnly:
            let (y, m, d) = KOLDate.civil(fromDays: dayNumber)
            return "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))"
        case .dateTime(let offset):
            let local = secondsSinceEpoch + Int64(offset * 60)
            let days = KOLDate.floorDiv(local, 86_400)
            let secondOfDay = Int(local - days * 86_400)
            let (y, m, d) = KOLDate.civil(fromDays: days)
            var text = "\(pad(y, 4))-\(pad(m, 2))-\(pad(d, 2))T\(pad(secondOfDay / 3600, 2)):"
                + "\(pad(secondOfDay / 60 % 60, 2)):\(pad(secondOfDay % 60, 2))"
            if nanoseconds > 0 {
                var fraction = pad(Int(nanoseconds), 9)
                while fraction.hasSuffix("0") { fraction.removeLast() }
                text += "." + fraction
            }
            if offset == 0 { return text + "Z" }
            let sign = offset < 0 ? "-" : "+"
            return text + "\(sign)\(pad(abs(offset) / 60, 2)):\(pad(abs(offset) % 60, 2))"
        }
    }

    // MARK: Calendar arithmetic (proleptic Gregorian; Howard Hinnant's days_from_civil)

    static func isLeap(_ year: Int) -> Bool { year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    static func daysFromCivil(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    static func civil(fromDays days: Int64) -> (Int, Int, Int) {
        let z = Int(days) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    static func floorDiv(_ a: Int64, _ b: Int64) -> Int64 {
        let q = a / b
        return (a % b != 0 && (a < 0) != (b < 0)) ? q - 1 : q
    }
}

private func pad(_ value: Int, _ width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

/// Reads fixed-width ASCII digits and punctuation from a byte collection, never past its end.
private struct DigitScanner<C: Collection> where C.Element == UInt8, C.Index == Int {
    let bytes: C
    var index: Int

    init(bytes: C) { self.bytes = bytes; self.index = bytes.startIndex }

    var atEnd: Bool { index >= bytes.endIndex }

    mutating func next() -> UInt8? {
        guard !atEnd else { return nil }
        defer { index += 1 }
        return bytes[index]
    }

    mutating func skip() { index += 1 }

    func peekDigit() -> Int? {
        guard !atEnd, (48...57).contains(bytes[index]) else { return nil }
        return Int(bytes[index] - 48)
    }

    mutating func take(_ byte: UInt8) -> Bool {
        guard !atEnd, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    mutating func digits(_ count: Int) -> Int? {
        var value = 0
        for _ in 0..<count {
            guard let d = peekDigit() else { return nil }
            value = value * 10 + d
            index += 1
        }
        return value
    }
}
