import JSON
import KOLCore

/// `kol/stats` (protocol.md §10): the size of the workspace and the work counters of `EngineStatistics`.
/// Deterministic (no timings, no memory figures), so tests and protocol examples can assert on it.
enum StatsMethod {
    static func register(on server: Server, _ service: WorkspaceService) {
        server.register("kol/stats", access: .read) { _ in
            let workspace = service.readSnapshot()
            var posts = 0
            for kol in workspace.kols { posts += kol.posts?.count ?? 0 }
            return ["workspace": ["kols": .int(Int64(workspace.kols.count)), "posts": .int(Int64(posts)),
                                  "openDocuments": .int(Int64(service.documents.openCount))],
                    "documents": service.statistics.documentsJSON(),
                    "loads": service.statistics.loadsJSON(),
                    "analyses": service.analyses.countersJSON()]
        }
    }
}
