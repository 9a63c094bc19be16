import Foundation
import JSON
import KOLCore
import RPC

/// `kol/auditFans`: the fan-quality audit of a KOL's `fanSample`, or of fans given inline.
enum FanAuditHandlers {
    struct Params: Decodable {
        var id: String?
        var fans: [JSONNode]?
        /// Evaluate account ages and inactivity as of this date (default: now), for reproducible answers.
        var now: String?
        var threshold: Double?
        var minimumSample: Int?
        var targetWidth: Double?
    }

    static func auditFans(_ context: RequestContext, _ service: WorkspaceService) throws -> JSONValue {
        let params = try context.params(Params.self)
        let now = try DateParam.parse(params.now, path: "params.now") ?? ServerClock.now()
        let workspace = service.readSnapshot()
        var options = FanAuditOptions()
        if case .double(let t)? = workspace.brief?.thresholds?["fake-fans"] { options.fakeShareThreshold = t }
        if case .int(let t)? = workspace.brief?.thresholds?["fake-fans"] { options.fakeShareThreshold = Double(t) }
        if let t = params.threshold {
            guard t >= 0, t <= 1 else { throw RPCError.invalidParams("params.threshold: must be between 0 and 1") }
            options.fakeShareThreshold = t
        }
        if let m = params.minimumSample {
            guard m >= 1 else { throw RPCError.invalidParams("params.minimumSample: must be 1 or more") }
            options.minimumSample = m
        }
        if let w = params.targetWidth {
            guard w > 0, w < 1 else { throw RPCError.invalidParams("params.targetWidth: must be between 0 and 1 (exclusive)") }
            options.targetWidth = w
        }

        let fans: [Fan]
        var diagnostics: [DataQualityDiagnostic] = []
        switch (params.id, params.fans) {
        case (let id?, nil):
            guard let kol = workspace.kol(id: id) else { throw CampaignLoop.kolNotFound(id) }
            fans = kol.fanSample ?? []
        case (nil, let nodes?):
            (fans, diagnostics) = FanSampleInput.decode(nodes, now: now)
        case (nil, nil):
            throw RPCError.invalidParams("params: give id (a KOL whose fanSample is audited) or fans (inline)")
        case (.some, .some):
            throw RPCError.invalidParams("params: give id or fans, not both")
        }
        try context.checkCancellation()
        let instant = Date(timeIntervalSince1970: now.timeInterval)
        let result = FanAudit.audit(fans.map(FanSampleInput.entry), now: instant, options: options)
        var object = encode(result, threshold: options.fakeShareThreshold)
        if let id = params.id { object["id"] = .string(id) }
        if !diagnostics.isEmpty {
            object["diagnostics"] = DiagnosticEncoding.resultList(diagnostics, index: nil, encoding: service.session.positionEncoding)
        }
        return .object(object)
    }

    static func encode(_ result: FanAuditResult, threshold: Double) -> JSONObject {
        let fans: [JSONValue] = result.fans.map { fan in
            var o = JSONObject()
            o["id"] = fan.id.map(JSONValue.string) ?? .null
            o["fake"] = .bool(fan.fake)
            o["probability"] = CampaignLoop.number(fan.probability, 4)
            o["reasons"] = .array(fan.reasons.map { .string($0.text) })
            o["assessed"] = .bool(fan.assessed)
            if !fan.missing.isEmpty { o["missing"] = .array(fan.missing.map { .string($0.rawValue) }) }
            return .object(o)
        }
        var o = JSONObject()
        o["fakeShare"] = CampaignLoop.number(result.fakeShare, 4)
        o["interval"] = CampaignLoop.interval(result.interval, 4)
        o["sampled"] = .int(Int64(result.sampled))
        o["assessed"] = .int(Int64(result.assessed))
        o["fakeCount"] = .int(Int64(result.fakeCount))
        o["outcome"] = .string(result.outcome.rawValue)
        o["threshold"] = CampaignLoop.number(threshold, 4)
        o["sampleSizeForWidth"] = ["width": CampaignLoop.number(result.targetWidth, 4),
                                   "fans": CampaignLoop.int(result.sampleSizeForTargetWidth)]
        if let flag = result.redFlag {
            o["redFlag"] = ["code": .string(flag.code), "message": .string(flag.message),
                            "evidence": .array(flag.evidence.map(JSONValue.string))]
        } else {
            o["redFlag"] = .null
        }
        o["fans"] = .array(fans)
        return o
    }
}
