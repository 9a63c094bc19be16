import JSON
import KOLCore

/// The outline of a `*.kol.json` document: the brief, then each KOL (name; stars and followers as detail).
enum DocumentSymbols {
    /// LSP SymbolKind numbers used: the brief is a Module (2), a KOL an Object (19).
    static let briefKind: Int64 = 2
    static let kolKind: Int64 = 19

    static func outline(_ analysis: EditorDocument.Analysis, encoding: PositionEncoding) -> JSONValue {
        guard let workspace = analysis.workspace else { return [] }
        var symbols: [JSONValue] = []
        if let range = analysis.briefRange {
            symbols.append(symbol(name: "Brief", detail: workspace.brief?.product, kind: briefKind, range: range,
                                  selection: analysis.briefProductRange ?? range, analysis, encoding))
        }
        for kol in workspace.kols {
            guard let range = kol.source?.range else { continue }
            let selection = kol.source?.fieldRange("name") ?? kol.source?.fieldRange("id") ?? range
            symbols.append(symbol(name: kol.name ?? kol.id, detail: detail(kol), kind: kolKind, range: range,
                                  selection: selection, analysis, encoding))
        }
        return .array(symbols)
    }

    /// "★3.5 · 280000 followers"; unknown values say so rather than showing 0.
    static func detail(_ kol: KOL) -> String {
        let stars = kol.stars.map { "★" + format($0) } ?? "★?"
        let followers = kol.followers.map { "\($0) followers" } ?? "followers unknown"
        return "\(stars) · \(followers)"
    }

    private static func format(_ value: Double) -> String {
        value.rounded(.down) == value ? String(Int(value)) : String(value)
    }

    private static func symbol(name: String, detail: String?, kind: Int64, range: SourceRange, selection: SourceRange,
                               _ analysis: EditorDocument.Analysis, _ encoding: PositionEncoding) -> JSONValue {
        var o = JSONObject()
        o["name"] = .string(name.isEmpty ? "(unnamed)" : name)
        if let detail { o["detail"] = .string(detail) }
        o["kind"] = .int(kind)
        o["range"] = DiagnosticEncoding.lspRange(range, index: analysis.index, encoding: encoding)
        o["selectionRange"] = DiagnosticEncoding.lspRange(selection, index: analysis.index, encoding: encoding)
        return .object(o)
    }
}
