/// A score component: one criterion of a careful KOL choice, measured as 0–100.
///
/// Adding a criterion (the tone analysis adds `tone`) is one new file with a type conforming to this and one
/// line in `ScoringCatalog.standard`.
public protocol ScoreCriterion: Sendable {
    var name: ComponentName { get }
    /// Relative default weight (documented in protocol.md §7).
    var defaultWeight: Double { get }
    /// True when the outcome reads `context.peers` (see the extension below). Default false.
    var readsPeers: Bool { get }
    func evaluate(_ subject: ScoringSubject) -> ComponentOutcome
}

/// A red-flag rule with a stable code, a severity and documented, overridable thresholds.
public protocol RedFlagRule: Sendable {
    var code: RedFlagCode { get }
    var severity: RedFlagSeverity { get }
    /// Tunable numbers; the first is the primary one (a bare-number override replaces it).
    var parameters: [ThresholdParameter] { get }
    /// True when the outcome reads `context.peers` (see the extension below). Default false.
    var readsPeers: Bool { get }
    func evaluate(_ subject: ScoringSubject) -> RuleOutcome
}

// `readsPeers`: whether a criterion or rule reads the workspace's peer statistics (`context.peers`). Why:
// such outcomes change when another KOL of a nearby star level is edited; all others depend only on the
// KOL, the brief, the thresholds and the day, so the Server keeps them across edits and re-judges only
// these. One that reads `context.peers` must say so, and read it only through `PeerStatistics.followers`,
// `price` and `costPerEngagement(for:)`, which `ScoringEngine.peerView(of:)` captures.
extension ScoreCriterion {
    public var readsPeers: Bool { false }
}

extension RedFlagRule {
    public var readsPeers: Bool { false }
}

/// The criteria and rules in force.
public struct ScoringCatalog: Sendable {
    public var criteria: [any ScoreCriterion]
    public var rules: [any RedFlagRule]

    public init(criteria: [any ScoreCriterion], rules: [any RedFlagRule]) {
        self.criteria = criteria
        self.rules = rules
    }

    /// The eight criteria and fourteen rules of issue 4; tone adds its component and three rules, the fan audit
    /// `fanQuality` and `fake-fans`.
    public static let standard = ScoringCatalog(
        criteria: [
            StarsFollowersCriterion(), GrowthCriterion(), EngagementCriterion(), RelevanceCriterion(),
            GeographyCriterion(), OtherMediaCriterion(), ActivityCriterion(), ValueCriterion(), ToneCriterion(),
            FanQualityCriterion(),
        ],
        rules: [
            StarsFollowersMismatchRule(), GrowthSpikeRule(), YoungAccountFastGrowthRule(), LowEngagementRule(),
            BoughtRepostsRule(), EngagementConcentratedRule(), SilentKOLRule(), GeneralistRule(), OffTopicRule(),
            OffRegionRule(), DormantRule(), PriceOutlierRule(), NoOtherMediaRule(), ChannelTopicMismatchRule(),
            ToneClashRule(), ToneDriftRule(), ChannelToneMismatchRule(), FakeFansRule(),
        ])

    /// Extends the catalog (e.g. `ScoringCatalog.standard.adding(criteria: [ToneCriterion()], rules: …)`).
    public func adding(criteria more: [any ScoreCriterion] = [], rules moreRules: [any RedFlagRule] = []) -> ScoringCatalog {
        ScoringCatalog(criteria: criteria + more, rules: rules + moreRules)
    }

    public func rule(_ code: RedFlagCode) -> (any RedFlagRule)? { rules.first { $0.code == code } }
}
