import JSON

/// One criterion's contribution to a KOL's score.
public struct ScoreComponent: Hashable, Sendable {
    public var name: ComponentName
    /// 0–100, higher is better for the brief.
    public var value: Double
    /// The weight after overrides, before renormalisation (the renormalised share is `weight / Σ weights`).
    public var weight: Double
    /// Raw measurements behind `value` (engagement rate, lift, price ratio, …).
    public var measured: JSONObject
    /// One line a marketer reads: "median engagement 2.9 % vs 2.57 % for 100K–1M accounts".
    public var explanation: String

    public init(name: ComponentName, value: Double, weight: Double, measured: JSONObject, explanation: String) {
        self.name = name
        self.value = value
        self.weight = weight
        self.measured = measured
        self.explanation = explanation
    }

    public var json: JSONValue {
        .object(["value": .double(Scoring.round(value, 1)), "weight": .double(weight),
                 "measured": .object(measured), "explanation": .string(explanation)])
    }
}

/// What a criterion decided for one KOL.
public enum ComponentOutcome: Hashable, Sendable {
    /// Measured: value 0–100 with its measurements and explanation.
    case scored(value: Double, measured: JSONObject, explanation: String)
    /// The data was missing: the component is left out and weights renormalised; confidence drops.
    case missing(needed: [DataRequirement])
    /// The criterion does not apply to this brief (a nationwide brief has no geography to score); it does
    /// not lower confidence.
    case notApplicable(reason: String)
}
