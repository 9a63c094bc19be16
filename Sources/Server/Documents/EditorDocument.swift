import JSON
import KOLCore

/// One open `*.kol.json` editor document: its text as the editor has it, and the last analysis.
struct EditorDocument: Sendable {
    /// What the latest analysis of a document found, kept for pull diagnostics and the outline.
    struct Analysis: Sendable {
        /// The revision analysed (see `revision`).
        var revision: Int
        /// The client's version of that revision.
        var version: Int
        /// Positions of this analysis's findings. Emptied by the first edit after it (see
        /// `DocumentManager.change`): every reader settles first, so nobody reads a stale one.
        var index: LineIndex
        /// The analysed text's line structure, for updating the index after an edit.
        var lines: LineIndex.Lines
        var diagnostics: [DataQualityDiagnostic]
        /// The document's KOLs and brief, with full source ranges; nil when the text is not JSON.
        var workspace: Workspace?
        var briefRange: SourceRange?
        var briefProductRange: SourceRange?
        /// The analysis split by KOL, for the next incremental analysis; nil when the text was not JSON.
        var layout: DocumentLayout?
        /// Length of the analysed text.
        var byteCount = 0
        /// What changed since the analysis before this one, when this one was incremental.
        var edit: EditedSpan?
        /// LSP diagnostics other analyses add (red flags), published with the data-quality ones; kept
        /// rendered so the next publish re-renders only what changed.
        var extraDiagnostics = RenderedDiagnostics.empty(encoding: .utf16, textRevision: -1)
    }

    /// Bytes `lower..<oldUpper` of the analysis with revision `baseRevision` became `lower..<newUpper`;
    /// the rest of the text is as it was (the part after moved by `newUpper - oldUpper`).
    struct EditedSpan: Sendable {
        var baseRevision: Int
        var lower: Int
        var oldUpper: Int
        var newUpper: Int
    }

    /// Which bytes differ from the last analysed text, so the next analysis can redo only the KOL they are in.
    enum Changes: Sendable {
        /// Nothing analysed yet, or the whole text was replaced.
        case wholeText
        /// The first `prefix` and the last `suffix` bytes are as analysed (a span of the text changed).
        case span(prefix: Int, suffix: Int)

        /// Also covers replacing `lower..<upper` of a text of `count` bytes.
        mutating func narrow(lower: Int, upper: Int, count: Int) {
            guard case .span(let prefix, let suffix) = self else { return }
            self = .span(prefix: min(prefix, lower), suffix: min(suffix, count - upper))
        }

        /// The state right after analysing a text of `count` bytes: nothing changed.
        static func unchanged(_ count: Int) -> Changes { .span(prefix: count, suffix: count) }
    }

    var uri: String
    /// The client's `version` of the current text.
    var version: Int
    /// Our own counter, bumped by every change: what "stale" is judged by, so a client that repeats or
    /// reuses version numbers can never make us publish an old analysis after a newer one.
    var revision: Int
    var bytes: [UInt8]
    var analysis: Analysis?
    /// Relative to `analysis`'s text.
    var changes = Changes.wholeText
    /// An unshared copy of the analysis's workspace for the next incremental analysis (shared by copies
    /// of this document: one per open document).
    var spare = SpareWorkspace()

    var needsAnalysis: Bool { analysis?.revision != revision }

    /// Whether a document is a KOL workspace document we track; everything else is ignored silently.
    static func isWorkspaceDocument(uri: String, languageId: String?) -> Bool {
        uri.lowercased().hasSuffix(".kol.json") || languageId == "kol-json"
    }
}
