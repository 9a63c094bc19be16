import JSON

/// Request-level overrides: a different brief, thresholds and weights for this request only.
public struct ScoringOptions: Sendable {
    /// Replaces the workspace brief for this request (nil: use the workspace's).
    public var brief: Brief?
    /// Threshold overrides by rule code, applied after `brief.thresholds`.
    public var thresholds: JSONObject?
    /// Weight overrides by component name, applied after `brief.weights`.
    public var weights: [String: Double]?

    public init(brief: Brief? = nil, thresholds: JSONObject? = nil, weights: [String: Double]? = nil) {
        self.brief = brief
        self.thresholds = thresholds
        self.weights = weights
    }
}

/// Scores KOLs and raises red flags for one workspace, brief and `now`.
///
/// `now` is judged by the UTC day (truncated to midnight): dormancy, account age and fan ages count whole
/// days anyway, and a day-granular clock lets the Server keep red flags and outcomes between keystrokes
/// instead of judging every KOL again because the clock moved a second.
///
/// Build it once per request (or keep it until the workspace changes): it computes peer statistics over the
/// whole workspace and reuses per-KOL features from `featureCache` (the Server keeps that cache by KOL id
/// and drops an entry when its KOL changes).
public struct ScoringEngine: Sendable {
    public let workspace: Workspace
    public let context: ScoringContext
    public let catalog: ScoringCatalog
    /// Override paths that were not numbers (to report to the user).
    public let ignoredThresholds: [String]
    private let features: [String: KOLFeatures]

    public init(workspace: Workspace, now: KOLDate, options: ScoringOptions = ScoringOptions(),
                catalog: ScoringCatalog = .standard, featureCache: [String: KOLFeatures] = [:]) {
        var features = featureCache
        for kol in workspace.kols where features[kol.id] == nil { features[kol.id] = KOLFeatures(kol: kol) }
        let lookup = features
        let peers = PeerStatistics(kols: workspace.kols) { lookup[$0.id] ?? KOLFeatures(kol: $0) }
        self.init(workspace: workspace, now: now, options: options, catalog: catalog, features: features, peers: peers)
    }

    /// An engine over tables the caller keeps between engines: `features` of (at least) every KOL of the
    /// workspace and `peers` built from exactly its KOLs with those features (e.g. kept up to date with
    /// `PeerStatistics.updating`). Why: building both is O(workspace) and an editor keystroke changes one KOL.
    public init(workspace: Workspace, now: KOLDate, options: ScoringOptions = ScoringOptions(),
                catalog: ScoringCatalog = .standard, features: [String: KOLFeatures], peers: PeerStatistics) {
        let brief = options.brief ?? workspace.brief
        let fromBrief = Thresholds.defaults.applying(brief?.thresholds)
        let fromRequest = fromBrief.thresholds.applying(options.thresholds)
        let weights = ScoreWeights.defaults.applying(brief?.weights).applying(options.weights)
        self.workspace = workspace
        self.catalog = catalog
        self.features = features
        self.ignoredThresholds = fromBrief.ignored + fromRequest.ignored
        self.context = ScoringContext(brief: brief, now: now.utcDay, peers: peers, thresholds: fromRequest.thresholds,
                                      weights: weights)
    }

    /// The features used for a KOL (cached or computed now).
    public func features(of kol: KOL) -> KOLFeatures { features[kol.id] ?? KOLFeatures(kol: kol) }

    func subject(_ kol: KOL) -> ScoringSubject {
        ScoringSubject(kol: kol, features: features(of: kol), context: context)
    }

    /// `kol/score` for one KOL. Missing data never counts as zero: such components are left out and the
    /// weights of the others renormalised; `confidence` is the share of applicable weight that had data.
    public func score(_ kol: KOL) -> KOLScore { score(kol, flags: nil, outcomes: nil) }

    /// Every criterion's outcome for a KOL, in catalog order: the part of a score that does not depend on
    /// the weights (no criterion reads them), so a caller may keep it while only the weights change.
    public func outcomes(_ kol: KOL) -> [ComponentOutcome] {
        let subject = subject(kol)
        return catalog.criteria.map { $0.evaluate(subject) }
    }

    /// `score(_:)` with the KOL's red flags and criterion outcomes already worked out by this engine (or
    /// one that differs only in weights): a caller that needs both, or keeps them between requests, does
    /// not judge every rule and criterion again.
    public func score(_ kol: KOL, flags: KOLRedFlags?, outcomes: [ComponentOutcome]?) -> KOLScore {
        let outcomes = outcomes?.count == catalog.criteria.count ? outcomes : nil
        let subject = outcomes == nil ? subject(kol) : nil
        var components: [ScoreComponent] = []
        var missing: [String] = []
        var notApplicable: [ComponentName: String] = [:]
        var applicableWeight = 0.0
        var presentWeight = 0.0
        var weighted = 0.0
        for (position, criterion) in catalog.criteria.enumerated() {
            let weight = context.weights.weight(criterion.name, default: criterion.defaultWeight)
            let outcome: ComponentOutcome
            if let outcomes { outcome = outcomes[position] } else if let subject { outcome = criterion.evaluate(subject) } else { continue }
            switch outcome {
            case .scored(let value, let measured, let explanation):
                applicableWeight += weight
                presentWeight += weight
                weighted += weight * value
                components.append(ScoreComponent(name: criterion.name, value: value, weight: weight,
                                                 measured: measured, explanation: explanation))
            case .missing(let needed):
                applicableWeight += weight
                for requirement in needed where !requirement.present && !missing.contains(requirement.field) {
                    missing.append(requirement.field)
                }
            case .notApplicable(let reason):
                notApplicable[criterion.name] = reason
            }
        }
        let penalty = (flags ?? redFlags(kol)).flags.reduce(0.0) { $0 + ScoringEngine.penalty(for: $1.severity) }
        let score = presentWeight > 0 ? max(0, weighted / presentWeight - penalty) : nil
        let confidence = applicableWeight > 0 ? presentWeight / applicableWeight : 0
        return KOLScore(id: kol.id, score: score, components: components, confidence: confidence,
                        missing: missing, notApplicable: notApplicable, redFlagPenalty: penalty)
    }

    /// Points taken off the weighted component mean per raised flag: 25 per error, 5 per warning, 0 for
    /// information. Why: components measure degrees, flags mark things a careful marketer would not book
    /// without an answer; two KOLs with equal components must not rank alike when only one trips a flag.
    /// Why 25: an error must decide, not nudge. Clean KOLs score about 85–100 on their components, so one
    /// error puts a KOL below every clean one (the old 15 left an off-topic coach at 76, ahead of KOLs with
    /// only warnings). Engineering judgement; reported as `redFlagPenalty`, and error-flagged KOLs are also
    /// kept out of the shortlist and pilot by default (`RankRequest.includeErrorFlagged`).
    public static func penalty(for severity: RedFlagSeverity) -> Double {
        switch severity {
        case .error: return 25
        case .warning: return 5
        case .information: return 0
        }
    }

    /// `kol/redFlags` for one KOL: every rule in the catalog, most severe first.
    public func redFlags(_ kol: KOL) -> KOLRedFlags { redFlags(kol, of: nil) }

    /// The flags of the rules that read peers (`readingPeers` true) or of all the others; `nil`: every rule.
    /// `merging` the two groups gives `redFlags(_:)` exactly.
    public func redFlags(_ kol: KOL, of readingPeers: Bool?) -> KOLRedFlags {
        let subject = subject(kol)
        var flags: [RedFlag] = []
        var notChecked: [RedFlagCode: [DataRequirement]] = [:]
        for rule in catalog.rules where readingPeers == nil || rule.readsPeers == readingPeers {
            switch rule.evaluate(subject) {
            case .raised(let flag): flags.append(flag)
            case .skipped(let needed): notChecked[rule.code] = needed
            case .passed, .notApplicable: break
            }
        }
        flags.sort { $0.severity != $1.severity ? $0.severity < $1.severity : $0.code < $1.code }
        return KOLRedFlags(id: kol.id, flags: flags, notChecked: notChecked)
    }

    /// One rule's full outcome (passed with evidence, raised, skipped): for hovers and tests.
    public func evaluate(_ code: RedFlagCode, on kol: KOL) -> RuleOutcome? {
        catalog.rule(code).map { $0.evaluate(subject(kol)) }
    }
}
