/// The searchable form of a text: Chinese character unigrams and bigrams, and lowercased English words.
///
/// Why n-grams: Chinese has no spaces, and a word segmenter is a project of its own. Character bigrams are
/// the standard cheap substitute (most Chinese words are two characters): 普洱茶 → {普洱, 洱茶}. Unigrams are
/// kept for one-character keywords such as 茶. Latin text is split into words so `tea` does not match
/// `steak`. Grams are packed into integers (two 21-bit scalars) to keep a 10^6-post index small.
///
/// Why a sorted array rather than a `Set`: building a post's index is on every KOL's cold path, and
/// hashing each of ~120 grams into a set (SipHash, resizes) was a sixth of a cold `kol/rank`. Appending,
/// sorting and removing duplicates gives the same set of grams in one canonical order (so equality and
/// hashing still mean "same grams"), in less memory; lookups are a binary search.
public struct TextIndex: Hashable, Sendable {
    /// The distinct grams, ascending.
    public private(set) var grams: [UInt64] = []
    public private(set) var words: Set<String> = []

    public init() {}

    public init(_ text: String) { add(text) }

    public mutating func add(_ text: String) {
        var added: [UInt64] = []
        // At most two grams per Han scalar (three UTF-8 bytes or more each).
        added.reserveCapacity(text.utf8.count * 2 / 3 + 2)
        defer { merge(added) }
        var previousHan: UInt32?
        var word = ""
        func flushWord() {
            if !word.isEmpty { words.insert(word) }
            word = ""
        }
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if TextIndex.isHan(value) {
                flushWord()
                added.append(TextIndex.unigram(value))
                if let previous = previousHan { added.append(TextIndex.bigram(previous, value)) }
                previousHan = value
            } else {
                previousHan = nil
                // ASCII without `String` work: exactly what `isWordCharacter` and `lowercased()` give there.
                if value < 128 {
                    switch value {
                    case 65...90: word.unicodeScalars.append(Unicode.Scalar(UInt8(value + 32)))
                    case 97...122, 48...57: word.unicodeScalars.append(scalar)
                    default: flushWord()
                    }
                } else if TextIndex.isWordCharacter(scalar) {
                    word.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
                } else {
                    flushWord()
                }
            }
        }
        flushWord()
    }

    /// `added` into `grams`, keeping them sorted and distinct.
    private mutating func merge(_ added: [UInt64]) {
        guard !added.isEmpty else { return }
        var all = grams.isEmpty ? added : grams + added
        TextIndex.sortAscending(&all)
        var kept = 0
        for index in all.indices where kept == 0 || all[kept - 1] != all[index] {
            all[kept] = all[index]
            kept += 1
        }
        all.removeLast(all.count - kept)
        grams = all
    }

    /// Sorts a post's grams. Why not `sort()`: the standard library's generic stable sort cost ~20k
    /// instructions for a post's ~120 grams; a plain quicksort over the buffer does it in a fraction.
    /// Large inputs (a huge text) use the standard sort, which has no quadratic worst case.
    static func sortAscending(_ values: inout [UInt64]) {
        guard values.count <= 4096 else { return values.sort() }
        values.withUnsafeMutableBufferPointer { buffer in
            quicksort(buffer, low: 0, high: buffer.count - 1)
        }
    }

    private static func quicksort(_ a: UnsafeMutableBufferPointer<UInt64>, low: Int, high: Int) {
        var low = low
        var high = high
        while high - low > 16 {
            let middle = low + (high - low) / 2
            if a[middle] < a[low] { a.swapAt(middle, low) }
            if a[high] < a[low] { a.swapAt(high, low) }
            if a[high] < a[middle] { a.swapAt(high, middle) }
            let pivot = a[middle]
            var i = low
            var j = high
            while i <= j {
                while a[i] < pivot { i += 1 }
                while a[j] > pivot { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            // Recurse into the smaller side, loop on the larger: the stack stays O(log n) deep.
            if j - low < high - i {
                quicksort(a, low: low, high: j)
                low = i
            } else {
                quicksort(a, low: i, high: high)
                high = j
            }
        }
        guard high > low else { return }
        for k in (low + 1)...high {
            let value = a[k]
            var m = k - 1
            while m >= low && a[m] > value {
                a[m + 1] = a[m]
                m -= 1
            }
            a[m + 1] = value
        }
    }

    public func contains(gram: UInt64) -> Bool {
        var low = 0
        var high = grams.count
        while low < high {
            let middle = (low + high) / 2
            if grams[middle] < gram { low = middle + 1 } else { high = middle }
        }
        return low < grams.count && grams[low] == gram
    }
    public func contains(word: String) -> Bool { words.contains(word) }

    static func isHan(_ value: UInt32) -> Bool {
        (0x4E00...0x9FFF).contains(value) || (0x3400...0x4DBF).contains(value) || (0x20000...0x2A6DF).contains(value)
            || (0xF900...0xFAFF).contains(value)
    }

    static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || (48...57).contains(scalar.value)
    }

    /// A tag bit keeps unigrams and bigrams apart.
    static func unigram(_ a: UInt32) -> UInt64 { (1 << 63) | UInt64(a) }
    static func bigram(_ a: UInt32, _ b: UInt32) -> UInt64 { (UInt64(a) << 21) | UInt64(b) }
}

/// A brief keyword prepared for matching: its Han grams and its Latin words.
public struct KeywordPattern: Hashable, Sendable {
    public var keyword: String
    /// Bigrams of the keyword's Han characters (its unigram when it has one Han character).
    var grams: [UInt64]
    var words: [String]

    public init(_ keyword: String) {
        self.keyword = keyword
        let index = TextIndex(keyword)
        let hanScalars = keyword.unicodeScalars.map(\.value).filter(TextIndex.isHan)
        if hanScalars.count == 1 {
            grams = [TextIndex.unigram(hanScalars[0])]
        } else {
            var seen = Set<UInt64>()
            grams = []
            for i in 1..<max(1, hanScalars.count) where hanScalars.count >= 2 {
                let gram = TextIndex.bigram(hanScalars[i - 1], hanScalars[i])
                if seen.insert(gram).inserted { grams.append(gram) }
            }
        }
        words = index.words.sorted()
    }

    public var isEmpty: Bool { grams.isEmpty && words.isEmpty }

    /// Share of the keyword's grams and words found in the text, 0–1.
    public func coverage(in text: TextIndex) -> Double {
        let total = grams.count + words.count
        guard total > 0 else { return 0 }
        let found = grams.filter(text.contains(gram:)).count + words.filter(text.contains(word:)).count
        return Double(found) / Double(total)
    }

    /// A text matches when at least half of the keyword's grams and words occur in it: a two-character
    /// keyword needs its one bigram, 西湖龙井 needs two of its three bigrams (a post saying 龙井 and 西湖
    /// apart still counts).
    public static let matchCoverage = 0.5

    public func matches(_ text: TextIndex) -> Bool {
        !isEmpty && coverage(in: text) >= KeywordPattern.matchCoverage
    }
}
