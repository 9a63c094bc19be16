import JSON

/// `kol/score` for one KOL.
public struct KOLScore: Hashable, Sendable {
    public var id: String
    /// 0–100: Σ weight·value / Σ weight over components with data, minus `redFlagPenalty` (floor 0); nil
    /// when no component had data.
    public var score: Double?
    /// Components with data, in catalog order.
    public var components: [ScoreComponent]
    /// Share of the applicable weight whose data was present, 0–1.
    public var confidence: Double
    /// Data that would raise confidence, e.g. `followerHistory`, `posts[].kolReplies` (deduplicated).
    public var missing: [String]
    /// Components that do not apply to this brief, with why (e.g. geography for a nationwide brief).
    public var notApplicable: [ComponentName: String]
    /// Points subtracted for raised red flags (see `ScoringEngine.penalty(for:)`).
    public var redFlagPenalty: Double

    /// `{ id, score, components: { name: { value, weight, measured, explanation } }, confidence, missing }`.
    public var json: JSONValue {
        var components = JSONObject()
        for component in self.components { components[component.name.rawValue] = component.json }
        var object: JSONObject = [
            "id": .string(id), "score": score.map { .double(Scoring.round($0, 1)) } ?? .null,
            "components": .object(components), "confidence": .double(Scoring.round(confidence, 3)),
            "missing": .array(missing.map { .string($0) }), "redFlagPenalty": .double(redFlagPenalty),
        ]
        if !notApplicable.isEmpty {
            var skipped = JSONObject()
            for (name, reason) in notApplicable.sorted(by: { $0.key < $1.key }) { skipped[name.rawValue] = .string(reason) }
            object["notApplicable"] = .object(skipped)
        }
        return .object(object)
    }
}

/// `kol/redFlags` for one KOL.
public struct KOLRedFlags: Hashable, Sendable {
    public var id: String
    /// Most severe first, then by code.
    public var flags: [RedFlag]
    /// Rules that could not run, with the data they needed: "not checked" is not "clean".
    public var notChecked: [RedFlagCode: [DataRequirement]]

    public var hasErrors: Bool { contains(severity: .error) }

    /// Whether any flag has `severity`. Read in place: `contains(where:)` hands each flag out as a copy,
    /// which retains its message, evidence and needed data, and `kol/rank` asks this of every KOL.
    public func contains(severity: RedFlagSeverity) -> Bool {
        for index in flags.indices where flags[index].severity == severity { return true }
        return false
    }

    /// Calls `body` with the code of each flag with `severity` (every flag when nil), in order, read in
    /// place through a buffer pointer (see `contains(severity:)`).
    public func forEachCode(severity: RedFlagSeverity?, _ body: (RedFlagCode) -> Void) {
        flags.withUnsafeBufferPointer { list in
            for flag in list where severity == nil || flag.severity == severity { body(flag.code) }
        }
    }

    /// The codes `forEachCode` visits, as an array.
    public func codes(severity: RedFlagSeverity?) -> [RedFlagCode] {
        var codes: [RedFlagCode] = []
        forEachCode(severity: severity) { codes.append($0) }
        return codes
    }

    /// `{ id, flags: [ { code, severity, message, evidence, range? } ], notChecked: { code: [field] } }`.
    public var json: JSONValue {
        var skipped = JSONObject()
        for (code, needed) in notChecked.sorted(by: { $0.key < $1.key }) {
            skipped[code.rawValue] = .array(needed.filter { !$0.present }.map { .string($0.field) })
        }
        return .object(["id": .string(id), "flags": .array(flags.map(\.json)), "notChecked": .object(skipped)])
    }
}
