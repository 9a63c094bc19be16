import Foundation
import JSON

/// Criterion 1, the zombie-fan smell: many followers for a low star score, compared with the workspace's
/// KOLs of the same star level on a log scale (follower counts are multiplicative: 100k vs 1M is as far as
/// 1M vs 10M).
struct StarsFollowersMeasurement {
    var stars: Double
    var followers: Int
    var reference: PeerStatistics.Reference
    /// Robust z of log10 followers: (x − median) / (1.4826 · max(MAD, `minimumMAD`)).
    var robustZ: Double
    /// followers / peers' median followers.
    var ratio: Double

    /// A floor on the MAD (0.05 in log10 ≈ ±12 %) so a workspace whose peers happen to be nearly identical
    /// does not turn a 30 % difference into a huge z.
    static let minimumMAD = 0.05

    static func measure(_ subject: ScoringSubject) -> Measured<StarsFollowersMeasurement> {
        let kol = subject.kol
        let needed = [DataRequirement("stars", present: kol.stars != nil),
                      DataRequirement("followers", present: (kol.followers ?? 0) > 0)]
        guard let stars = kol.stars, let followers = kol.followers, followers > 0,
              let reference = subject.context.peers.followers(for: kol) else { return .missing(needed) }
        let x = log10(Double(followers))
        let scale = Descriptive.madNormalConsistency * max(reference.mad ?? 0, minimumMAD)
        return .measured(StarsFollowersMeasurement(stars: stars, followers: followers, reference: reference,
                                                  robustZ: (x - reference.median) / scale,
                                                  ratio: Double(followers) / pow(10, reference.median)))
    }

    var evidence: JSONObject {
        ["stars": .double(stars), "followers": .int(Int64(followers)),
         "peerMedianFollowers": .double(Scoring.round(pow(10, reference.median), 0)),
         "ratioToPeers": .double(Scoring.round(ratio, 2)), "robustZ": .double(Scoring.round(robustZ, 2)),
         "peers": .object(reference.json)]
    }
}

public struct StarsFollowersCriterion: ScoreCriterion {
    public init() {}
    /// Compared with peers of the same star level.
    public var readsPeers: Bool { true }
    public var name: ComponentName { .starsFollowers }
    public var defaultWeight: Double { 0.10 }

    /// 100 up to a robust z of 1 above peers, falling linearly to 0 at z = 7 (twice the flag's cutoff).
    /// Fewer followers than peers is not penalised here (that is reach, which price and engagement cover).
    public func evaluate(_ subject: ScoringSubject) -> ComponentOutcome {
        switch StarsFollowersMeasurement.measure(subject) {
        case .missing(let needed): return .missing(needed: needed)
        case .notApplicable(let reason): return .notApplicable(reason: reason)
        case .measured(let m):
            let value = Scoring.ramp(m.robustZ, good: 1, bad: 7)
            return .scored(value: value, measured: m.evidence,
                           explanation: "\(Scoring.compact(Double(m.followers))) followers at ★\(Scoring.number(m.stars, 1)) vs "
                               + "\(Scoring.compact(pow(10, m.reference.median))) for peers "
                               + "(\(Scoring.number(m.ratio, 1))×, robust z \(Scoring.number(m.robustZ, 1)))")
        }
    }
}

/// `stars-followers-mismatch`: followers far above peers of the same star level.
public struct StarsFollowersMismatchRule: RedFlagRule {
    public init() {}
    /// Compared with peers of the same star level.
    public var readsPeers: Bool { true }
    public var code: RedFlagCode { .starsFollowersMismatch }
    public var severity: RedFlagSeverity { .error }

    /// Iglewicz & Hoaglin (1993), "How to Detect and Handle Outliers": a modified (median/MAD) z-score
    /// above 3.5 marks a potential outlier.
    static let minRobustZ = ThresholdParameter("minRobustZ", 3.5,
        source: "Iglewicz & Hoaglin (1993): modified z-score > 3.5 is a potential outlier")
    /// Engineering judgement: a tightly grouped level could make a 1.5× difference "significant"; a star
    /// score is a coarse signal, so we also require at least 3× the peers' median.
    static let minRatio = ThresholdParameter("minRatioToPeers", 3,
        source: "engineering judgement: at least 3× the peers' median followers")

    public var parameters: [ThresholdParameter] { [Self.minRobustZ, Self.minRatio] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        StarsFollowersMeasurement.measure(subject).judge { m in
            let zLimit = subject.threshold(self, Self.minRobustZ)
            let ratioLimit = subject.threshold(self, Self.minRatio)
            var evidence = m.evidence
            evidence["threshold"] = ["minRobustZ": .double(zLimit), "minRatioToPeers": .double(ratioLimit)]
            guard m.robustZ > zLimit, m.ratio > ratioLimit else { return .passed(evidence: evidence) }
            let message = "\(Scoring.compact(Double(m.followers))) followers is \(Scoring.number(m.ratio, 0))× the median of "
                + "★\(Scoring.number(m.stars, 1)) peers (\(Scoring.compact(pow(10, m.reference.median)))); "
                + "star scores reflect real engagement, so the extra followers may be inactive or bought."
            return subject.flag(self, message: message, evidence: evidence,
                                needed: [DataRequirement("stars", present: true), DataRequirement("followers", present: true)],
                                field: "followers")
        }
    }
}
