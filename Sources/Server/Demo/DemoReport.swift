import JSON
import KOLCore

/// `kol-engine demo`: the main job on the embedded demo workspace (load, validate; scoring and red flags
/// join when their issues land), as a plain-text report a marketer can read in a terminal.
package enum DemoReport {
    /// Loads the embedded demo and renders the report.
    /// "Today" for the demo is the day its data was written for (examples/DEMO.md), so the report reads the
    /// same whenever it is run.
    package static let demoToday = KOLDate(year: 2026, month: 11, day: 26) ?? KOLDate(secondsSinceEpoch: 1_795_651_200)

    package static func run(now: KOLDate? = nil) -> String {
        let bytes = Array(DemoWorkspaceText.kolJSON.utf8)
        let today = now ?? demoToday
        let result = WorkspaceDocument.load(bytes: bytes, origin: "demo.kol.json", now: today, detail: .topLevel)
        return render(result.workspace, diagnostics: result.diagnostics, index: LineIndex(bytes: bytes))
            + DemoAnalysis.render(result.workspace, now: today)
    }

    package static func render(_ workspace: Workspace, diagnostics: [DataQualityDiagnostic], index: LineIndex?) -> String {
        var lines: [String] = []
        lines.append("kol-engine demo: \(workspace.count) KOLs")
        if let brief = workspace.brief {
            if let product = brief.product { lines.append("Product: \(product)") }
            var facts: [String] = []
            if let budget = brief.budget { facts.append("budget \(grouped(budget)) \(brief.effectiveCurrency)") }
            facts.append("regions " + (brief.isNationwide ? "nationwide" : (brief.targetRegions ?? []).joined(separator: ", ")))
            if case .preset(let tone)? = brief.tone { facts.append("tone \(tone.rawValue)") }
            if case .samples(let samples)? = brief.tone { facts.append("tone from \(samples.count) sample posts") }
            lines.append("Brief: " + facts.joined(separator: " · "))
        }
        lines.append("")
        let header = ["#", "Name", "Stars", "Followers", "Price", "Stage"]
        var rows: [[String]] = []
        for (number, kol) in workspace.kols.enumerated() {
            rows.append([
                String(number + 1), kol.name ?? kol.id,
                kol.stars.map(stars) ?? "?", kol.followers.map { grouped(Double($0)) } ?? "?",
                kol.price.map(grouped) ?? "?", kol.relationship?.stage?.rawValue ?? "-",
            ])
        }
        lines += table(header: header, rows: rows, rightAligned: [0, 2, 3, 4])
        lines.append("")
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.filter { $0.severity == .warning }.count
        lines.append("Data quality: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")")
        for diagnostic in diagnostics {
            var location = ""
            if let index, let range = diagnostic.range {
                let position = index.position(ofOffset: range.start, encoding: .utf32)
                location = "line \(position.line + 1): "
            }
            let who = diagnostic.kolId.flatMap { workspace.kol(id: $0)?.name ?? $0 }.map { "\($0): " } ?? ""
            lines.append("  \(diagnostic.severity.rawValue) [\(diagnostic.code.rawValue)] \(location)\(who)\(diagnostic.message)")
        }
        if diagnostics.isEmpty { lines.append("  every value is valid") }
        return lines.joined(separator: "\n") + "\n"
    }

    /// Columns padded by display width (a Chinese character takes two terminal columns).
    static func table(header: [String], rows: [[String]], rightAligned: Set<Int>) -> [String] {
        let all = [header] + rows
        let widths = header.indices.map { column in all.map { displayWidth($0[column]) }.max() ?? 0 }
        return all.map { row in
            row.indices.map { column in
                let padding = String(repeating: " ", count: widths[column] - displayWidth(row[column]))
                return rightAligned.contains(column) ? padding + row[column] : row[column] + padding
            }.joined(separator: "  ").trailingSpacesRemoved
        }
    }

    /// Terminal columns: 2 for East Asian wide and full-width characters and emoji, else 1.
    static func displayWidth(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { total, scalar in
            switch scalar.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                 0xFFE0...0xFFE6, 0x1F300...0x1F64F, 0x1F900...0x1F9FF, 0x20000...0x3FFFD:
                return total + 2
            case 0x0300...0x036F, 0x200B...0x200F, 0xFE00...0xFE0F:
                return total
            default:
                return total + 1
            }
        }
    }

    /// 280000 → "280,000"; 3.5 → "3.5".
    static func grouped(_ value: Double) -> String {
        guard value.rounded(.down) == value, abs(value) < 1e15 else { return String(value) }
        let digits = String(Int64(abs(value)))
        var out = ""
        for (i, c) in digits.enumerated() {
            if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return (value < 0 ? "-" : "") + out
    }

    static func stars(_ value: Double) -> String {
        value.rounded(.down) == value ? String(Int(value)) : String(value)
    }
}

extension String {
    fileprivate var trailingSpacesRemoved: String {
        var copy = self
        while copy.last == " " { copy.removeLast() }
        return copy
    }
}
