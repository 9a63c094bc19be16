import Testing
@testable import JSON

@Suite struct LineIndexTests {
    // "a中😀b\r\nx\ny": a=0, 中=1..<4, 😀=4..<8, b=8, \r\n=9,10, x=11, \n=12, y=13
    let index = LineIndex(bytes: Array("a中😀b\r\nx\ny".utf8))

    @Test func offsetsToPositions() {
        #expect(index.position(ofOffset: 8, encoding: .utf8) == (0, 8))
        #expect(index.position(ofOffset: 8, encoding: .utf16) == (0, 4))
        #expect(index.position(ofOffset: 8, encoding: .utf32) == (0, 3))
        #expect(index.position(ofOffset: 4, encoding: .utf16) == (0, 2))
        #expect(index.position(ofOffset: 11, encoding: .utf16) == (1, 0))
        #expect(index.position(ofOffset: 13, encoding: .utf16) == (2, 0))
        #expect(index.position(ofOffset: 99, encoding: .utf16) == (2, 1))
        #expect(index.position(ofOffset: 2, encoding: .utf16) == (0, 1))  // inside 中
    }

    @Test func positionsToOffsets() {
        #expect(index.offset(line: 0, character: 4, encoding: .utf16) == 8)
        #expect(index.offset(line: 0, character: 3, encoding: .utf32) == 8)
        #expect(index.offset(line: 0, character: 3, encoding: .utf16) == 4)  // inside the surrogate pair
        #expect(index.offset(line: 0, character: 50, encoding: .utf16) == 9)  // clamps before \r\n
        #expect(index.offset(line: 1, character: 1, encoding: .utf8) == 12)
        #expect(index.offset(line: 2, character: 9, encoding: .utf8) == 14)
        #expect(index.offset(line: 7, character: 0, encoding: .utf8) == 14)
    }
}
