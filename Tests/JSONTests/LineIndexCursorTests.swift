import Testing
@testable import JSON

/// The cursor must answer exactly as `LineIndex.position`, whatever order offsets come in: line breaks of
/// every kind, multi-byte and invalid UTF-8, offsets inside characters, past the end, negative.
@Suite struct LineIndexCursorTests {
    static let pieces: [[UInt8]] = [Array("a".utf8), Array("中".utf8), Array("😀".utf8), Array("\n".utf8),
                                    Array("\r\n".utf8), Array("\r".utf8), [0xFF], [0xE4, 0xB8], Array("  ".utf8)]

    @Test(arguments: [PositionEncoding.utf8, .utf16, .utf32])
    func answersEqualPositionInAnyOrder(encoding: PositionEncoding) {
        var state: UInt64 = 7
        func next() -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: state >> 33)
        }
        for _ in 0..<40 {
            var bytes: [UInt8] = []
            for _ in 0..<(next() % 60) { bytes += Self.pieces[next() % Self.pieces.count] }
            let index = LineIndex(bytes: bytes)
            var offsets = (0..<30).map { _ in next() % (bytes.count + 3) - 1 }
            if next() % 2 == 0 { offsets.sort() }
            var cursor = LineIndexCursor(index, encoding: encoding)
            for offset in offsets {
                let got = cursor.position(ofOffset: offset)
                let expected = index.position(ofOffset: offset, encoding: encoding)
                #expect(got == expected, "offset \(offset) in \(bytes)")
            }
        }
    }

    @Test func walksOnAlongALine() {
        // "中a\n😀b": 中=0..<3, a=3, \n=4, 😀=5..<9, b=9
        let index = LineIndex(bytes: Array("中a\n😀b".utf8))
        var cursor = LineIndexCursor(index, encoding: .utf16)
        #expect(cursor.position(ofOffset: 3) == (0, 1))
        #expect(cursor.position(ofOffset: 4) == (0, 2))
        #expect(cursor.position(ofOffset: 9) == (1, 2))
        #expect(cursor.position(ofOffset: 10) == (1, 3))
        #expect(cursor.position(ofOffset: 7) == (1, 0))  // inside 😀, going back
        #expect(cursor.position(ofOffset: 1) == (0, 0))  // inside 中, an earlier line
    }
}
