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
