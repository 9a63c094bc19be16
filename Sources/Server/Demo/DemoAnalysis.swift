import KOLCore

/// The analysis half of `kol-engine demo`: ranking, shortlist, pilot, red flags with evidence, tone fit.
enum DemoAnalysis {
    static func render(_ workspace: Workspace, now: KOLDate) -> String {
        let engine = ScoringEngine(workspace: workspace, now: now)
        let ranked = engine.rank()
        let order = ranked.kols.map(\.id)
        let currency = workspace.brief?.effectiveCurrency ?? Brief.defaultCurrency
        var lines: [String] = ["", "Ranking for the brief (today = \(now.dateString)): score 0–100, red flags cost 15 (error) / 5 (warning)", ""]
        lines += AnalysisReport.rankedTable(ranked, workspace: workspace)
        lines.append("")
        lines += AnalysisReport.plan(ranked, workspace: workspace, currency: currency)
        lines += ["", "Red flags, with the numbers that raised them:"]
        lines += AnalysisReport.flags(engine, order: order).map { $0.hasPrefix("  ") ? "  " + $0 : "  " + $0 }
        lines += ["", "Tone fit against the brief (tone component, 100 = fits):"]
        lines += AnalysisReport.toneFit(engine, order: order)
        if let best = ranked.kols.first {
            lines += ["", "Best match: \(best.name ?? best.id) (score \(AnalysisReport.format1(best.score ?? 0))). Hover a KOL in an editor, or run kol/score, for the full breakdown."]
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

extension KOLDate {
    /// "2026-11-26" (UTC).
    var dateString: String {
        let days = secondsSinceEpoch >= 0 ? secondsSinceEpoch / 86_400 : (secondsSinceEpoch - 86_399) / 86_400
        let z = days + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return "\(year)-\(month < 10 ? "0" : "")\(month)-\(day < 10 ? "0" : "")\(day)"
    }
}
