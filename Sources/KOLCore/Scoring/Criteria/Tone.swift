import JSON

extension ComponentName {
    /// How well the KOL's voice fits the brief's tone (preset or brand samples).
    public static let tone = ComponentName("tone")
}

extension RedFlagCode {
    public static let toneClash = RedFlagCode("tone-clash")
    public static let toneDrift = RedFlagCode("tone-drift")
    public static let channelToneMismatch = RedFlagCode("channel-tone-mismatch")
}

/// The KOL's Weibo posts that have text, with their index in `kol.posts` (so a flag can point at one).
struct ToneTexts: Hashable, Sendable {
    var texts: [String]
    var postIndices: [Int]

    init(_ posts: [Post]) {
        var texts: [String] = []
        var indices: [Int] = []
        for (index, post) in posts.enumerated() {
            guard let text = post.text, !text.trimmingCharactersInWhitespace().isEmpty else { continue }
            texts.append(text)
            indices.append(index)
        }
        self.texts = texts
        postIndices = indices
    }
}

/// The brief's tone as a profile: a preset's documented target, or the profile of the brand's sample texts.
struct BriefToneTarget: Sendable {
    var profile: ToneProfile
    /// "lighthearted", or "the brand's 3 sample texts": for messages.
    var label: String

    init?(_ brief: Brief?, profiler: ToneProfiler = .standard) {
        switch brief?.tone {
        case .preset(let preset)?:
            profile = preset.profile
            label = "\(preset.rawValue) tone"
        case .samples(let samples)?:
            let texts = samples.filter { !$0.trimmingCharactersInWhitespace().isEmpty }
            guard !texts.isEmpty else { return nil }
            profile = profiler.profile(texts)
            label = "brand voice (\(texts.count) sample\(texts.count == 1 ? "" : "s"))"
        case nil:
            return nil
        }
    }
}

/// The KOL's posts against the brief's tone: the measurement behind the `tone` component and `tone-clash`.
struct ToneFitMeasurement {
    var comparison: ToneComparison
    var profile: ToneProfile
    var target: BriefToneTarget
    var texts: ToneTexts

    static func measure(_ subject: ScoringSubject) -> Measured<ToneFitMeasurement> {
        guard let target = subject.context.toneTarget else {
            return .notApplicable("the brief names no tone (add brief.tone: a preset or sample texts)")
        }
        guard subject.kol.posts != nil else { return .missing([DataRequirement("posts", present: false)]) }
        // The profile is part of the KOL's cached features: profiled once per KOL content, not per request.
        let tone = subject.features.tone ?? ToneFeatures(kol: subject.kol)
        let texts = tone.texts
        guard !texts.texts.isEmpty else { return .missing([DataRequirement("posts[].text", present: false)]) }
        let profile = tone.profile
        let comparison = ToneComparison(profile, target.profile, texts: texts.texts)
        return .measured(ToneFitMeasurement(comparison: comparison, profile: profile, target: target, texts: texts))
    }

    var evidence: JSONObject {
        ["distance": .double(Scoring.round(comparison.distance, 3)), "verdict": .string(comparison.verdict.rawValue),
         "posts": .int(Int64(texts.texts.count)), "target": .string(target.label),
         "profile": ToneFitMeasurement.json(profile.dimensions),
         "differences": ToneFitMeasurement.json(comparison.differences)]
    }

    /// The two dimensions where the KOL is furthest from the target, in words: "more formal +0.55, …".
    var largestDifferences: String { ToneFitMeasurement.describe(comparison.differences) }

    static func describe(_ differences: ToneVector, count: Int = 2) -> String {
        let words: [ToneDimension: (more: String, less: String)] = [
            .humor: ("more humorous", "more serious"), .formality: ("more formal", "more casual"),
            .sentiment: ("more positive", "more negative"), .intensity: ("more excited", "calmer"),
            .commerciality: ("more hard-sell", "less salesy"),
        ]
        return ToneDimension.allCases.sorted { abs(differences[$0]) > abs(differences[$1]) }.prefix(count)
            .map { dimension in
                let d = differences[dimension]
                let word = d >= 0 ? words[dimension]?.more : words[dimension]?.less
                return "\(word ?? dimension.rawValue) \(d >= 0 ? "+" : "−")\(Scoring.number(abs(d)))"
            }.joined(separator: ", ")
    }

    static func json(_ vector: ToneVector) -> JSONValue {
        var object = JSONObject()
        for dimension in ToneDimension.allCases { object[dimension.rawValue] = .double(Scoring.round(vector[dimension], 3)) }
        return .object(object)
    }

    /// A post for evidence: short enough to read in a hover.
    /// Why not simply split, join and count: that walked every character of the post (tens of thousands of
    /// instructions per excerpt, twice per KOL in `tone-clash`). A text without a newline scalar folds to
    /// itself (newlines are always characters of their own), and only the first `limit` characters are
    /// walked; the result is the same (`referenceExcerpt` in `ToneExcerptTests`).
    static func excerpt(_ text: String, limit: Int = 40) -> String {
        let hasNewline = text.unicodeScalars.contains { ToneFitMeasurement.newlineScalars.contains($0.value) }
        let folded = hasNewline ? text.split(whereSeparator: \.isNewline).joined(separator: " ") : text
        guard let end = folded.index(folded.startIndex, offsetBy: max(0, limit), limitedBy: folded.endIndex),
              end != folded.endIndex else { return folded }
        return String(folded[..<end]) + "…"
    }

    /// The scalars that make a `Character` a newline (LF, VT, FF, CR, NEL, LS, PS).
    static let newlineScalars: Set<UInt32> = [0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029]
}

/// Tone fit: the brief asks for a voice; a KOL whose posts sound different sells the product in the wrong voice.
public struct ToneCriterion: ScoreCriterion {
    public init() {}
    public var name: ComponentName { .tone }
    /// As heavy as the cheaper checks (growth, stars vs followers): the seed names tone as a match criterion,
    /// but a profile from a dozen posts is a softer measurement than reach or engagement.
    public var defaultWeight: Double { 0.10 }

    /// 100 when the distance to the brief's tone is within `fits` (0.12), falling linearly to 0 at 0.42
    /// (0.2 past the `clashes` line, about where a playful account meets a corporate target).
    public func evaluate(_ subject: ScoringSubject) -> ComponentOutcome {
        switch ToneFitMeasurement.measure(subject) {
        case .missing(let needed): return .missing(needed: needed)
        case .notApplicable(let reason): return .notApplicable(reason: reason)
        case .measured(let m):
            let value = Scoring.ramp(m.comparison.distance, good: 0.12, bad: 0.42)
            let verdict: String
            switch m.comparison.verdict {
            case .fits: verdict = "fits"
            case .partly: verdict = "partly fits"
            case .clashes: verdict = "clashes with"
            }
            let explanation = "voice \(verdict) the brief's \(m.target.label) (distance \(Scoring.number(m.comparison.distance)) over \(m.texts.texts.count) posts; \(m.largestDifferences))"
            return .scored(value: value, measured: m.evidence, explanation: explanation)
        }
    }
}
