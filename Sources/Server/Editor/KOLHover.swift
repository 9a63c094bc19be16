import JSON
import KOLCore

/// `textDocument/hover` on a KOL: its score breakdown as Markdown (components with value, weight and
/// explanation; confidence; missing data; red flags).
enum KOLHover {
    static func markdown(score: KOLScore, flags: KOLRedFlags, name: String?) -> String {
        var lines: [String] = []
        let title = name.map { "\($0) (\(score.id))" } ?? score.id
        let value = score.score.map { Scoring.round($0, 1) }.map { "\($0.formattedScore)" } ?? "—"
        lines.append("**\(escape(title))** · score **\(value)** / 100 · confidence \(Int((score.confidence * 100).rounded())) %")
        lines.append("")
        lines.append("| component | value | weight | why |")
        lines.append("|---|--:|--:|---|")
        for component in score.components {
            lines.append("| \(component.name.rawValue) | \(Int(component.value.rounded())) | \(Scoring.round(component.weight, 2).formattedScore) | \(escape(component.explanation)) |")
        }
        if score.redFlagPenalty > 0 {
            lines.append("")
            lines.append("Red-flag penalty: −\(score.redFlagPenalty.formattedScore)")
        }
        if !score.missing.isEmpty {
            lines.append("")
            lines.append("Missing data: " + score.missing.map { "`\($0)`" }.joined(separator: ", "))
        }
        if !score.notApplicable.isEmpty {
            lines.append("")
            lines.append("Not applicable: " + score.notApplicable.sorted { $0.key < $1.key }
                .map { "\($0.key.rawValue) (\(escape($0.value)))" }.joined(separator: "; "))
        }
        lines.append("")
        if flags.flags.isEmpty {
            lines.append("**Red flags:** none")
        } else {
            lines.append("**Red flags:**")
            for flag in flags.flags {
                lines.append("- \(icon(flag.severity)) `\(flag.code.rawValue)` (\(flag.severity.rawValue)): \(escape(flag.message))")
            }
        }
        return lines.joined(separator: "\n")
    }

    static func icon(_ severity: RedFlagSeverity) -> String {
        switch severity {
        case .error: return "⛔"
        case .warning: return "⚠️"
        case .information: return "ℹ️"
        }
    }

    /// Keeps table cells intact: a `|` in an explanation would end the cell.
    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}

extension Double {
    /// 97.9 → "97.9", 100.0 → "100".
    var formattedScore: String {
        rounded() == self && abs(self) < 1e15 ? String(Int64(self)) : String(self)
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: Character(target), omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
