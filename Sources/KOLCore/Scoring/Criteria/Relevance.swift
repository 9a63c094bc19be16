import Foundation
import JSON

/// Criterion 4: how much the KOL talks about what the brief sells, and how focused they are.
struct KeywordMeasurement {
    var postsWithText: Int
    var matchingPosts: Int
    /// Keyword → number of posts matching it.
    var hits: [(String, Int)]
    var share: Double { Double(matchingPosts) / Double(max(1, postsWithText)) }

    static let minimumPosts = 3

    static func measure(_ subject: ScoringSubject) -> Measured<KeywordMeasurement> {
        guard let keywords = subject.context.keywords else {
            return .missing([DataRequirement("brief.keywords", present: false)])
        }
        let posts = (subject.features.posts ?? []).filter { !$0.text.grams.isEmpty || !$0.text.words.isEmpty }
        guard posts.count >= minimumPosts else {
            return .missing([DataRequirement("posts[].text (at least \(minimumPosts) posts)", present: false)])
        }
        var counts = Array(repeating: 0, count: keywords.count)
        var matching = 0
        for post in posts {
            var any = false
            for (i, keyword) in keywords.enumerated() where keyword.matches(post.text) {
                counts[i] += 1
                any = true
            }
            if any { matching += 1 }
        }
        return .measured(KeywordMeasurement(postsWithText: posts.count, matchingPosts: matching,
                                            hits: zip(keywords.map(\.keyword), counts).map { ($0, $1) }))
    }
}

/// Normalised entropy of the topic distribution over k = max(lexicon categories, topics seen) categories.
///
/// Why a fixed k: normalising by the number of topics *seen* would call a 50/50 tea-and-travel KOL perfectly
/// "spread" (1.0). Dividing by log of the lexicon size measures spread on one scale for everyone: all posts
/// on one topic = 0; 8 topics used evenly ≈ 0.73.
struct TopicSpreadMeasurement {
    var counts: [String: Double]
    var source: KOLFeatures.TopicSource
    var normalisedEntropy: Double
    var mass: Double { counts.values.reduce(0, +) }

    static func measure(_ subject: ScoringSubject) -> Measured<TopicSpreadMeasurement> {
        guard let counts = subject.features.topicCounts, let source = subject.features.topicSource else {
            return .missing([DataRequirement("topics or posts[].topics or posts[].text", present: false)])
        }
        let k = max(TopicLexicon.count, counts.count)
        let weights = counts.values.sorted() + Array(repeating: 0, count: k - counts.count)
        let entropy = Entropy.normalised(weights) ?? 0
        return .measured(TopicSpreadMeasurement(counts: counts, source: source, normalisedEntropy: entropy))
    }

    var topTopics: [String] {
        counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map(\.key)
    }
}

public struct RelevanceCriterion: ScoreCriterion {
    public init() {}
    public var name: ComponentName { .relevance }
    public var defaultWeight: Double { 0.25 }

    /// 0.7 × keyword fit (100 when 60 % or more of posts match a brief keyword, linear to 0 at none) +
    /// 0.3 × focus (100 × (1 − normalised topic entropy)). Without posts, declared topics matching a keyword
    /// give the keyword part 100, else 0.
    public func evaluate(_ subject: ScoringSubject) -> ComponentOutcome {
        var measured: JSONObject = [:]
        var parts: [(Double, Double)] = []
        var explanation: [String] = []
        switch KeywordMeasurement.measure(subject) {
        case .measured(let m):
            parts.append((Scoring.ramp(m.share, good: 0.6, bad: 0), 0.7))
            measured["keywordPostShare"] = .double(Scoring.round(m.share, 3))
            measured["matchingPosts"] = .int(Int64(m.matchingPosts))
            measured["postsWithText"] = .int(Int64(m.postsWithText))
            var hits = JSONObject()
            for (keyword, count) in m.hits { hits[keyword] = .int(Int64(count)) }
            measured["keywordHits"] = .object(hits)
            explanation.append("\(m.matchingPosts)/\(m.postsWithText) posts mention the brief's keywords")
        case .missing(let needed):
            guard let keywords = subject.context.keywords else { return .missing(needed: needed) }
            if let declared = subject.kol.topics, !declared.isEmpty {
                let index = declared.reduce(into: TextIndex()) { $0.add($1) }
                let fits = keywords.contains { $0.matches(index) }
                parts.append((fits ? 100 : 0, 0.7))
                measured["declaredTopicsMatch"] = .bool(fits)
                explanation.append(fits ? "declared topics match the brief" : "declared topics do not match the brief")
            } else {
                return .missing(needed: needed)
            }
        case .notApplicable(let reason):
            return .notApplicable(reason: reason)
        }
        if case .measured(let spread) = TopicSpreadMeasurement.measure(subject) {
            parts.append((100 * (1 - spread.normalisedEntropy), 0.3))
            measured["topicEntropy"] = .double(Scoring.round(spread.normalisedEntropy, 3))
            measured["topics"] = .array(spread.topTopics.prefix(5).map { .string($0) })
            explanation.append("main topics \(spread.topTopics.prefix(3).joined(separator: ", "))")
        }
        let value = parts.reduce(0) { $0 + $1.0 * $1.1 } / parts.reduce(0) { $0 + $1.1 }
        return .scored(value: value, measured: measured, explanation: explanation.joined(separator: "; "))
    }
}

/// `off-topic`: little overlap with the brief's keywords.
public struct OffTopicRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .offTopic }
    /// Error: a KOL whose audience is there for something else cannot carry this brief (calibration, protocol.md §7).
    public var severity: RedFlagSeverity { .error }
    static let minShare = ThresholdParameter("minKeywordPostShare", 0.2,
        source: "engineering judgement: fewer than 1 post in 5 mentions any brief keyword")
    public var parameters: [ThresholdParameter] { [Self.minShare] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        KeywordMeasurement.measure(subject).judge { m in
            let limit = subject.threshold(self, Self.minShare)
            let evidence: JSONObject = ["matchingPosts": .int(Int64(m.matchingPosts)), "postsWithText": .int(Int64(m.postsWithText)),
                                        "keywordPostShare": .double(Scoring.round(m.share, 3)), "threshold": .double(limit)]
            guard m.share < limit else { return .passed(evidence: evidence) }
            let keywords = m.hits.map(\.0).joined(separator: ", ")
            let message = "Only \(m.matchingPosts) of \(m.postsWithText) posts mention the brief's keywords (\(keywords)): "
                + "the audience follows this KOL for something else."
            return subject.flag(self, message: message, evidence: evidence,
                                needed: [DataRequirement("brief.keywords", present: true), DataRequirement("posts[].text", present: true)],
                                field: "posts")
        }
    }
}

/// `generalist`: topics too spread out.
public struct GeneralistRule: RedFlagRule {
    public init() {}
    public var code: RedFlagCode { .generalist }
    public var severity: RedFlagSeverity { .warning }
    static let maxEntropy = ThresholdParameter("maxNormalisedEntropy", 0.7,
        source: "engineering judgement: about 8 or more topics used evenly (log 8 / log 17 ≈ 0.73)")
    /// Fewer topic observations than this cannot show a spread.
    static let minimumMass = 5.0
    public var parameters: [ThresholdParameter] { [Self.maxEntropy] }

    public func evaluate(_ subject: ScoringSubject) -> RuleOutcome {
        TopicSpreadMeasurement.measure(subject).judge { m in
            guard m.mass >= Self.minimumMass else {
                return .skipped(needed: [DataRequirement("at least 5 topic observations", present: false)])
            }
            let limit = subject.threshold(self, Self.maxEntropy)
            let evidence: JSONObject = [
                "normalisedEntropy": .double(Scoring.round(m.normalisedEntropy, 3)),
                "entropyBits": .double(Scoring.round((Entropy.shannon(Array(m.counts.values)) ?? 0) / log(2), 2)),
                "distinctTopics": .int(Int64(m.counts.count)), "source": .string(m.source.rawValue),
                "threshold": .double(limit),
            ]
            guard m.normalisedEntropy > limit else { return .passed(evidence: evidence) }
            let message = "Posts spread over \(m.counts.count) topics (\(m.topTopics.prefix(6).joined(separator: ", ")), …) "
                + "with no clear focus: a generalist's audience is rarely there for this product."
            return subject.flag(self, message: message, evidence: evidence,
                                needed: [DataRequirement("posts[].topics or text", present: true)],
                                field: subject.kol.topics != nil && m.source == .declared ? "topics" : "posts")
        }
    }
}
