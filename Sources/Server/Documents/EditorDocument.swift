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
        var index: LineIndex
        var diagnostics: [DataQualityDiagnostic]
        /// The document's KOLs and brief, with full source ranges; nil when the text is not JSON.
        var workspace: Workspace?
        var briefRange: SourceRange?
        var briefProductRange: SourceRange?
    }

    var uri: String
    /// The client's `version` of the current text.
    var version: Int
    /// Our own counter, bumped by every change: what "stale" is judged by, so a client that repeats or
    /// reuses version numbers can never make us publish an old analysis after a newer one.
    var revision: Int
    var bytes: [UInt8]
    var analysis: Analysis?

    var needsAnalysis: Bool { analysis?.revision != revision }

    /// Whether a document is a KOL workspace document we track; everything else is ignored silently.
    static func isWorkspaceDocument(uri: String, languageId: String?) -> Bool {
        uri.lowercased().hasSuffix(".kol.json") || languageId == "kol-json"
    }
}
