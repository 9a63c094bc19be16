import JSON
import KOLCore

/// Plain-text scoring reports for a terminal: the ranked table, shortlist, pilot, flags and tone fit. Shared
/// by `kol-engine demo` and `kol-engine check`.
package enum AnalysisReport {
    /// `#  Name  Score  Conf  Price  Flags`, best first.
    package static func rankedTable(_ result: RankResult, workspace: Workspace) -> [String] {
        let header = ["#", "Name", "Score", "Conf.", "Price", "Red flags"]
        let rows = result.kols.enumerated().map { number, row -> [String] in
            [String(number + 1), row.name ?? row.id, row.score.map { String(format1($0)) } ?? "—",
             "\(Int((row.confidence * 100).rounded())) %", row.price.map(DemoReport.grouped) ?? "?",
             row.flags.isEmpty ? "-" : row.flags.map(\.rawValue).joined(separator: ", ")]
        }
        return DemoReport.table(header: header, rows: rows, rightAligned: [0, 2, 3, 4])
    }

    /// Shortlist and pilot lines (nothing without a budget).
    package static func plan(_ result: RankResult, workspace: Workspace, currency: String) -> [String] {
        var lines: [String] = []
        func names(_ ids: [String]) -> String { ids.map { workspace.kol(id: $0)?.name ?? $0 }.joined(separator: ", ") }
        if let shortlist = result.shortlist, let budget = result.budget {
            lines.append("Shortlist within the budget of \(DemoReport.grouped(budget)) \(currency) (exact, \(shortlist.method.rawValue)):")
            lines.append("  \(names(shortlist.ids))")
            lines.append("  total \(DemoReport.grouped(shortlist.totalPrice.rounded())) \(currency), summed score \(format1(shortlist.totalScore))")
        } else {
            lines.append("Shortlist: no budget in the brief (pass one to kol/rank).")
        }
        if let pilot = result.pilot, !pilot.ids.isEmpty {
            lines.append("")
            lines.append("Start small: a pilot of \(pilot.ids.count) for \(DemoReport.grouped(pilot.totalPrice.rounded())) \(currency):")
            for reason in pilot.reasons { lines.append("  - \(reason)") }
        }
        return lines
    }

    /// Each KOL with flags: the flags with their messages, most severe first.
    package static func flags(_ engine: ScoringEngine, order: [String]) -> [String] {
        var lines: [String] = []
        for id in order {
            guard let kol = engine.workspace.kol(id: id) else { continue }
            let flags = engine.redFlags(kol).flags
            guard !flags.isEmpty else { continue }
            lines.append("\(kol.name ?? kol.id) (\(kol.id))")
            for flag in flags {
                lines.append("  \(flag.severity.rawValue) [\(flag.code.rawValue)] \(flag.message)")
            }
        }
        if lines.isEmpty { lines.append("  none") }
        return lines
    }

    /// One line per KOL: the tone component's explanation (or why there is none).
    package static func toneFit(_ engine: ScoringEngine, order: [String]) -> [String] {
        order.compactMap { id in
            guard let kol = engine.workspace.kol(id: id) else { return nil }
            let score = engine.score(kol)
            let text = score.components.first { $0.name == .tone }.map { "\(Int($0.value.rounded()))  \($0.explanation)" }
                ?? score.notApplicable[.tone] ?? "no posts with text"
            return "  \(kol.name ?? kol.id): \(text)"
        }
    }

    static func format1(_ value: Double) -> String {
        String(Scoring.round(value, 1))
    }
}
