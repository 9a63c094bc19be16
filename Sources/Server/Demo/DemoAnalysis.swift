import KOLCore

/// The analysis half of `kol-engine demo`: ranking, shortlist, pilot, red flags with evidence, tone fit, then
/// the fan audit, returns and next round's allocation (`DemoCampaignLoop`).
enum DemoAnalysis {
    static func render(_ workspace: Workspace, now: KOLDate) -> String {
        let engine = ScoringEngine(workspace: workspace, now: now)
        let ranked = engine.rank()
        let order = ranked.kols.map(\.id)
        let currency = workspace.brief?.effectiveCurrency ?? Brief.defaultCurrency
        var lines: [String] = ["", "Ranking for the brief (today = \(now.dateString)): score 0–100, red flags cost 25 (error) / 5 (warning)", ""]
        lines += AnalysisReport.rankedTable(ranked, workspace: workspace)
        lines.append("")
        lines += AnalysisReport.plan(ranked, workspace: workspace, currency: currency)
        lines += ["", "Red flags, with the numbers that raised them:"]
        lines += AnalysisReport.flags(engine, order: order).map { $0.hasPrefix("  ") ? "  " + $0 : "  " + $0 }
        lines += ["", "Tone fit against the brief (tone component, 100 = fits):"]
        lines += AnalysisReport.toneFit(engine, order: order)
        lines += DemoCampaignLoop.render(workspace, engine: engine, order: order, now: now)
        if let best = ranked.kols.first {
            lines += ["", "Best match: \(best.name ?? best.id) (score \(AnalysisReport.format1(best.score ?? 0))). Hover a KOL in an editor, or run kol/score, for the full breakdown."]
        }
        return lines.flatMap { wrap($0) }.joined(separator: "\n") + "\n"
    }

    /// The report is read in a terminal of 100 columns: longer lines break at the last space that fits (or,
    /// in Chinese text without spaces, at the column), continuing 4 columns further in than the line began.
    static let width = 100

    static func wrap(_ line: String, width: Int = DemoAnalysis.width) -> [String] {
        guard DemoReport.displayWidth(line) > width else { return [line] }
        let indent = String(repeating: " ", count: min(24, line.prefix { $0 == " " }.count + 4))
        var result: [String] = []
        var rest = Substring(line)
        var prefix = ""
        while DemoReport.displayWidth(prefix + rest) > width {
            let room = width - DemoReport.displayWidth(prefix)
            var used = 0
            var cut = rest.startIndex
            var lastSpace: Substring.Index?
            for index in rest.indices {
                let w = DemoReport.displayWidth(String(rest[index]))
                if used + w > room { break }
                used += w
                if rest[index] == " ", index > rest.startIndex, rest[rest.index(after: index)...].first != "%" { lastSpace = index }
                cut = rest.index(after: index)
            }
            guard cut > rest.startIndex else { break }
            let end = lastSpace ?? cut
            result.append(prefix + rest[rest.startIndex..<end])
            rest = rest[end...].drop { $0 == " " }
            prefix = indent
        }
        if !rest.isEmpty { result.append(prefix + rest) }
        return result
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
