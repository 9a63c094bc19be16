import JSON

/// Criterion 7: posting frequency and recency.
struct ActivityMeasurement {
    /// nil when the KOL has an explicitly empty post list.
    var daysSinceLastPost: Double?
    var postsLast28Days: Int
    var postsPerWeek: Double { Double(postsLast28Days) / 4 }

    static func measure(_ subject: ScoringSubject) -> Measured<ActivityMeasurement> {
        guard let posts = subject.features.posts else { return .missing([DataRequirement("posts", present: false)]) }
        let now = subject.context.now.timeInterval
        let dates = posts.compactMap { $0.at?.timeInterval }.filter { $0 <= now }
        if !posts.isEmpty && dates.isEmpty { return .missing([DataRequirement("posts[].at", present: false)]) }
        let last = dates.max()
        return .measured(ActivityMeasurement(daysSinceLastPost: last.map { (now - $0) / 86_400 },
                                             postsLast28Days: dates.filter { now - $0 <= 28 * 86_400 }.count))
    }

    var evidence: JSONObject {
        var object: JSONObject = ["postsLast28Days": .int(Int64(postsLast28Days)),
                                  "postsPerWeek": .double(Scoring.round(postsPerWeek, 2))]
        object["daysSinceLastPost"] = daysSinceLastPost.map { .double(Scoring.round($0, 1)) } ?? .null
        return object
    }
}

public struct ActivityCriterion: ScoreCriterion {
    public init() {}
    public var name: ComponentName { .activity }
    public var defaultWeight: Double { 0.05 }

    /// Mean of recency (100 within 7 days of the last post, 0 at 60) and frequency (100 at 3 posts a week
    /// over the last 28 days, 0 at none).
    public func evaluate(_ subject: ScoringSubject) -> ComponentOutcome {
        switch ActivityMeasurement.measure(subject) {
        case .missing(let needed): return .missing(needed: needed)
        case .notApplicable(let reason): return .notApplicable(reason: reason)
        case .measured(let m):
            let recency = m.daysSinceLastPost.map { Scoring.ramp($0, good: 7, bad: 60) } ?? 0
            let value = (recency + Scoring.ramp(m.postsPerWeek, good: 3, bad: 0)) / 2
            let last = m.daysSinceLastPost.map { "last post \(Int($0)) days ago" } ?? "no posts"
            return .scored(value: value, measured: m.evidence,
                           explanation: "\(Scoring.number(m.postsPerWeek, 1)) posts/week, \(last)")
        }
    }
}

/// `dormant`: no recent posts.
public struct DormantRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .dormant }
    /// Error: a paid post on a dormant account reaches a feed that has moved on; ask the KOL first.
    public var severity: RedFlagSeverity { .error }
    static let maxDays = ThresholdParameter("maxDaysSinceLastPost", 30,
        source: "engineering judgement: a month without a post; Weibo's feed favours recent activity")
    public var parameters: [ThresholdParameter] { [Self.maxDays] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        ActivityMeasurement.measure(subject).judge { m in
            let limit = subject.threshold(self, Self.maxDays)
            var evidence = m.evidence
            evidence["threshold"] = .double(limit)
            let message: String
            if let days = m.daysSinceLastPost {
                guard days > limit else { return .passed(evidence: evidence) }
                message = "Last post was \(Int(days)) days ago: the account looks dormant, its followers may have moved on."
            } else {
                message = "The KOL has no posts at all in the data (an empty list): nothing shows the account is active."
            }
            return subject.flag(self, message: message, evidence: evidence,
                                needed: [DataRequirement("posts[].at", present: true)], field: "posts")
        }
    }
}
