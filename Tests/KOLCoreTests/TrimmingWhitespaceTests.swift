import Testing

@testable import KOLCore

/// `trimmingCharactersInWhitespace` with its scalar fast path against the character walk it short-cuts.
@Suite struct TrimmingWhitespaceTests {
    static func reference(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\u{3000}" || $0.isNewline }
        guard let first = text.firstIndex(where: { !isSpace($0) }), let last = text.lastIndex(where: { !isSpace($0) })
        else { return "" }
        return String(text[first...last])
    }

    @Test func fastPathEqualsTheCharacterWalk() {
        var random = SeededGenerator(seed: 16)
        let pieces = [" ", "\t", "\u{3000}", "\n", "\r\n", "\u{85}", "\u{2029}", " \u{301}", "\u{301}", "浙江", "a",
                      "🍵", "e\u{301}", "\u{A0}", "省"]
        for _ in 0..<20_000 {
            let text = (0..<random.nextInt(below: 8)).map { _ in pieces[random.nextInt(below: pieces.count)] }.joined()
            #expect(text.trimmingCharactersInWhitespace() == Self.reference(text), "\(text.debugDescription)")
        }
        #expect("  浙江省\u{3000}".trimmingCharactersInWhitespace() == "浙江省")
        #expect("浙江".trimmingCharactersInWhitespace() == "浙江")
        #expect(" \n ".trimmingCharactersInWhitespace() == "")
    }
}
