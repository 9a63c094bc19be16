/// A score component: one criterion of a careful KOL choice, measured as 0–100.
///
/// Adding a criterion (the tone analysis adds `tone`) is one new file with a type conforming to this and one
/// line in `ScoringCatalog.standard`.
public protocol ScoreCriterion: Sendable {
    var name: ComponentName { get }
    /// Relative default weight (documented in protocol.md §7).
    var defaultWeight: Double { get }
    func evaluate(_ subject: ScoringSubject) -> ComponentOutcome
}

/// A red-flag rule with a stable code, a severity and documented, overridable thresholds.
public protocol RedFlagRule: Sendable {
    var code: RedFlagCode { get }
    var severity: RedFlagSeverity { get }
    /// Tunable numbers; the first is the primary one (a bare-number override replaces it).
    var parameters: [ThresholdParameter] { get }
    func evaluate(_ subject: ScoringSubject) -> RuleOutcome
}

/// The criteria and rules in force.
public struct ScoringCatalog: Sendable {
    public var criteria: [any ScoreCriterion]
    public var rules: [any RedFlagRule]

    public init(criteria: [any ScoreCriterion], rules: [any RedFlagRule]) {
        self.criteria = criteria
        self.rules = rules
    }

    /// The eight criteria and fourteen rules of issue 4. Tone adds its component and three rules here.
    public static let standard = ScoringCatalog(
        criteria: [
            StarsFollowersCriterion(), GrowthCriterion(), EngagementCriterion(), RelevanceCriterion(),
            GeographyCriterion(), OtherMediaCriterion(), ActivityCriterion(), ValueCriterion(), ToneCriterion(),
        ],
        rules: [
            StarsFollowersMismatchRule(), GrowthSpikeRule(), YoungAccountFastGrowthRule(), LowEngagementRule(),
            BoughtRepostsRule(), EngagementConcentratedRule(), SilentKOLRule(), GeneralistRule(), OffTopicRule(),
            OffRegionRule(), DormantRule(), PriceOutlierRule(), NoOtherMediaRule(), ChannelTopicMismatchRule(),
            ToneClashRule(), ToneDriftRule(), ChannelToneMismatchRule(),
        ])

    /// Extends the catalog (e.g. `ScoringCatalog.standard.adding(criteria: [ToneCriterion()], rules: …)`).
    public func adding(criteria more: [any ScoreCriterion] = [], rules moreRules: [any RedFlagRule] = []) -> ScoringCatalog {
        ScoringCatalog(criteria: criteria + more, rules: rules + moreRules)
    }

    public func rule(_ code: RedFlagCode) -> (any RedFlagRule)? { rules.first { $0.code == code } }
}
