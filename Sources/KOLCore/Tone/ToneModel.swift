/// The learned part of the profiler: log-odds weights of character 1–3-grams for humour and sentiment,
/// trained by `ToneTrainer` as a correction on top of the lexicon (the lexicon is the offset; the model only
/// learns what the lexicon misses). Stored as compact text, parsed once.
///
/// Text format (one record a line, tab-separated):
/// ```
/// tone-model 1
/// intercept <humor> <sentiment>
/// <n-gram>\t<humor weight>\t<sentiment weight>
/// ```
/// N-grams are folded text (ToneTextNormalizer) and never contain tabs or newlines (whitespace folds to a
/// space).
public struct ToneModel: Sendable {
    public struct NGram: Sendable, Hashable {
        public var text: String
        public var humor: Float
        public var sentiment: Float
        var scalars: [UInt32]
    }

    public var intercept: (humor: Double, sentiment: Double)
    public var ngrams: [NGram]
    /// Longest n-gram the trainer emits.
    public static let maxOrder = 3
    /// The model's total log-odds per text are clamped to ±this, so a long post cannot let many small
    /// n-gram weights outvote every lexicon cue.
    public var maxLogit: Double = 3

    public init(intercept: (humor: Double, sentiment: Double), ngrams: [NGram]) {
        self.intercept = intercept
        self.ngrams = ngrams
    }

    /// No learned part: the profiler runs on the lexicon alone.
    public static let empty = ToneModel(intercept: (0, 0), ngrams: [])

    /// The committed weights (ToneModelWeights.swift, written by `kol-bench train-tone`). Falls back to
    /// `empty` if the text were ever corrupt, so profiling still works on the lexicon.
    public static let bundled: ToneModel = ToneModel(text: toneModelWeightsText) ?? .empty

    /// Parses the text format; nil if the header is missing. Malformed weight lines are skipped.
    public init?(text: String) {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).makeIterator()
        guard let header = lines.next(), header.hasPrefix("tone-model 1") else { return nil }
        var intercept = (humor: 0.0, sentiment: 0.0)
        var ngrams: [NGram] = []
        while let line = lines.next() {
            if line.hasPrefix("intercept ") {
                let parts = line.split(separator: " ")
                if parts.count == 3, let humor = Double(parts[1]), let sentiment = Double(parts[2]) {
                    intercept = (humor, sentiment)
                }
                continue
            }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, let humor = Float(fields[1]), let sentiment = Float(fields[2]) else {
                continue
            }
            let scalars = ToneTextNormalizer.folded(String(fields[0]))
            guard !scalars.isEmpty, scalars.count <= ToneModel.maxOrder else { continue }
            ngrams.append(NGram(text: String(fields[0]), humor: humor, sentiment: sentiment, scalars: scalars))
        }
        self.init(intercept: intercept, ngrams: ngrams)
    }

    /// Serialises to the text format (weights rounded to 3 decimals; deterministic order as given).
    public func serialized() -> String {
        var out = "tone-model 1\n"
        out += "intercept \(Self.format(intercept.humor)) \(Self.format(intercept.sentiment))\n"
        for ngram in ngrams {
            out += "\(ngram.text)\t\(Self.format(Double(ngram.humor)))\t\(Self.format(Double(ngram.sentiment)))\n"
        }
        return out
    }

    /// Fixed 3-decimal rendering without Foundation's formatters ("-0.125", "0", "1.5").
    static func format(_ value: Double) -> String {
        let milli = Int((value * 1000).rounded())
        if milli == 0 { return "0" }
        let sign = milli < 0 ? "-" : ""
        let magnitude = abs(milli)
        var fraction = String(magnitude % 1000)
        while fraction.count < 3 { fraction = "0" + fraction }
        while fraction.hasSuffix("0") { fraction.removeLast() }
        return fraction.isEmpty ? "\(sign)\(magnitude / 1000)" : "\(sign)\(magnitude / 1000).\(fraction)"
    }
}
