import Foundation
import JSON

/// Figure 4: `kol/rank` (scores, red flags, tone) over a loaded workspace, cold and after a weights-only
/// change of the brief, beside a floor from the same run: `kol/stats`, a request that walks every KOL.
enum ScaleRankBench {
    static let brief: JSONValue = [
        "product": "云南手工普洱茶礼盒", "keywords": ["茶", "普洱", "礼盒", "tea"], "targetRegions": ["上海", "浙江"],
        "tone": "lighthearted", "budget": 200_000,
    ]

    static func run(kols: Int, posts: Int, root: String) throws {
        let size = ScaleBench.Size(kols: kols, posts: posts)
        let path = ScaleBench.generated(size, format: .jsonl, root: root)
        let engine = try EngineClient(root: root)
        defer { engine.stop() }
        _ = try engine.request("kol/load", ["path": .string(path)])
        let floor = try ScaleBench.seconds { _ = try engine.request("kol/stats", .null) }
        var params: JSONObject = ["brief": brief, "limit": 20, "now": "2026-01-01T00:00:00Z"]
        var answer: JSONValue = .null
        let cold = try ScaleBench.seconds { answer = try engine.request("kol/rank", .object(params)) }
        params["weights"] = ["engagement": 2, "value": 0.5]
        let warm = try ScaleBench.seconds { answer = try engine.request("kol/rank", .object(params)) }
        let stats = try engine.request("kol/stats", .null)["analyses"]
        let f = { (v: Double) in ScaleBench.fixed(v * 1000, 1) + " ms" }
        print("kol/rank over \(kols) KOLs × \(posts) posts (brief with keywords, regions, tone; red flags):")
        print("  floor, kol/stats over the same workspace: \(f(floor))")
        print("  cold: \(f(cold))  [target < 1 s at 10^5 KOLs];  weights-only change: \(f(warm))  [target < 100 ms]"
              + "  = \(ScaleBench.fixed(cold / max(warm, 1e-9), 1))× faster")
        print("  ranked \(answer["total"]?.serializedString ?? "?"); cache counters \(stats?.serializedString ?? "?")")
        print("  engine peak RSS \(ScaleBench.mb(engine.peakRSS))")
    }
}
