import Foundation
import JSON
import Testing
@testable import KOLCore

/// The demo workspace (examples/demo.kol.json, DEMO.md): every designed flag on its KOL, none on the clean
/// KOLs, and 西湖边的阿萌 ranked first.
struct ScoringDemoTests {
    static let demoNow = KOLDate(year: 2026, month: 11, day: 26)!

    static func loadDemo() throws -> Workspace {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        let data = try Data(contentsOf: root.appendingPathComponent("examples/demo.kol.json"))
        return try WorkspaceDocument.load(bytes: [UInt8](data), now: demoNow).workspace
    }

    /// DEMO.md's table, minus the fan-audit flag that another analysis raises.
    static let designed: [String: Set<String>] = [
        "2713968254": [], "3920417765": [],
        "1893256071": ["stars-followers-mismatch", "low-engagement"],
        "5617283940": ["growth-spike"],
        "7810936642": ["young-account-fast-growth", "bought-reposts"],
        "6023418857": ["engagement-concentrated"],
        "2281630094": ["silent-kol", "tone-clash"],
        "3309178826": ["generalist"],
        "5128840073": ["off-topic"],
        "6652013398": ["off-region"],
        "4190287765": ["dormant", "no-other-media"],
        "2054471380": ["price-outlier", "channel-topic-mismatch"],
        "3471925560": ["tone-drift"], "1756302918": ["channel-tone-mismatch"],
    ]
    /// DEMO.md "possible side effects" that a sound rule may raise.
    static let allowedExtra: [String: Set<String>] = [
        "1893256071": ["price-outlier"], "3309178826": ["off-topic"], "3471925560": ["tone-clash"],
    ]

    @Test func everyDesignedFlagOnItsKOLAndNoOther() throws {
        let workspace = try Self.loadDemo()
        #expect(workspace.count == 14)
        let engine = ScoringEngine(workspace: workspace, now: Self.demoNow)
        for kol in workspace.kols {
            let raised = Set(engine.redFlags(kol).flags.map(\.code.rawValue))
            let designed = try #require(Self.designed[kol.id])
            #expect(designed.isSubset(of: raised), "\(kol.id) \(kol.name ?? ""): missing \(designed.subtracting(raised))")
            let extra = raised.subtracting(designed).subtracting(Self.allowedExtra[kol.id] ?? [])
            #expect(extra.isEmpty, "\(kol.id) \(kol.name ?? ""): unexpected \(extra)")
        }
    }

    @Test func cleanKOLsHaveFullConfidenceAndNoFlags() throws {
        let workspace = try Self.loadDemo()
        let engine = ScoringEngine(workspace: workspace, now: Self.demoNow)
        for id in ["2713968254", "3920417765"] {
            let kol = try #require(workspace.kol(id: id))
            #expect(engine.redFlags(kol).flags.isEmpty)
            let score = engine.score(kol)
            #expect(score.confidence == 1)
            #expect(score.components.count == 9)
            #expect(score.redFlagPenalty == 0)
        }
    }

    /// #11 has no kolReplies anywhere: silent-kol is not checked (and says why), not raised.
    @Test func unknownReplyRateIsNotSilence() throws {
        let workspace = try Self.loadDemo()
        let engine = ScoringEngine(workspace: workspace, now: Self.demoNow)
        let kol = try #require(workspace.kol(id: "4190287765"))
        let flags = engine.redFlags(kol)
        #expect(!flags.flags.contains { $0.code == .silentKOL })
        #expect(flags.notChecked[.silentKOL] != nil)
    }

    @Test func bestKOLRanksFirstAndShortlistFitsBudget() throws {
        let workspace = try Self.loadDemo()
        let engine = ScoringEngine(workspace: workspace, now: Self.demoNow)
        let result = engine.rank()
        #expect(result.kols.first?.id == "2713968254")
        #expect(result.total == 14)
        let shortlist = try #require(result.shortlist)
        #expect(shortlist.totalPrice <= 30_000)
        #expect(shortlist.ids.contains("2713968254"))
        // Brute force over the 14 KOLs (2^14 subsets) confirms the shortlist is optimal.
        let items = result.kols.compactMap { row in row.price.flatMap { p in row.score.map { (row.id, p, $0) } } }
        var best = 0.0
        for mask in 0..<(1 << items.count) {
            var price = 0.0, score = 0.0
            for (i, item) in items.enumerated() where mask & (1 << i) != 0 { price += item.1; score += item.2 }
            if price <= 30_000 { best = max(best, score) }
        }
        #expect(abs(shortlist.totalScore - best) < 1e-6)
        let pilot = try #require(result.pilot)
        #expect((2...4).contains(pilot.ids.count))
        #expect(pilot.ids.first == "2713968254")
        #expect(pilot.totalPrice <= 30_000 * Pilot.budgetShare)
        #expect(pilot.reasons.count == pilot.ids.count)
    }

    @Test func rankFiltersAndPages() throws {
        let workspace = try Self.loadDemo()
        let engine = ScoringEngine(workspace: workspace, now: Self.demoNow)
        let page = engine.rank(RankRequest(offset: 1, limit: 3))
        let all = engine.rank()
        #expect(page.kols.map(\.id) == Array(all.kols[1..<4]).map(\.id))
        let heilongjiang = engine.rank(RankRequest(region: "黑龙江"))
        #expect(heilongjiang.kols.map(\.id) == ["6652013398"])
        let partners = engine.rank(RankRequest(stages: [.partner]))
        #expect(partners.kols.map(\.id) == ["2713968254"])
        let high = engine.rank(RankRequest(minScore: 90))
        #expect(high.kols.allSatisfy { ($0.score ?? 0) >= 90 })
        #expect(!high.kols.contains { $0.id == "1893256071" })
    }

    @Test func resultShapes() throws {
        let workspace = try Self.loadDemo()
        let engine = ScoringEngine(workspace: workspace, now: Self.demoNow)
        let kol = try #require(workspace.kol(id: "1893256071"))
        let score = engine.score(kol).json
        #expect(score["components"]?["engagement"]?["weight"] == .double(0.15))
        #expect(score["confidence"] != nil && score["missing"] != nil)
        let flags = engine.redFlags(kol).json
        guard case .array(let list)? = flags["flags"] else { Issue.record("no flags array"); return }
        #expect(list.first?["severity"] == "error")
        #expect(list.first?["range"] != nil)  // loaded from a document: flags point into it
        let rank = engine.rank().json
        #expect(rank["shortlist"]?["kols"] != nil)
        #expect(rank["pilot"] != nil)
    }
}
