import Testing

@testable import KOLCore

/// `ToneFitMeasurement.excerpt` against its definition (fold newlines to spaces, cut at `limit` characters).
@Suite struct ToneExcerptTests {
    static func referenceExcerpt(_ text: String, limit: Int) -> String {
        let folded = text.split(whereSeparator: \.isNewline).joined(separator: " ")
        return folded.count > limit ? String(folded.prefix(limit)) + "…" : folded
    }

    @Test func excerptEqualsTheDefinition() {
        var random = SeededGenerator(seed: 14)
        let pieces = ["茶", "普洱", "a", "🍵", "👨‍👩‍👧", "e\u{301}", "\n", "\r\n", "\r", "\u{2028}", "\u{85}", "\u{0B}",
                      " ", "限时优惠", "🇨🇳", "\n\n"]
        var texts = TopicMatcherTests.randomTexts(count: 2000, seed: 15)
        for _ in 0..<3000 {
            texts.append((0..<random.nextInt(below: 60)).map { _ in pieces[random.nextInt(below: pieces.count)] }.joined())
        }
        for text in texts {
            for limit in [0, 1, 24, 40] {
                #expect(ToneFitMeasurement.excerpt(text, limit: limit) == Self.referenceExcerpt(text, limit: limit),
                        "\(text.debugDescription) \(limit)")
            }
        }
        #expect(ToneFitMeasurement.excerpt("一二三\n四五", limit: 4) == "一二三 …")
        #expect(ToneFitMeasurement.excerpt("一二三四", limit: 4) == "一二三四")
    }
}
