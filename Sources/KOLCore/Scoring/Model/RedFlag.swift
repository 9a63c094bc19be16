import JSON

/// A raised red flag: what, how bad, why (the measured numbers and the threshold), and where.
public struct RedFlag: Hashable, Sendable {
    public var code: RedFlagCode
    public var severity: RedFlagSeverity
    /// One or two sentences a marketer understands, with the numbers.
    public var message: String
    /// The measured numbers and the threshold(s) that tripped the rule, e.g.
    /// `{ "medianEngagementRate": 0.0002, "benchmark": 0.0257, "threshold": 0.2 }`.
    public var evidence: JSONObject
    /// The data the rule used (all present, or the rule would not have fired).
    public var needed: [DataRequirement]
    /// The KOL field the flag is about (`followers`, `posts`, `price`): where the editor underlines.
    public var fieldPath: String
    /// Byte range in the KOL's source document, when it came from one.
    public var range: SourceRange?

    public init(code: RedFlagCode, severity: RedFlagSeverity, message: String, evidence: JSONObject,
                needed: [DataRequirement] = [], fieldPath: String, range: SourceRange? = nil) {
        self.code = code
        self.severity = severity
        self.message = message
        self.evidence = evidence
        self.needed = needed
        self.fieldPath = fieldPath
        self.range = range
    }

    /// The `kol/redFlags` shape: `{ code, severity, message, evidence, needed, range? }`.
    public var json: JSONValue {
        var object: JSONObject = [
            "code": .string(code.rawValue), "severity": .string(severity.rawValue),
            "message": .string(message), "evidence": .object(evidence),
            "needed": .array(needed.map(\.json)),
        ]
        if let range { object["range"] = ["start": .int(Int64(range.start)), "end": .int(Int64(range.end))] }
        return .object(object)
    }
}

/// What a rule decided for one KOL. A rule that could not run says which data it lacked.
public enum RuleOutcome: Hashable, Sendable {
    /// The rule ran and the KOL passed; the evidence says by how much (useful for "just doesn't" tests).
    case passed(evidence: JSONObject)
    case raised(RedFlag)
    /// The rule needed data the KOL (or brief) did not have.
    case skipped(needed: [DataRequirement])
    /// The rule does not apply to this brief (e.g. `off-region` for a nationwide brief).
    case notApplicable(reason: String)

    public var flag: RedFlag? {
        if case .raised(let flag) = self { return flag }
        return nil
    }
}
