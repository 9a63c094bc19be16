import JSON
import KOLCore
import RPC

/// The methods of issue 6 that close the loop after scoring (protocol.md §9): audit the fans, measure
/// the return, split the next budget, check audience overlap, move KOLs along the pipeline.
enum CampaignLoopMethods {
    static func register(on server: Server, _ service: WorkspaceService) {
        server.register("kol/auditFans", access: .read) { try FanAuditHandlers.auditFans($0, service) }
        server.register("kol/recordCampaign", access: .write) { try ReturnsHandlers.recordCampaign($0, service) }
        server.register("kol/returns", access: .read) { try ReturnsHandlers.returns($0, service) }
        server.register("kol/allocate", access: .read) { try AllocationHandlers.allocate($0, service) }
        server.register("kol/overlap", access: .read) { try OverlapHandlers.overlap($0, service) }
        server.register("kol/setStage", access: .write) { try StageHandlers.setStage($0, service) }
    }
}

/// Errors and small encoders the issue-6 handlers share.
enum CampaignLoop {
    static func kolNotFound(_ id: String, path: String = "params.id") -> RPCError {
        ApplicationError.unknownKOL(id, path: path)
    }

    /// A seed param: a non-negative integer.
    static func seed(_ value: Int64?, default fallback: UInt64, path: String = "params.seed") throws -> UInt64 {
        guard let value else { return fallback }
        guard value >= 0 else { throw RPCError.invalidParams("\(path): must be 0 or more") }
        return UInt64(value)
    }

    static func number(_ value: Double?, _ digits: Int) -> JSONValue {
        guard let value, value.isFinite else { return .null }
        let rounded = Scoring.round(value, digits)
        return .double(rounded.isFinite ? rounded : value)  // rounding overflows only for absurd magnitudes
    }

    static func interval(_ interval: ProportionInterval?, _ digits: Int) -> JSONValue {
        guard let interval else { return .null }
        return [number(interval.low, digits), number(interval.high, digits)]
    }

    static func int(_ value: Int?) -> JSONValue { value.map { .int(Int64($0)) } ?? .null }

    /// The KOLs named by `ids` in that order, and the ids not found.
    static func kols(_ ids: [String], in workspace: Workspace) -> (kols: [KOL], missing: [String]) {
        var kols: [KOL] = []
        var missing: [String] = []
        var seen: Set<String> = []
        for id in ids where seen.insert(id).inserted {
            if let kol = workspace.kol(id: id) { kols.append(kol) } else { missing.append(id) }
        }
        return (kols, missing)
    }

    /// Changes one KOL of the loaded workspace with `body`, then stores it (validated like an upsert).
    static func updateKOL<T>(_ id: String, _ service: WorkspaceService, now: KOLDate,
                             _ body: (KOL) throws -> (KOL, T)) throws -> T {
        // Decided before taking the store's lock (its lock is not reentrant): a KOL only an open document
        // holds is the document's to change.
        let inDocumentOnly = service.store.snapshot.contains(id: id) && !service.store.baseSnapshot.contains(id: id)
        if inDocumentOnly { throw ApplicationError.kolInOpenDocument(id) }
        return try service.store.updateBase { base in
            guard let kol = base.kol(id: id) else { throw kolNotFound(id) }
            let (changed, result) = try body(kol)
            base.upsert(changed, now: now)
            return result
        }
    }
}
