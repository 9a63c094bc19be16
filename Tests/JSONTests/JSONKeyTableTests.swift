import Testing
@testable import JSON

@Suite struct JSONKeyTableTests {
    /// `forEachMember(in:)` against the decoded keys of `forEachMember`: a key is `.known(i)` exactly when
    /// it decodes to `names[i]`, else `.other` with the decoded key. Random objects whose keys share
    /// prefixes, differ in the eighth or sixteenth byte, are 16 or 17 bytes long (the packed limit), are
    /// escaped spellings of a name, or are not ASCII.
    @Test func matchesTheDecodedKeys() throws {
        var state: UInt64 = 0x2545_F491_4F6C_DD1D
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let names = ["at", "a", "text", "followers", "followerHistory", "abcdefghijklmnop", "abcdefghijklmnopq", "中文", ""]
        let table = JSONKeyTable(names)
        let keys = names + ["t", "ate", "follower", "followerHistorz", "followerHistoryX", "abcdefghijklmnoQ",
                            "abcdefghijklmnopr", "abcdefgX", "\\u0061t", "\\u0074ext", "中", "中文字", "\\u4e2d文", "A"]
        var known = 0
        var other = 0
        for _ in 0..<300 {
            let members = (0..<(1 + next(12))).map { _ in "\"\(keys[next(keys.count)])\": \(next(9))" }
            let doc = try JSONDocument("{" + members.joined(separator: ", ") + "}")
            var decoded: [String] = []
            doc.root.forEachMember { key, _ in decoded.append(key) }
            var matched: [JSONMemberKey] = []
            var values: [SourceRange] = []
            doc.root.forEachMember(in: table) { key, value in
                matched.append(key)
                values.append(value.range)
            }
            #expect(values == doc.root.members.map(\.value.range))
            try #require(matched.count == decoded.count)
            for (key, text) in zip(matched, decoded) {
                switch key {
                case .known(let position):
                    #expect(names[position] == text)
                    known += 1
                case .other(let found):
                    #expect(found == text)
                    #expect(!names.contains(text))
                    other += 1
                }
            }
        }
        #expect(known > 500 && other > 500)
    }

    @Test func notAnObjectCallsNothing() throws {
        var calls = 0
        try JSONDocument("[1, 2]").root.forEachMember(in: JSONKeyTable(["a"])) { _, _ in calls += 1 }
        #expect(calls == 0)
    }
}
