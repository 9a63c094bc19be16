/// Trains the character n-gram part of the tone model: L2-regularised logistic regression on character
/// 1–3-gram counts, one model for humour and one for sentiment, each fitted *on top of the lexicon* (the
/// lexicon's log-odds are a fixed offset), so the n-grams only learn what the hand-written cues miss and
/// the general cues keep their full weight on text unlike the training data. Pure and deterministic: the
/// tests cross-validate with exactly the code that produced the committed weights.
public struct ToneTrainer: Sendable {
    public struct Options: Sendable {
        /// L2 penalty per weight (per example-weighted pass); larger = smaller, more general weights.
        public var l2: Double = 0.01
        /// Passes over the data (AdaGrad, examples in a fixed order).
        public var epochs: Int = 30
        public var learningRate: Double = 0.3
        /// N-grams seen in fewer training texts are not features (rare n-grams memorise, not generalise).
        public var minDocumentFrequency: Int = 5
        /// Trained weights smaller than this are dropped from the committed model.
        public var pruneBelow: Double = 0.05
        /// Humour features are words only (Chinese characters, Latin letters): the humour data sets jokes
        /// against news headlines, which differ in punctuation and digits by source format (headlines have
        /// no final 。, carry prices and dates). Learning those would call every punctuated Weibo post a joke,
        /// so punctuation, digits and spaces are left to the lexicon for humour.
        public var humorWordsOnly = true
        /// Weight of the sentiment texts (ordinary Weibo posts) as extra non-humorous examples for the humour
        /// model; 0 = off. The humour data pits jokes against news headlines, so alone it learns "chatty vs
        /// headline" and calls every Weibo post a joke. Ordinary posts as negatives (down-weighted: some of
        /// them do joke, and the lexicon's laughter cues stay in the offset) teach it "joke vs ordinary post".
        /// Digits as humour features: numbers mark factual, news-like text on Weibo as in headlines.
        public var humorDigits = true
        public var weiboAsNonHumorWeight: Double = 0.5
        public init() {}
    }

    public var options: Options
    public let lexicon: ToneLexicon
    private let lexiconOnly: ToneProfiler

    /// N-grams that are part of a humour cue (哈, 哈哈 of 哈哈哈; 笑 of 笑死). They are not humour features:
    /// the lexicon owns them, and a model fitted on jokes, headlines and a few hundred Weibo posts must not
    /// learn to cancel laughter because ordinary posts laugh too. (Sentiment keeps them: its data is Weibo
    /// itself, and 好/不 carry much of what the model adds.)
    private let humorCueParts: Set<String>

    public init(lexicon: ToneLexicon = .standard, options: Options = Options()) {
        self.lexicon = lexicon
        self.options = options
        self.lexiconOnly = ToneProfiler(lexicon: lexicon, model: .empty)
        var overlaps = Set<String>()
        for cue in lexicon.cues where abs(cue.weights.humor) >= 0.5 {
            let scalars = cue.scalars
            for start in scalars.indices {
                for order in 1...ToneModel.maxOrder where start + order <= scalars.count {
                    overlaps.insert(ToneTextNormalizer.string(scalars[start..<(start + order)]))
                }
            }
        }
        humorCueParts = overlaps
    }

    /// Fits both parts and merges them into one model.
    public func train(humor: [ToneTrainingExample], sentiment: [ToneTrainingExample]) -> ToneModel {
        var humorExamples = humor.map { ($0, 1.0) }
        if options.weiboAsNonHumorWeight > 0 {
            humorExamples += sentiment.map {
                (ToneTrainingExample(text: $0.text, label: false), options.weiboAsNonHumorWeight)
            }
        }
        let humorFit = fit(humorExamples, dimension: .humor)
        let sentimentFit = fit(sentiment.map { ($0, 1.0) }, dimension: .sentiment)
        var merged: [String: (humor: Float, sentiment: Float)] = [:]
        for (ngram, weight) in humorFit.weights { merged[ngram, default: (0, 0)].humor = Float(weight) }
        for (ngram, weight) in sentimentFit.weights { merged[ngram, default: (0, 0)].sentiment = Float(weight) }
        let ngrams = merged.keys.sorted().compactMap { text -> ToneModel.NGram? in
            guard let weights = merged[text] else { return nil }
            return ToneModel.NGram(
                text: text, humor: Self.rounded(weights.humor), sentiment: Self.rounded(weights.sentiment),
                scalars: ToneTextNormalizer.folded(text))
        }
        return ToneModel(intercept: (humorFit.intercept, sentimentFit.intercept), ngrams: ngrams)
    }

    /// Rounds to the 3 decimals the text format keeps, so a model scores the same before and after saving.
    static func rounded(_ value: Float) -> Float { (value * 1000).rounded() / 1000 }

    /// Result of k-fold cross-validation: every example is scored by a model that never saw it.
    public struct CrossValidation: Sendable {
        /// Share of humour examples classified right (humour ≥ 0.5 ⇔ humorous).
        public var humorAccuracy: Double
        /// Mean of the per-class recalls on sentiment (sentiment ≥ 0.5 ⇔ positive).
        public var sentimentBalancedAccuracy: Double
        /// The lexicon alone, for comparison.
        public var humorAccuracyLexiconOnly: Double
        public var sentimentBalancedAccuracyLexiconOnly: Double
    }

    /// Deterministic k-fold split (example i goes to fold i mod k after a fixed shuffle).
    public func crossValidate(
        humor: [ToneTrainingExample], sentiment: [ToneTrainingExample], folds: Int = 5
    ) -> CrossValidation {
        let k = max(2, folds)
        let humorFolds = Self.assignFolds(humor.count, k)
        let sentimentFolds = Self.assignFolds(sentiment.count, k)
        var humorCorrect = 0
        var sentimentHits = (truePositive: 0, positives: 0, trueNegative: 0, negatives: 0)
        for fold in 0..<k {
            let model = train(
                humor: humor.indices.filter { humorFolds[$0] != fold }.map { humor[$0] },
                sentiment: sentiment.indices.filter { sentimentFolds[$0] != fold }.map { sentiment[$0] })
            let profiler = ToneProfiler(lexicon: lexicon, model: model)
            for index in humor.indices where humorFolds[index] == fold {
                let predicted = profiler.profile(humor[index].text).dimensions.humor >= 0.5
                if predicted == humor[index].label { humorCorrect += 1 }
            }
            for index in sentiment.indices where sentimentFolds[index] == fold {
                let predicted = profiler.profile(sentiment[index].text).dimensions.sentiment >= 0.5
                Self.tally(&sentimentHits, predicted: predicted, actual: sentiment[index].label)
            }
        }
        var lexiconHumor = 0
        var lexiconSentiment = (truePositive: 0, positives: 0, trueNegative: 0, negatives: 0)
        for example in humor where (lexiconOnly.profile(example.text).dimensions.humor >= 0.5) == example.label {
            lexiconHumor += 1
        }
        for example in sentiment {
            let predicted = lexiconOnly.profile(example.text).dimensions.sentiment >= 0.5
            Self.tally(&lexiconSentiment, predicted: predicted, actual: example.label)
        }
        return CrossValidation(
            humorAccuracy: Double(humorCorrect) / Double(max(1, humor.count)),
            sentimentBalancedAccuracy: Self.balanced(sentimentHits),
            humorAccuracyLexiconOnly: Double(lexiconHumor) / Double(max(1, humor.count)),
            sentimentBalancedAccuracyLexiconOnly: Self.balanced(lexiconSentiment))
    }

    private static func tally(
        _ hits: inout (truePositive: Int, positives: Int, trueNegative: Int, negatives: Int), predicted: Bool,
        actual: Bool
    ) {
        if actual {
            hits.positives += 1
            if predicted { hits.truePositive += 1 }
        } else {
            hits.negatives += 1
            if !predicted { hits.trueNegative += 1 }
        }
    }

    private static func balanced(_ hits: (truePositive: Int, positives: Int, trueNegative: Int, negatives: Int))
        -> Double
    {
        let recallPositive = Double(hits.truePositive) / Double(max(1, hits.positives))
        let recallNegative = Double(hits.trueNegative) / Double(max(1, hits.negatives))
        return (recallPositive + recallNegative) / 2
    }

    /// Fold of each example: a fixed pseudo-random permutation (LCG), so folds mix both classes and runs repeat.
    static func assignFolds(_ count: Int, _ k: Int) -> [Int] {
        var order = Array(0..<count)
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        for index in stride(from: count - 1, to: 0, by: -1) {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            let other = Int((state >> 33) % UInt64(index + 1))
            order.swapAt(index, other)
        }
        var folds = [Int](repeating: 0, count: count)
        for (position, index) in order.enumerated() { folds[index] = position % k }
        return folds
    }

    // MARK: - Logistic regression

    /// All character 1–3-grams of a text's folded form, with counts (the same n-grams the matcher finds).
    static func ngramCounts(_ text: String) -> [String: Int] {
        let scalars = ToneTextNormalizer.folded(text)
        var counts: [String: Int] = [:]
        for start in scalars.indices {
            for order in 1...ToneModel.maxOrder where start + order <= scalars.count {
                counts[ToneTextNormalizer.string(scalars[start..<(start + order)]), default: 0] += 1
            }
        }
        return counts
    }

    /// True when every character is a Chinese character or a Latin letter.
    static func isWordNGram(_ text: String, allowDigits: Bool) -> Bool {
        text.unicodeScalars.allSatisfy { scalar in
            let value = scalar.value
            return (value >= 0x4E00 && value <= 0x9FFF) || (value >= 0x3400 && value <= 0x4DBF)
                || (value >= 0x61 && value <= 0x7A) || (allowDigits && value >= 0x30 && value <= 0x39)
        }
    }

    private func fit(_ weighted: [(ToneTrainingExample, Double)], dimension: ToneDimension)
        -> (intercept: Double, weights: [(String, Double)])
    {
        guard !weighted.isEmpty else { return (0, []) }
        let examples = weighted.map(\.0)
        let documents = examples.map { Self.ngramCounts($0.text) }
        var documentFrequency: [String: Int] = [:]
        for document in documents { for ngram in document.keys { documentFrequency[ngram, default: 0] += 1 } }
        let wordsOnly = dimension == .humor && options.humorWordsOnly
        let vocabulary = documentFrequency.filter {
            $0.value >= options.minDocumentFrequency && !(dimension == .humor && humorCueParts.contains($0.key))
                && (!wordsOnly || Self.isWordNGram($0.key, allowDigits: options.humorDigits))
        }.keys.sorted()
        var featureIndex: [String: Int] = [:]
        for (index, ngram) in vocabulary.enumerated() { featureIndex[ngram] = index }
        let rows: [[(Int, Double)]] = documents.map { document in
            document.compactMap { ngram, count in featureIndex[ngram].map { ($0, Double(count)) } }
                .sorted { $0.0 < $1.0 }
        }
        let offsets = examples.map { lexiconOnly.lexiconLogits($0.text)[dimension] }
        // Class weights so each class carries half the loss (the metric is balanced accuracy).
        let positives = weighted.filter(\.0.label).reduce(0) { $0 + $1.1 }
        let total = weighted.reduce(0) { $0 + $1.1 }
        let negatives = total - positives
        let positiveWeight = total / (2 * max(1e-9, positives))
        let negativeWeight = total / (2 * max(1e-9, negatives))

        var weights = [Double](repeating: 0, count: vocabulary.count)
        var squaredGradients = [Double](repeating: 1e-8, count: vocabulary.count)
        var intercept = 0.0
        var interceptSquared = 1e-8
        for _ in 0..<options.epochs {
            for (index, row) in rows.enumerated() {
                var logit = offsets[index] + intercept
                for (feature, value) in row { logit += weights[feature] * value }
                let label = examples[index].label
                let error =
                    (toneSigmoid(logit) - (label ? 1 : 0)) * (label ? positiveWeight : negativeWeight) * weighted[index].1
                interceptSquared += error * error
                intercept -= options.learningRate * error / interceptSquared.squareRoot()
                for (feature, value) in row {
                    let gradient = error * value + options.l2 * weights[feature]
                    squaredGradients[feature] += gradient * gradient
                    weights[feature] -= options.learningRate * gradient / squaredGradients[feature].squareRoot()
                }
            }
        }
        let kept = vocabulary.indices.filter { abs(weights[$0]) >= options.pruneBelow }
            .map { (vocabulary[$0], weights[$0]) }
        return (intercept, kept)
    }
}
