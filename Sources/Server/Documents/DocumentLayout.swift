import JSON
import KOLCore

/// The analysis of a `.kol.json` document split by KOL, so an edit inside one KOL re-analyses that KOL only.
///
/// Why: an editor user typing in a 10^4-KOL file expects diagnostics at typing speed; parsing, decoding and
/// validating 40 MB per keystroke takes a second. The layout remembers each element of `kols` (its byte
/// range, its decoded KOL and its findings). When the bytes that changed lie strictly inside one element
/// (not touching its braces), only that element is parsed and decoded again, and everything after it is
/// moved by the size difference. Anything else (an edit between KOLs, in the brief, text that no longer
/// parses) falls back to a full analysis, which is always correct.
///
/// The result is the same as a full `WorkspaceDocument.load` of the new text: same KOLs, same findings in
/// the same order (duplicate keys, document-level findings, then per KOL its findings and duplicate id).
struct DocumentLayout: Sendable {
    /// One element of the `kols` array. Small on purpose (the KOL itself lives in `workspace`): an edit
    /// copies the entry table, so its rows must be cheap to copy.
    struct Entry: Sendable {
        var range: SourceRange
        /// Where the element's KOL is in `workspace.kols`; nil when it is not there.
        var position: Int?
        /// Decoder and validator findings, in their order.
        var findings: [DataQualityDiagnostic]
        /// Keys repeated inside the element.
        var duplicateKeys: [DataQualityDiagnostic]
        /// The rare parts, boxed: every keystroke copies the 10^4-row table, and a KOL and a finding held
        /// inline made each row hundreds of bytes.
        private var droppedBox: Box<KOL>?
        private var duplicateIDBox: Box<DataQualityDiagnostic>?

        init(range: SourceRange, findings: [DataQualityDiagnostic], duplicateKeys: [DataQualityDiagnostic]) {
            self.range = range
            self.findings = findings
            self.duplicateKeys = duplicateKeys
        }

        /// A KOL that decoded but was left out because a KOL above has its id.
        var droppedKOL: KOL? {
            get { droppedBox?.value }
            set { droppedBox = newValue.map(Box.init) }
        }
        /// The `duplicate-id` finding of a dropped KOL.
        var duplicateID: DataQualityDiagnostic? {
            get { duplicateIDBox?.value }
            set { duplicateIDBox = newValue.map(Box.init) }
        }
    }

    /// An immutable value behind one reference.
    final class Box<Value: Sendable>: Sendable {
        let value: Value
        init(_ value: Value) { self.value = value }
    }

    var entries: [Entry]
    /// Repeated keys outside the KOL elements, before and after the `kols` array.
    var leadingDuplicateKeys: [DataQualityDiagnostic]
    var trailingDuplicateKeys: [DataQualityDiagnostic]
    /// Findings about the document itself (version, brief, the `kols` member's type).
    var documentFindings: [DataQualityDiagnostic]
    /// The document's KOLs (first of each id, in element order), brief and unknown members.
    var workspace: Workspace
    var briefRange: SourceRange?
    var briefProductRange: SourceRange?

    /// How many KOLs the last build or update decoded and validated (statistics; 1 for a typing edit).
    var analysedKOLs: Int
    /// When the last update replaced one workspace KOL by an edited copy with the same id (the usual
    /// keystroke): that KOL before and after. Why: what depends on the KOL list (the engine tables) is
    /// then told the one change instead of comparing every KOL.
    var editedKOL: (old: KOL, new: KOL)?

    static let duplicateKeyMessage = "This key appears twice in the same object; the last one counts."

    // MARK: Full analysis

    /// Splits a full load of `parsed` by KOL element.
    static func build(_ parsed: JSONDocument, _ result: WorkspaceDocument.LoadResult, origin: String?,
                      now: KOLDate) -> DocumentLayout {
        let root = parsed.root
        let kolsNode = root["kols"]
        let elements = kolsNode?.kind == .array ? kolsNode?.elements ?? [] : []
        var entries = elements.map { Entry(range: $0.range, findings: [], duplicateKeys: []) }
        let starts = entries.map(\.range.start)
        for (position, kol) in result.workspace.kols.enumerated() {
            if let start = kol.source?.range?.start, let index = element(startingAt: start, starts) {
                entries[index].position = position
            }
        }
        var layout = DocumentLayout(entries: [], leadingDuplicateKeys: [], trailingDuplicateKeys: [],
                                    documentFindings: [], workspace: result.workspace,
                                    briefRange: root["brief"]?.range, briefProductRange: root["brief"]?["product"]?.range,
                                    analysedKOLs: entries.count)
        let arrayStart = kolsNode?.range.start ?? Int.max
        for diagnostic in result.diagnostics {
            if diagnostic.code == .duplicateKey, diagnostic.path == nil, let range = diagnostic.range {
                if let index = element(containing: range.start, entries) {
                    entries[index].duplicateKeys.append(diagnostic)
                } else if range.start < arrayStart {
                    layout.leadingDuplicateKeys.append(diagnostic)
                } else {
                    layout.trailingDuplicateKeys.append(diagnostic)
                }
            } else if let index = elementIndex(ofPath: diagnostic.path), index < entries.count {
                if diagnostic.code != .duplicateID {
                    entries[index].findings.append(diagnostic)
                } else {
                    // The load left this KOL out; keep it, in case an edit frees its id.
                    entries[index].duplicateID = diagnostic
                    entries[index].droppedKOL = KOLDecoder.decode(elements[index], origin: origin, now: now,
                                                                  pathPrefix: "kols[\(index)]", detail: .full).kol
                }
            } else {
                layout.documentFindings.append(diagnostic)
            }
        }
        layout.entries = entries
        return layout
    }

    // MARK: Incremental analysis

    /// The layout of `newBytes`, which differ from `oldCount` analysed bytes only after the first `prefix`
    /// and before the last `suffix` bytes; nil when that span is not strictly inside one KOL or the KOL
    /// no longer parses on its own (then a full analysis is needed).
    /// `spare`, when given, may hold a copy of `workspace` (this layout's, of analysis revision `revision`)
    /// that owns its KOL list alone (see `SpareWorkspace`): the edited KOL is then swapped into it in place
    /// instead of into a copy of the shared list.
    func updated(oldCount: Int, newBytes: [UInt8], prefix: Int, suffix: Int, origin: String?, now: KOLDate,
                 spare: (box: SpareWorkspace, revision: Int)? = nil) -> DocumentLayout? {
        let prefix = min(prefix, oldCount, newBytes.count)
        let suffix = min(suffix, oldCount - prefix, newBytes.count - prefix)
        let oldEnd = oldCount - suffix
        let delta = newBytes.count - oldCount
        guard let index = DocumentLayout.element(containing: prefix, entries),
              entries[index].range.start < prefix, oldEnd < entries[index].range.end else { return nil }
        let old = entries[index].range
        let start = old.start
        let end = old.end + delta
        let parsed: JSONDocument
        do {
            parsed = try JSONDocument(bytes: Array(newBytes[start..<end]))
        } catch {
            return nil
        }
        let (kol, findings) = KOLDecoder.decode(parsed.root, origin: origin, now: now, pathPrefix: "kols[\(index)]",
                                                detail: .full, offset: start)
        var layout = self
        layout.analysedKOLs = 1
        layout.editedKOL = nil
        let position = entries[index].position
        layout.entries[index].range = SourceRange(start: start, end: end)
        layout.entries[index].findings = findings
        layout.entries[index].duplicateKeys = parsed.duplicateKeys.map {
            DataQualityDiagnostic(code: .duplicateKey, message: DocumentLayout.duplicateKeyMessage, range: $0.moved(by: start))
        }
        if delta != 0 {
            for later in (index + 1)..<layout.entries.count { layout.entries[later].move(by: delta) }
            let moved = { (list: inout [DataQualityDiagnostic]) in
                for k in list.indices where (list[k].range?.start ?? -1) >= old.end {
                    list[k].range = list[k].range?.moved(by: delta)
                }
            }
            moved(&layout.trailingDuplicateKeys)
            moved(&layout.documentFindings)
            if let range = briefRange, range.start >= old.end { layout.briefRange = range.moved(by: delta) }
            if let range = briefProductRange, range.start >= old.end { layout.briefProductRange = range.moved(by: delta) }
        }
        // The usual edit keeps the KOL's id: swap it in place, no KOL is looked at twice.
        if let position, let kol, position < workspace.kols.count, workspace.kols[position].id == kol.id {
            if let spare { spare.box.take(revision: spare.revision, into: &layout.workspace) }
            if layout.workspace.replace(at: position, with: kol, movingLaterBy: delta) {
                layout.editedKOL = (workspace.kols[position], kol)
                return layout
            }
        }
        // The id changed, or the KOL appeared or vanished: work out which KOLs are in, from scratch.
        var decoded = [KOL?](repeating: nil, count: entries.count)
        for (row, entry) in entries.enumerated() {
            if let position = entry.position { decoded[row] = workspace.kols[position] } else { decoded[row] = entry.droppedKOL }
            if row > index, delta != 0 { decoded[row]?.source?.shift(by: delta) }
        }
        decoded[index] = kol
        layout.admit(decoded)
        return layout
    }

    /// Chooses the workspace KOLs from every element's decoded KOL (nil: none): the first of each id wins,
    /// later ones are dropped with a `duplicate-id` finding.
    private mutating func admit(_ decoded: [KOL?]) {
        var kols: [KOL] = []
        kols.reserveCapacity(decoded.count)
        var seen = Set<String>()
        for (row, kol) in decoded.enumerated() {
            entries[row].position = nil
            entries[row].droppedKOL = nil
            entries[row].duplicateID = nil
            guard let kol else { continue }
            if seen.insert(kol.id).inserted {
                entries[row].position = kols.count
                kols.append(kol)
            } else {
                entries[row].droppedKOL = kol
                entries[row].duplicateID = DataQualityDiagnostic(code: .duplicateID,
                    message: "Another KOL above already has the id \"\(kol.id)\"; this one is ignored.",
                    range: kol.source?.range(of: "id"), path: "kols[\(row)].id", kolId: kol.id)
            }
        }
        workspace = Workspace(brief: workspace.brief, kols: kols, extra: workspace.extra)
    }

    // MARK: Result

    /// The document's findings, in the order a full load reports them.
    /// Entries are read in place through a buffer pointer: a `for entry in entries` loop copied each
    /// entry (its lists and dropped KOL), 10^4 per keystroke.
    func diagnostics() -> [DataQualityDiagnostic] {
        var diagnostics = leadingDuplicateKeys
        entries.withUnsafeBufferPointer { entries in
            for k in entries.indices where !entries[k].duplicateKeys.isEmpty { diagnostics += entries[k].duplicateKeys }
        }
        diagnostics += trailingDuplicateKeys
        diagnostics += documentFindings
        entries.withUnsafeBufferPointer { entries in
            for k in entries.indices {
                if !entries[k].findings.isEmpty { diagnostics += entries[k].findings }
                if let duplicateID = entries[k].duplicateID { diagnostics.append(duplicateID) }
            }
        }
        return diagnostics
    }

    // MARK: Finding elements

    /// The element whose range contains `offset` (binary search; elements are in source order).
    static func element(containing offset: Int, _ entries: [Entry]) -> Int? {
        var low = 0
        var high = entries.count - 1
        while low <= high {
            let mid = (low + high) / 2
            let range = entries[mid].range
            if offset < range.start { high = mid - 1 } else if offset >= range.end { low = mid + 1 } else { return mid }
        }
        return nil
    }

    private static func element(startingAt start: Int, _ starts: [Int]) -> Int? {
        var low = 0
        var high = starts.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if starts[mid] == start { return mid }
            if starts[mid] < start { low = mid + 1 } else { high = mid - 1 }
        }
        return nil
    }

    /// `kols[12]…` → 12.
    static func elementIndex(ofPath path: String?) -> Int? {
        guard let path, path.hasPrefix("kols[") else { return nil }
        let digits = path.utf8.dropFirst(5).prefix { $0 >= 0x30 && $0 <= 0x39 }
        return Int(String(decoding: digits, as: UTF8.self))
    }
}

extension DocumentLayout.Entry {
    /// The element moved `delta` bytes, with its findings (its KOL in the workspace is moved there).
    mutating func move(by delta: Int) {
        range = range.moved(by: delta)
        droppedKOL?.source?.shift(by: delta)
        if var finding = duplicateID {
            finding.range = finding.range?.moved(by: delta)
            duplicateID = finding
        }
        for k in findings.indices { findings[k].range = findings[k].range?.moved(by: delta) }
        for k in duplicateKeys.indices { duplicateKeys[k].range = duplicateKeys[k].range?.moved(by: delta) }
    }
}

extension SourceRange {
    func moved(by delta: Int) -> SourceRange { SourceRange(start: start + delta, end: end + delta) }
}
