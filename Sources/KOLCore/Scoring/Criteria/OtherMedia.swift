import Foundation
import JSON

/// Criterion 6: the KOL on other media, their size, and whether they cover the same topics as on Weibo.
/// Tone consistency across channels is the tone analysis' `channel-tone-mismatch` rule.
struct OtherMediaMeasurement {
    struct ChannelFit {
        var channel: KOLFeatures.ChannelFeatures
        /// Share of the channel's topic mass on topics the Weibo account also covers; nil when unknown.
        var overlap: Double?
    }

    /// Channels other than Weibo itself.
    var channels: [ChannelFit]

    static func measure(_ subject: ScoringSubject) -> Measured<OtherMediaMeasurement> {
        guard let channels = subject.features.channels else {
            return .missing([DataRequirement("channels", present: false)])
        }
        let weiboTopics = Set((subject.features.topicCounts ?? [:]).keys)
        let others = channels.filter { ($0.platform ?? "").lowercased() != KOL.defaultPlatform }
        return .measured(OtherMediaMeasurement(channels: others.map { channel in
            var overlap: Double?
            if let topics = channel.topics, !weiboTopics.isEmpty {
                let total = topics.values.reduce(0, +)
                overlap = total > 0 ? topics.filter { weiboTopics.contains($0.key) }.values.reduce(0, +) / total : nil
            }
            return ChannelFit(channel: channel, overlap: overlap)
        }))
    }

    var largestFollowers: Int? { channels.compactMap(\.channel.followers).max() }
}

public struct OtherMediaCriterion: ScoreCriterion {
    public init() {}
    public var name: ComponentName { .otherMedia }
    public var defaultWeight: Double { 0.05 }

    /// No other channel: 0. Otherwise 60 for presence + 20 for size (largest channel, 1k followers → 0,
    /// 100k → 20 on a log scale; 10 when unknown) + 20 × the mean topic overlap with Weibo (10 when unknown).
    public func evaluate(_ subject: ScoringSubject) -> ComponentOutcome {
        switch OtherMediaMeasurement.measure(subject) {
        case .missing(let needed): return .missing(needed: needed)
        case .notApplicable(let reason): return .notApplicable(reason: reason)
        case .measured(let m):
            guard !m.channels.isEmpty else {
                return .scored(value: 0, measured: ["channels": .int(0)], explanation: "no presence beyond Weibo")
            }
            let size = m.largestFollowers.map { Scoring.ramp(log10(Double(max(1, $0))), good: 5, bad: 3) / 5 } ?? 10
            let overlaps = m.channels.compactMap(\.overlap)
            let fit = overlaps.isEmpty ? 10 : 20 * overlaps.reduce(0, +) / Double(overlaps.count)
            var measured: JSONObject = ["channels": .int(Int64(m.channels.count)),
                                        "platforms": .array(m.channels.map { .string($0.channel.platform ?? "?") })]
            if let largest = m.largestFollowers { measured["largestFollowers"] = .int(Int64(largest)) }
            if !overlaps.isEmpty { measured["meanTopicOverlap"] = .double(Scoring.round(overlaps.reduce(0, +) / Double(overlaps.count), 3)) }
            let platforms = m.channels.map { $0.channel.platform ?? "?" }.joined(separator: ", ")
            return .scored(value: 60 + size + fit, measured: measured, explanation: "also on \(platforms)")
        }
    }
}

/// `no-other-media`: no presence beyond Weibo (an explicitly empty `channels` list; absent is unknown).
public struct NoOtherMediaRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .noOtherMedia }
    public var severity: RedFlagSeverity { .information }
    static let minChannels = ThresholdParameter("minChannels", 1,
        source: "definition: at least one channel other than Weibo")
    public var parameters: [ThresholdParameter] { [Self.minChannels] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        OtherMediaMeasurement.measure(subject).judge { m in
            let limit = subject.threshold(self, Self.minChannels)
            let evidence: JSONObject = ["otherChannels": .int(Int64(m.channels.count)), "threshold": .double(limit)]
            guard Double(m.channels.count) < limit else { return .passed(evidence: evidence) }
            return subject.flag(self, message: "No presence beyond Weibo: the campaign cannot be echoed on WeChat, "
                                    + "Xiaohongshu or video, and the KOL's standing is harder to cross-check.",
                                evidence: evidence, needed: [DataRequirement("channels", present: true)], field: "channels")
        }
    }
}

/// `channel-topic-mismatch`: other channels cover unrelated topics.
public struct ChannelTopicMismatchRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .channelTopicMismatch }
    public var severity: RedFlagSeverity { .information }
    static let minOverlap = ThresholdParameter("minTopicOverlap", 0.2,
        source: "engineering judgement: under a fifth of the channel's topics are also the Weibo account's")
    public var parameters: [ThresholdParameter] { [Self.minOverlap] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        OtherMediaMeasurement.measure(subject).judge { m in
            let known = m.channels.filter { $0.overlap != nil }
            guard !known.isEmpty else {
                return .skipped(needed: [DataRequirement("channels[].topics or channels[].posts, and Weibo topics",
                                                         present: false)])
            }
            let limit = subject.threshold(self, Self.minOverlap)
            let mismatched = known.filter { ($0.overlap ?? 1) < limit }
            let weiboTopics = (subject.features.topicCounts ?? [:]).sorted { $0.value > $1.value }.prefix(3).map(\.key)
            var evidence: JSONObject = ["weiboTopics": .array(weiboTopics.map { .string($0) }), "threshold": .double(limit)]
            evidence["channels"] = .array(known.map { fit in
                ["platform": .string(fit.channel.platform ?? "?"), "name": .string(fit.channel.name ?? ""),
                 "topics": .array((fit.channel.topics ?? [:]).keys.sorted().map { .string($0) }),
                 "topicOverlap": .double(Scoring.round(fit.overlap ?? 0, 3))]
            })
            guard let first = mismatched.first else { return .passed(evidence: evidence) }
            let channelTopics = (first.channel.topics ?? [:]).keys.sorted().joined(separator: ", ")
            let message = "\(first.channel.platform ?? "Another channel") \(first.channel.name.map { "「\($0)」" } ?? "") covers "
                + "\(channelTopics), unrelated to the Weibo account's \(weiboTopics.joined(separator: ", ")): "
                + "the two audiences may not be the same people."
            return subject.flag(self, message: message, evidence: evidence,
                                needed: [DataRequirement("channels[].topics", present: true)],
                                field: "channels[\(first.channel.index)]")
        }
    }
}
