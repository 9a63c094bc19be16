import JSON
import KOLCore

/// Data-quality diagnostics as JSON, for workspace method results and for LSP.
enum DiagnosticEncoding {
    /// How many diagnostics one result carries at most; `diagnosticCount` always gives the full number.
    /// Why: a 1 GB import with a bad column would otherwise answer with a gigabyte of diagnostics.
    static let maximumInResult = 1000

    /// `{code, severity, message, path?, kolId?, line?, column?, range?}` for a method result.
    ///
    /// `line`/`column` are 1-based (as a person reads them; column in Unicode characters); `range` is an
    /// LSP range (0-based, in the session's position encoding) and present only when the whole source
    /// text was at hand (`.kol.json` files and inline text, not streamed JSONL, not CSV).
    static func result(_ diagnostic: DataQualityDiagnostic, index: LineIndex?, encoding: PositionEncoding) -> JSONValue {
        var o = JSONObject()
        o["code"] = .string(diagnostic.code.rawValue)
        o["severity"] = .string(diagnostic.severity.rawValue)
        o["message"] = .string(diagnostic.message)
        if let path = diagnostic.path, !path.isEmpty { o["path"] = .string(path) }
        if let kolId = diagnostic.kolId { o["kolId"] = .string(kolId) }
        if let index, let range = diagnostic.range {
            let start = index.position(ofOffset: range.start, encoding: .utf32)
            o["line"] = .int(Int64(start.line + 1))
            o["column"] = .int(Int64(start.character + 1))
            o["range"] = lspRange(range, index: index, encoding: encoding)
        } else {
            if let line = diagnostic.line { o["line"] = .int(Int64(line)) }
            if let column = diagnostic.column { o["column"] = .int(Int64(column)) }
        }
        return .object(o)
    }

    /// A list for a result, capped at `maximumInResult`.
    static func resultList(_ diagnostics: [DataQualityDiagnostic], index: LineIndex?,
                           encoding: PositionEncoding) -> JSONValue {
        .array(diagnostics.prefix(maximumInResult).map { result($0, index: index, encoding: encoding) })
    }

    /// An LSP `Diagnostic`: `code` is the stable code, `source` "kol-engine", severity 1 error … 3 information.
    static func lsp(_ diagnostic: DataQualityDiagnostic, index: LineIndex, encoding: PositionEncoding) -> JSONValue {
        var o = JSONObject()
        o["range"] = lspRange(diagnostic.range ?? SourceRange(start: 0, end: 0), index: index, encoding: encoding)
        o["severity"] = .int(lspSeverity(diagnostic.severity))
        o["code"] = .string(diagnostic.code.rawValue)
        o["source"] = "kol-engine"
        o["message"] = .string(diagnostic.message)
        var data = JSONObject()
        if let path = diagnostic.path, !path.isEmpty { data["path"] = .string(path) }
        if let kolId = diagnostic.kolId { data["kolId"] = .string(kolId) }
        if data.count > 0 { o["data"] = .object(data) }
        return .object(o)
    }

    static func lspSeverity(_ severity: DiagnosticSeverity) -> Int64 {
        switch severity {
        case .error: return 1
        case .warning: return 2
        case .information: return 3
        }
    }

    static func lspRange(_ range: SourceRange, index: LineIndex, encoding: PositionEncoding) -> JSONValue {
        let start = index.position(ofOffset: range.start, encoding: encoding)
        let end = index.position(ofOffset: max(range.start, range.end), encoding: encoding)
        return ["start": position(start), "end": position(end)]
    }

    static func position(_ p: (line: Int, character: Int)) -> JSONValue {
        ["line": .int(Int64(p.line)), "character": .int(Int64(p.character))]
    }
}
