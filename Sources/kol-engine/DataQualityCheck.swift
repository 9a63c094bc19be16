import Foundation
import JSON
import KOLCore

/// Data-quality findings of workspace files for `kol-engine check`, by extension:
/// `*.kol.json` (whole document), `*.kols.jsonl` (line by line), `*.csv` (the KOL table, with `posts.csv`
/// beside it when there is one). Other files get nil: `check` falls back to a JSON syntax check.
enum DataQualityCheck {
    static func findings(path: String, bytes: [UInt8], now: KOLDate = now()) -> [Finding]? {
        let name = (path as NSString).lastPathComponent.lowercased()
        if name.hasSuffix(".kol.json") {
            let result = WorkspaceDocument.load(bytes: bytes, origin: path, now: now, detail: .topLevel)
            return result.diagnostics.map { finding($0, file: path, index: LineIndex(bytes: bytes)) }
        }
        if name.hasSuffix(".kols.jsonl") {
            let index = LineIndex(bytes: bytes)
            return JSONLReader.read(bytes, origin: path, now: now).diagnostics.map { finding($0, file: path, index: index) }
        }
        if name == "posts.csv" {
            return [Finding(file: path, line: nil, column: nil, severity: .note,
                            message: "posts.csv is checked together with the kols.csv beside it")]
        }
        if name.hasSuffix(".csv") {
            let postsPath = ((path as NSString).deletingLastPathComponent as NSString).appendingPathComponent("posts.csv")
            guard let posts = FileManager.default.contents(atPath: postsPath).map({ [UInt8]($0) }) else {
                return CSVImporter.load(kols: bytes, now: now).diagnostics.map { finding($0, file: path, index: nil) }
            }
            // The importer does not say which file a finding comes from: what appears only when posts.csv is
            // added, and is not about a KOL's posts field, is posts.csv's.
            var alone = CSVImporter.load(kols: bytes, now: now).diagnostics
            var out: [Finding] = []
            for diagnostic in CSVImporter.load(kols: bytes, posts: posts, now: now).diagnostics {
                if let match = alone.firstIndex(of: diagnostic) {
                    alone.remove(at: match)
                    out.append(finding(diagnostic, file: path, index: nil))
                } else if diagnostic.path?.hasPrefix("posts") == true {
                    out.append(finding(diagnostic, file: path, index: nil))
                } else {
                    out.append(finding(diagnostic, file: postsPath, index: nil))
                }
            }
            return out
        }
        return nil
    }

    /// Line and column (1-based, column in characters) from the byte range when the bytes are at hand,
    /// else the diagnostic's own line/column (CSV rows and columns).
    static func finding(_ diagnostic: DataQualityDiagnostic, file: String, index: LineIndex?) -> Finding {
        var line = diagnostic.line
        var column = diagnostic.column
        if let index, let range = diagnostic.range {
            let position = index.position(ofOffset: range.start, encoding: .utf32)
            line = position.line + 1
            column = position.character + 1
        }
        let severity: Finding.Severity
        switch diagnostic.severity {
        case .error: severity = .error
        case .warning: severity = .warning
        case .information: severity = .note
        }
        return Finding(file: file, line: line, column: column, severity: severity, message: diagnostic.message,
                       code: diagnostic.code.rawValue)
    }

    static func now() -> KOLDate {
        KOLDate(secondsSinceEpoch: Int64(Date().timeIntervalSince1970.rounded(.down)))
    }
}
