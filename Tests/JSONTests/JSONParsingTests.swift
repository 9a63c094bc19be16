import Testing
@testable import JSON

@Suite struct JSONParsingTests {
    @Test func parsesNestedDocumentWithRanges() throws {
        let doc = try JSONDocument(#"{"a": [1, -2.5, "x"], "b": {"c": null, "d": true}}"#)
        let root = doc.root
        #expect(root.kind == .object)
        #expect(root.count == 2)
        #expect(root.range == SourceRange(start: 0, end: 50))
        let a = try #require(root["a"])
        #expect(a.count == 3)
        #expect(a.range == SourceRange(start: 6, end: 20))
        #expect(a[0]?.int == 1)
        #expect(a[1]?.int == nil)
        #expect(a[1]?.double == -2.5)
        #expect(a[2]?.string == "x")
        #expect(a[2]?.range == SourceRange(start: 16, end: 19))
        #expect(root["b"]?["c"]?.isNull == true)
        #expect(root["b"]?["d"]?.bool == true)
        #expect(root["zzz"] == nil)
        #expect(root.members.map(\.key) == ["a", "b"])
        #expect(root.members[1].keyRange == SourceRange(start: 22, end: 25))
    }

    @Test func decodesEscapesIncludingSlashAndSurrogatePairs() throws {
        let doc = try JSONDocument(#"["a\/b", "\u4e2d\u6587", "\ud83d\ude00", "tab\there", "q\"\\"]"#)
        let strings = doc.root.elements.compactMap(\.string)
        #expect(strings == ["a/b", "中文", "😀", "tab\there", "q\"\\"])
    }

    @Test func integersAreExactAndOverflowBecomesDouble() throws {
        let doc = try JSONDocument("[9223372036854775807, -9223372036854775808, 9223372036854775808, 3.0, 1e2]")
        let e = doc.root.elements
        #expect(e[0].int == Int64.max)
        #expect(e[1].int == Int64.min)
        #expect(e[2].int == nil)
        #expect(e[2].double == 9223372036854775808.0)
        #expect(e[3].int == nil)
        #expect(e[4].int == nil)
        #expect(e[4].double == 100)
        #expect(doc.root.value() == [.int(Int64.max), .int(Int64.min), .double(9223372036854775808.0), 3.0, 100.0])
    }

    @Test func rejectsWithOffsets() {
        let cases: [(String, Int)] = [
            ("[1,]", 3), ("{\"a\" 1}", 5), ("01", 1), ("[1] x", 4), ("\"abc", 0), ("", 0), ("[\"\\ud800\"]", 2),
            ("nul", 0), ("{\"a\":1,}", 7),
        ]
        for (text, offset) in cases {
            #expect(throws: JSONParseError.self, "\(text)") { try JSONDocument(text) }
            do {
                _ = try JSONDocument(text)
            } catch {
                #expect(error.offset == offset, "\(text): \(error)")
            }
        }
    }

    @Test func depthLimitIsACleanError() throws {
        let deep = String(repeating: "[", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONDocument(deep) }
        let ok = String(repeating: "[", count: 512) + String(repeating: "]", count: 512)
        #expect(try JSONDocument(ok).root.kind == .array)
        let tooDeep = String(repeating: "[", count: 513) + String(repeating: "]", count: 513)
        do {
            _ = try JSONDocument(tooDeep)
            Issue.record("should fail")
        } catch {
            #expect(error.offset == 512)
            #expect(error.message.contains("512"))
        }
    }

    @Test func sizeLimit() {
        #expect(throws: JSONParseError.self) {
            try JSONDocument("[1, 2, 3]", limits: JSONLimits(maxDepth: 512, maxBytes: 8))
        }
    }

    @Test func duplicateKeysLastWins() throws {
        let doc = try JSONDocument(#"{"a": 1, "b": 2, "a": 3, "\u0061": 4}"#)
        #expect(doc.root["a"]?.int == 4)
        #expect(doc.duplicateKeys == [SourceRange(start: 17, end: 20), SourceRange(start: 25, end: 33)])
        #expect(doc.root.value() == ["a": 4, "b": 2])
    }
}

@Suite struct JSONNumberTests {
    /// The fast decimal path must agree bit-for-bit with the standard library's correctly rounded conversion.
    @Test func doublesMatchStandardLibrary() throws {
        var texts = ["0.1", "-0.0", "4.5", "0.0123", "1e22", "1e23", "123456789012345.6", "9007199254740993.0",
                     "1.7976931348623157e308", "5e-324", "2.2250738585072014e-308", "0.30000000000000004",
                     "1E-22", "-12.5e+3", "0.000000000000000000000000001"]
        var state: UInt64 = 42
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let mantissa = state >> 40
            let scale = Int((state >> 20) % 30)
            texts.append("\(mantissa).\(String(repeating: "0", count: scale % 5))\(state % 1000)e-\(scale)")
            texts.append(Double(bitPattern: state >> 2).description)
        }
        for text in texts {
            let parsed = try #require(try JSONDocument("[\(text)]").root[0]?.double, "\(text)")
            let reference = try #require(Double(text))
            #expect(parsed.bitPattern == reference.bitPattern, "\(text)")
        }
    }

    /// What the serializer prints parses back to the identical Double.
    @Test func serializedDoublesRoundTripExactly() throws {
        var state: UInt64 = 7
        for _ in 0..<2000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let value = Double(bitPattern: state)
            guard value.isFinite else { continue }
            let printed = JSONValue.array([.double(value)]).serialized()
            let back = try JSONDocument(bytes: printed).root[0]?.double
            #expect(back?.bitPattern == value.bitPattern)
        }
    }
}

@Suite struct JSONMaterialiseTests {
    /// Many objects with many distinct short keys exercise the key cache's collisions and reuse.
    @Test func materialisedKeysMatchSourceKeys() throws {
        var text = "["
        for n in 0..<300 {
            text += n == 0 ? "{" : ",{"
            text += "\"k\(n % 97)\":\(n),\"same\":1,\"k\(n % 89)x\":\"v\",\"\\u0041\(n % 7)\":null,\"長い鍵\":[]}"
        }
        text += "]"
        let doc = try JSONDocument(text)
        let value = doc.root.value()
        for (n, node) in doc.root.elements.enumerated() {
            let object = try #require(value[n]?.object)
            #expect(object.keys == node.members.map(\.key))
            #expect(object.keys == ["k\(n % 97)", "same", "k\(n % 89)x", "A\(n % 7)", "長い鍵"])
        }
    }
}
