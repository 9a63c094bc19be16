/// What a cue does besides adding its own weights.
public enum ToneCueRole: Sendable, Hashable {
    /// Only its own weights.
    case plain
    /// Flips the sentiment of the next sentiment cue within `ToneLexicon.negationReach` characters
    /// (不好吃 reads negative, 没有问题 reads mildly positive).
    case negator
    /// Multiplies the sentiment of the next sentiment cue within `ToneLexicon.degreeReach` characters
    /// (太好吃 is more positive than 好吃; 有点贵 less negative than 贵).
    case degree(Double)
}

/// One hand-written cue: a string to find and the log-odds it adds to each dimension.
public struct ToneCue: Sendable, Hashable {
    /// The cue as written in the lexicon (folded: lower case, simplified, half-width).
    public var text: String
    /// Log-odds added per occurrence (at most `ToneLexicon.maxCountedOccurrences` per text).
    public var weights: ToneVector
    public var role: ToneCueRole
    /// Latin-script cues match whole words only ("lol" not in "lollipop").
    public var wholeWord: Bool
    /// Folded scalars, the matcher's key.
    var scalars: [UInt32]
}

/// The cue lexicon plus the per-dimension starting point (bias). Thresholds are documented in protocol.md §8
/// and every number here can be replaced by building a lexicon from other text.
public struct ToneLexicon: Sendable {
    public var cues: [ToneCue]
    /// Log-odds every text starts from before cues and the model speak (an empty text scores sigmoid(bias)).
    public var bias: ToneVector
    /// Occurrences of one cue that count within one text: a post that repeats 限时 ten times is not ten
    /// times as commercial as one that says it three times.
    public var maxCountedOccurrences: Int = 3
    /// Characters between a negator's end and a sentiment cue's start for the negation to apply.
    public var negationReach: Int = 3
    /// Characters between a degree adverb's end and a sentiment cue's start for the multiplier to apply.
    public var degreeReach: Int = 2
    /// Sentiment of a negated cue is multiplied by this (not simply -1: 不坏 is weaker praise than 好).
    public var negationFactor: Double = -0.8

    public init(cues: [ToneCue], bias: ToneVector) {
        self.cues = cues
        self.bias = bias
    }

    /// Bias of the standard lexicon: a text with no cue is neutral in sentiment and formality, fairly calm,
    /// organic, and leans serious (humour needs a signal; the trained model adds its own intercept).
    public static let standardBias = ToneVector(
        humor: -0.5, formality: 0, sentiment: 0, intensity: -1.5, commerciality: -2.0)

    /// The lexicon shipped with kol-engine (ToneLexiconEntries*.swift), parsed once.
    public static let standard: ToneLexicon = {
        let tables = [
            toneLexiconLaughterAndSlang, toneLexiconEmoticons, toneLexiconParticlesAndPunctuation,
            toneLexiconFormal, toneLexiconSales, toneLexiconPositive, toneLexiconNegative, toneLexiconModifiers,
        ]
        var cues: [ToneCue] = []
        var seen = Set<[UInt32]>()
        for table in tables {
            for line in table.split(separator: "\n") {
                // A malformed or duplicate line is skipped rather than trusted: the first definition wins.
                guard let cue = parseCue(line), !cue.scalars.isEmpty, seen.insert(cue.scalars).inserted
                else { continue }
                cues.append(cue)
            }
        }
        return ToneLexicon(cues: cues, bias: standardBias)
    }()

    /// Parses `cue|h f s i c|role`. Returns nil on any malformed field.
    static func parseCue(_ line: Substring) -> ToneCue? {
        let fields = line.split(separator: "|", omittingEmptySubsequences: false)
        guard fields.count == 3 else { return nil }
        let numbers = fields[1].split(separator: " ").compactMap { Double($0) }
        guard numbers.count == 5 else { return nil }
        var roleText = Substring(fields[2])
        var wholeWord = false
        if roleText.hasPrefix("W") {
            wholeWord = true
            roleText = roleText.dropFirst()
        }
        let role: ToneCueRole
        if roleText == "N" {
            role = .negator
        } else if roleText.hasPrefix("D"), let factor = Double(roleText.dropFirst()) {
            role = .degree(factor)
        } else if roleText == "-" || roleText.isEmpty {
            role = .plain
        } else {
            return nil
        }
        let scalars = ToneTextNormalizer.folded(String(fields[0]))
        return ToneCue(
            text: ToneTextNormalizer.string(scalars[...]),
            weights: ToneVector(
                humor: numbers[0], formality: numbers[1], sentiment: numbers[2], intensity: numbers[3],
                commerciality: numbers[4]),
            role: role, wholeWord: wholeWord, scalars: scalars)
    }
}
