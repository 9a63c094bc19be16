/// All topic cues of `TopicLexicon` matched in one pass over a text index.
///
/// Why: the straightforward check (every cue of every category asks the index for each of its grams) costs
/// ~130 hashed set lookups and several small arrays per post, about a quarter of a cold `kol/rank`. Here
/// each gram and word the index holds is looked at once: a bitmap of the Han characters that occur in any
/// cue rejects almost every gram without hashing, the rare survivors are looked up in a table from gram
/// to requirement slots, and a cue matches when all its slots were found — exactly "coverage ≥ 1", the
/// old rule (`TopicLexicon.categoriesByCoverage`, kept for the equivalence test).
struct TopicMatcher: Sendable {
    /// Found requirement slots; four words hold the lexicon's ~150 requirements.
    struct Found {
        var words: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)

        mutating func insert(_ slot: Int) {
            let bit = UInt64(1) << UInt64(slot & 63)
            switch slot >> 6 {
            case 0: words.0 |= bit
            case 1: words.1 |= bit
            case 2: words.2 |= bit
            default: words.3 |= bit
            }
        }

        func word(_ index: Int) -> UInt64 {
            switch index {
            case 0: words.0
            case 1: words.1
            case 2: words.2
            default: words.3
            }
        }
    }

    /// A cue's requirements: all within one 64-bit word of `Found`.
    struct Cue: Sendable {
        var category: Int
        var word: Int
        var mask: UInt64
    }

    static let maxWords = 4

    let names: [String]
    let cues: [Cue]
    let gramSlots: [UInt64: [Int]]
    let wordSlots: [String: [Int]]
    /// Bit per scalar value below `hanLimit`: set when the character occurs in some cue's gram.
    let hanBits: [UInt64]
    let hanLimit: UInt32

    /// nil when the cues need more requirement slots than `Found` holds (callers fall back to coverage).
    init?(_ patterns: [(String, [KeywordPattern])]) {
        var names: [String] = []
        var cues: [Cue] = []
        var gramSlots: [UInt64: [Int]] = [:]
        var wordSlots: [String: [Int]] = [:]
        var scalars: [UInt32] = []
        var next = 0
        for (category, entry) in patterns.enumerated() {
            names.append(entry.0)
            for pattern in entry.1 where !pattern.isEmpty {
                let needed = pattern.grams.count + pattern.words.count
                guard needed <= 64 else { return nil }
                if next % 64 + needed > 64 { next = (next / 64 + 1) * 64 }
                guard next + needed <= TopicMatcher.maxWords * 64 else { return nil }
                var mask: UInt64 = 0
                for gram in pattern.grams {
                    gramSlots[gram, default: []].append(next)
                    scalars.append(contentsOf: TopicMatcher.scalars(of: gram))
                    mask |= UInt64(1) << UInt64(next % 64)
                    next += 1
                }
                for word in pattern.words {
                    wordSlots[word, default: []].append(next)
                    mask |= UInt64(1) << UInt64(next % 64)
                    next += 1
                }
                cues.append(Cue(category: category, word: (next - 1) / 64, mask: mask))
            }
        }
        let limit = (scalars.max() ?? 0) + 1
        var bits = [UInt64](repeating: 0, count: Int(limit / 64) + 1)
        for scalar in scalars { bits[Int(scalar / 64)] |= UInt64(1) << UInt64(scalar % 64) }
        self.names = names
        self.cues = cues
        self.gramSlots = gramSlots
        self.wordSlots = wordSlots
        self.hanBits = bits
        self.hanLimit = limit
    }

    /// The Han scalars a packed gram is made of (see `TextIndex.unigram` / `bigram`).
    static func scalars(of gram: UInt64) -> [UInt32] {
        if gram >> 63 == 1 { return [UInt32(truncatingIfNeeded: gram & 0x1F_FFFF)] }
        return [UInt32(truncatingIfNeeded: (gram >> 21) & 0x1F_FFFF), UInt32(truncatingIfNeeded: gram & 0x1F_FFFF)]
    }

    @inline(__always)
    func inSomeCue(_ scalar: UInt64) -> Bool {
        guard scalar < UInt64(hanLimit) else { return false }
        return hanBits[Int(scalar >> 6)] & (UInt64(1) << (scalar & 63)) != 0
    }

    /// Names of the categories with a cue fully present in `text`, in lexicon order.
    func categories(in text: TextIndex) -> [String] {
        var found = Found()
        var any = false
        for gram in text.grams {
            let candidate: Bool
            if gram >> 63 == 1 {
                candidate = inSomeCue(gram & 0x1F_FFFF)
            } else {
                candidate = inSomeCue(gram & 0x1F_FFFF) && inSomeCue((gram >> 21) & 0x1F_FFFF)
            }
            guard candidate, let slots = gramSlots[gram] else { continue }
            for slot in slots { found.insert(slot) }
            any = true
        }
        if !wordSlots.isEmpty {
            for word in text.words {
                guard let slots = wordSlots[word] else { continue }
                for slot in slots { found.insert(slot) }
                any = true
            }
        }
        guard any else { return [] }
        var matched: [Bool] = Array(repeating: false, count: names.count)
        for cue in cues where !matched[cue.category] && found.word(cue.word) & cue.mask == cue.mask {
            matched[cue.category] = true
        }
        var result: [String] = []
        for (index, name) in names.enumerated() where matched[index] { result.append(name) }
        return result
    }
}
