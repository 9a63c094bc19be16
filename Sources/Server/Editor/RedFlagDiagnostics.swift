import JSON
import KOLCore

/// Red flags of an open document's KOLs as LSP diagnostics, published with its data-quality diagnostics
/// (protocol.md §6.2, §7.3). Peers are the whole workspace, so a KOL's flags are judged as in `kol/redFlags`.
///
/// Rendering is incremental. After an edit inside one KOL, every other KOL's bytes are as they were, only
/// moved; if in addition the context (brief, day, thresholds) and the KOL's peer view are unchanged, its
/// flags are too (the rules read nothing else), so it is neither judged nor rendered again: its rendered
/// diagnostics are kept and only its line number is written anew, unless its first character moved
/// along its line. The edited KOL and KOLs whose peer view moved are judged (through `AnalysisCache`) and
/// rendered. The result always equals rendering every KOL from scratch (`RenderedDiagnosticsTests`).
enum RedFlagDiagnostics {
    static func rendered(_ analysis: EditorDocument.Analysis, previous: RenderedDiagnostics?, workspace: Workspace,
                         encoding: PositionEncoding, cache: AnalysisCache,
                         now: KOLDate = ServerClock.now()) -> RenderedDiagnostics {
        var result = RenderedDiagnostics.empty(encoding: encoding, textRevision: analysis.revision)
        result.lineCount = analysis.index.lineCount
        guard let document = analysis.workspace, !document.kols.isEmpty else { return result }
        // The snapshot is this document's own KOL list (one document open, nothing loaded): tell the
        // engine tables which revision it is and which KOL the edit replaced.
        var revision: EngineTables.Revision?
        let ownList = document.kols.withUnsafeBufferPointer { own in
            workspace.kols.withUnsafeBufferPointer { own.baseAddress == $0.baseAddress && own.count == $0.count }
        }
        if ownList {
            revision = EngineTables.Revision(revision: analysis.revision)
            if let edit = analysis.edit, let change = analysis.layout?.editedKOL {
                revision?.edit = (edit.baseRevision, change.old, change.new)
            }
        }
        let (engine, changedLevels) = cache.engine(workspace, now: now, revision: revision)
        let context = AnalysisCache.ContextKey(engine.context)
        result.context = context
        var reusable: [RenderedDiagnostics.Row] = []
        var lineDelta = 0
        if let previous, let edit = analysis.edit, previous.encoding == encoding,
           previous.textRevision == edit.baseRevision, previous.context == context {
            reusable = previous.rows
            lineDelta = result.lineCount - previous.lineCount
        }
        let kols = document.kols
        // Pass 1: which KOLs keep their flags (the row they keep), which are judged. Rows and KOLs are read
        // in place through buffer pointers: copying 10^4 of them per keystroke showed in profiles.
        var kept = [Int](repeating: -1, count: kols.count)
        var views = PeerViewLookup(engine.context.peers)
        var judge: [Int] = []
        reusable.withUnsafeBufferPointer { rows in kols.withUnsafeBufferPointer { kols in
            var byID: [String: Int]?
            for position in kols.indices {
                var old = -1
                if position < rows.count, rows[position].id == kols[position].id {
                    old = position
                } else if !rows.isEmpty {
                    // KOLs came or went: find rows by id from here on.
                    if byID == nil {
                        byID = Dictionary(rows.indices.map { (rows[$0].id, $0) }, uniquingKeysWith: { first, _ in first })
                    }
                    old = byID?[kols[position].id] ?? -1
                }
                guard old >= 0, let edit = analysis.edit, untouched(rows[old], kols[position], edit: edit) else {
                    judge.append(position)
                    continue
                }
                // Far from every star level whose statistics moved, the peer view is the one rendered
                // (the rows are of the edit's base revision, which the tables followed).
                if let changedLevels, !PeerStatistics.viewMayChange(stars: kols[position].stars, changedLevels: changedLevels) {
                    kept[position] = old
                } else if views.view(stars: kols[position].stars, id: kols[position].id) == rows[old].rendered.view {
                    kept[position] = old
                } else {
                    judge.append(position)
                }
            }
        } }
        // A KOL another document holds (duplicate id) is not the one in the workspace: judge this one,
        // with the workspace's peers. Unchanged KOLs in an unchanged context reuse their flags.
        let judged = cache.redFlags(judge.map { kols[$0] }, engine: engine)
        var judgedAt = [Int: KOLRedFlags](minimumCapacity: judge.count)
        for (position, flags) in zip(judge, judged) { judgedAt[position] = flags }
        // Pass 2, in document order (the cursor walks forward): keep, move or render each KOL's rows.
        var cursor = LineIndexCursor(analysis.index, encoding: encoding)
        let textCount = analysis.byteCount
        result.rows.reserveCapacity(kols.count)
        kols.withUnsafeBufferPointer { kols in
            for position in kols.indices {
                if kept[position] >= 0, let edit = analysis.edit {
                    var row = reusable[kept[position]]
                    row.range = kols[position].source?.range
                    if moved(&row, edit: edit, lineDelta: lineDelta, index: analysis.index, cursor: &cursor) {
                        result.rows.append(row)
                    } else {
                        let shift = (row.range?.start ?? 0) - row.rendered.flagsStart
                        let flags = row.rendered.flags.map { flag in
                            var flag = flag
                            flag.range = flag.range?.moved(by: shift)
                            return flag
                        }
                        result.rows.append(render(kols[position], flags: flags, view: row.rendered.view,
                                                  textCount: textCount, cursor: &cursor))
                    }
                } else {
                    result.rows.append(render(kols[position], flags: judgedAt[position]?.flags ?? [],
                                              view: views.view(stars: kols[position].stars, id: kols[position].id),
                                              textCount: textCount,
                                              cursor: &cursor))
                }
            }
        }
        return result
    }

    /// Whether the edit left the KOL's bytes alone (so the same content, with fields at the same places
    /// relative to its start): it lies wholly before or after the edited span and moved by the edit's size.
    static func untouched(_ old: borrowing RenderedDiagnostics.Row, _ kol: borrowing KOL,
                          edit: EditorDocument.EditedSpan) -> Bool {
        guard old.rendered.movable, let oldRange = old.range, let newRange = kol.source?.range,
              old.rendered.name == kol.name else {
            return false
        }
        let before = oldRange.end <= edit.lower
        guard before || oldRange.start >= edit.oldUpper else { return false }
        let delta = before ? 0 : edit.newUpper - edit.oldUpper
        return newRange.start == oldRange.start + delta && newRange.end == oldRange.end + delta
    }

    /// Updates `row` (at the KOL's new range, wholly before or after the edit: see `untouched`) to its
    /// anchor's new line; false when its first character moved along its line (then it is rendered again).
    /// The text before the edit is as it was, and so is the text after it, only shifted: a row before
    /// keeps its line and a row after moves by the edit's change in line count (`lineDelta`), with no
    /// search of the line index per KOL.
    static func moved(_ row: inout RenderedDiagnostics.Row, edit: EditorDocument.EditedSpan, lineDelta: Int,
                      index: LineIndex, cursor: inout LineIndexCursor) -> Bool {
        guard let range = row.range else { return false }
        if range.start >= edit.newUpper { row.anchorLine += lineDelta }
        // Before the edit nothing up to the anchor changed; after it, the anchor's column can only have
        // moved when its line starts at or before the end of the edited span.
        if range.start >= edit.newUpper && index.start(ofLine: row.anchorLine) <= edit.newUpper {
            return cursor.position(ofOffset: range.start).character == row.rendered.anchorCharacter
        }
        return true
    }

    /// Renders one KOL's flags. The cursor is asked in increasing offsets (KOLs come in document order),
    /// so a document with every KOL on one line is still walked once, not once per range.
    static func render(_ kol: borrowing KOL, flags: [RedFlag], view: PeerView, textCount: Int,
                       cursor: inout LineIndexCursor) -> RenderedDiagnostics.Row {
        let kolRange = kol.source?.range
        guard !flags.isEmpty else {
            let rendered = RenderedDiagnostics.Rendered(id: kol.id, name: kol.name, flags: flags, flagsStart: kolRange?.start ?? 0,
                                                        view: view, anchorCharacter: 0, movable: kolRange != nil,
                                                        fragment: .empty)
            return RenderedDiagnostics.Row(rendered: rendered, range: kolRange, anchorLine: 0)
        }
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
        var movable = false
        if let kolRange {
            movable = kolRange.end <= textCount && offsets.allSatisfy { $0 >= kolRange.start && $0 <= kolRange.end }
        }
        let anchorLine = positions[0].line
        var fragment = DiagnosticFragment()
        for (k, flag) in flags.enumerated() {
            let start = positions[1 + 2 * k]
            let end = positions[2 + 2 * k]
            fragment.append(start: (start.line - anchorLine, start.character),
                            end: (end.line - anchorLine, end.character), rest: rest(flag, kol: kol))
        }
        let rendered = RenderedDiagnostics.Rendered(id: kol.id, name: kol.name, flags: flags, flagsStart: anchor,
                                                    view: view, anchorCharacter: positions[0].character,
                                                    movable: movable, fragment: fragment)
        return RenderedDiagnostics.Row(rendered: rendered, range: kolRange, anchorLine: anchorLine)
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
