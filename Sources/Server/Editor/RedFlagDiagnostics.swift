import JSON
import KOLCore

/// Red flags of an open document's KOLs as LSP diagnostics, published with its data-quality diagnostics
/// (protocol.md §6.2, §7.3). Peers are the whole workspace, so a KOL's flags are judged as in `kol/redFlags`.
///
/// Rendering is incremental: after an edit inside one KOL, a KOL whose bytes the edit did not touch, whose
/// flags are the same (up to the move) and whose first character is still at the same column keeps its
/// rendered diagnostics; only its line number is written anew. The result always equals rendering every
/// KOL from scratch (asserted in `RenderedDiagnosticsTests`).
enum RedFlagDiagnostics {
    static func rendered(_ analysis: EditorDocument.Analysis, previous: RenderedDiagnostics?, workspace: Workspace,
                         encoding: PositionEncoding, cache: AnalysisCache,
                         now: KOLDate = ServerClock.now()) -> RenderedDiagnostics {
        var result = RenderedDiagnostics.empty(encoding: encoding, textRevision: analysis.revision)
        guard let document = analysis.workspace, !document.kols.isEmpty else { return result }
        let engine = cache.engine(workspace, now: now)
        // A KOL another document holds (duplicate id) is not the one in the workspace: judge this one,
        // with the workspace's peers. Unchanged KOLs in an unchanged context reuse their flags.
        let judged = cache.redFlags(document.kols, engine: engine)
        var reusable: [RenderedDiagnostics.Row] = []
        if let previous, let edit = analysis.edit, previous.encoding == encoding,
           previous.textRevision == edit.baseRevision {
            reusable = previous.rows
        }
        var cursor = LineIndexCursor(analysis.index, encoding: encoding)
        let textCount = analysis.byteCount
        result.rows.reserveCapacity(document.kols.count)
        var byID: [String: Int]?
        for (position, (kol, flags)) in zip(document.kols, judged).enumerated() {
            var old: RenderedDiagnostics.Row?
            if position < reusable.count, reusable[position].id == kol.id {
                old = reusable[position]
            } else if !reusable.isEmpty {
                // KOLs came or went: find rows by id from here on.
                if byID == nil {
                    byID = Dictionary(reusable.enumerated().map { ($1.id, $0) }, uniquingKeysWith: { first, _ in first })
                }
                old = byID?[kol.id].map { reusable[$0] }
            }
            if let old, let edit = analysis.edit,
               let row = moved(old, to: kol, flags: flags.flags, edit: edit, index: analysis.index, cursor: &cursor) {
                result.rows.append(row)
            } else {
                result.rows.append(render(kol, flags: flags.flags, textCount: textCount, cursor: &cursor))
            }
        }
        return result
    }

    /// `old` at the KOL's new place, or nil when it must be rendered again: the edit touched the KOL's
    /// bytes, its flags changed, or its first character moved along its line.
    static func moved(_ old: RenderedDiagnostics.Row, to kol: KOL, flags: [RedFlag], edit: EditorDocument.EditedSpan, index: LineIndex,
                      cursor: inout LineIndexCursor) -> RenderedDiagnostics.Row? {
        guard old.movable, let oldRange = old.range, let newRange = kol.source?.range, old.name == kol.name else {
            return nil
        }
        let before = oldRange.end <= edit.lower
        guard before || oldRange.start >= edit.oldUpper else { return nil }
        let delta = before ? 0 : edit.newUpper - edit.oldUpper
        guard newRange.start == oldRange.start + delta, newRange.end == oldRange.end + delta,
              sameFlags(old.flags, oldRange.start, flags, newRange.start) else { return nil }
        var row = old
        row.flags = flags
        row.range = newRange
        row.anchorLine = index.line(ofOffset: newRange.start)
        // Before the edit nothing up to the anchor changed; after it, the anchor's column can only have
        // moved when its line starts at or before the end of the edited span.
        if !before && index.start(ofLine: row.anchorLine) <= edit.newUpper {
            guard cursor.position(ofOffset: newRange.start).character == old.anchorCharacter else { return nil }
        }
        return row
    }

    /// The same flags as far as the diagnostics show them, ranges compared relative to the KOL's start.
    static func sameFlags(_ a: [RedFlag], _ aStart: Int, _ b: [RedFlag], _ bStart: Int) -> Bool {
        guard a.count == b.count else { return false }
        for (x, y) in zip(a, b) {
            guard x.code == y.code, x.severity == y.severity, x.fieldPath == y.fieldPath,
                  (x.range?.start).map({ $0 - aStart }) == (y.range?.start).map({ $0 - bStart }),
                  (x.range?.end).map({ $0 - aStart }) == (y.range?.end).map({ $0 - bStart }),
                  x.message == y.message, x.evidence == y.evidence else { return false }
        }
        return true
    }

    /// Renders one KOL's flags. The cursor is asked in increasing offsets (KOLs come in document order),
    /// so a document with every KOL on one line is still walked once, not once per range.
    static func render(_ kol: KOL, flags: [RedFlag], textCount: Int,
                       cursor: inout LineIndexCursor) -> RenderedDiagnostics.Row {
        let kolRange = kol.source?.range
        var row = RenderedDiagnostics.Row(id: kol.id, name: kol.name, flags: flags, range: kolRange, anchorLine: 0,
                                          anchorCharacter: 0, movable: kolRange != nil, fragment: .empty)
        guard !flags.isEmpty else { return row }
        let anchor = kolRange?.start ?? 0
        var offsets = [anchor]
        for flag in flags {
            let range = flag.range ?? kolRange ?? SourceRange(start: 0, end: 0)
            offsets.append(range.start)
            offsets.append(max(range.start, range.end))
        }
        var positions = [(line: Int, character: Int)](repeating: (0, 0), count: offsets.count)
        for slot in offsets.indices.sorted(by: { offsets[$0] < offsets[$1] }) {
            positions[slot] = cursor.position(ofOffset: offsets[slot])
        }
        if let kolRange {
            row.movable = kolRange.end <= textCount && offsets.allSatisfy { $0 >= kolRange.start && $0 <= kolRange.end }
        }
        row.anchorLine = positions[0].line
        row.anchorCharacter = positions[0].character
        var fragment = DiagnosticFragment()
        for (k, flag) in flags.enumerated() {
            let start = positions[1 + 2 * k]
            let end = positions[2 + 2 * k]
            fragment.append(start: (start.line - row.anchorLine, start.character),
                            end: (end.line - row.anchorLine, end.character), rest: rest(flag, kol: kol))
        }
        row.fragment = fragment
        return row
    }

    /// Everything of `lsp(_:kol:index:encoding:)` but the range, in the same member order.
    static func rest(_ flag: RedFlag, kol: KOL) -> JSONValue {
        ["severity": .int(Int64(flag.severity.lspSeverity)), "code": .string(flag.code.rawValue),
         "source": "kol-engine", "message": .string("\(kol.name ?? kol.id): \(flag.message)"),
         "data": ["path": .string(flag.fieldPath), "kolId": .string(kol.id), "evidence": .object(flag.evidence)]]
    }

    /// `{range, severity, code, source, message, data: {kolId, path, evidence}}`: one diagnostic rendered
    /// on its own (what `rendered` must equal).
    static func lsp(_ flag: RedFlag, kol: KOL, index: LineIndex, encoding: PositionEncoding) -> JSONValue {
        let range = flag.range ?? kol.source?.range ?? SourceRange(start: 0, end: 0)
        return ["range": DiagnosticEncoding.lspRange(range, index: index, encoding: encoding),
                "severity": .int(Int64(flag.severity.lspSeverity)), "code": .string(flag.code.rawValue),
                "source": "kol-engine", "message": .string("\(kol.name ?? kol.id): \(flag.message)"),
                "data": ["path": .string(flag.fieldPath), "kolId": .string(kol.id), "evidence": .object(flag.evidence)]]
    }
}
