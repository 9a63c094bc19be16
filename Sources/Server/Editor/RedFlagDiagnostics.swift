import JSON
import KOLCore

/// Red flags of an open document's KOLs as LSP diagnostics, published with its data-quality diagnostics
/// (protocol.md §6.2, §7.3). Peers are the whole workspace, so a KOL's flags are judged as in `kol/redFlags`.
enum RedFlagDiagnostics {
    static func diagnostics(_ analysis: EditorDocument.Analysis, workspace: Workspace,
                            encoding: PositionEncoding, cache: AnalysisCache,
                            now: KOLDate = ServerClock.now()) -> [JSONValue] {
        guard let document = analysis.workspace, !document.kols.isEmpty else { return [] }
        let engine = cache.engine(workspace, now: now)
        var out: [JSONValue] = []
        // A KOL another document holds (duplicate id) is not the one in the workspace: judge this one,
        // with the workspace's peers. Unchanged KOLs in an unchanged context reuse their flags.
        for (kol, judged) in zip(document.kols, cache.redFlags(document.kols, engine: engine)) {
            for flag in judged.flags {
                out.append(lsp(flag, kol: kol, index: analysis.index, encoding: encoding))
            }
        }
        return out
    }

    /// `{range, severity, code, source, message, data: {kolId, path, evidence}}`.
    static func lsp(_ flag: RedFlag, kol: KOL, index: LineIndex, encoding: PositionEncoding) -> JSONValue {
        let range = flag.range ?? kol.source?.range ?? SourceRange(start: 0, end: 0)
        return ["range": DiagnosticEncoding.lspRange(range, index: index, encoding: encoding),
                "severity": .int(Int64(flag.severity.lspSeverity)), "code": .string(flag.code.rawValue),
                "source": "kol-engine", "message": .string("\(kol.name ?? kol.id): \(flag.message)"),
                "data": ["path": .string(flag.fieldPath), "kolId": .string(kol.id), "evidence": .object(flag.evidence)]]
    }
}
