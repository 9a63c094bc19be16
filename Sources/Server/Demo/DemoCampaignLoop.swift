import Foundation
import KOLCore

/// The closing-the-loop half of `kol-engine demo` (issue 6): the fan audit of KOLs with samples, the
/// returns of KOLs with campaigns, and the next round's allocation, seeded so the report never changes.
enum DemoCampaignLoop {
    /// Seed of the demo's allocation: any fixed number makes the report reproducible; this one is the year.
    static let allocationSeed: UInt64 = 2026

    static func render(_ workspace: Workspace, engine: ScoringEngine, order: [String], now: KOLDate) -> [String] {
        fanAudit(workspace, order: order, now: now) + returns(workspace, order: order)
            + allocation(workspace, engine: engine, order: order)
    }

    /// One line per KOL with a fan sample: the fake share with its 95 % interval and the verdict.
    static func fanAudit(_ workspace: Workspace, order: [String], now: KOLDate) -> [String] {
        var lines = ["", "Fan audit of the KOLs with a fan sample (fake share, 95 % Wilson interval; flag above 25 %):"]
        let instant = Date(timeIntervalSince1970: now.timeInterval)
        for id in order {
            guard let kol = workspace.kol(id: id), let sample = kol.fanSample, !sample.isEmpty else { continue }
            let result = FanAudit.audit(sample.map(FanSampleInput.entry), now: instant)
            let share = result.fakeShare.map { percent($0) } ?? "?"
            let interval = result.interval.map { "\(percent($0.low))–\(percent($0.high))" } ?? "?"
            let verdict: String
            switch result.outcome {
            case .tooFewFans: verdict = "too few fans to judge"
            case .clear: verdict = "clear"
            case .likelyFake: verdict = "likely fake [fake-fans]"
            case .clearlyFake: verdict = "clearly fake [fake-fans]"
            }
            lines.append("  \(kol.name ?? kol.id): \(result.fakeCount) of \(result.assessed) look fake = \(share) (\(interval)), \(verdict)")
        }
        return lines
    }

    /// One line per KOL with campaigns (ROI with interval and the verdict in words), then the overall line.
    static func returns(_ workspace: Workspace, order: [String]) -> [String] {
        let tried = order.compactMap { workspace.kol(id: $0) }.filter { !($0.campaigns ?? []).isEmpty }
        guard !tried.isEmpty else { return ["", "Returns: no campaign recorded yet."] }
        let report = ReturnsAnalysis.analyse(tried)
        var lines = ["", "Returns of the KOLs with campaigns (ROI = (revenue − cost) / cost, 95 % interval):"]
        for row in report.kols {
            let name = row.id.flatMap { workspace.kol(id: $0)?.name } ?? row.id ?? "?"
            var best = ""
            if let p = row.probabilityBest { best = " P(best value) \(percent(p))." }
            lines.append("  \(name) [\(row.verdict.rawValue)]: \(row.says)\(best)")
        }
        lines.append("  Overall [\(report.overall.verdict.rawValue)]: \(report.overall.says)")
        return lines
    }

    /// The brief's budget split for the next round by Thompson sampling (tried KOLs by their returns,
    /// untried ones by their score), seeded.
    static func allocation(_ workspace: Workspace, engine: ScoringEngine, order: [String]) -> [String] {
        guard let budget = workspace.brief?.budget else { return ["", "Next round: no budget in the brief."] }
        let kols = order.compactMap { workspace.kol(id: $0) }
        var scores: [String: Double?] = [:]
        var errorFlags: [String: [RedFlagCode]] = [:]
        for kol in kols {
            scores[kol.id] = engine.score(kol).score
            errorFlags[kol.id] = engine.redFlags(kol).flags.filter { $0.severity == .error }.map(\.code)
        }
        var options = AllocationOptions()
        options.seed = allocationSeed
        let plan = BudgetAllocator.allocate(budget: budget, kols: kols, evidence: workspace.kols, scores: scores,
                                            errorFlags: errorFlags, options: options)
        let currency = workspace.brief?.effectiveCurrency ?? Brief.defaultCurrency
        var lines = ["", "Next round: \(DemoReport.grouped(budget)) \(currency) by Thompson sampling (seed \(allocationSeed)):"]
        for a in plan.allocations {
            let name = workspace.kol(id: a.id)?.name ?? a.id
            lines.append("  \(name): \(a.posts) post\(a.posts == 1 ? "" : "s"), \(DemoReport.grouped(a.amount.rounded())) \(currency). \(a.why)")
        }
        lines.append("  Unspent: \(DemoReport.grouped(plan.unspent.rounded())) \(currency)")
        let flagged = plan.excluded.filter { $0.reason == .errorFlags }
        if !flagged.isEmpty {
            lines.append("  Not explored (untried, with an error-severity red flag):")
            for e in flagged {
                let codes = errorFlags[e.id]?.map(\.rawValue).joined(separator: ", ") ?? ""
                lines.append("    \(workspace.kol(id: e.id)?.name ?? e.id) (\(codes))")
            }
        }
        return lines
    }

    static func percent(_ share: Double) -> String { String(format: "%.0f %%", share * 100) }
}
