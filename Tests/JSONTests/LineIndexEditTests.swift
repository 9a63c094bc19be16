import Testing
@testable import JSON

/// `LineIndex.replacing` must give exactly the index a fresh build of the edited text gives.
@Suite struct LineIndexEditTests {
    static let alphabet: [[UInt8]] = [Array("a".utf8), Array("\n".utf8), Array("\r".utf8), Array("\r\n".utf8),
                                      Array("中".utf8), Array("😀".utf8), Array(" ".utf8)]

    func same(_ a: LineIndex, _ b: LineIndex, _ count: Int) -> Bool {
        guard a.lineCount == b.lineCount else { return false }
        for offset in 0...count {
            let p = a.position(ofOffset: offset, encoding: .utf16)
            let q = b.position(ofOffset: offset, encoding: .utf16)
            if p.line != q.line || p.character != q.character { return false }
        }
        return true
    }

    @Test func randomEditsMatchAFreshIndex() {
        var state: UInt64 = 12345
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        func text(_ pieces: Int) -> [UInt8] { (0..<pieces).flatMap { _ in Self.alphabet[next(Self.alphabet.count)] } }
        var failures = 0
        for _ in 0..<2000 {
            let old = text(next(12))
            let lower = next(old.count + 1)
            let upper = lower + next(old.count - lower + 1)
            let new = Array(old[..<lower]) + text(next(4)) + Array(old[upper...])
            let edited = LineIndex(bytes: old).replacing(lower: lower, oldUpper: upper, newBytes: new)
            if !same(edited, LineIndex(bytes: new), new.count) { failures += 1 }
        }
        #expect(failures == 0)
    }

    @Test func editInsideALongDocumentShiftsLaterLines() {
        let old = Array("{\"a\":1}\n{\"b\":22}\r\n{\"c\":3}\n".utf8)
        let new = Array("{\"a\":1}\n{\"b\":2}\r\n{\"c\":3}\n".utf8)
        let edited = LineIndex(bytes: old).replacing(lower: 13, oldUpper: 15, newBytes: Array(old[..<13]) + Array("2".utf8) + Array(old[15...]))
        #expect(edited.lineCount == 4)
        #expect(edited.offset(line: 2, character: 0, encoding: .utf8) == 17)
        #expect(same(edited, LineIndex(bytes: new), new.count))
    }
}
