import JSON
import KOLCore
import RPC

/// `kol/allocate`: the next round's budget in whole posts, by seeded Thompson sampling.
enum AllocationHandlers {
    struct Params: Decodable {
        /// Default: the brief's budget.
        var budget: Double?
        /// Default: every KOL in the workspace.
        var ids: [String]?
        var seed: Int64?
        var maxPostsPerKOL: Int?
        /// Score (0–100) by id, replacing the computed score as an untried KOL's prior.
        var scores: [String: Double]?
        /// Score as of this date (default now).
        var now: String?
        /// Let untried KOLs with an error-severity red flag be explored (default false: excluded).
        var includeErrorFlagged: Bool?
    }

    static func allocate(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let params = try context.params(Params.self)
        let workspace = service.readSnapshot()
        guard let budget = params.budget ?? workspace.brief?.budget else {
            throw RPCError.invalidParams("params.budget: required (the workspace brief has no budget either)")
        }
        guard budget >= 0, budget < 1e13 else { throw RPCError.invalidParams("params.budget: must be 0 or more") }
        var options = AllocationOptions()
        options.seed = try CampaignLoop.seed(params.seed, default: AllocationOptions.defaultSeed)
        if let cap = params.maxPostsPerKOL {
            guard (1...100).contains(cap) else { throw RPCError.invalidParams("params.maxPostsPerKOL: must be 1 to 100") }
            options.maxPostsPerKOL = cap
        }
        options.includeErrorFlagged = params.includeErrorFlagged ?? false
        for (id, score) in params.scores ?? [:] where !(0...100).contains(score) {
            throw RPCError.invalidParams("params.scores.\(id): must be between 0 and 100")
        }
        let now = try DateParam.parse(params.now, path: "params.now") ?? ServerClock.now()
        let (kols, missing) = params.ids.map { CampaignLoop.kols($0, in: workspace) } ?? (workspace.kols, [])

        // Scores and red flags only matter for KOLs without measured returns; the scoring engine is built
        // only if there is one.
        var scores: [String: Double?] = [:]
        var errorFlags: [String: [RedFlagCode]] = [:]
        var engine: ScoringEngine?
        let pooled = ConversionModel.pooledRevenuePerConversion(workspace.kols.map { CampaignTotals($0.campaigns ?? []).funnel })
        for kol in kols {
            if ConversionModel(CampaignTotals(kol.campaigns ?? []).funnel, pooledRevenuePerConversion: pooled) != nil {
                continue  // measured: its own returns decide, the score is not used
            }
            // Untried: its error flags decide whether it may be explored (even with a score given).
            if engine == nil { engine = ScoringEngine(workspace: workspace, now: now) }
            try context.checkCancellation()
            if !options.includeErrorFlagged {
                errorFlags[kol.id] = engine?.redFlags(kol).flags.filter { $0.severity == .error }.map(\.code)
            }
            scores[kol.id] = params.scores?[kol.id] ?? engine?.score(kol).score
        }
        let plan = BudgetAllocator.allocate(budget: budget, kols: kols, evidence: workspace.kols, scores: scores,
                                            errorFlags: errorFlags, options: options)
        typealias C = CampaignLoop
        var result: JSONObject = [
            "allocations": .array(plan.allocations.map { a in
                ["id": .string(a.id), "posts": .int(Int64(a.posts)), "amount": C.number(a.amount, 2), "why": .string(a.why)]
            }),
            "unspent": C.number(plan.unspent, 2),
            "budget": C.number(budget, 2),
            "seed": .int(Int64(plan.seed)),
            "reference": ["valuePerCNY": C.number(plan.reference, 4), "assumed": .bool(plan.referenceAssumed)],
            "excluded": .array(plan.excluded.map { e in
                ["id": .string(e.id), "reason": .string(e.reason.rawValue), "why": .string(e.why)]
            }),
            "notChosen": .array(plan.notChosen.map { n in ["id": .string(n.id), "why": .string(n.why)] }),
        ]
        if !missing.isEmpty { result["missing"] = .array(missing.map(JSONValue.string)) }
        return .object(result)
    }
}
