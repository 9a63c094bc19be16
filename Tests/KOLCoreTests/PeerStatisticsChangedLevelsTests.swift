import Testing
@testable import KOLCore

/// `PeerStatistics.updatingReportingLevels` reports the star levels an update changed, and a KOL that
/// `viewMayChange` clears (more than 2 half-stars from every changed level) sees exactly the statistics
/// it saw before: the editor keeps such KOLs' red flags without looking their peer view up again.
@Suite struct PeerStatisticsChangedLevelsTests {
    typealias Tests = PeerStatisticsUpdateTests

    static func view(_ statistics: PeerStatistics, _ kol: KOL) -> [PeerStatistics.Reference?] {
        [statistics.followers(for: kol), statistics.price(for: kol), statistics.costPerEngagement(for: kol)]
    }

    @Test func kolsFarFromChangedLevelsKeepTheirView() {
        var g = SeededGenerator(seed: 29)
        var kols = (0..<160).map { Tests.kol($0, &g) }
        var statistics = PeerStatistics(kols: kols)
        var skipped = 0
        var moved = 0
        for round in 0..<150 {
            let previous = kols
            // One KOL edited per round, as an editor keystroke does.
            let target = Int(g.next() % UInt64(kols.count))
            switch g.next() % 4 {
            case 0, 1: kols[target].followers = Int(1 + g.next() % 9_000_000)
            case 2: kols[target].price = g.next() % 5 == 0 ? nil : Double(50 * (1 + g.next() % 400))
            default: kols[target].stars = [1, 1.5, 2, 3, 4.5, 6, 2, nil][Int(g.next() % 8)]
            }
            let (updated, changedLevels) = statistics.updatingReportingLevels(
                removing: [previous[target]], adding: [kols[target]], features: KOLFeatures.init(kol:))
            #expect(updated.canonical == PeerStatistics(kols: kols).canonical, "round \(round)")
            for (index, kol) in kols.enumerated() where index != target {
                let same = Self.view(statistics, kol) == Self.view(updated, kol)
                if !PeerStatistics.viewMayChange(stars: kol.stars, changedLevels: changedLevels) {
                    #expect(same, "round \(round) \(kol.id) levels \(changedLevels)")
                    skipped += 1
                } else if !same {
                    moved += 1
                }
            }
            statistics = updated
        }
        // Both cases happen: views that moved, and KOLs cleared without a lookup.
        #expect(skipped > 1000)
        #expect(moved > 50)
    }

    @Test func viewMayChangeWithinTwoHalfStars() {
        #expect(PeerStatistics.viewMayChange(stars: 2, changedLevels: [6]))   // level 4, ±2
        #expect(PeerStatistics.viewMayChange(stars: 2, changedLevels: [2]))
        #expect(!PeerStatistics.viewMayChange(stars: 2, changedLevels: [7, 1]))
        #expect(!PeerStatistics.viewMayChange(stars: nil, changedLevels: [4]))
        #expect(!PeerStatistics.viewMayChange(stars: .nan, changedLevels: [4]))
        #expect(!PeerStatistics.viewMayChange(stars: 2, changedLevels: []))
    }
}
