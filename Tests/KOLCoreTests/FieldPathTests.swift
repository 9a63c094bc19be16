import Testing
@testable import KOLCore

@Suite struct FieldPathTests {
    /// `topLevelText` is the rendered path when that names a top-level field (no `.`, no `[`), else nil:
    /// checked on random paths of empty keys, keys with a dot or a leading bracket, CJK keys and indices.
    @Test func topLevelTextMatchesTheRenderedPath() {
        var state: UInt64 = 0x5851_F42D_4C95_7F2D
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let keys = ["", "", "a", "followerRegions", "上海", "b.c", "[x", "x[", "posts"]
        var topLevel = 0
        for _ in 0..<2000 {
            var path = FieldPath()
            for _ in 0..<next(4) {
                path.parts.append(next(5) == 0 ? .index(next(3)) : .key(keys[next(keys.count)]))
            }
            let text = path.joinedText
            let expected = text.contains(where: { $0 == "." || $0 == "[" }) ? nil : text
            #expect(path.topLevelText == expected, "\(path.parts)")
            if expected != nil { topLevel += 1 }
        }
        #expect(topLevel > 300 && topLevel < 1700)
    }
}
