import JSON

/// Criterion 5: share of followers in the brief's target regions and the lift over the population baseline.
struct GeographyMeasurement {
    var targetShare: Double
    var baseline: Double?
    var lift: Double? { baseline.flatMap { $0 > 0 ? targetShare / $0 : nil } }

    static func measure(_ subject: ScoringSubject) -> Measured<GeographyMeasurement> {
        guard let targets = subject.context.targets else { return .notApplicable("the brief is nationwide") }
        guard let regions = subject.kol.followerRegions, !regions.entries.isEmpty else {
            return .missing([DataRequirement("followerRegions", present: false)])
        }
        let share = regions.shares(followers: subject.kol.followers)
            .filter { targets.contains($0.region) }.reduce(0) { $0 + $1.value }
        return .measured(GeographyMeasurement(targetShare: min(1, share), baseline: targets.baselineShare))
    }

    var evidence: JSONObject {
        var object: JSONObject = ["targetShare": .double(Scoring.round(targetShare, 3))]
        if let baseline { object["baselineShare"] = .double(Scoring.round(baseline, 4)) }
        if let lift { object["lift"] = .double(Scoring.round(lift, 2)) }
        return object
    }
}

public struct GeographyCriterion: ScoreCriterion {
    public init() {}
    public var name: ComponentName { .geography }
    public var defaultWeight: Double { 0.15 }

    /// 100 at a lift of 3 or more over the population baseline, linear to 0 at none; when a target has no
    /// baseline, 100 at a 50 % share. Not applicable to a nationwide brief (does not lower confidence).
    public func evaluate(_ subject: ScoringSubject) -> ComponentOutcome {
        switch GeographyMeasurement.measure(subject) {
        case .missing(let needed): return .missing(needed: needed)
        case .notApplicable(let reason): return .notApplicable(reason: reason)
        case .measured(let m):
            let value = m.lift.map { Scoring.ramp($0, good: 3, bad: 0) } ?? Scoring.ramp(m.targetShare, good: 0.5, bad: 0)
            var explanation = "\(Scoring.percent(m.targetShare, digits: 0)) of followers in the target regions"
            if let lift = m.lift, let baseline = m.baseline {
                explanation += " (\(Scoring.number(lift, 1))× their \(Scoring.percent(baseline)) population share)"
            }
            return .scored(value: value, measured: m.evidence, explanation: explanation)
        }
    }
}

/// `off-region`: few followers in the target regions.
public struct OffRegionRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .offRegion }
    /// Error: followers outside the campaign's market cannot buy in it, whatever else the KOL does well.
    public var severity: RedFlagSeverity { .error }
    static let minLift = ThresholdParameter("minLift", 0.5,
        source: "engineering judgement: half the share the regions would get from population alone "
            + "(NBS 7th census 2020 provincial shares)")
    static let minShare = ThresholdParameter("minShareWithoutBaseline", 0.05,
        source: "engineering judgement: used only when a target region has no population baseline")
    public var parameters: [ThresholdParameter] { [Self.minLift, Self.minShare] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        GeographyMeasurement.measure(subject).judge { m in
            var evidence = m.evidence
            let regions = subject.context.targets?.names.joined(separator: ", ") ?? ""
            let tripped: Bool
            if let lift = m.lift {
                let limit = subject.threshold(self, Self.minLift)
                evidence["threshold"] = ["minLift": .double(limit)]
                tripped = lift < limit
            } else {
                let limit = subject.threshold(self, Self.minShare)
                evidence["threshold"] = ["minShareWithoutBaseline": .double(limit)]
                tripped = m.targetShare < limit
            }
            guard tripped else { return .passed(evidence: evidence) }
            var message = "Only \(Scoring.percent(m.targetShare)) of followers are in \(regions)"
            if let baseline = m.baseline {
                message += ", less than the \(Scoring.percent(baseline)) those regions hold of China's population"
            }
            message += ": most of the reach is outside the campaign's market."
            return subject.flag(self, message: message, evidence: evidence,
                                needed: [DataRequirement("brief.targetRegions", present: true),
                                         DataRequirement("followerRegions", present: true)],
                                field: "followerRegions")
        }
    }
}
