import JSON
import KOLCore
import RPC

/// `kol/setStage`: moves a KOL along candidate → contacted → sampling → posted → partner (or dropped),
/// keeping a dated history, and says what to do next.
enum StageHandlers {
    struct Params: Decodable {
        var id: String
        var stage: String
        var note: String?
        /// Default: now.
        var at: String?
    }

    static func setStage(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let params = try context.params(Params.self)
        guard let stage = RelationshipStage(rawValue: params.stage) else {
            let names = RelationshipStage.allCases.map(\.rawValue).joined(separator: ", ")
            throw RPCError.invalidParams("params.stage: unknown stage \"\(params.stage)\"; use one of \(names)")
        }
        let now = ServerClock.now()
        let at = try DateParam.parse(params.at, path: "params.at") ?? now
        let (outcome, kol) = try CampaignLoop.updateKOL(params.id, service, now: now) { kol in
            switch StageChanger.change(kol.relationship, to: stage, at: at, note: params.note) {
            case .success(let outcome):
                var updated = kol
                updated.relationship = outcome.relationship
                return (updated, (outcome, updated))
            case .failure(let refusal):
                let path: String
                switch refusal {
                case .needsNote: path = "params.note"
                case .beforeCurrent: path = "params.at"
                }
                throw RPCError.invalidParams("\(path): \(refusal.message)")
            }
        }
        var returns: KOLReturns?
        if stage == .posted, !(kol.campaigns ?? []).isEmpty {
            let funnels = service.readSnapshot().kols.map { CampaignTotals($0.campaigns ?? []).funnel }
            returns = ReturnsAnalysis.evaluate(
                id: kol.id, CampaignTotals(kol.campaigns ?? []),
                pooledRevenuePerConversion: ConversionModel.pooledRevenuePerConversion(funnels), options: ReturnsOptions())
        }
        let relationship = KOLQuery(fields: ["relationship"]).select(kol)["relationship"] ?? .null
        return [
            "id": .string(kol.id), "from": .string(outcome.from.rawValue), "stage": .string(stage.rawValue),
            "move": .string(outcome.move.rawValue), "changed": .bool(outcome.move != .unchanged),
            "skipped": .array(outcome.skipped.map { .string($0.rawValue) }),
            "relationship": relationship,
            "next": .string(NextStep.hint(for: stage, returns: returns)),
        ]
    }
}
