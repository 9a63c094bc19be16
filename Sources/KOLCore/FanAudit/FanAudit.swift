import Foundation

/// One fan of a sample as the audit receives it: an id (optional, echoed back) and the profile.
package struct FanSampleEntry: Hashable, Sendable {
    package var id: String?
    package var profile: FanProfile
    package init(id: String? = nil, profile: FanProfile) {
        self.id = id
        self.profile = profile
    }
}

/// The verdict on one fan.
package struct FanVerdict: Hashable, Sendable {
    package var id: String?
    package var fake: Bool
    /// Model probability of being a bought/fake account, 0–1.
    package var probability: Double
    /// The features that pushed hardest toward the verdict, strongest first.
    package var reasons: [FanReason]
    /// Model features that were unknown for this fan (they counted as neutral).
    package var missing: [FanFeature]
    /// `false` when not one model feature was known: such a fan is listed but left out of the share.
    package var assessed: Bool
}

/// How the sample as a whole came out. An explicit state, not a pair of flags.
package enum FanAuditOutcome: String, Hashable, Sendable {
    /// Fewer assessable fans than `minimumSample`: no judgement either way.
    case tooFewFans
    /// Estimated fake share at or below the threshold.
    case clear
    /// Share above the threshold, but the 95 % interval still reaches below it.
    case likelyFake
    /// Even the low end of the interval is above the threshold.
    case clearlyFake
}

/// The red flag `fake-fans`, with the evidence behind it.
package struct FanRedFlag: Hashable, Sendable {
    package static let code = "fake-fans"
    package var code: String { Self.code }
    package var threshold: Double
    package var message: String
    package var evidence: [String]
}

/// Result of `kol/auditFans`.
package struct FanAuditResult: Hashable, Sendable {
    /// Share of assessed fans judged fake; `nil` when none could be assessed.
    package var fakeShare: Double?
    /// Wilson interval for the share; `nil` with the share.
    package var interval: ProportionInterval?
    /// Fans in the sample (every entry, assessed or not).
    package var sampled: Int
    /// Fans with at least one known model feature: the denominator of the share.
    package var assessed: Int
    package var fakeCount: Int
    /// One entry per fan, in sample order.
    package var fans: [FanVerdict]
    /// Fans to sample for an interval `targetWidth` wide at the share seen (0.5 when unknown).
    package var sampleSizeForTargetWidth: Int?
    package var targetWidth: Double
    package var outcome: FanAuditOutcome
    package var redFlag: FanRedFlag?
}

/// The fan-quality audit: classify each sampled fan, estimate the fake share with its uncertainty, and
/// raise `fake-fans` when the share is too high. Pure; `now` is passed in so results are reproducible.
package enum FanAudit {
    package static func audit(_ sample: [FanSampleEntry], now: Date, options: FanAuditOptions = FanAuditOptions())
        -> FanAuditResult
    {
        let model = options.model
        var fans: [FanVerdict] = []
        fans.reserveCapacity(sample.count)
        for entry in sample {
            fans.append(classify(entry, now: now, model: model, reasonLimit: options.reasonsPerFan))
        }
        let assessed = fans.filter(\.assessed)
        let fakeCount = assessed.filter(\.fake).count
        let share = assessed.isEmpty ? nil : Double(fakeCount) / Double(assessed.count)
        // A nonsensical z (0, negative, NaN) from an override falls back to 95 % rather than no interval.
        let z = options.z > 0 && options.z.isFinite ? options.z : NormalDistribution.z95
        let interval = Wilson.interval(successes: fakeCount, trials: assessed.count, z: z)
        let plan = Wilson.sampleSize(width: options.targetWidth, proportion: share ?? 0.5, z: z)

        let outcome: FanAuditOutcome
        if assessed.count < Swift.max(1, options.minimumSample) {
            outcome = .tooFewFans
        } else if let share, share > options.fakeShareThreshold {
            outcome = (interval?.low ?? 0) > options.fakeShareThreshold ? .clearlyFake : .likelyFake
        } else {
            outcome = .clear
        }
        var flag: FanRedFlag?
        if outcome == .likelyFake || outcome == .clearlyFake, let share, let interval {
            flag = redFlag(
                share: share, interval: interval, fakeCount: fakeCount, assessed: assessed.count,
                fakes: assessed.filter(\.fake), options: options, outcome: outcome)
        }
        return FanAuditResult(
            fakeShare: share, interval: interval, sampled: sample.count, assessed: assessed.count,
            fakeCount: fakeCount, fans: fans, sampleSizeForTargetWidth: plan, targetWidth: options.targetWidth,
            outcome: outcome, redFlag: flag)
    }

    /// Verdict on one fan.
    package static func classify(_ entry: FanSampleEntry, now: Date, model: FanModel = .committed, reasonLimit: Int = 3)
        -> FanVerdict
    {
        let values = FanFeatureValues(profile: entry.profile, now: now)
        let missing = model.features.filter { values[$0] == nil }
        let assessed = missing.count < model.features.count
        let p = model.probability(values)
        let fake = assessed && p >= model.threshold
        let reasons =
            assessed
            ? FanReasonWriter.reasons(
                profile: entry.profile, values: values, contributions: model.contributions(values), fake: fake,
                limit: reasonLimit)
            : []
        return FanVerdict(
            id: entry.id, fake: fake, probability: p, reasons: reasons, missing: missing, assessed: assessed)
    }

    static func redFlag(
        share: Double, interval: ProportionInterval, fakeCount: Int, assessed: Int, fakes: [FanVerdict],
        options: FanAuditOptions, outcome: FanAuditOutcome
    ) -> FanRedFlag {
        let pct = FanReasonWriter.percent
        var evidence = [
            "\(fakeCount) of \(assessed) sampled fans look fake: \(pct(share)) "
                + "(95 % interval \(pct(interval.low))–\(pct(interval.high)))",
            "threshold \(pct(options.fakeShareThreshold)): Modash treats follower credibility below "
                + "\(pct(1 - options.fakeShareThreshold)) as a sign of fraud",
        ]
        // The commonest reasons among the fake fans, so a marketer sees *what* looks bought.
        var counts: [FanReasonKind: Int] = [:]
        for fan in fakes {
            for r in fan.reasons { counts[r.kind, default: 0] += 1 }
        }
        let top = FanReasonKind.allCases.compactMap { k in counts[k].map { (k, $0) } }
            .sorted { $0.1 > $1.1 }.prefix(3)
        for (kind, n) in top {
            evidence.append("\(n) of the \(fakeCount) fake-looking fans: \(commonReasonText(kind))")
        }
        let certainty = outcome == .clearlyFake ? "well above" : "above"
        return FanRedFlag(
            threshold: options.fakeShareThreshold,
            message: "Estimated fake-fan share \(pct(share)) is \(certainty) the \(pct(options.fakeShareThreshold)) threshold",
            evidence: evidence)
    }

    static func commonReasonText(_ kind: FanReasonKind) -> String {
        switch kind {
        case .audience: return "follow far more accounts than follow them"
        case .activity: return "have (almost) never posted"
        case .accountAge: return "new accounts"
        case .avatar: return "no profile picture"
        case .bio: return "no bio"
        case .verified: return "not verified"
        case .reposts: return "mostly reposts"
        case .links: return "mostly links"
        case .lastPost: return "long inactive"
        }
    }
}
