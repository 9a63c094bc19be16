import Foundation
import JSON

extension ComponentName {
    /// 1 − the estimated fake share of the KOL's sampled fans (the fan audit of protocol.md §9.1).
    public static let fanQuality = ComponentName("fanQuality")
}

extension RedFlagCode {
    public static let fakeFans = RedFlagCode(FanRedFlag.code)
}

/// The fan audit of a KOL's `fanSample`, as the scoring engine sees it: the same `FanAudit.audit` that
/// `kol/auditFans` runs, with the threshold and minimum sample of the `fake-fans` rule in force, so an
/// override in `brief.thresholds["fake-fans"]` moves the flag, the component and `kol/auditFans` alike.
struct FanQualityMeasurement {
    var result: FanAuditResult
    var threshold: Double
    var minimumSample: Int

    static func measure(_ subject: ScoringSubject) -> Measured<FanQualityMeasurement> {
        guard let fans = subject.kol.fanSample, !fans.isEmpty else {
            return .missing([DataRequirement("fanSample", present: false)])
        }
        let rule = FakeFansRule()
        var options = FanAuditOptions()
        options.fakeShareThreshold = subject.threshold(rule, FakeFansRule.maxFakeShare)
        // A non-positive or absurd override falls back to one fan rather than trapping in Int(_:).
        let minimum = subject.threshold(rule, FakeFansRule.minAssessedFans)
        options.minimumSample = minimum.isFinite ? Int(Swift.min(1e9, Swift.max(1, minimum.rounded(.up)))) : 1
        let now = Date(timeIntervalSince1970: subject.context.now.timeInterval)
        let result = subject.context.fanAudits.result(id: subject.kol.id, fans: fans, now: now, options: options) {
            FanAudit.audit(fans.map(FanSampleInput.entry), now: now, options: options)
        }
        guard result.outcome != .tooFewFans else {
            return .missing([DataRequirement("fanSample (at least \(options.minimumSample) assessable fans; \(result.assessed) now)", present: false)])
        }
        return .measured(FanQualityMeasurement(result: result, threshold: options.fakeShareThreshold,
                                               minimumSample: options.minimumSample))
    }

    var share: Double { result.fakeShare ?? 0 }

    /// "1 of 30 sampled fans look fake: 3.3 % (95 % interval 0.6–16.7 %)".
    var summary: String {
        let low = result.interval.map { Scoring.number($0.low * 100, 1) } ?? "?"
        let high = result.interval.map { Scoring.number($0.high * 100, 1) } ?? "?"
        return "\(result.fakeCount) of \(result.assessed) sampled fans look fake: \(Scoring.percent(share)) (95 % interval \(low)–\(high) %)"
    }

    var evidence: JSONObject {
        var object: JSONObject = [
            "fakeShare": .double(Scoring.round(share, 4)),
            "interval": result.interval.map { .array([.double(Scoring.round($0.low, 4)), .double(Scoring.round($0.high, 4))]) } ?? .null,
            "fakeCount": .int(Int64(result.fakeCount)), "assessed": .int(Int64(result.assessed)),
            "sampled": .int(Int64(result.sampled)), "outcome": .string(result.outcome.rawValue),
        ]
        if let plan = result.sampleSizeForTargetWidth {
            object["fansForWidth"] = ["width": .double(result.targetWidth), "fans": .int(Int64(plan))]
        }
        return object
    }
}

/// Fan quality: a KOL whose audience is bought or empty shells reaches fewer people than its follower count
/// says. Value = 100 × (1 − fake share); the Wilson interval is the evidence of how sure that is.
public struct FanQualityCriterion: ScoreCriterion {
    public init() {}
    public var name: ComponentName { .fanQuality }
    /// As heavy as growth or tone: a direct measurement of the audience, but from a sample of a few dozen
    /// profiles (a 30-fan sample leaves about ± 15 points of uncertainty), so not as heavy as engagement.
    public var defaultWeight: Double { 0.10 }

    public func evaluate(_ subject: ScoringSubject) -> ComponentOutcome {
        switch FanQualityMeasurement.measure(subject) {
        case .missing(let needed): return .missing(needed: needed)
        case .notApplicable(let reason): return .notApplicable(reason: reason)
        case .measured(let m):
            return .scored(value: 100 * (1 - m.share), measured: m.evidence, explanation: m.summary)
        }
    }
}

/// `fake-fans`: the estimated fake share of the sampled fans is above the threshold (protocol.md §9.1).
///
/// Severity error, like `stars-followers-mismatch` and `bought-reposts`: it points at bought audience, which
/// a marketer should not book without an explanation (the known limitation, lurkers judged fake, is why
/// the evidence lists the commonest reasons: a sample of empty shells reads differently from quiet people).
public struct FakeFansRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .fakeFans }
    public var severity: RedFlagSeverity { .error }
    static let maxFakeShare = ThresholdParameter("maxFakeShare", FanAuditOptions().fakeShareThreshold,
        source: "Modash treats follower credibility below 75 % as a sign of fraud (FanAuditOptions)")
    static let minAssessedFans = ThresholdParameter("minAssessedFans", Double(FanAuditOptions().minimumSample),
        source: "FanAuditOptions: with fewer, the 95 % interval around 25 % is wider than ± 15 points")
    public var parameters: [ThresholdParameter] { [Self.maxFakeShare, Self.minAssessedFans] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        FanQualityMeasurement.measure(subject).judge { m in
            var evidence = m.evidence
            evidence["threshold"] = ["maxFakeShare": .double(m.threshold), "minAssessedFans": .double(Double(m.minimumSample))]
            guard let flag = m.result.redFlag else { return .passed(evidence: evidence) }
            // The audit's own evidence lines after the first two (count and threshold): the commonest reasons.
            let reasons = Array(flag.evidence.dropFirst(2))
            evidence["commonReasons"] = .array(reasons.map { .string($0) })
            var message = "\(m.summary), above the \(Scoring.percent(m.threshold, digits: 0)) threshold: these fans are unlikely to be real, reachable people."
            if let first = reasons.first { message += " \(first)." }
            return subject.flag(self, message: message, evidence: evidence,
                                needed: [DataRequirement("fanSample", present: true)], field: "fanSample")
        }
    }
}
