import JSON
import KOLCore

/// Everything the workspace and document methods share: the store, the file policy, the open documents.
/// One per server; `WorkspaceMethods.register` and `DocumentMethods.register` wire it to the dispatcher.
final class WorkspaceService: Sendable {
    let store = WorkspaceStore()
    let paths: PathPolicy
    let session: Session
    let documents: DocumentManager
    let statistics = EngineStatistics()
    /// Per-KOL features and red flags reused between requests and edits.
    let analyses = AnalysisCache()

    init(session: Session, allowedPaths: [String], publish: @escaping @Sendable ([UInt8]) -> Void) {
        self.session = session
        paths = PathPolicy(allowedPaths: allowedPaths)
        documents = DocumentManager(store: store, session: session, statistics: statistics, publish: publish)
    }

    /// The workspace for a read: open documents' pending edits are analysed first, so a read that follows
    /// a `didChange` sees that change.
    func readSnapshot() -> Workspace {
        documents.settle()
        return store.snapshot
    }

    /// Applies the client's workspace folders from `initialize` (once it has arrived) before a file check.
    func checkPath(_ path: String) throws -> String {
        paths.setClientRoots(WorkspaceService.roots(fromInitializeParams: session.initializeParams))
        return try paths.check(path)
    }

    /// `workspaceFolders[].uri`, else `rootUri`, else `rootPath`.
    static func roots(fromInitializeParams params: JSONValue) -> [String] {
        if case .array(let folders)? = params["workspaceFolders"] {
            let uris = folders.compactMap { folder -> String? in
                if case .string(let uri)? = folder["uri"] { return uri }
                return nil
            }
            if !uris.isEmpty { return uris }
        }
        if case .string(let uri)? = params["rootUri"] { return [uri] }
        if case .string(let path)? = params["rootPath"] { return [path] }
        return []
    }
}
