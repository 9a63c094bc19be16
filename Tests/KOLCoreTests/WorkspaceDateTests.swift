import Testing
@testable import KOLCore

@Suite struct WorkspaceDateTests {
    @Test func dateOnlyIsUTCMidnight() throws {
        let date = try #require(KOLDate.parse("2019-05-01"))
        // 2019-05-01 is day 18017 since 1970-01-01 (hand-checked: 49 years, 12 leap days, +120 days).
        #expect(date.secondsSinceEpoch == 18_017 * 86_400)
        #expect(date.isDateOnly)
        #expect(date.description == "2019-05-01")
    }

    @Test func rfc3339WithOffsetIsConvertedToUTC() throws {
        let date = try #require(KOLDate.parse("2026-10-01T12:00:00+08:00"))
        let utc = try #require(KOLDate.parse("2026-10-01T04:00:00Z"))
        #expect(date.secondsSinceEpoch == utc.secondsSinceEpoch)
        #expect(date.form == .dateTime(offsetMinutes: 480))
        #expect(date.description == "2026-10-01T12:00:00+08:00")
        #expect(utc.secondsSinceEpoch == 1_790_827_200)
    }

    @Test func fractionAndNegativeOffset() throws {
        let date = try #require(KOLDate.parse("1969-12-31T23:59:59.25-01:30"))
        #expect(date.secondsSinceEpoch == 5_399)
        #expect(date.nanoseconds == 250_000_000)
        #expect(date.description == "1969-12-31T23:59:59.25-01:30")
        let before = try #require(KOLDate.parse("1969-12-31T23:00:00Z"))
        #expect(before.secondsSinceEpoch == -3_600)
        #expect(before.description == "1969-12-31T23:00:00Z")
    }

    @Test(arguments: ["2026-02-29", "2026-13-01", "2026-1-01", "2026-01-01T25:00:00Z", "2026-01-01T10:00:00",
                      "2026-01-01T10:00:00+8:00", "2026-01-01x", "", "2026-01-01T10:00:00.Z", "二〇二六-01-01",
                      "2026-01-01T10:00Z"])
    func rejectsMalformed(_ text: String) {
        #expect(KOLDate.parse(text) == nil)
    }

    @Test func leapDayAndOrdering() throws {
        let leap = try #require(KOLDate.parse("2024-02-29"))
        let next = try #require(KOLDate.parse("2024-03-01T00:00:00+08:00"))
        #expect(leap.description == "2024-02-29")
        #expect(leap < next) // next is 2024-02-29T16:00Z, after midnight UTC
        #expect(KOLDate(year: 2000, month: 2, day: 29) != nil)
        #expect(KOLDate(year: 1900, month: 2, day: 29) == nil)
    }
}
