import JSON

/// Everything a criterion or rule needs besides the KOL: the brief, `now`, thresholds, weights, peers, and
/// the brief prepared once (keyword patterns, target provinces).
public struct ScoringContext: Sendable {
    public var brief: Brief?
    /// "Today" for dormancy and account age; a parameter so analyses stay pure and testable.
    public var now: KOLDate
    public var thresholds: Thresholds
    public var weights: ScoreWeights
    public var peers: PeerStatistics
    /// The brief's keywords prepared for matching; nil when the brief has none.
    public var keywords: [KeywordPattern]?
    /// nil for a nationwide brief.
    public var targets: TargetRegions?
    /// The brief's tone as a profile (brand samples profiled once per request, not once per KOL).
    var toneTarget: BriefToneTarget?
    /// Fan audits run under this context, shared by the `fake-fans` rule and the `fanQuality` component.
    let fanAudits = FanAuditMemo()

    public init(brief: Brief?, now: KOLDate, peers: PeerStatistics, thresholds: Thresholds = .defaults,
                weights: ScoreWeights = .defaults) {
        self.brief = brief
        self.now = now
        self.peers = peers
        self.thresholds = thresholds
        self.weights = weights
        let patterns = (brief?.keywords ?? []).map(KeywordPattern.init).filter { !$0.isEmpty }
        keywords = patterns.isEmpty ? nil : patterns
        targets = brief.flatMap { TargetRegions($0.targetRegions ?? []) }
        toneTarget = BriefToneTarget(brief)
    }
}

/// One KOL under evaluation: the KOL, its cached features and the context.
public struct ScoringSubject: Sendable {
    public var kol: KOL
    public var features: KOLFeatures
    public var context: ScoringContext

    public init(kol: KOL, features: KOLFeatures, context: ScoringContext) {
        self.kol = kol
        self.features = features
        self.context = context
    }

    /// The threshold in force for a rule parameter.
    public func threshold(_ rule: some RedFlagRule, _ parameter: ThresholdParameter) -> Double {
        context.thresholds.value(rule.code, parameter, isPrimary: rule.parameters.first == parameter)
    }

    /// A flag pointing at `fieldPath` in the KOL's source document (or at the KOL, or nowhere).
    public func flag(_ rule: some RedFlagRule, message: String, evidence: JSONObject, needed: [DataRequirement],
                     field: String) -> RuleOutcome {
        .raised(RedFlag(code: rule.code, severity: rule.severity, message: message, evidence: evidence,
                        needed: needed, fieldPath: field, range: kol.source?.range(of: field)))
    }
}

/// The brief's target regions mapped to provinces, with their national population share.
public struct TargetRegions: Hashable, Sendable {
    /// As written in the brief.
    public var names: [String]
    public var provinces: Set<String>
    /// Share of China's population living in the target provinces; nil when a target is not in the table
    /// (香港, a misspelling): then only the share is reported, no lift.
    public var baselineShare: Double?

    /// nil for an empty list (nationwide).
    public init?(_ names: [String]) {
        let cleaned = names.map { $0.trimmingCharactersInWhitespace() }.filter { !$0.isEmpty }
        guard !cleaned.isEmpty else { return nil }
        self.names = cleaned
        var provinces = Set<String>()
        var allKnown = true
        for name in cleaned {
            if let province = RegionNames.province(of: name) { provinces.insert(province) } else { allKnown = false }
        }
        self.provinces = provinces
        baselineShare = allKnown ? provinces.compactMap(ProvincePopulation.share(of:)).reduce(0, +) : nil
    }

    /// Whether a follower-region label counts as "in the target": same name, or same province.
    public func contains(_ region: String) -> Bool {
        let trimmed = region.trimmingCharactersInWhitespace()
        if names.contains(trimmed) { return true }
        return RegionNames.province(of: trimmed).map(provinces.contains) ?? false
    }
}
