import Foundation
import KOLCore

/// A copy of a document's workspace, made after a publish, whose KOL list no one else shares.
///
/// Why: the workspace of an analysis is shared (the analysis, the workspace store, the engine tables), so
/// swapping the edited KOL into it on the next keystroke copied the whole 10^4-KOL list first: milliseconds
/// that held up the publish. The copy is made instead right after a publish, while the client reads it,
/// and the next incremental analysis swaps the edited KOL into this copy in place. It is taken only by
/// the analysis of the same revision; otherwise the shared list is copied as before.
final class SpareWorkspace: @unchecked Sendable {
    private let lock = NSLock()
    /// The analysis revision whose workspace `workspace` equals.
    private var revision: Int?
    private var workspace: Workspace?

    /// Makes the spare for `workspace` of the analysis at `revision`.
    func prepare(_ workspace: Workspace, revision: Int) {
        var copy = workspace
        guard let first = copy.kols.first else { return }
        // Replacing a KOL by itself forces the list's own storage (the id index stays shared: unchanged).
        _ = copy.replace(at: 0, with: first, movingLaterBy: 0)
        lock.lock()
        self.revision = revision
        self.workspace = copy
        lock.unlock()
    }

    /// Moves the spare of `revision` into `target` (which must equal it), leaving none behind.
    func take(revision: Int, into target: inout Workspace) {
        lock.lock()
        defer { lock.unlock() }
        guard self.revision == revision, var spare = workspace else { return }
        workspace = nil
        self.revision = nil
        swap(&spare, &target)
    }
}
