import JSON
import KOLCore
import RPC

/// Parameters shared by the analysis methods (`kol/score`, `kol/rank`, `kol/redFlags`, tone): `now`, a brief
/// override, threshold and weight overrides, and the KOLs asked for (protocol.md §7.5).
struct AnalysisParams: Decodable {
    var ids: [String]?
    /// RFC 3339 date or date-time; the engine's clock when absent. Lets examples and tests be deterministic.
    var now: String?
    var brief: JSONNode?
    var thresholds: JSONNode?
    var weights: [String: Double]?

    /// "Today" for this request.
    func date() throws -> KOLDate {
        try DateParam.parse(now, path: "params.now") ?? ServerClock.now()
    }

    /// The request's overrides. A brief override replaces the workspace's brief for this request; its
    /// errors are -32602 with the path (`params.brief.budget: …`).
    func options() throws -> ScoringOptions {
        var brief: Brief?
        if let node = self.brief, !node.isNull {
            let (decoded, diagnostics) = BriefDecoder.decode(node, pathPrefix: "params.brief")
            if let error = diagnostics.first(where: { $0.severity == .error }) {
                throw RPCError.invalidParams("\(error.path ?? "params.brief"): \(error.message)")
            }
            brief = decoded
        }
        var thresholds: JSONObject?
        if let node = self.thresholds, !node.isNull {
            guard node.kind == .object, case .object(let object) = node.value() else {
                throw RPCError.invalidParams("params.thresholds: expected object, got \(node.kind)")
            }
            thresholds = object
        }
        return ScoringOptions(brief: brief, thresholds: thresholds, weights: weights)
    }

    /// The engine for this request over `workspace`.
    func engine(_ workspace: Workspace, cache: AnalysisCache) throws -> ScoringEngine {
        cache.engine(workspace, now: try date(), options: try options())
    }
}

// Error codes of the analysis methods live with the workspace ones in `ApplicationError` (protocol.md §5.1).
