import JSON
import KOLCore
import Testing
@testable import Server

/// The engine tables kept between engines equal a fresh build after any sequence of workspace changes, and
/// their KOL comparison covers every stored property of `KOL`.
@Suite struct EngineTablesTests {
    typealias Random = AnalysisCacheEquivalenceTests.Random

    /// `EngineTables.sameContent` lists KOL's properties by hand: a new property must be added there.
    @Test func sameContentCoversEveryKOLProperty() {
        let labels = Mirror(reflecting: KOL(id: "k")).children.compactMap(\.label)
        #expect(labels == ["id", "name", "platform", "stars", "followers", "createdAt", "verified", "price", "topics",
                           "followerHistory", "followerRegions", "posts", "channels", "fanSample", "campaigns",
                           "relationship", "extra", "source"])
        let kol = KOL(id: "k", name: "茶", stars: 2, followers: 10, price: 5)
        var moved = kol
        moved.source = KOLSource(origin: "x", range: SourceRange(start: 3, end: 9))
        #expect(EngineTables.sameContent(kol, moved))
        var other = kol
        other.extra["note"] = "hi"
        #expect(!EngineTables.sameContent(kol, other))
    }

    @Test func randomChangesGiveTheTablesOfAFreshBuild() {
        var random = Random(state: 5)
        var kols = AnalysisCacheEquivalenceTests.workspace(&random)
        let tables = EngineTables()
        var computedTotal = 0
        for round in 0..<60 {
            if round > 0 {
                for _ in 0..<random.int(1...2) {
                    let target = random.int(0...(kols.count - 1))
                    switch random.int(0...6) {
                    case 0, 1: kols[target].followers = 10_000 * random.int(1...400)
                    case 2: kols[target].price = Double(100 * random.int(1...300))
                    case 3: kols[target].stars = [1, 1.5, 2, 3, 4.5, 6][random.int(0...5)]
                    case 4: kols.append(AnalysisCacheEquivalenceTests.kol(1000 + round, stars: 2, &random))
                    case 5: kols.swapAt(target, random.int(0...(kols.count - 1)))  // same KOLs, new order
                    default: if kols.count > 10 { kols.remove(at: target) }
                    }
                }
            }
            let workspace = Workspace(kols: kols)
            let built = tables.tables(for: workspace) { changed in
                computedTotal += changed.count
                return changed.map { KOLFeatures(kol: $0) }
            }
            let fresh = PeerStatistics(kols: kols)
            #expect(built.peers.canonical == fresh.canonical, "round \(round)")
            #expect(built.features.count == kols.count, "round \(round)")
            for kol in kols { #expect(built.features[kol.id] == KOLFeatures(kol: kol), "round \(round) \(kol.id)") }
        }
        // Only changed KOLs were worked on: far fewer than 60 full builds.
        #expect(computedTotal < kols.count + 3 * 60)
    }
}
