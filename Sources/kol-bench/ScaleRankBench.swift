import Foundation
import JSON

/// Figure 4: `kol/rank` (scores, red flags, tone) over a loaded workspace, cold and after a weights-only
/// change of the brief, beside a floor from the same run: `kol/stats`, a request that walks every KOL.
struct RankFigure: ScaleFigure {
    static let brief: JSONValue = [
        "product": "云南手工普洱茶礼盒", "keywords": ["茶", "普洱", "礼盒", "tea"], "targetRegions": ["上海", "浙江"],
        "tone": "lighthearted", "budget": 200_000,
    ]

    var kols: Int
    var posts: Int
    var floorSeconds: Double
    var coldSeconds: Double
    var warmSeconds: Double
    var ranked: String
    var counters: String
    var loadedRSS: Int
    var peakRSS: Int

    static func measure(kols: Int, posts: Int, root: String) throws -> RankFigure {
        let size = ScaleBench.Size(kols: kols, posts: posts)
        let path = ScaleBench.generated(size, format: .jsonl, root: root)
        let engine = try EngineClient(root: root)
        defer { engine.stop() }
        _ = try engine.request("kol/load", ["path": .string(path)])
        let loadedRSS = engine.currentRSS
        let floor = try ScaleBench.seconds { _ = try engine.request("kol/stats", .null) }
        var params: JSONObject = ["brief": brief, "limit": 20, "now": "2026-01-01T00:00:00Z"]
        var answer: JSONValue = .null
        let cold = try ScaleBench.seconds { answer = try engine.request("kol/rank", .object(params)) }
        params["weights"] = ["engagement": 2, "value": 0.5]
        let warm = try ScaleBench.seconds { answer = try engine.request("kol/rank", .object(params)) }
        let stats = try engine.request("kol/stats", .null)["analyses"]
        return RankFigure(kols: kols, posts: posts, floorSeconds: floor, coldSeconds: cold, warmSeconds: warm,
                          ranked: answer["total"]?.serializedString ?? "?", counters: stats?.serializedString ?? "?",
                          loadedRSS: loadedRSS, peakRSS: engine.peakRSS)
    }

    func print() {
        let f = { (v: Double) in ScaleBench.fixed(v * 1000, 1) + " ms" }
        Swift.print("kol/rank over \(kols) KOLs × \(posts) posts (brief with keywords, regions, tone; red flags):")
        Swift.print("  floor, kol/stats over the same workspace: \(f(floorSeconds))")
        Swift.print("  cold: \(f(coldSeconds))  [target < 1 s at 10^5 KOLs];  weights-only change: \(f(warmSeconds))  [target < 100 ms]"
                    + "  = \(ScaleBench.fixed(coldSeconds / max(warmSeconds, 1e-9), 1))× faster")
        Swift.print("  ranked \(ranked); cache counters \(counters)")
        Swift.print("  engine RSS after load \(ScaleBench.mb(loadedRSS)), peak \(ScaleBench.mb(peakRSS))"
                    + " (analysis caches: \(ScaleBench.fixed(Double(peakRSS - loadedRSS) / Double(max(1, kols)) / 1024, 1)) KiB per KOL)")
    }

    /// Figure 6 for rank: 10× the KOLs should cost about 10× (cold and weights-only).
    static func printGrowth(_ figures: [RankFigure]) {
        guard figures.count > 1 else { return }
        Swift.print("rank growth (each step 10× the KOLs and posts; linear = 10):")
        for (small, large) in zip(figures, figures.dropFirst()) {
            let f = { (v: Double) in ScaleBench.fixed(v, 1) }
            Swift.print("  \(small.kols * small.posts) → \(large.kols * large.posts) posts: cold ×\(f(large.coldSeconds / max(small.coldSeconds, 1e-9)))"
                        + "  weights-only ×\(f(large.warmSeconds / max(small.warmSeconds, 1e-9)))"
                        + "  peak memory ×\(f(Double(large.peakRSS) / Double(max(1, small.peakRSS))))")
        }
    }
}
