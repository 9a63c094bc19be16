/// Profiles text on the five tone dimensions: lexicon cues (with negation and degree adverbs) plus the
/// learned character n-gram model for humour and sentiment, summed as log-odds and squashed to 0–1.
///
/// For one text: `score(d) = sigmoid(bias(d) + Σ cue weights(d) + model(d))`, where each cue counts at most
/// `maxCountedOccurrences` times and `model(d)` (humour and sentiment only) is the model intercept plus
/// its n-gram weights, clamped to ±`ToneModel.maxLogit`. For several texts the profile is the mean of the
/// per-text scores, so every post weighs the same however long it is.
public struct ToneProfiler: Sendable {
    public let lexicon: ToneLexicon
    public let model: ToneModel
    let matcher: ToneMatcher
    /// Evidence moving a score by less than this (0–1 units) is not reported.
    public var evidenceFloor = 0.005
    /// At most this many evidence items per profile (largest effects first).
    public var maxEvidence = 24

    public init(lexicon: ToneLexicon = .standard, model: ToneModel = .bundled) {
        self.lexicon = lexicon
        self.model = model
        self.matcher = ToneMatcher(lexicon: lexicon, model: model)
    }

    /// The shipped lexicon and committed model, built once.
    public static let standard = ToneProfiler()

    /// Profile of one text, with evidence.
    public func profile(_ text: String) -> ToneProfile {
        var workspace = Workspace()
        let logits = analyse(text, &workspace)
        return ToneProfile(
            dimensions: Self.squash(logits), evidence: textEvidence(workspace.scan, logits), posts: 1)
    }

    /// Profile of a set of texts (mean of per-text scores), merged evidence, and per-text profiles if asked.
    /// No texts: the neutral profile of the empty text with `posts == 0`.
    public func profile(_ texts: [String], perText: Bool = false) -> ToneProfile {
        guard !texts.isEmpty else {
            var empty = profile("")
            empty.posts = 0
            empty.evidence = []
            return empty
        }
        var workspace = Workspace()
        var sum = ToneVector.zero
        let dimensions = ToneDimension.allCases
        let dimensionCount = dimensions.count
        let modelKey = matcher.keyCount  // evidence key for the n-gram model
        // Sums per touched key only, in the order keys were first touched: a KOL touches a few dozen of
        // the lexicon's keys, so dense per-key tables (zeroed for every call) cost more than they saved.
        var position: [Int: Int] = [:]
        var counts: [Int] = []
        var effects: [Double] = []
        var logOdds: [Double] = []
        var touched: [Int] = []
        /// The row of `key` in `counts` (and of its dimensions in `effects` and `logOdds`), added if new.
        func row(_ key: Int) -> Int {
            if let existing = position[key] { return existing }
            let new = touched.count
            position[key] = new
            touched.append(key)
            counts.append(0)
            effects.append(contentsOf: repeatElement(0, count: dimensionCount))
            logOdds.append(contentsOf: repeatElement(0, count: dimensionCount))
            return new
        }
        var profiles: [ToneProfile] = []
        if perText { profiles.reserveCapacity(texts.count) }
        for text in texts {
            let logits = analyse(text, &workspace)
            let scores = Self.squash(logits)
            sum = sum.combined(with: scores, +)
            let scan = workspace.scan
            for (index, key) in scan.keys.enumerated() {
                let r = row(key)
                counts[r] += scan.counts[index]
                for dimension in dimensions {
                    let contribution = scan.contributions[index][dimension]
                    guard contribution != 0 else { continue }
                    let slot = r * dimensionCount + dimension.index
                    effects[slot] += Self.effect(of: contribution, at: logits[dimension])
                    logOdds[slot] += contribution
                }
            }
            let model = modelLogits(scan)
            if model.humor != 0 || model.sentiment != 0 {
                let r = row(modelKey)
                counts[r] += 1
                let humor = r * dimensionCount + ToneDimension.humor.index
                effects[humor] += Self.effect(of: model.humor, at: logits[.humor])
                logOdds[humor] += model.humor
                let sentiment = r * dimensionCount + ToneDimension.sentiment.index
                effects[sentiment] += Self.effect(of: model.sentiment, at: logits[.sentiment])
                logOdds[sentiment] += model.sentiment
            }
            if perText {
                profiles.append(
                    ToneProfile(dimensions: scores, evidence: textEvidence(scan, logits), posts: 1))
            }
        }
        let n = Double(texts.count)
        var evidence: [ToneEvidence] = []
        for (r, key) in touched.enumerated() {
            for dimension in dimensions {
                let slot = r * dimensionCount + dimension.index
                let effect = effects[slot] / n
                guard abs(effect) >= evidenceFloor else { continue }
                evidence.append(
                    ToneEvidence(
                        dimension: dimension, cue: key == modelKey ? ToneEvidence.modelCue : matcher.labels[key],
                        count: counts[r], effect: effect, logOdds: logOdds[slot]))
            }
        }
        return ToneProfile(
            dimensions: sum.combined(with: ToneVector(repeating: n), /), evidence: ranked(evidence),
            posts: texts.count, perText: profiles)
    }

    /// Bias plus lexicon log-odds of a text, without the model: the offset the trainer fits the model on.
    func lexiconLogits(_ text: String) -> ToneVector {
        var workspace = Workspace()
        analyseScan(text, &workspace)
        return lexicon.bias.combined(with: workspace.scan.cueLogits, +)
    }

    // MARK: - Internals

    /// Reused buffers so a batch allocates once.
    struct Workspace {
        var scalars: [UInt32] = []
        var scan = ToneScan()
    }

    private func analyseScan(_ text: String, _ workspace: inout Workspace) {
        ToneTextNormalizer.fold(text, into: &workspace.scalars)
        workspace.scalars.withUnsafeBufferPointer { buffer in
            matcher.scan(buffer, lexicon: lexicon, into: &workspace.scan)
        }
    }

    /// Log-odds per dimension for one text; leaves the scan in `workspace` for evidence.
    private func analyse(_ text: String, _ workspace: inout Workspace) -> ToneVector {
        analyseScan(text, &workspace)
        var logits = lexicon.bias.combined(with: workspace.scan.cueLogits, +)
        let model = modelLogits(workspace.scan)
        logits.humor += model.humor
        logits.sentiment += model.sentiment
        return logits
    }

    private func modelLogits(_ scan: ToneScan) -> (humor: Double, sentiment: Double) {
        guard !model.ngrams.isEmpty else { return (0, 0) }
        let limit = model.maxLogit
        return (
            min(max(model.intercept.humor + scan.modelHumor, -limit), limit),
            min(max(model.intercept.sentiment + scan.modelSentiment, -limit), limit)
        )
    }

    static func squash(_ logits: ToneVector) -> ToneVector {
        ToneVector(
            humor: toneSigmoid(logits.humor), formality: toneSigmoid(logits.formality),
            sentiment: toneSigmoid(logits.sentiment), intensity: toneSigmoid(logits.intensity),
            commerciality: toneSigmoid(logits.commerciality))
    }

    /// Score with the contribution minus score without it.
    @inline(__always) static func effect(of contribution: Double, at logit: Double) -> Double {
        toneSigmoid(logit) - toneSigmoid(logit - contribution)
    }

    private func textEvidence(_ scan: ToneScan, _ logits: ToneVector) -> [ToneEvidence] {
        var evidence: [ToneEvidence] = []
        let dimensions = ToneDimension.allCases
        for (index, key) in scan.keys.enumerated() {
            for dimension in dimensions {
                let contribution = scan.contributions[index][dimension]
                guard contribution != 0 else { continue }
                let effect = Self.effect(of: contribution, at: logits[dimension])
                guard abs(effect) >= evidenceFloor else { continue }
                evidence.append(
                    ToneEvidence(
                        dimension: dimension, cue: matcher.labels[key], count: scan.counts[index], effect: effect,
                        logOdds: contribution))
            }
        }
        let model = modelLogits(scan)
        for dimension in [ToneDimension.humor, .sentiment] {
            let value = dimension == .humor ? model.humor : model.sentiment
            guard value != 0 else { continue }
            let effect = Self.effect(of: value, at: logits[dimension])
            guard abs(effect) >= evidenceFloor else { continue }
            evidence.append(
                ToneEvidence(dimension: dimension, cue: ToneEvidence.modelCue, count: 1, effect: effect, logOdds: value))
        }
        return ranked(evidence)
    }

    private func ranked(_ evidence: [ToneEvidence]) -> [ToneEvidence] {
        let sorted = evidence.sorted {
            abs($0.effect) != abs($1.effect) ? abs($0.effect) > abs($1.effect) : $0.cue < $1.cue
        }
        return Array(sorted.prefix(maxEvidence))
    }
}
