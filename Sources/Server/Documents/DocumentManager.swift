import Dispatch
import Foundation
import JSON
import KOLCore

/// Open editor documents, their analysis, and `textDocument/publishDiagnostics`.
///
/// Coalescing without a timer: an edit only updates the text and bumps the document's revision (cheap,
/// on the dispatcher's write turn); one background worker analyses whatever is out of date, always the
/// latest text, and loops until nothing is. Edits that arrive while it parses are folded into its next
/// round, so under a burst of keystrokes only the newest versions are analysed. A result is committed and
/// published only if no newer edit arrived meanwhile, under the same lock as edits and closes, so
/// published versions only ever increase and nothing is published for a closed document.
///
/// Reads (`kol/get`, pull diagnostics, …) call `settle()` first: they run the pending analysis themselves,
/// so a read that follows an edit sees it.
final class DocumentManager: @unchecked Sendable {
    private let store: WorkspaceStore
    private let session: Session
    /// Sends `textDocument/publishDiagnostics` with these params, already serialized.
    private let publish: @Sendable ([UInt8]) -> Void
    private let statistics: EngineStatistics
    /// Guards `documents` and `workerState`; publishing happens under it too (see above).
    private let lock = NSLock()
    /// One analysis round at a time (worker or a settling read).
    private let analysisLock = NSLock()
    private var documents: [String: EditorDocument] = [:]
    private var workerState = WorkerState.idle
    private var nextRevision = 1
    /// The last publish (its bytes and where each red-flag row lies in them), for the next publish of the
    /// same document to copy unchanged rows from; and the publish before it's buffer, kept for its
    /// capacity: a fresh 20 MB buffer per keystroke costs more in page faults than writing into it.
    /// Guarded by `lock`.
    private var lastPublish: PublishedDiagnostics?
    private var spareBuffer: [UInt8] = []

    enum WorkerState { case idle, running }

    /// Computes extra LSP diagnostics (red flags) for a document once its KOLs are in the workspace, given
    /// those of the analysis before (to keep what did not change). Called under `lock`: it must not call
    /// back into the manager.
    typealias ExtraDiagnostics = @Sendable (EditorDocument.Analysis, RenderedDiagnostics?, Workspace,
                                            PositionEncoding) -> RenderedDiagnostics
    private var extraDiagnostics: ExtraDiagnostics?

    func setExtraDiagnostics(_ provider: @escaping ExtraDiagnostics) {
        lock.lock()
        extraDiagnostics = provider
        lock.unlock()
    }

    init(store: WorkspaceStore, session: Session, statistics: EngineStatistics,
         publish: @escaping @Sendable ([UInt8]) -> Void) {
        self.store = store
        self.session = session
        self.statistics = statistics
        self.publish = publish
    }

    // MARK: Edits (called on the dispatcher's write turn)

    func open(uri: String, languageId: String?, version: Int, text: String) {
        guard EditorDocument.isWorkspaceDocument(uri: uri, languageId: languageId) else { return }
        lock.lock()
        documents[uri] = EditorDocument(uri: uri, version: version, revision: takeRevision(), bytes: Array(text.utf8))
        lock.unlock()
        scheduleAnalysis()
    }

    func change(uri: String, version: Int?, changes: [TextEdits.Change]) {
        lock.lock()
        // Taken out of the table while edited, so the text is not copied for the table's sake.
        guard var document = documents.removeValue(forKey: uri) else {
            lock.unlock()
            return
        }
        // Right after an analysis the text is the analysed one, and so is its line index: no new pass.
        var index: LineIndex?
        if let analysis = document.analysis, case .span(let prefix, _) = document.changes,
           analysis.byteCount == document.bytes.count, prefix >= document.bytes.count {
            index = analysis.index
            // The analysis keeps only the line structure from here on: with no other owner of the text's
            // buffer, a 40 MB document is edited in place instead of copied on every keystroke.
            document.analysis?.index = LineIndex(bytes: [])
        }
        TextEdits.apply(changes, to: &document.bytes, encoding: session.positionEncoding, index: &index,
                        changed: &document.changes)
        if let version { document.version = version }
        document.revision = takeRevision()
        documents[uri] = document
        lock.unlock()
        scheduleAnalysis()
    }

    /// `didSave` with `text` (when the client includes it) replaces the text; without, nothing changes.
    func save(uri: String, text: String?) {
        guard let text else { return }
        lock.lock()
        let version = documents[uri]?.version
        lock.unlock()
        if version != nil { change(uri: uri, version: version, changes: [TextEdits.Change(range: nil, text: text)]) }
    }

    /// Drops the document: its KOLs leave the workspace (any loaded KOL they shadowed comes back) and its
    /// diagnostics are cleared with an empty publish, as LSP clients expect.
    func close(uri: String) {
        lock.lock()
        defer { lock.unlock() }
        guard documents.removeValue(forKey: uri) != nil else { return }
        if lastPublish?.uri == uri { lastPublish = nil }
        store.setOverlay(uri: uri, nil)
        publish(JSONValue.object(["uri": .string(uri), "diagnostics": []]).serialized())
    }

    // MARK: Analysis

    /// Analyses every out-of-date document now, on the caller's thread.
    func settle() {
        analysisLock.lock()
        analyzePending()
        analysisLock.unlock()
    }

    private func scheduleAnalysis() {
        lock.lock()
        let start = workerState == .idle
        if start { workerState = .running }
        lock.unlock()
        guard start else { return }
        DispatchQueue.global().async { [self] in
            while true {
                settle()
                lock.lock()
                if !documents.values.contains(where: \.needsAnalysis) {
                    workerState = .idle
                    lock.unlock()
                    return
                }
                lock.unlock()
            }
        }
    }

    /// Caller holds `analysisLock`.
    private func analyzePending() {
        lock.lock()
        let pending = documents.values.filter(\.needsAnalysis).map(\.uri)
        lock.unlock()
        for uri in pending {
            guard let analysis = analyzeCurrent(uri: uri) else { continue }
            // The analysis it replaced dies here, after the publish and outside the lock: at 10^4 KOLs
            // freeing its KOL list and layout took milliseconds that kept the publish waiting.
            let workspace = analysis.layout?.workspace
            let revision = analysis.revision
            // Consumed: the analysis's line index holds the text, and an edit arriving while this loop
            // still held it would copy the whole text instead of editing it in place.
            let (spare, replaced) = commit(consume analysis, uri: uri)
            withExtendedLifetime(replaced) {}
            // While the client reads the publish: the next keystroke's KOL list, unshared.
            if let spare, let workspace { spare.prepare(workspace, revision: revision) }
        }
    }

    /// Analyses the document's current text. The copy of the document dies on return, before the commit:
    /// an edit that arrives right after the publish must find the text's buffer unshared (no 40 MB copy).
    private func analyzeCurrent(uri: String) -> EditorDocument.Analysis? {
        lock.lock()
        let document = documents[uri]
        lock.unlock()
        return document.map(analyze)
    }

    private func analyze(_ document: EditorDocument) -> EditorDocument.Analysis {
        if let analysis = analyzeIncrementally(document) { return analysis }
        let index = LineIndex(bytes: document.bytes)
        var analysis = EditorDocument.Analysis(revision: document.revision, version: document.version, index: index,
                                               lines: index.lines, diagnostics: [])
        analysis.byteCount = document.bytes.count
        let parsed: JSONDocument
        do {
            parsed = try JSONDocument(bytes: document.bytes)
        } catch {
            analysis.diagnostics = WorkspaceDocument.load(bytes: document.bytes, origin: document.uri,
                                                          now: ServerClock.now()).diagnostics
            return analysis
        }
        let now = ServerClock.now()
        let result = WorkspaceDocument.load(parsed, origin: document.uri, now: now, detail: .full)
        analysis.workspace = result.workspace
        analysis.diagnostics = result.diagnostics
        analysis.briefRange = parsed.root["brief"]?.range
        analysis.briefProductRange = parsed.root["brief"]?["product"]?.range
        let layout = DocumentLayout.build(parsed, result, origin: document.uri, now: now)
        analysis.layout = layout
        analysis.byteCount = document.bytes.count
        statistics.recordAnalysis(.init(uri: document.uri, version: document.version, kind: .full,
                                        kolsAnalysed: layout.analysedKOLs))
        return analysis
    }

    /// Re-analyses only the KOL an edit fell in (see `DocumentLayout`); nil when a full analysis is needed.
    private func analyzeIncrementally(_ document: EditorDocument) -> EditorDocument.Analysis? {
        guard let previous = document.analysis, let layout = previous.layout,
              case .span(let prefix, let suffix) = document.changes else { return nil }
        let oldCount = previous.byteCount
        let lower = min(prefix, oldCount, document.bytes.count)
        let kept = min(suffix, oldCount - lower, document.bytes.count - lower)
        guard let updated = layout.updated(oldCount: oldCount, newBytes: document.bytes, prefix: lower, suffix: kept,
                                           origin: document.uri, now: ServerClock.now(),
                                           spare: (document.spare, previous.revision)) else { return nil }
        let workspace = updated.workspace
        let diagnostics = updated.diagnostics()
        let index = LineIndex.replacing(previous.lines, lower: lower, oldUpper: oldCount - kept, newBytes: document.bytes)
        statistics.recordAnalysis(.init(uri: document.uri, version: document.version, kind: .incremental,
                                        kolsAnalysed: updated.analysedKOLs))
        let edit = EditorDocument.EditedSpan(baseRevision: previous.revision, lower: lower, oldUpper: oldCount - kept,
                                             newUpper: document.bytes.count - kept)
        return EditorDocument.Analysis(revision: document.revision, version: document.version, index: index,
                                       lines: index.lines, diagnostics: diagnostics, workspace: workspace, briefRange: updated.briefRange,
                                       briefProductRange: updated.briefProductRange, layout: updated,
                                       byteCount: document.bytes.count, edit: edit)
    }

    /// Stores and publishes `analysis` unless the document changed or closed meanwhile. While the text is
    /// not valid JSON the document's KOLs from its last good version stay in the workspace: a half-typed
    /// edit should not make KOLs blink out of every analysis.
    /// Returns, when it committed, the document's spare workspace and the analysis it replaced (for the
    /// caller to release after the lock).
    private func commit(_ analysis: EditorDocument.Analysis, uri: String)
        -> (spare: SpareWorkspace?, replaced: EditorDocument.Analysis?) {
        lock.lock()
        defer { lock.unlock() }
        guard var document = documents[uri], document.revision == analysis.revision else { return (nil, nil) }
        var analysis = analysis
        if let workspace = analysis.workspace {
            store.setOverlay(uri: uri, WorkspaceStore.Overlay(uri: uri, kols: workspace.kols, brief: workspace.brief,
                                                                 workspace: workspace))
            analysis.diagnostics += store.conflicts(for: uri)
        }
        let encoding = session.positionEncoding
        if analysis.workspace != nil, let extraDiagnostics {
            // The previous rendering is of the text this analysis was computed from (checked by revision
            // inside): only then can its rows be moved instead of rendered again.
            analysis.extraDiagnostics = extraDiagnostics(analysis, document.analysis?.extraDiagnostics, store.snapshot,
                                                         encoding)
        } else if let previous = document.analysis?.extraDiagnostics {
            analysis.extraDiagnostics = previous
        }
        let replaced = document.analysis
        document.analysis = analysis
        document.changes = .unchanged(analysis.byteCount)
        documents[uri] = document
        var buffer: [UInt8] = []
        swap(&buffer, &spareBuffer)
        buffer.removeAll(keepingCapacity: true)
        let spans = DocumentManager.writePublishParams(uri: uri, analysis: analysis, encoding: encoding, into: &buffer,
                                                       previous: lastPublish?.uri == uri ? lastPublish : nil)
        publish(buffer)
        // The last publish's bytes become the spare buffer (dropped first, so the buffer is not shared).
        if var last = lastPublish {
            lastPublish = nil
            swap(&spareBuffer, &last.bytes)
        }
        lastPublish = PublishedDiagnostics(uri: uri, rows: analysis.extraDiagnostics.rows, starts: spans.starts,
                                           ends: spans.ends, bytes: buffer)
        return (document.spare, replaced)
    }

    /// `{"uri":…,"version":…,"diagnostics":[data-quality…, red flags…]}` written straight into bytes: the
    /// red flags are already rendered, and at 10^4 KOLs they are tens of megabytes.
    /// Rows unchanged since `previous` (the last publish of the same document) are copied from its bytes.
    @discardableResult
    static func writePublishParams(uri: String, analysis: EditorDocument.Analysis, encoding: PositionEncoding,
                                   into bytes: inout [UInt8],
                                   previous: PublishedDiagnostics? = nil) -> RenderedDiagnostics.Spans {
        var writer = JSONWriter()
        swap(&writer.bytes, &bytes)
        defer { swap(&writer.bytes, &bytes) }
        writer.bytes.reserveCapacity(analysis.extraDiagnostics.estimatedSize + 256 * analysis.diagnostics.count + 256)
        writer.beginObject()
        writer.key("uri")
        writer.string(uri)
        writer.key("version")
        writer.int(Int64(analysis.version))
        writer.key("diagnostics")
        writer.beginArray()
        for diagnostic in analysis.diagnostics {
            writer.value(DiagnosticEncoding.lsp(diagnostic, index: analysis.index, encoding: encoding))
        }
        let spans = analysis.extraDiagnostics.write(into: &writer.bytes, afterOthers: !analysis.diagnostics.isEmpty,
                                                    previous: previous)
        writer.endArray()
        writer.endObject()
        return spans
    }

    // MARK: Queries (after `settle()`)

    /// The latest analysis of an open document, or nil when it is not open (or not ours).
    func analysis(uri: String) -> EditorDocument.Analysis? {
        settle()
        lock.lock()
        defer { lock.unlock() }
        return documents[uri]?.analysis
    }

    /// How many workspace documents are open.
    var openCount: Int {
        lock.lock()
        defer { lock.unlock() }
        return documents.count
    }

    /// For tests: the current text of an open document.
    func text(uri: String) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        return documents[uri]?.bytes
    }

    private func takeRevision() -> Int {
        defer { nextRevision += 1 }
        return nextRevision
    }
}
