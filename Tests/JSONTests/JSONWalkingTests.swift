import Testing
@testable import JSON

/// The array-free walks and raw string bytes a bulk load uses, held to `members`/`elements`/`string`;
/// and the parser's loop for runs of multi-byte characters, on valid and invalid runs.
@Suite struct JSONWalkingTests {
    @Test func forEachMemberAndElementMatchTheArrays() throws {
        let doc = try JSONDocument(#"{"a": 1, "b\u0061": [true, "x", {"c": null}], "a": "二", "": []}"#)
        var members: [(String, SourceRange)] = []
        doc.root.forEachMember { key, value in members.append((key, value.range)) }
        #expect(members.map(\.0) == ["a", "ba", "a", ""])
        #expect(members.map(\.1) == doc.root.members.map(\.value.range))
        let list = try #require(doc.root["ba"])
        var elements: [(Int, SourceRange)] = []
        list.forEachElement { position, value in elements.append((position, value.range)) }
        #expect(elements.map(\.0) == [0, 1, 2])
        #expect(elements.map(\.1) == list.elements.map(\.range))
        var visited = 0
        list.forEachMember { _, _ in visited += 1 }   // not an object
        doc.root.forEachElement { _, _ in visited += 1 }   // not an array
        #expect(visited == 0)
    }

    @Test func unescapedStringBytesOnlyForPlainStrings() throws {
        let doc = try JSONDocument(#"["2025-07-14", "a\nb", 5, "", "茶🍵"]"#)
        func bytes(_ index: Int) -> [UInt8]? {
            var seen: [UInt8]?
            let called = doc.root[index]?.withUnescapedStringBytes { seen = Array($0) } ?? false
            return called ? seen : nil
        }
        #expect(bytes(0) == Array("2025-07-14".utf8))
        #expect(bytes(1) == nil)   // escaped: callers decode the String instead
        #expect(bytes(2) == nil)
        #expect(bytes(3) == [])
        #expect(bytes(4) == Array("茶🍵".utf8))
    }

    /// `duplicateKeys` (fingerprints, then bytes) against a plain set of decoded keys per object, on random
    /// nested objects whose keys share prefixes, differ only after eight bytes or by 256 in length, or
    /// are escaped spellings of each other.
    @Test func duplicateKeysMatchASetOfDecodedKeys() throws {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound))
        }
        let long = String(repeating: "k", count: 300)
        let keys = ["a", "b", "ab", "abcdefgh1", "abcdefgh2", "abcdefgh1x", "\\u0061", "中文", long, long + "k",
                    String(repeating: "k", count: 44)]
        func object(_ depth: Int) -> String {
            let members = (0..<(1 + next(depth == 0 ? 30 : 6))).map { _ -> String in
                let value = depth < 2 && next(4) == 0 ? object(depth + 1) : "\(next(9))"
                return "\"\(keys[next(keys.count)])\": \(value)"
            }
            return "{" + members.joined(separator: ", ") + "}"
        }
        func reference(_ node: JSONNode, into found: inout [SourceRange]) {
            if node.kind == .object {
                var seen = Set<String>()
                for member in node.members where !seen.insert(member.key).inserted { found.append(member.keyRange) }
            }
            for child in node.kind == .object ? node.members.map(\.value) : node.elements { reference(child, into: &found) }
        }
        var repeats = 0
        for _ in 0..<300 {
            let doc = try JSONDocument("[" + object(0) + ", " + object(1) + "]")
            var expected: [SourceRange] = []
            reference(doc.root, into: &expected)
            #expect(doc.duplicateKeys == expected)
            repeats += expected.count
        }
        #expect(repeats > 300)
    }

    @Test func multiByteRunsAreValidatedByteForByte() throws {
        // Valid: CJK runs, E0/ED/F0 leads at their range edges, a run ending the string or followed by ASCII.
        let valid: [[UInt8]] = [
            Array("\"中文中文\"".utf8), Array("\"中文a中\"".utf8), [0x22, 0xE0, 0xA0, 0x80, 0xE4, 0xB8, 0xAD, 0x22],
            [0x22, 0xE4, 0xB8, 0xAD, 0xED, 0x9F, 0xBF, 0x22], [0x22, 0xE4, 0xB8, 0xAD, 0xF0, 0x9F, 0x8D, 0xB5, 0x22],
            [0x22, 0xEF, 0xBF, 0xBF, 0xEE, 0x80, 0x80, 0x22],
        ]
        for bytes in valid { #expect((try? JSONDocument(bytes: bytes)) != nil, "\(bytes)") }
        // Invalid inside a run: a surrogate (ED A0), an overlong (E0 80), a bad continuation, a truncated
        // sequence before the quote, a lone continuation byte, a byte that never starts a sequence.
        let invalid: [([UInt8], Int)] = [
            ([0x22, 0xE4, 0xB8, 0xAD, 0xED, 0xA0, 0x80, 0x22], 4), ([0x22, 0xE4, 0xB8, 0xAD, 0xE0, 0x80, 0x80, 0x22], 4),
            ([0x22, 0xE4, 0xB8, 0xAD, 0xE4, 0x41, 0x80, 0x22], 4), ([0x22, 0xE4, 0xB8, 0xAD, 0xE4, 0xB8, 0x22], 4),
            ([0x22, 0xE4, 0xB8, 0xAD, 0x80, 0x22], 4), ([0x22, 0xE4, 0xB8, 0xAD, 0xFF, 0x22], 4),
            ([0x22, 0xE4, 0xB8], 1),
        ]
        for (bytes, offset) in invalid {
            do {
                _ = try JSONDocument(bytes: bytes)
                Issue.record("accepted \(bytes)")
            } catch {
                #expect(error.offset == offset, "\(bytes): \(error.message)")
            }
        }
    }
}
