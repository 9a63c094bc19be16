import JSON

/// The campaign being planned: what is promoted, to whom, in what voice, for how much.
/// Every field is optional; scoring reports what it missed rather than guessing.
public struct Brief: Hashable, Sendable {
    public var product: String?
    /// Topic words for relevance, Chinese or English.
    public var keywords: [String]?
    /// Provinces or cities; nil or empty means nationwide.
    public var targetRegions: [String]?
    public var tone: BriefTone?
    /// Money available for this round, in `currency`.
    public var budget: Double?
    /// ISO 4217 code as written; nil means the default, `CNY` (see `effectiveCurrency`).
    public var currency: String?
    /// Overrides of score component weights, by component name.
    public var weights: [String: Double]?
    /// Overrides of red-flag thresholds, by rule code. Kept as written: the scoring rules interpret them.
    public var thresholds: JSONObject?
    /// Members this version does not know, written back on save.
    public var extra: JSONObject

    public init(product: String? = nil, keywords: [String]? = nil, targetRegions: [String]? = nil,
                tone: BriefTone? = nil, budget: Double? = nil, currency: String? = nil,
                weights: [String: Double]? = nil, thresholds: JSONObject? = nil, extra: JSONObject = JSONObject()) {
        self.product = product
        self.keywords = keywords
        self.targetRegions = targetRegions
        self.tone = tone
        self.budget = budget
        self.currency = currency
        self.weights = weights
        self.thresholds = thresholds
        self.extra = extra
    }

    public static let defaultCurrency = "CNY"
    public var effectiveCurrency: String { currency ?? Brief.defaultCurrency }
    /// True when the brief targets specific regions (an empty list means nationwide).
    public var isNationwide: Bool { targetRegions?.isEmpty ?? true }
}

/// The voice the brand wants: a named preset or samples of the brand's own posts.
public enum BriefTone: Hashable, Sendable {
    case preset(TonePreset)
    case samples([String])
}

/// The tone presets the contract names.
public enum TonePreset: String, Hashable, Sendable, CaseIterable {
    case humorous, lighthearted, serious, corporate
}
