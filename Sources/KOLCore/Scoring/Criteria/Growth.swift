import Foundation
import JSON

/// Criterion 2: growth anomalies in `followerHistory` and implausible growth for the account's age.
///
/// Growth is measured in followers per day over each interval between history points (any spacing), and
/// each interval is compared with the account's own other intervals by a robust z-score. Absolute rather
/// than relative growth: a young account growing steadily from 10k to 800k has huge relative rates early
/// on, which is the young-account rule's business, not a "spike".
struct GrowthMeasurement {
    struct Spike {
        var interval: GrowthInterval
        var robustZ: Double
        var relativeGain: Double
    }

    var intervals: [GrowthInterval]
    var medianGainPerDay: Double
    /// The robust z scale: max(1.4826 · MAD, 10 % of |median|, 1 follower/day), so a perfectly steady
    /// history (MAD 0) still has a scale and ordinary noise on a smooth history is not a "spike".
    var scale: Double
    var scored: [Spike]

    /// Fewer intervals than this and "the account's own growth" is not known well enough.
    static let minimumIntervals = 4

    static func measure(_ subject: ScoringSubject) -> Measured<GrowthMeasurement> {
        let intervals = subject.features.growth ?? []
        guard intervals.count >= minimumIntervals else {
            return .missing([DataRequirement("followerHistory (at least \(minimumIntervals + 1) dated points)",
                                             present: false)])
        }
        let rates = intervals.map(\.gainPerDay)
        let median = Descriptive.median(rates) ?? 0
        let mad = Descriptive.medianAbsoluteDeviation(rates) ?? 0
        let scale = max(Descriptive.madNormalConsistency * mad, 0.1 * abs(median), 1)
        let scored = intervals.map { interval in
            Spike(interval: interval, robustZ: (interval.gainPerDay - median) / scale,
                  relativeGain: interval.startFollowers > 0
                      ? Double(interval.gain) / Double(interval.startFollowers) : Double.infinity)
        }
        return .measured(GrowthMeasurement(intervals: intervals, medianGainPerDay: median, scale: scale, scored: scored))
    }

    var maxRobustZ: Double { scored.map(\.robustZ).max() ?? 0 }
}

/// The account's age and average growth since creation.
struct AccountAgeMeasurement {
    var ageDays: Double
    var followers: Int
    var followersPerDay: Double { Double(followers) / max(ageDays, 1) }

    static func measure(_ subject: ScoringSubject) -> Measured<AccountAgeMeasurement> {
        let kol = subject.kol
        guard let created = kol.createdAt, let followers = kol.followers else {
            return .missing([DataRequirement("createdAt", present: kol.createdAt != nil),
                             DataRequirement("followers", present: kol.followers != nil)])
        }
        let age = (subject.context.now.timeInterval - created.timeInterval) / 86_400
        return .measured(AccountAgeMeasurement(ageDays: max(0, age), followers: followers))
    }
}

public struct GrowthCriterion: ScoreCriterion {
    public init() {}
    public var name: ComponentName { .growth }
    public var defaultWeight: Double { 0.10 }

    /// From the history: 100 up to the spike cutoff (robust z 3.5), falling to 0 at three times it.
    /// From the account's age: a young account that trips `young-account-fast-growth` caps the value at 20.
    /// Either source alone is enough to score; both missing leaves the component out.
    public func evaluate(_ subject: ScoringSubject) -> ComponentOutcome {
        let spikeRule = GrowthSpikeRule()
        let youngRule = YoungAccountFastGrowthRule()
        let zLimit = subject.threshold(spikeRule, GrowthSpikeRule.minRobustZ)
        var measured: JSONObject = [:]
        var value: Double?
        var parts: [String] = []
        if case .measured(let m) = GrowthMeasurement.measure(subject) {
            value = Scoring.ramp(m.maxRobustZ, good: zLimit, bad: 3 * zLimit)
            measured["medianGainPerDay"] = .double(Scoring.round(m.medianGainPerDay, 1))
            measured["maxRobustZ"] = .double(Scoring.round(m.maxRobustZ, 2))
            measured["intervals"] = .int(Int64(m.intervals.count))
            parts.append("typical growth \(Scoring.compact(m.medianGainPerDay * 7))/week, largest jump z \(Scoring.number(m.maxRobustZ, 1))")
        }
        if case .measured(let age) = AccountAgeMeasurement.measure(subject) {
            measured["accountAgeDays"] = .double(Scoring.round(age.ageDays, 0))
            measured["followersPerDaySinceCreation"] = .double(Scoring.round(age.followersPerDay, 1))
            if youngRule.evaluate(subject).flag != nil {
                value = min(value ?? 20, 20)
                parts.append("\(Scoring.compact(Double(age.followers))) followers in \(Int(age.ageDays)) days")
            } else {
                value = value ?? 100
            }
        }
        guard let value else {
            return .missing(needed: [DataRequirement("followerHistory", present: false),
                                     DataRequirement("createdAt", present: subject.kol.createdAt != nil)])
        }
        return .scored(value: value, measured: measured,
                       explanation: parts.isEmpty ? "account age plausible for its size" : parts.joined(separator: "; "))
    }
}

/// `growth-spike`: a follower jump far outside the account's own growth.
public struct GrowthSpikeRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .growthSpike }
    public var severity: RedFlagSeverity { .warning }

    static let minRobustZ = ThresholdParameter("minRobustZ", 3.5,
        source: "Iglewicz & Hoaglin (1993): modified z-score > 3.5 is a potential outlier")
    /// Engineering judgement: on a very smooth history even a modest wobble has a large z; a jump must
    /// also be a real share of the audience to matter to a buyer.
    static let minRelativeGain = ThresholdParameter("minRelativeGain", 0.05,
        source: "engineering judgement: the jump adds at least 5 % to the follower count")

    public var parameters: [ThresholdParameter] { [Self.minRobustZ, Self.minRelativeGain] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        GrowthMeasurement.measure(subject).judge { m in
            let zLimit = subject.threshold(self, Self.minRobustZ)
            let gainLimit = subject.threshold(self, Self.minRelativeGain)
            let spikes = m.scored.filter { $0.robustZ > zLimit && $0.relativeGain > gainLimit }
            var evidence: JSONObject = [
                "medianGainPerDay": .double(Scoring.round(m.medianGainPerDay, 1)), "scale": .double(Scoring.round(m.scale, 1)),
                "maxRobustZ": .double(Scoring.round(m.maxRobustZ, 2)),
                "threshold": ["minRobustZ": .double(zLimit), "minRelativeGain": .double(gainLimit)],
            ]
            guard let biggest = spikes.max(by: { $0.robustZ < $1.robustZ }) else { return .passed(evidence: evidence) }
            evidence["spikes"] = .array(spikes.map { spike in
                ["from": .string(spike.interval.from.description), "to": .string(spike.interval.to.description),
                 "gain": .int(Int64(spike.interval.gain)), "relativeGain": .double(Scoring.round(spike.relativeGain, 3)),
                 "robustZ": .double(Scoring.round(spike.robustZ, 1))]
            })
            let message = "Followers jumped by \(Scoring.compact(Double(biggest.interval.gain))) "
                + "(+\(Scoring.percent(biggest.relativeGain, digits: 0))) between \(biggest.interval.from) and \(biggest.interval.to), "
                + "against a usual \(Scoring.compact(m.medianGainPerDay * 7)) a week: check for a viral post or bought followers."
            return subject.flag(self, message: message, evidence: evidence,
                                needed: [DataRequirement("followerHistory", present: true)], field: "followerHistory")
        }
    }
}

/// `young-account-fast-growth`: a new account with a large, fast-grown fan base.
public struct YoungAccountFastGrowthRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .youngAccountFastGrowth }
    public var severity: RedFlagSeverity { .warning }

    static let maxAgeDays = ThresholdParameter("maxAgeDays", 365,
        source: "engineering judgement: an account younger than one year")
    static let minFollowers = ThresholdParameter("minFollowers", 100_000,
        source: "engineering judgement: the HypeAuditor 'maven' tier starts at 100K followers")
    static let minFollowersPerDay = ThresholdParameter("minFollowersPerDay", 500,
        source: "engineering judgement: 500 followers a day every day since creation (≈ 180k a year)")

    public var parameters: [ThresholdParameter] { [Self.maxAgeDays, Self.minFollowers, Self.minFollowersPerDay] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        AccountAgeMeasurement.measure(subject).judge { m in
            let ageLimit = subject.threshold(self, Self.maxAgeDays)
            let followerLimit = subject.threshold(self, Self.minFollowers)
            let rateLimit = subject.threshold(self, Self.minFollowersPerDay)
            let evidence: JSONObject = [
                "accountAgeDays": .double(Scoring.round(m.ageDays, 0)), "followers": .int(Int64(m.followers)),
                "followersPerDay": .double(Scoring.round(m.followersPerDay, 1)),
                "threshold": ["maxAgeDays": .double(ageLimit), "minFollowers": .double(followerLimit),
                              "minFollowersPerDay": .double(rateLimit)],
            ]
            guard m.ageDays < ageLimit, Double(m.followers) > followerLimit, m.followersPerDay > rateLimit else {
                return .passed(evidence: evidence)
            }
            let message = "The account is \(Int(m.ageDays)) days old and already has \(Scoring.compact(Double(m.followers))) "
                + "followers (\(Scoring.compact(m.followersPerDay)) a day on average): organic growth is rarely that fast."
            return subject.flag(self, message: message, evidence: evidence,
                                needed: [DataRequirement("createdAt", present: true), DataRequirement("followers", present: true)],
                                field: "createdAt")
        }
    }
}
