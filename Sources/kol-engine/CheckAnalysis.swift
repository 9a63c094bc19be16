import Foundation
import JSON
import KOLCore
import Server

/// The scoring half of `kol-engine check`: loads a workspace file, ranks it against its brief and reports
/// each red flag as a compiler-style finding at the flagged value.
struct CheckAnalysis {
    var workspace: Workspace
    var engine: ScoringEngine
    var ranked: RankResult
    var findings: [Finding]

    /// nil for files that are not workspaces (or a posts.csv, checked with its kols.csv).
    static func run(path: String, bytes: [UInt8], now: KOLDate) -> CheckAnalysis? {
        let name = (path as NSString).lastPathComponent.lowercased()
        let workspace: Workspace
        var index: LineIndex?
        if name.hasSuffix(".kol.json") {
            workspace = WorkspaceDocument.load(bytes: bytes, origin: path, now: now, detail: .full).workspace
            index = LineIndex(bytes: bytes)
        } else if name.hasSuffix(".kols.jsonl") {
            workspace = Workspace(kols: JSONLReader.read(bytes, origin: path, now: now).kols)
        } else if name.hasSuffix(".csv"), name != "posts.csv" {
            let postsPath = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("posts.csv")
            let posts = FileManager.default.contents(atPath: postsPath).map { [UInt8]($0) }
            workspace = Workspace(kols: CSVImporter.load(kols: bytes, posts: posts, origin: path, now: now).kols)
        } else {
            return nil
        }
        let engine = ScoringEngine(workspace: workspace, now: now)
        let ranked = engine.rank()
        var findings: [Finding] = []
        for row in ranked.kols {
            guard let kol = workspace.kol(id: row.id) else { continue }
            for flag in engine.redFlags(kol).flags {
                var line = kol.source?.line
                var column: Int? = line == nil ? nil : 1
                if let index, let range = flag.range ?? kol.source?.range {
                    let position = index.position(ofOffset: range.start, encoding: .utf32)
                    line = position.line + 1
                    column = position.character + 1
                }
                let severity: Finding.Severity = flag.severity == .error ? .error : flag.severity == .warning ? .warning : .note
                findings.append(Finding(file: path, line: line, column: column, severity: severity,
                                        message: "\(kol.name ?? kol.id) (\(kol.id)): \(flag.message)", code: flag.code.rawValue))
            }
        }
        return CheckAnalysis(workspace: workspace, engine: engine, ranked: ranked, findings: findings)
    }

    /// The ranked table (and shortlist/pilot when the brief has a budget) as printed after the findings.
    var report: String {
        var lines = ["", "Ranking (\(workspace.count) KOLs):"]
        lines += AnalysisReport.rankedTable(ranked, workspace: workspace)
        if ranked.shortlist != nil {
            lines.append("")
            lines += AnalysisReport.plan(ranked, workspace: workspace,
                                         currency: workspace.brief?.effectiveCurrency ?? Brief.defaultCurrency)
        }
        return lines.joined(separator: "\n")
    }
}
