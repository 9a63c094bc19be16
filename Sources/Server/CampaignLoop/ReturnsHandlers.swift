import JSON
import KOLCore
import RPC

/// `kol/recordCampaign` and `kol/returns`.
enum ReturnsHandlers {
    struct RecordParams: Decodable {
        var kolId: String
        var campaign: JSONNode
    }

    /// Stores one campaign with its KOL (replacing a campaign with the same id). Refused, with the
    /// workspace unchanged, when the campaign has an error or lacks `id`, `start` or `cost`.
    static func recordCampaign(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let params = try context.params(RecordParams.self)
        guard service.store.snapshot.contains(id: params.kolId) else {
            throw CampaignLoop.kolNotFound(params.kolId, path: "params.kolId")
        }
        let now = ServerClock.now()
        let decoded = CampaignRecord.decode(params.campaign, kolID: params.kolId, now: now)
        let encodedDiagnostics = DiagnosticEncoding.resultList(decoded.diagnostics, index: nil,
                                                               encoding: service.session.positionEncoding)
        guard let campaign = decoded.campaign else {
            return ["applied": false, "diagnostics": encodedDiagnostics]
        }
        let (change, count) = try CampaignLoop.updateKOL(params.kolId, service, now: now) { kol in
            let (updated, change) = CampaignRecord.recording(campaign, in: kol)
            return (updated, (change, updated.campaigns?.count ?? 0))
        }
        return ["applied": true, "change": .string(change.rawValue), "campaigns": .int(Int64(count)),
                "diagnostics": encodedDiagnostics]
    }

    struct ReturnsParams: Decodable {
        var ids: [String]?
        var seed: Int64?
        var draws: Int?
        var minimumClicks: Int?
        var minimumCampaigns: Int?
    }

    /// Without `ids`: every KOL with at least one campaign, in workspace order.
    static func returns(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let params = try context.params(ReturnsParams.self)
        var options = ReturnsOptions()
        options.seed = try CampaignLoop.seed(params.seed, default: ReturnsOptions.defaultSeed)
        if let draws = params.draws {
            guard (1...1_000_000).contains(draws) else { throw RPCError.invalidParams("params.draws: must be 1 to 1000000") }
            options.draws = draws
        }
        if let n = params.minimumClicks {
            guard n >= 0 else { throw RPCError.invalidParams("params.minimumClicks: must be 0 or more") }
            options.minimumClicks = n
        }
        if let n = params.minimumCampaigns {
            guard n >= 0 else { throw RPCError.invalidParams("params.minimumCampaigns: must be 0 or more") }
            options.minimumCampaigns = n
        }
        let workspace = service.readSnapshot()
        let (kols, missing) = params.ids.map { CampaignLoop.kols($0, in: workspace) }
            ?? (workspace.kols.filter { !($0.campaigns ?? []).isEmpty }, [])
        let report = ReturnsAnalysis.analyse(kols, options: options)
        var result: JSONObject = [
            "kols": .array(report.kols.map { .object(encode($0, mass: options.mass)) }),
            "overall": .object(encode(report.overall, mass: options.mass)),
            "seed": .int(Int64(options.seed)),
            "draws": .int(Int64(ReturnsAnalysis.effectiveDraws(options.draws, models: report.kols.filter { $0.model != nil }.count))),
        ]
        if !missing.isEmpty { result["missing"] = .array(missing.map(JSONValue.string)) }
        return .object(result)
    }

    static func encode(_ r: KOLReturns, mass: Double) -> JSONObject {
        typealias C = CampaignLoop
        let t = r.totals
        var o = JSONObject()
        if let id = r.id { o["id"] = .string(id) }
        o["campaigns"] = .int(Int64(t.campaigns))
        o["cost"] = C.number(t.cost, 2)
        o["revenue"] = C.number(t.revenue, 2)
        o["roi"] = C.number(t.roi, 4)
        o["cpe"] = C.number(t.costPerEngagement, 4)
        o["cpc"] = C.number(t.costPerClick, 4)
        o["cpa"] = C.number(t.costPerConversion, 2)
        o["impressions"] = C.int(t.impressions)
        o["engagements"] = C.int(t.engagements)
        o["clicks"] = C.int(t.clicks)
        o["conversions"] = C.int(t.conversions)
        if let rate = r.conversionRate {
            o["conversionRate"] = ["mean": C.number(rate.mean, 5), "interval": C.interval(r.conversionRateInterval, 5)]
        } else {
            o["conversionRate"] = .null
        }
        o["expectedRoi"] = C.number(r.model.map { $0.roi(rate: $0.posterior.mean) }, 4)
        o["roiInterval"] = C.interval(r.roiInterval, 4)
        if r.id != nil { o["probabilityBest"] = C.number(r.probabilityBest, 4) }
        o["verdict"] = .string(r.verdict.rawValue)
        o["says"] = .string(r.says)
        var notes: [JSONValue] = []
        if !t.uncosted.isEmpty {
            notes.append(.string("Left out, no cost: \(t.uncosted.joined(separator: ", "))."))
        }
        if !t.inconsistent.isEmpty {
            notes.append(.string("Left out of the conversion rate, more conversions than clicks: \(t.inconsistent.joined(separator: ", "))."))
        }
        if r.model?.pooledRevenuePerConversion == true {
            notes.append(.string("No conversions of its own: the ROI interval uses the pooled revenue per conversion of the KOLs asked about."))
        }
        if !notes.isEmpty { o["notes"] = .array(notes) }
        return o
    }
}
