import Testing
@testable import KOLCore

/// `PeerStatistics.updating` must answer exactly as a fresh build over the new KOLs, whatever changed:
/// followers, prices, star levels (a KOL moving between levels), KOLs added and removed.
@Suite struct PeerStatisticsUpdateTests {
    static func kol(_ id: Int, _ g: inout SeededGenerator) -> KOL {
        let stars: Double? = g.next() % 20 == 0 ? nil : [1, 1.5, 2, 3, 4.5, 6][Int(g.next() % 6)]
        let posts = (0..<Int(g.next() % 3)).map { k in
            Post(at: KOLDate(secondsSinceEpoch: Int64(1_700_000_000 + k * 86_400)), text: "茶",
                 reposts: Int(g.next() % 50), comments: Int(g.next() % 80), likes: Int(g.next() % 900))
        }
        return KOL(id: "k\(id)", stars: stars, followers: g.next() % 10 == 0 ? nil : Int(1 + g.next() % 5_000_000),
                   price: g.next() % 8 == 0 ? nil : Double(100 * (1 + g.next() % 300)), posts: posts.isEmpty ? nil : posts)
    }

    @Test func randomUpdatesEqualAFreshBuild() {
        var g = SeededGenerator(seed: 11)
        // ★2 gets well over 50 KOLs (cached level statistics); the others stay small (leave-one-out, widening).
        var kols = (0..<140).map { Self.kol($0, &g) }
        var statistics = PeerStatistics(kols: kols)
        var nextID = 1000
        for round in 0..<120 {
            let previous = kols
            for _ in 0..<(1 + Int(g.next() % 3)) {
                let target = Int(g.next() % UInt64(kols.count))
                switch g.next() % 6 {
                case 0, 1: kols[target].followers = Int(1 + g.next() % 9_000_000)
                case 2: kols[target].price = g.next() % 5 == 0 ? nil : Double(50 * (1 + g.next() % 400))
                case 3: kols[target].stars = [1, 1.5, 2, 3, 4.5, 6, 2][Int(g.next() % 7)]
                case 4:
                    kols.append(Self.kol(nextID, &g))
                    nextID += 1
                default:
                    if kols.count > 60 { kols.remove(at: target) }
                }
            }
            // What changed, by id: a changed KOL leaves in its old form and joins in its new one.
            let now = Dictionary(uniqueKeysWithValues: kols.map { ($0.id, $0) })
            let then = Dictionary(uniqueKeysWithValues: previous.map { ($0.id, $0) })
            let removed = previous.filter { now[$0.id] != $0 }
            let added = kols.filter { then[$0.id] != $0 }
            statistics = statistics.updating(removing: removed, adding: added, features: KOLFeatures.init(kol:))
            let fresh = PeerStatistics(kols: kols)
            #expect(statistics.canonical == fresh.canonical, "round \(round)")
            for kol in kols {
                #expect(statistics.followers(for: kol) == fresh.followers(for: kol), "round \(round) \(kol.id)")
                #expect(statistics.price(for: kol) == fresh.price(for: kol), "round \(round) \(kol.id)")
                #expect(statistics.costPerEngagement(for: kol) == fresh.costPerEngagement(for: kol), "round \(round) \(kol.id)")
            }
        }
    }
}
