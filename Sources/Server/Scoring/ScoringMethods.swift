import JSON
import KOLCore
import RPC

/// `kol/score`, `kol/rank`, `kol/redFlags` (protocol.md §7): the scoring engine over the workspace snapshot
/// (loaded KOLs plus open documents), with per-request `now`, brief, thresholds and weights.
enum ScoringMethods {
    static func register(on server: Server, _ service: WorkspaceService) {
        server.register("kol/score", access: .read) { try score($0, service) }
        server.register("kol/redFlags", access: .read) { try redFlags($0, service) }
        server.register("kol/rank", access: .read) { try rank($0, service) }
    }

    /// The KOLs asked for, in the order asked (all in workspace order without `ids`); unknown ids → nil.
    static func select(_ ids: [String]?, in workspace: Workspace) -> [(id: String, kol: KOL?)] {
        guard let ids else { return workspace.kols.map { ($0.id, $0) } }
        return ids.map { ($0, workspace.kol(id: $0)) }
    }

    static func score(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        try perKOL(context, service) { engine, kol in engine.score(kol).json }
    }

    static func redFlags(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        try perKOL(context, service) { engine, kol in engine.redFlags(kol).json }
    }

    /// One answer per requested KOL (all of them without `ids`), an unknown id answered in its own entry so
    /// one bad id does not cost the others; cancellation is checked between KOLs.
    private static func perKOL(_ context: RequestContext, _ service: WorkspaceService,
                               _ analyse: (ScoringEngine, KOL) -> JSONValue) throws -> JSONValue {
        let params = try context.params(AnalysisParams.self)
        let workspace = service.readSnapshot()
        let engine = try params.engine(workspace, cache: service.analyses)
        var kols: [JSONValue] = []
        for (id, kol) in select(params.ids, in: workspace) {
            try context.checkCancellation()
            kols.append(kol.map { analyse(engine, $0) } ?? ApplicationError.entry(unknownKOL: id))
        }
        return result(["kols": .array(kols)], engine)
    }

    struct RankParams: Decodable {
        var minScore: Double?
        var region: String?
        /// One stage or several (`stages` is the plural form).
        var stage: JSONNode?
        var stages: [String]?
        var offset: Int?
        var limit: Int?
        var budget: Double?
        /// Let KOLs with an error-severity flag into the shortlist and pilot (default false).
        var includeErrorFlagged: Bool?
        /// How many exclusions to list (default `defaultExcludedLimit`).
        var excludedLimit: Int?
    }

    /// Enough to read the reasons behind a shortlist; `excludedTotal` and `excludedFlags` count the rest.
    static let defaultExcludedLimit = 100

    static func rank(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let params = try context.params(RankParams.self)
        let analysis = try context.params(AnalysisParams.self)
        let request = try rankRequest(params)
        let workspace = service.readSnapshot()
        let engine = try analysis.engine(workspace, cache: service.analyses)
        let progress = context.progress
        progress.begin(title: "Ranking \(workspace.count) KOLs", percentage: 0)
        // Report every ~5 % (and at least every 1 000 KOLs) so a big workspace shows movement without
        // flooding the client.
        let step = max(1, min(1000, workspace.count / 20))
        // Scores and red flags first, on every core (red flags reused from earlier requests when only the
        // weights changed); the ranking pass then only looks them up.
        let kols = workspace.kols
        let judged = service.analyses.redFlags(kols, engine: engine)
        try context.checkCancellation()
        // Only the score and confidence of each KOL: the ranking reads nothing else of a `KOLScore`.
        let summaries = service.analyses.scoreSummaries(kols, flags: judged, engine: engine)
        try context.checkCancellation()
        do {
            let ranked = try engine.rank(request, summaries: summaries, flags: judged) { done, total in
                try context.checkCancellation()
                if done > 0, done % step == 0 {
                    progress.report(message: "\(done)/\(total) scored", percentage: done * 100 / max(1, total))
                }
            }
            progress.end(message: "\(ranked.total) ranked")
            return result(ranked.json, engine)
        } catch {
            progress.end(message: "cancelled")
            throw error
        }
    }

    static func rankRequest(_ params: RankParams) throws -> RankRequest {
        var names: [String] = params.stages ?? []
        if let node = params.stage, !node.isNull {
            switch node.kind {
            case .string: names.append(node.string ?? "")
            case .array:
                for (index, element) in node.elements.enumerated() {
                    guard let name = element.string else {
                        throw RPCError.invalidParams("params.stage[\(index)]: expected string, got \(element.kind)")
                    }
                    names.append(name)
                }
            default: throw RPCError.invalidParams("params.stage: expected string or array of strings, got \(node.kind)")
            }
        }
        var stages: Set<RelationshipStage>?
        if params.stage != nil || params.stages != nil {
            stages = []
            for name in names {
                guard let stage = RelationshipStage(rawValue: name) else {
                    let known = RelationshipStage.allCases.map(\.rawValue).joined(separator: ", ")
                    throw RPCError.invalidParams("params.stage: unknown stage \"\(name)\"; use one of \(known)")
                }
                stages?.insert(stage)
            }
        }
        if let offset = params.offset, offset < 0 { throw RPCError.invalidParams("params.offset: must be 0 or more") }
        if let limit = params.limit, limit < 0 { throw RPCError.invalidParams("params.limit: must be 0 or more") }
        if let budget = params.budget, !(budget >= 0) { throw RPCError.invalidParams("params.budget: must be 0 or more") }
        if let limit = params.excludedLimit, limit < 0 {
            throw RPCError.invalidParams("params.excludedLimit: must be 0 or more")
        }
        return RankRequest(minScore: params.minScore, region: params.region, stages: stages,
                           offset: params.offset ?? 0, limit: params.limit, budget: params.budget,
                           includeErrorFlagged: params.includeErrorFlagged ?? false,
                           excludedLimit: params.excludedLimit ?? defaultExcludedLimit)
    }

    /// Adds `ignoredThresholds` when an override was not a number (so the user learns it had no effect).
    static func result(_ value: JSONValue, _ engine: ScoringEngine) -> JSONValue {
        guard !engine.ignoredThresholds.isEmpty, case .object(var object) = value else { return value }
        object["ignoredThresholds"] = .array(engine.ignoredThresholds.map { .string($0) })
        return .object(object)
    }
}
