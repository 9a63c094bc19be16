import JSON

/// `tone-clash`: the KOL's voice is far from the brief's (protocol.md §8.5).
public struct ToneClashRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .toneClash }
    /// Error: a voice that clashes with the brand's tone would speak for the brand in the wrong voice.
    public var severity: RedFlagSeverity { .error }
    static let maxDistance = ThresholdParameter("maxDistance", 0.22,
        source: "the `partly` bound of the tone comparison (protocol.md §8.4): beyond it the verdict is `clashes`")
    static let minPosts = ThresholdParameter("minPosts", 3,
        source: "engineering judgement: one or two posts do not make a voice")
    public var parameters: [ThresholdParameter] { [Self.maxDistance, Self.minPosts] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        ToneFitMeasurement.measure(subject).judge { m in
            let limit = subject.threshold(self, Self.maxDistance)
            let minPosts = subject.threshold(self, Self.minPosts)
            guard Double(m.texts.texts.count) >= minPosts else {
                return .skipped(needed: [DataRequirement("posts[].text (at least \(Int(minPosts)) posts)", present: false)])
            }
            var evidence = m.evidence
            evidence["threshold"] = .double(limit)
            let worst = m.comparison.worst.first
            if let worst {
                evidence["worstPost"] = ["index": .int(Int64(m.texts.postIndices[worst.index])),
                                         "text": .string(ToneFitMeasurement.excerpt(worst.text ?? "")),
                                         "distance": .double(Scoring.round(worst.distance, 3))]
            }
            guard m.comparison.distance > limit else { return .passed(evidence: evidence) }
            var message = "The KOL's voice clashes with the brief's \(m.target.label): distance \(Scoring.number(m.comparison.distance)) > \(Scoring.number(limit)) over \(m.texts.texts.count) posts (\(m.largestDifferences))."
            if let text = worst?.text { message += " Furthest: “\(ToneFitMeasurement.excerpt(text, limit: 24))”." }
            let field = worst.map { "posts[\(m.texts.postIndices[$0.index])].text" } ?? "posts"
            return subject.flag(self, message: message, evidence: evidence,
                                needed: [DataRequirement("brief.tone", present: true), DataRequirement("posts[].text", present: true)],
                                field: field)
        }
    }
}

/// `tone-drift`: the voice changed over time (a lifestyle account turned into an ad feed), naming the window
/// where it changed (protocol.md §8.5).
public struct ToneDriftRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .toneDrift }
    public var severity: RedFlagSeverity { .warning }
    /// Why 0.22 and not the tone module's 0.15: before and after must be voices the comparison would call
    /// different (`clashes`). On the demo, months of 5 ordinary posts differ by up to 0.17 by chance; the
    /// designed lifestyle-to-ads account drifts 0.38.
    static let minDrift = ThresholdParameter("minDrift", 0.22,
        source: "the `clashes` line of the tone comparison (protocol.md §8.4): the voice before and after would be judged different; 0.15 trips on month-to-month noise of 5-post months")
    static let minPostsPerSide = ThresholdParameter("minPostsPerSide", 4,
        source: "engineering judgement: a before/after mean needs a few posts on each side")
    public var parameters: [ThresholdParameter] { [Self.minDrift, Self.minPostsPerSide] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        guard let posts = subject.kol.posts else { return .skipped(needed: [DataRequirement("posts", present: false)]) }
        let perSide = max(1, Int(subject.threshold(self, Self.minPostsPerSide).rounded(.up)))
        let tone = subject.features.tone ?? ToneFeatures(kol: subject.kol)
        let timed = tone.datedProfiles(posts)
        guard timed.count >= 2 * perSide else {
            return .skipped(needed: [DataRequirement("posts[].at and posts[].text (at least \(2 * perSide) dated posts)", present: false)])
        }
        var thresholds = ToneDriftThresholds()
        thresholds.minPostsPerSide = perSide
        let limit = subject.threshold(self, Self.minDrift)
        let drift = ToneDrift(profiledPosts: timed.map { ($0.date, $0.profile) }, thresholds: thresholds)
        var evidence: JSONObject = [
            "drift": .double(Scoring.round(drift.statistic, 3)),
            "windows": .array(drift.windows.map { ["window": .string($0.label), "posts": .int(Int64($0.posts))] }),
            "threshold": .double(limit),
        ]
        guard let window = drift.changeWindow else { return .passed(evidence: evidence) }
        evidence["changeWindow"] = .string(window.label)
        evidence["change"] = ToneFitMeasurement.json(drift.change)
        guard drift.statistic > limit else { return .passed(evidence: evidence) }
        let message = "The voice changed from \(window.label) on: \(ToneFitMeasurement.describe(drift.change)) (drift \(Scoring.number(drift.statistic)) > \(Scoring.number(limit))). Judge the account by its recent posts."
        let first = timed.filter { $0.date >= window.start }.min { $0.date < $1.date }
        return subject.flag(self, message: message, evidence: evidence,
                            needed: [DataRequirement("posts[].at", present: true), DataRequirement("posts[].text", present: true)],
                            field: first.map { "posts[\($0.index)]" } ?? "posts")
    }
}

/// `channel-tone-mismatch`: the KOL sounds clearly different on another channel (Weibo jokes, an academic
/// blog); information, since the Weibo voice is what a Weibo booking buys (protocol.md §8.5).
public struct ChannelToneMismatchRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .channelToneMismatch }
    public var severity: RedFlagSeverity { .information }
    static let maxDistance = ThresholdParameter("maxDistance", 0.22,
        source: "the `partly` bound of the tone comparison (protocol.md §8.4)")
    static let minTexts = ThresholdParameter("minTexts", 3,
        source: "engineering judgement: at least three texts on each side")
    public var parameters: [ThresholdParameter] { [Self.maxDistance, Self.minTexts] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        guard let channels = subject.kol.channels else { return .skipped(needed: [DataRequirement("channels", present: false)]) }
        guard subject.kol.posts != nil else { return .skipped(needed: [DataRequirement("posts", present: false)]) }
        let minTexts = max(1, Int(subject.threshold(self, Self.minTexts).rounded(.up)))
        let limit = subject.threshold(self, Self.maxDistance)
        let tone = subject.features.tone ?? ToneFeatures(kol: subject.kol)
        let weibo = tone.texts
        let others = channels.enumerated().filter { ($0.element.platform ?? "").lowercased() != KOL.defaultPlatform }
        let comparable = others.compactMap { index, channel -> (Int, Channel, ToneProfile)? in
            guard let profile = tone.channelProfiles[index], profile.posts >= minTexts else { return nil }
            return (index, channel, profile)
        }
        if others.isEmpty { return .passed(evidence: ["channels": 0, "threshold": .double(limit)]) }
        guard weibo.texts.count >= minTexts, !comparable.isEmpty else {
            return .skipped(needed: [DataRequirement("posts[].text and channels[].posts[].text (at least \(minTexts) each)", present: false)])
        }
        let weiboProfile = tone.profile
        var worst: (index: Int, channel: Channel, comparison: ToneComparison)?
        var distances: [JSONValue] = []
        for (index, channel, profile) in comparable {
            let comparison = ToneComparison(weiboProfile, profile, texts: weibo.texts)
            distances.append(["channel": .string(channel.name ?? channel.platform ?? "channel \(index + 1)"),
                              "distance": .double(Scoring.round(comparison.distance, 3)),
                              "texts": .int(Int64(profile.posts))])
            if comparison.distance > (worst?.comparison.distance ?? -1) { worst = (index, channel, comparison) }
        }
        var evidence: JSONObject = ["channels": .array(distances), "weiboPosts": .int(Int64(weibo.texts.count)),
                                    "threshold": .double(limit)]
        guard let worst, worst.comparison.distance > limit else { return .passed(evidence: evidence) }
        evidence["differences"] = ToneFitMeasurement.json(worst.comparison.differences)
        let name = worst.channel.name.map { "“\($0)”" } ?? "the \(worst.channel.platform ?? "other") channel"
        let message = "Weibo and \(name) sound like different people: distance \(Scoring.number(worst.comparison.distance)) > \(Scoring.number(limit)); on Weibo the KOL is \(ToneFitMeasurement.describe(worst.comparison.differences))."
        return subject.flag(self, message: message, evidence: evidence,
                            needed: [DataRequirement("posts[].text", present: true), DataRequirement("channels[].posts[].text", present: true)],
                            field: "channels[\(worst.index)]")
    }
}
