import JSON

/// One tunable number of a red-flag rule, with its default and where the default comes from.
public struct ThresholdParameter: Hashable, Sendable {
    /// The key in an override object: `brief.thresholds["low-engagement"] = { "ratioToBenchmark": 0.3 }`.
    public var name: String
    public var defaultValue: Double
    /// Where the default comes from (a study, a table, or "engineering judgement: …").
    public var source: String

    public init(_ name: String, _ defaultValue: Double, source: String) {
        self.name = name
        self.defaultValue = defaultValue
        self.source = source
    }
}

/// The thresholds in force: each rule's declared defaults plus overrides by rule code.
///
/// Overrides come from `brief.thresholds` and then from the request (the later wins). For each rule code the
/// override is either a number, which replaces the rule's *primary* parameter (the first it declares), or an
/// object of named parameters: `{ "dormant": 45, "low-engagement": { "ratioToBenchmark": 0.3 } }`.
/// Defaults live with the rules (each rule declares its parameters), so a new rule brings its own.
public struct Thresholds: Hashable, Sendable {
    /// The key under which a bare-number override for a rule code is kept.
    static let primaryKey = ""
    private var overrides: [RedFlagCode: [String: Double]]

    public init() { overrides = [:] }

    public static let defaults = Thresholds()

    /// The value of `parameter` for `code`: an override if any, else the default.
    public func value(_ code: RedFlagCode, _ parameter: ThresholdParameter, isPrimary: Bool) -> Double {
        if let byName = overrides[code]?[parameter.name] { return byName }
        if isPrimary, let bare = overrides[code]?[Thresholds.primaryKey] { return bare }
        return parameter.defaultValue
    }

    /// Sets one override in code (tests, the Server's per-request options).
    public mutating func set(_ code: RedFlagCode, _ parameterName: String? = nil, to value: Double) {
        overrides[code, default: [:]][parameterName ?? Thresholds.primaryKey] = value
    }

    /// Applies an override object (`brief.thresholds` or a request's `thresholds`). Values that are not
    /// finite numbers are ignored and their paths returned, so the caller can report them.
    public func applying(_ object: JSONObject?) -> (thresholds: Thresholds, ignored: [String]) {
        guard let object else { return (self, []) }
        var result = self
        var ignored: [String] = []
        for (key, value) in object.members {
            let code = RedFlagCode(key)
            if let number = Thresholds.number(value) {
                result.overrides[code, default: [:]][Thresholds.primaryKey] = number
            } else if case .object(let named) = value {
                for (name, inner) in named.members {
                    if let number = Thresholds.number(inner) {
                        result.overrides[code, default: [:]][name] = number
                    } else {
                        ignored.append("\(key).\(name)")
                    }
                }
            } else {
                ignored.append(key)
            }
        }
        return (result, ignored)
    }

    static func number(_ value: JSONValue) -> Double? {
        switch value {
        case .int(let i): return Double(i)
        case .double(let d) where d.isFinite: return d
        default: return nil
        }
    }
}
