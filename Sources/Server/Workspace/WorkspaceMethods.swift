import JSON
import KOLCore
import RPC

/// `kol/upsert`, `kol/remove`, `kol/get`, `kol/list`, `kol/setBrief` (protocol.md §5). `kol/load` and
/// `kol/save` have their own files.
enum WorkspaceMethods {
    static func register(on server: Server, _ service: WorkspaceService) {
        server.register("kol/load", access: .write) { try await LoadMethod.handle($0, service) }
        server.register("kol/save", access: .read) { try SaveMethod.handle($0, service) }
        server.register("kol/upsert", access: .write) { try upsert($0, service) }
        server.register("kol/remove", access: .write) { try remove($0, service) }
        server.register("kol/get", access: .read) { try get($0, service) }
        server.register("kol/list", access: .read) { try list($0, service) }
        server.register("kol/setBrief", access: .write) { try setBrief($0, service) }
    }

    struct UpsertParams: Decodable { var kols: [JSONNode] }

    /// All or nothing: when any KOL has an error (no id, a wrong type, an invalid value, an id given twice)
    /// the workspace is left unchanged and the result lists every problem. Warnings do not stop it.
    static func upsert(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let params = try context.params(UpsertParams.self)
        let now = ServerClock.now()
        var kols: [KOL] = []
        var diagnostics: [DataQualityDiagnostic] = []
        var seen: Set<String> = []
        for (index, node) in params.kols.enumerated() {
            let (decoded, found) = KOLDecoder.decode(node, now: now, pathPrefix: "kols[\(index)]", detail: .topLevel)
            diagnostics += found.map(withoutRange)
            guard var kol = decoded else { continue }
            if !seen.insert(kol.id).inserted {
                diagnostics.append(DataQualityDiagnostic(code: .duplicateID,
                    message: "The id \"\(kol.id)\" is given twice in this request.", path: "kols[\(index)].id", kolId: kol.id))
                continue
            }
            kol.source = nil
            kols.append(kol)
        }
        let refused = diagnostics.contains { $0.severity == .error }
        var inserted = 0
        var replaced = 0
        var total = service.store.baseSnapshot.count
        if !refused {
            total = service.store.updateBase { base in
                for kol in kols {
                    if base.contains(id: kol.id) { replaced += 1 } else { inserted += 1 }
                    base.upsert(kol, now: now)
                }
                return base.count
            }
        }
        return [
            "applied": .bool(!refused), "inserted": .int(Int64(inserted)), "replaced": .int(Int64(replaced)),
            "total": .int(Int64(total)),
            "diagnostics": DiagnosticEncoding.resultList(diagnostics, index: nil, encoding: service.session.positionEncoding),
        ]
    }

    struct IDsParams: Decodable {
        var id: String?
        var ids: [String]?
        var fields: [String]?

        func all() throws -> [String] {
            if let ids { return ids + (id.map { [$0] } ?? []) }
            if let id { return [id] }
            throw RPCError.invalidParams("params: give id or ids")
        }
    }

    /// Removes from the loaded workspace. A KOL that also lives in an open editor document stays visible
    /// until the document is closed (the editor owns it).
    static func remove(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let ids = try context.params(IDsParams.self).all()
        var removed: [JSONValue] = []
        var missing: [JSONValue] = []
        let total = service.store.updateBase { base in
            for id in ids {
                if base.remove(id: id) != nil { removed.append(.string(id)) } else { missing.append(.string(id)) }
            }
            return base.count
        }
        return ["removed": .array(removed), "missing": .array(missing), "total": .int(Int64(total))]
    }

    /// `{id}` → `{kol}` (null when unknown); `{ids}` → `{kols, missing}` in the order asked.
    static func get(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let params = try context.params(IDsParams.self)
        let ids = try params.all()
        let workspace = service.readSnapshot()
        let query = KOLQuery(fields: params.fields)
        if params.ids == nil, let id = params.id {
            return ["kol": workspace.kol(id: id).map(query.select) ?? .null]
        }
        var kols: [JSONValue] = []
        var missing: [JSONValue] = []
        for id in ids {
            if let kol = workspace.kol(id: id) { kols.append(query.select(kol)) } else { missing.append(.string(id)) }
        }
        return ["kols": .array(kols), "missing": .array(missing)]
    }

    struct ListParams: Decodable {
        var stage: String?
        var region: String?
        var minStars: Double?
        var minFollowers: Int?
        var fields: [String]?
        var offset: Int?
        var limit: Int?
    }

    static func list(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let params = try context.params(ListParams.self)
        var stage: RelationshipStage?
        if let name = params.stage {
            guard let known = RelationshipStage(rawValue: name) else {
                let names = RelationshipStage.allCases.map(\.rawValue).joined(separator: ", ")
                throw RPCError.invalidParams("params.stage: unknown stage \"\(name)\"; use one of \(names)")
            }
            stage = known
        }
        if let offset = params.offset, offset < 0 { throw RPCError.invalidParams("params.offset: must be 0 or more") }
        if let limit = params.limit, limit < 0 { throw RPCError.invalidParams("params.limit: must be 0 or more") }
        let query = KOLQuery(stage: stage, region: params.region, minStars: params.minStars,
                             minFollowers: params.minFollowers, fields: params.fields, offset: params.offset ?? 0,
                             limit: params.limit)
        let page = service.readSnapshot().list(query)
        return ["total": .int(Int64(page.total)), "offset": .int(Int64(query.offset)),
                "kols": .array(page.kols.map(query.select))]
    }

    /// `{brief: {...}}` sets, `{brief: null}` clears. All or nothing, like `kol/upsert`.
    static func setBrief(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        if let params = context.paramsNode, params.kind != .object {
            throw RPCError.invalidParams("params: expected object, got array")
        }
        guard let node = context.paramsNode?["brief"] else { throw RPCError.invalidParams("params.brief: required (an object, or null to clear)") }
        let (brief, found) = BriefDecoder.decode(node, pathPrefix: "brief")
        let diagnostics = found.map(withoutRange)
        let refused = diagnostics.contains { $0.severity == .error }
        if !refused { service.store.updateBase { $0.setBrief(brief) } }
        return ["applied": .bool(!refused),
                "diagnostics": DiagnosticEncoding.resultList(diagnostics, index: nil, encoding: service.session.positionEncoding)]
    }

    /// Ranges of request-borne values point into the request message, which means nothing to a client: the
    /// path names the value instead.
    private static func withoutRange(_ diagnostic: DataQualityDiagnostic) -> DataQualityDiagnostic {
        var copy = diagnostic
        copy.range = nil
        copy.line = nil
        return copy
    }
}
