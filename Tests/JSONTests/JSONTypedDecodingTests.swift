import Testing
@testable import JSON

private struct Params: Decodable {
    struct KOL: Decodable {
        var name: String
        var followers: Int
        var stars: Double?
    }
    var kols: [KOL]
    var note: String?
}

@Suite struct JSONTypedDecodingTests {
    @Test func decodesNestedStructs() throws {
        let doc = try JSONDocument(#"{"kols": [{"name": "小红", "followers": 1200, "stars": 4.5}, {"name": "b", "followers": 3}]}"#)
        let params = try doc.root.decode(Params.self)
        #expect(params.kols.count == 2)
        #expect(params.kols[0].name == "小红")
        #expect(params.kols[0].stars == 4.5)
        #expect(params.kols[1].stars == nil)
        #expect(params.note == nil)
    }

    @Test func errorsNameThePathAndRange() throws {
        let text = #"{"kols": [{"name": "a", "followers": 1}, {"name": "b", "followers": "3"}]}"#
        let doc = try JSONDocument(text)
        do {
            _ = try doc.root.decode(Params.self)
            Issue.record("should fail")
        } catch let error as JSONDecodingError {
            #expect(error.description == "params.kols[1].followers: expected integer, got string")
            #expect(error.range == SourceRange(start: 68, end: 71))
        }
    }

    @Test func intRejectsFractions() throws {
        let doc = try JSONDocument(#"{"kols": [{"name": "a", "followers": 3.5}]}"#)
        #expect(throws: JSONDecodingError.self) { try doc.root.decode(Params.self) }
        do {
            _ = try doc.root.decode(Params.self)
        } catch let error as JSONDecodingError {
            #expect(error.description == "params.kols[0].followers: expected integer, got number 3.5")
        }
    }

    @Test func missingField() throws {
        let doc = try JSONDocument(#"{"kols": [{"name": "a"}]}"#)
        do {
            _ = try doc.root.decode(Params.self)
            Issue.record("should fail")
        } catch let error as JSONDecodingError {
            #expect(error.description == "params.kols[0].followers: required field is missing")
            #expect(error.range == SourceRange(start: 10, end: 23))
        }
    }
}

private struct Envelope: Decodable {
    var id: JSONValue
    var params: JSONNode
    var tags: [String: Int]
    var matrix: [[UInt8]]
}

@Suite struct JSONTypedDecodingEdgeTests {
    @Test func rawNodesValuesDictionariesAndNestedArrays() throws {
        let text = #"{"id": "abc", "params": {"x": [1]}, "tags": {"a b": 1}, "matrix": [[1, 2], []]}"#
        let envelope = try JSONDocument(text).root.decode(Envelope.self, path: "message")
        #expect(envelope.id == "abc")
        #expect(envelope.params.range == SourceRange(start: 24, end: 34))
        #expect(envelope.tags == ["a b": 1])
        #expect(envelope.matrix == [[1, 2], []])
    }

    @Test func quotedKeysAndRangeErrorsInPaths() throws {
        let doc = try JSONDocument(#"{"id": 1, "params": 2, "tags": {"a b": 1}, "matrix": [[1, 300]]}"#)
        do {
            _ = try doc.root.decode(Envelope.self, path: "message")
            Issue.record("should fail")
        } catch let error as JSONDecodingError {
            #expect(error.description == "message.matrix[0][1]: integer 300 out of range for UInt8")
            #expect(error.range == SourceRange(start: 58, end: 61))
        }
        let wrongTag = try JSONDocument(#"{"id": 1, "params": 2, "tags": {"a b": true}, "matrix": []}"#)
        #expect(throws: JSONDecodingError(path: #"message.tags["a b"]"#, message: "expected integer, got boolean",
                                          range: SourceRange(start: 39, end: 43))) {
            try wrongTag.root.decode(Envelope.self, path: "message")
        }
    }

    @Test func topLevelScalarsAndWrongContainers() throws {
        #expect(try JSONDocument("42").root.decode(Int.self) == 42)
        #expect(throws: JSONDecodingError(path: "params", message: "expected integer, got number 4.0",
                                          range: SourceRange(start: 0, end: 3))) {
            try JSONDocument("4.0").root.decode(Int.self)
        }
        #expect(throws: JSONDecodingError(path: "params", message: "expected array, got object",
                                          range: SourceRange(start: 0, end: 2))) {
            try JSONDocument("{}").root.decode([Int].self)
        }
        #expect(try JSONDocument("[1, null]").root.decode([Int?].self) == [1, nil])
    }
}
