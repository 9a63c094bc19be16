import Foundation
import Testing

@testable import KOLCore

/// The one-pass topic matcher and the ASCII fast path of `TextIndex` against their definitions: the cue-by-cue
/// coverage check, and a word splitter that lowercases every scalar through `String` as before.
@Suite struct TopicMatcherTests {
    /// Every text of the labelled tone data (Weibo posts, news headlines, jokes).
    static func labelledTexts() throws -> [String] {
        let humor = try ToneAccuracyTests.examples("humor_vs_news_dev.csv", "humorous", "serious")
        let sentiment = try ToneAccuracyTests.examples("weibo_sentiment_dev.csv", "positive", "negative")
        return (humor + sentiment).map(\.text)
    }

    /// Random texts from cue characters and words (in mixed case), other Han characters, ASCII, accented
    /// Latin letters, digits, emoji and punctuation, so cues appear whole, split and interleaved.
    static func randomTexts(count: Int, seed: UInt64) -> [String] {
        var random = SeededGenerator(seed: seed)
        let cues = TopicLexicon.categories.flatMap(\.cues)
        let pieces: [String] = cues + cues.map { $0.uppercased() } + cues.map(\.localizedCapitalized)
            + ["的", "是", "了", "我", "好", "天", "人", "大", "一", "不", "Ünïcödé", "É", "ß", "ǅ", "İ", "Σ",
               "😀", "🍵", "#", " ", ",", "，", "。", "!", "123", "A1b2", "x", "Z", "\n", "\u{20000}", "\u{F900}",
               "\u{3400}", "ｔｅａ", "Ⅻ", "㊀"]
        return (0..<count).map { _ in
            var text = ""
            for _ in 0..<(1 + random.nextInt(below: 30)) {
                let piece = pieces[random.nextInt(below: pieces.count)]
                if random.nextInt(below: 4) == 0, let first = piece.first {
                    text.append(first)  // half a cue: its first character only
                } else {
                    text += piece
                }
            }
            return text
        }
    }

    /// The words `TextIndex` found before its ASCII fast path: every word character lowercased via `String`.
    static func referenceWords(_ text: String) -> Set<String> {
        var words = Set<String>()
        var word = ""
        for scalar in text.unicodeScalars {
            if TextIndex.isHan(scalar.value) || !TextIndex.isWordCharacter(scalar) {
                if !word.isEmpty { words.insert(word) }
                word = ""
            } else {
                word.unicodeScalars.append(contentsOf: String(scalar).lowercased().unicodeScalars)
            }
        }
        if !word.isEmpty { words.insert(word) }
        return words
    }

    /// The grams as the index held them in a `Set` before: each Han unigram and each bigram of adjacent Han.
    static func referenceGrams(_ texts: [String]) -> Set<UInt64> {
        var grams = Set<UInt64>()
        for text in texts {
            var previous: UInt32?
            for scalar in text.unicodeScalars {
                guard TextIndex.isHan(scalar.value) else {
                    previous = nil
                    continue
                }
                grams.insert(TextIndex.unigram(scalar.value))
                if let previous { grams.insert(TextIndex.bigram(previous, scalar.value)) }
                previous = scalar.value
            }
        }
        return grams
    }

    /// Sorted, distinct grams equal to the old set, across several `add`s (a post's text and its labels),
    /// and `contains` agreeing with the set for present and absent grams.
    @Test func sortedGramsEqualTheSet() {
        let texts = Self.randomTexts(count: 3000, seed: 9)
        for start in stride(from: 0, to: texts.count - 3, by: 3) {
            let parts = Array(texts[start..<(start + 3)])
            var index = TextIndex(parts[0])
            index.add(parts[1])
            index.add(parts[2])
            let expected = Self.referenceGrams(parts)
            #expect(index.grams == expected.sorted(), "\(parts)")
            #expect(index.words == Self.referenceWords(parts[0]).union(Self.referenceWords(parts[1]))
                .union(Self.referenceWords(parts[2])))
            for gram in Self.referenceGrams([texts[start + 3]]).union(expected) {
                #expect(index.contains(gram: gram) == expected.contains(gram))
            }
        }
        #expect(TextIndex("").grams.isEmpty)
        // The buffer quicksort against the standard sort: sizes around its cut-offs, many duplicates.
        var random = SeededGenerator(seed: 10)
        for count in [0, 1, 2, 15, 16, 17, 18, 40, 200, 1000, 5000] {
            for spread in [3, 1000, Int.max] {
                var values = (0..<count).map { _ in UInt64(random.nextInt(below: spread)) }
                let expected = values.sorted()
                TextIndex.sortAscending(&values)
                #expect(values == expected, "\(count) \(spread)")
            }
        }
        #expect(TextIndex("茶茶茶").grams == [TextIndex.bigram(0x8336, 0x8336), TextIndex.unigram(0x8336)].sorted())
    }

    @Test func matcherIsInUse() {
        #expect(TopicLexicon.usesMatcher)
    }

    @Test func matcherAgreesWithCoverageOnLabelledData() throws {
        let texts = try Self.labelledTexts()
        #expect(texts.count == 1086 + 597)
        var withTopics = 0
        for text in texts {
            let index = TextIndex(text)
            let expected = TopicLexicon.categoriesByCoverage(in: index)
            #expect(TopicLexicon.categories(in: index) == expected, "\(text)")
            #expect(index.words == Self.referenceWords(text), "\(text)")
            if !expected.isEmpty { withTopics += 1 }
        }
        #expect(withTopics > 100)
    }

    @Test func matcherAgreesWithCoverageOnRandomTexts() {
        var withTopics = 0
        for text in Self.randomTexts(count: 20_000, seed: 8) {
            let index = TextIndex(text)
            let expected = TopicLexicon.categoriesByCoverage(in: index)
            #expect(TopicLexicon.categories(in: index) == expected, "\(text)")
            #expect(index.words == Self.referenceWords(text), "\(text)")
            if expected.count >= 2 { withTopics += 1 }
        }
        #expect(withTopics > 1000)
    }

    @Test func handComputedCategories() {
        #expect(TopicLexicon.categories(in: TextIndex("周末去西湖喝龙井，顺便自驾")) == ["tea", "travel"])
        // 新能源车 needs all three bigrams, anywhere in the text.
        #expect(TopicLexicon.categories(in: TextIndex("新能源的车")) == [])
        #expect(TopicLexicon.categories(in: TextIndex("源车 新能 能源")) == ["cars"])
        #expect(TopicLexicon.categories(in: TextIndex("My GYM and Tea time")) == ["tea", "sports"])
        #expect(TopicLexicon.categories(in: TextIndex("steak")) == [])
    }
}
