import JSON
import Testing
@testable import KOLCore

/// Analyses judge "today" by the UTC day (protocol.md §7.6): any time of the same day gives the same results.
struct ScoringDayClockTests {
    static func at(_ seconds: Int64) -> KOLDate {
        KOLDate(secondsSinceEpoch: ScoringFixture.now.secondsSinceEpoch + seconds, form: .dateTime(offsetMinutes: 0))
    }

    @Test func nowIsTruncatedToTheUTCDay() {
        let kols = [KOL(id: "k", stars: 2, followers: 100_000, price: 1_000)]
        let late = ScoringEngine(workspace: Workspace(kols: kols), now: Self.at(23 * 3600 + 59 * 60 + 59))
        #expect(late.context.now == ScoringFixture.now)
        #expect(late.context.now.secondsSinceEpoch % 86_400 == 0)
        // Before 1970 the day still floors (not towards zero).
        let early = ScoringEngine(workspace: Workspace(kols: kols), now: KOLDate(secondsSinceEpoch: -1))
        #expect(early.context.now.secondsSinceEpoch == -86_400)
    }

    @Test func flagsAndScoresAreTheSameAllDay() {
        let kol = KOL(id: "k", stars: 2, followers: 100_000, price: 1_000,
                      posts: (1...8).map { ScoringFixture.post(daysAgo: $0 * 20) })
        let workspace = Workspace(brief: Brief(keywords: ["龙井"]), kols: [kol])
        let morning = ScoringEngine(workspace: workspace, now: Self.at(60))
        let evening = ScoringEngine(workspace: workspace, now: Self.at(22 * 3600))
        #expect(morning.redFlags(kol) == evening.redFlags(kol))
        #expect(morning.score(kol) == evening.score(kol))
        // The next day is a different "today": days since the last post grow by one.
        let tomorrow = ScoringEngine(workspace: workspace, now: Self.at(86_400 + 5))
        #expect(tomorrow.outcomes(kol) != morning.outcomes(kol))
    }
}
