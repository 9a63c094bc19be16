/// Finds every lexicon cue and model n-gram in folded text in one left-to-right pass.
///
/// All cue strings and n-grams (and every prefix of them) live in one open-addressing hash table keyed by a
/// 64-bit hash of their scalars. At each position the scanner extends the candidate one character at a time
/// and stops as soon as no longer key exists, so most positions cost one or two probes. No segmentation:
/// Chinese is matched on characters, cues with longest match first and without overlap (哈哈哈哈哈哈 is
/// 哈哈哈 ×2), n-grams at every position. Keys are compared by hash only; with a few thousand keys a 64-bit
/// collision is vanishingly unlikely and would only mis-weight one n-gram.
struct ToneMatcher: Sendable {
    /// Evidence keys: `0..<cueCount` a cue, `cueCount..<2·cueCount` a negated cue, then the pseudo-cues.
    let cueCount: Int
    var negatedKeyOffset: Int { cueCount }
    var genericEmojiKey: Int { 2 * cueCount }
    var genericEmoticonKey: Int { 2 * cueCount + 1 }
    var keyCount: Int { 2 * cueCount + 2 }

    /// Weights of the two pseudo-cues that need a pattern rather than a string.
    static let genericEmojiWeights = ToneVector(
        humor: 0.2, formality: -0.5, sentiment: 0.1, intensity: 0.3, commerciality: 0)
    static let genericEmoticonWeights = ToneVector(
        humor: 0.3, formality: -0.6, sentiment: 0, intensity: 0.2, commerciality: 0)

    let cueWeights: [ToneVector]
    let cueRoles: [ToneCueRole]
    let cueWholeWord: [Bool]
    let labels: [String]

    private var slotKeys: [UInt64]
    private var slotEntries: [Int32]
    private var mask: Int
    /// Per entry: cue index or -1, model weights, whether a longer key extends this one.
    private var entryCue: [Int32] = []
    private var entryHumor: [Float] = []
    private var entrySentiment: [Float] = []
    private var entryHasLonger: [Bool] = []
    private(set) var maxKeyLength = 1

    init(lexicon: ToneLexicon, model: ToneModel) {
        cueCount = lexicon.cues.count
        cueWeights = lexicon.cues.map(\.weights)
        cueRoles = lexicon.cues.map(\.role)
        cueWholeWord = lexicon.cues.map(\.wholeWord)
        labels =
            lexicon.cues.map(\.text) + lexicon.cues.map { "negated \($0.text)" } + ["emoji", "[emoticon]"]
        let keyTotal = lexicon.cues.reduce(0) { $0 + $1.scalars.count } + model.ngrams.count * 3 + 16
        var capacity = 64
        while capacity < keyTotal * 2 { capacity <<= 1 }
        slotKeys = [UInt64](repeating: 0, count: capacity)
        slotEntries = [Int32](repeating: -1, count: capacity)
        mask = capacity - 1
        for (index, cue) in lexicon.cues.enumerated() {
            let entry = insert(cue.scalars)
            entryCue[entry] = Int32(index)
        }
        for ngram in model.ngrams {
            let entry = insert(ngram.scalars)
            entryHumor[entry] += ngram.humor
            entrySentiment[entry] += ngram.sentiment
        }
    }

    @inline(__always) static func step(_ hash: UInt64, _ scalar: UInt32) -> UInt64 {
        let mixed = (hash ^ UInt64(scalar)) &* 0x1000_0000_01B3
        return mixed == 0 ? 1 : mixed
    }

    static let seed: UInt64 = 0xCBF2_9CE4_8422_2325

    @inline(__always) private static func slot(_ hash: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (hash &* 0x9E37_79B9_7F4A_7C15) >> 40) & mask
    }

    /// Inserts a key and all its prefixes; returns the key's entry.
    private mutating func insert(_ scalars: [UInt32]) -> Int {
        maxKeyLength = max(maxKeyLength, scalars.count)
        var hash = Self.seed
        var entry = -1
        for (offset, scalar) in scalars.enumerated() {
            hash = Self.step(hash, scalar)
            entry = findOrAdd(hash)
            if offset < scalars.count - 1 { entryHasLonger[entry] = true }
        }
        return entry
    }

    private mutating func findOrAdd(_ hash: UInt64) -> Int {
        var slot = Self.slot(hash, mask)
        while slotKeys[slot] != 0 {
            if slotKeys[slot] == hash { return Int(slotEntries[slot]) }
            slot = (slot + 1) & mask
        }
        let entry = entryCue.count
        slotKeys[slot] = hash
        slotEntries[slot] = Int32(entry)
        entryCue.append(-1)
        entryHumor.append(0)
        entrySentiment.append(0)
        entryHasLonger.append(false)
        return entry
    }

    /// Whether a scalar ends a clause (negation and degree adverbs do not reach across it).
    @inline(__always) static func isClauseBreak(_ value: UInt32) -> Bool {
        switch value {
        case 0x2C, 0x2E, 0x21, 0x3F, 0x3B, 0x3A, 0x3002, 0x3001, 0x2026, 0x7E: true
        default: false
        }
    }

    /// Scans folded scalars, filling `scan` (cleared first).
    func scan(_ text: UnsafeBufferPointer<UInt32>, lexicon: ToneLexicon, into scan: inout ToneScan) {
        scan.reset()
        let count = text.count
        let maxCount = lexicon.maxCountedOccurrences
        var cueBlockedUntil = 0
        var negatorEnd = Int.min / 2
        var degreeEnd = Int.min / 2
        var degreeFactor = 1.0
        slotKeys.withUnsafeBufferPointer { keys in
            slotEntries.withUnsafeBufferPointer { slots in
                var position = 0
                while position < count {
                    let first = text[position]
                    if Self.isClauseBreak(first) {
                        negatorEnd = Int.min / 2
                        degreeEnd = Int.min / 2
                    }
                    var hash = Self.seed
                    var length = 0
                    var bestCue = -1
                    var bestLength = 0
                    while position + length < count, length < maxKeyLength {
                        hash = Self.step(hash, text[position + length])
                        length += 1
                        var slot = Self.slot(hash, mask)
                        var entry = -1
                        while keys[slot] != 0 {
                            if keys[slot] == hash {
                                entry = Int(slots[slot])
                                break
                            }
                            slot = (slot + 1) & mask
                        }
                        if entry < 0 { break }
                        if length <= ToneModel.maxOrder {
                            scan.modelHumor += Double(entryHumor[entry])
                            scan.modelSentiment += Double(entrySentiment[entry])
                        }
                        let cue = Int(entryCue[entry])
                        if cue >= 0, position >= cueBlockedUntil,
                            !cueWholeWord[cue] || Self.isWordBounded(text, position, length)
                        {
                            bestCue = cue
                            bestLength = length
                        }
                        if !entryHasLonger[entry] { break }
                    }
                    if bestCue >= 0 {
                        var weights = cueWeights[bestCue]
                        var key = bestCue
                        switch cueRoles[bestCue] {
                        case .negator: negatorEnd = position + bestLength
                        case .degree(let factor):
                            degreeEnd = position + bestLength
                            degreeFactor = factor
                        case .plain: break
                        }
                        if weights.sentiment != 0 {
                            if position - degreeEnd <= lexicon.degreeReach, position >= degreeEnd {
                                weights.sentiment *= degreeFactor
                                degreeEnd = Int.min / 2
                            }
                            if position - negatorEnd <= lexicon.negationReach, position >= negatorEnd {
                                weights.sentiment *= lexicon.negationFactor
                                key += negatedKeyOffset
                                negatorEnd = Int.min / 2
                            }
                        }
                        scan.add(key: key, weights: weights, maxCount: maxCount)
                        cueBlockedUntil = position + bestLength
                    } else if position >= cueBlockedUntil {
                        if ToneTextNormalizer.isEmoji(first) {
                            scan.add(key: genericEmojiKey, weights: Self.genericEmojiWeights, maxCount: maxCount)
                        } else if first == 0x5B, let end = Self.bracketEmoticonEnd(text, position) {
                            scan.add(
                                key: genericEmoticonKey, weights: Self.genericEmoticonWeights, maxCount: maxCount)
                            cueBlockedUntil = end
                        }
                    }
                    position += 1
                }
            }
        }
    }

    @inline(__always) static func isWordBounded(_ text: UnsafeBufferPointer<UInt32>, _ start: Int, _ length: Int)
        -> Bool
    {
        let before = start == 0 || !ToneTextNormalizer.isWordScalar(text[start - 1])
        let end = start + length
        let after = end >= text.count || !ToneTextNormalizer.isWordScalar(text[end])
        return before && after
    }

    /// A Weibo-style bracket emoticon `[xx]`: 1–6 non-space characters between brackets. Returns the index
    /// after `]`.
    static func bracketEmoticonEnd(_ text: UnsafeBufferPointer<UInt32>, _ start: Int) -> Int? {
        var index = start + 1
        while index < text.count, index - start <= 7 {
            let value = text[index]
            if value == 0x5D { return index - start >= 2 ? index + 1 : nil }
            if value == 0x20 || value == 0x5B { return nil }
            index += 1
        }
        return nil
    }
}

/// What one scan found: summed cue log-odds, model log-odds and per-cue hits (for evidence).
struct ToneScan {
    var cueLogits = ToneVector.zero
    var modelHumor = 0.0
    var modelSentiment = 0.0
    /// Distinct evidence keys hit, with occurrence count and summed counted contribution.
    var keys: [Int] = []
    var counts: [Int] = []
    var contributions: [ToneVector] = []

    mutating func reset() {
        cueLogits = .zero
        modelHumor = 0
        modelSentiment = 0
        keys.removeAll(keepingCapacity: true)
        counts.removeAll(keepingCapacity: true)
        contributions.removeAll(keepingCapacity: true)
    }

    @inline(__always) mutating func add(key: Int, weights: ToneVector, maxCount: Int) {
        // Few distinct cues per post: a linear search beats hashing here.
        var index = 0
        while index < keys.count, keys[index] != key { index += 1 }
        if index == keys.count {
            keys.append(key)
            counts.append(0)
            contributions.append(.zero)
        }
        counts[index] += 1
        guard counts[index] <= maxCount else { return }
        contributions[index].humor += weights.humor
        contributions[index].formality += weights.formality
        contributions[index].sentiment += weights.sentiment
        contributions[index].intensity += weights.intensity
        contributions[index].commerciality += weights.commerciality
        cueLogits.humor += weights.humor
        cueLogits.formality += weights.formality
        cueLogits.sentiment += weights.sentiment
        cueLogits.intensity += weights.intensity
        cueLogits.commerciality += weights.commerciality
    }
}
