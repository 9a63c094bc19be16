import JSON
import KOLCore
import RPC

/// `kol/overlap`: pairwise Jaccard of fan-sample ids and the unique reach of the set.
enum OverlapHandlers {
    struct Params: Decodable {
        /// Default: every KOL whose fan sample carries ids.
        var ids: [String]?
    }

    static func overlap(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let params = try context.params(Params.self)
        let workspace = service.readSnapshot()
        let (kols, missing) = params.ids.map { CampaignLoop.kols($0, in: workspace) }
            ?? (workspace.kols.filter { !AudienceOverlap.fanIDs($0).isEmpty }, [])
        var samples: [(id: String, fans: Set<String>)] = []
        var withoutIDs: [JSONValue] = []
        for kol in kols {
            let ids = AudienceOverlap.fanIDs(kol)
            if ids.isEmpty { withoutIDs.append(.string(kol.id)) } else { samples.append((kol.id, ids)) }
        }
        typealias C = CampaignLoop
        let pairs = AudienceOverlap.pairs(samples)
        let reach = AudienceOverlap.reach(samples.map(\.fans))
        var result: JSONObject = [
            "pairs": .array(pairs.map { p in
                ["a": .string(p.a), "b": .string(p.b), "sampleA": .int(Int64(p.sizeA)), "sampleB": .int(Int64(p.sizeB)),
                 "shared": .int(Int64(p.shared)), "compared": .int(Int64(p.union)), "jaccard": C.number(p.jaccard, 4),
                 "interval": C.interval(p.interval, 4)]
            }),
            "reach": ["distinct": .int(Int64(reach.distinct)), "sampled": .int(Int64(reach.total)),
                      "share": C.number(reach.share, 4)],
            "withoutFanIds": .array(withoutIDs),
            "note": .string(note(compared: reach.distinct)),
        ]
        if !missing.isEmpty { result["missing"] = .array(missing.map(JSONValue.string)) }
        return .object(result)
    }

    static func note(compared: Int) -> String {
        "Computed from fan samples (\(compared) distinct fan ids compared), not whole audiences. "
            + "The interval is the 95 % Wilson interval of the shared share of each pair's ids; "
            + "random follower samples of large accounts understate true overlap, "
            + "samples from the same frame (recent commenters) compare like with like."
    }
}
