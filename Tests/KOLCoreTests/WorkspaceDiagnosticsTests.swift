import Testing
import JSON
@testable import KOLCore

/// Each data-quality code, triggered in a document with Chinese and emoji before the offending value,
/// with the exact byte range of that value.
@Suite struct WorkspaceDiagnosticsTests {
    /// (code, KOL JSON, offending value text, its occurrence in the document)
    static let cases: [(DataQualityCode, String, String, Int)] = [
        (.wrongType, #"{"id": "1", "name": "茶🍵", "followers": "很多"}"#, #""很多""#, 0),
        (.missingID, #"{"name": "无名 😶"}"#, #"{"name": "无名 😶"}"#, 0),
        (.negativeFollowers, #"{"id": "1", "name": "茶🍵", "followers": -5}"#, "-5", 0),
        (.starsOutOfRange, #"{"id": "1", "name": "茶🍵", "stars": 7}"#, "7", 0),
        (.notAnInteger, #"{"id": "1", "name": "茶🍵", "followers": 12.5}"#, "12.5", 0),
        (.invalidDate, #"{"id": "1", "name": "茶🍵", "createdAt": "2026-02-30"}"#, #""2026-02-30""#, 0),
        (.dateInFuture, #"{"id": "1", "name": "茶🍵", "createdAt": "2027-01-01"}"#, #""2027-01-01""#, 0),
        (.postInFuture, #"{"id": "1", "posts": [{"at": "2027-01-01T08:00:00+08:00", "text": "新茶🍵"}]}"#,
         #""2027-01-01T08:00:00+08:00""#, 0),
        (.regionSharesOverOne, #"{"id": "1", "followerRegions": {"上海": 0.7, "浙江": 0.6}}"#,
         #"{"上海": 0.7, "浙江": 0.6}"#, 0),
        (.negativeRegionValue, #"{"id": "1", "followerRegions": {"上海": -0.1}}"#, "-0.1", 0),
        (.unknownStage, #"{"id": "1", "relationship": {"stage": "约会中💕"}}"#, #""约会中💕""#, 0),
        (.negativePrice, #"{"id": "1", "name": "茶🍵", "price": -300}"#, "-300", 0),
        (.negativeCount, #"{"id": "1", "posts": [{"at": "2026-10-01", "text": "好", "likes": -2}]}"#, "-2", 0),
        (.repliesExceedComments, #"{"id": "1", "posts": [{"at": "2026-10-01", "comments": 3, "kolReplies": 9}]}"#, "9", 0),
        (.shareOutOfRange, #"{"id": "1", "fanSample": [{"bio": "爱喝茶🍵", "reposts": 1.5}]}"#, "1.5", 0),
        (.endBeforeStart, #"{"id": "1", "campaigns": [{"id": "c", "start": "2026-05-02", "end": "2026-05-01", "cost": 1}]}"#,
         #""2026-05-01""#, 0),
        (.negativeAmount, #"{"id": "1", "campaigns": [{"id": "c", "start": "2026-05-02", "cost": -1}]}"#, "-1", 0),
        (.missingField, #"{"id": "1", "posts": [{"text": "没有日期 📅"}]}"#, #"{"text": "没有日期 📅"}"#, 0),
    ]

    @Test(arguments: 0..<cases.count)
    func codeWithExactRange(_ index: Int) throws {
        let (code, kol, offending, occurrence) = Self.cases[index]
        let text = document(kol: kol)
        let result = load(text)
        let found = result.diagnostics.filter { $0.code == code }
        #expect(found.count == 1, "\(code): \(result.diagnostics)")
        let diagnostic = try #require(found.first)
        #expect(diagnostic.range == byteRange(of: offending, in: text, occurrence: occurrence))
        #expect(diagnostic.severity == code.defaultSeverity)
        #expect(!diagnostic.message.isEmpty)
    }

    @Test func starsMessageAndNumbersAndValueKeptForSave() throws {
        let text = document(kol: #"{"id": "1", "name": "茶小姐姐🍵", "stars": 7}"#)
        let result = load(text)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.message == "Stars must be between 0 and 6; this KOL has 7.")
        #expect(diagnostic.numbers == ["value": 7, "minimum": 0, "maximum": 6])
        #expect(diagnostic.path == "kols[0].stars")
        // Hand-computed: the document up to and including `"kols": [` is 70 bytes (云南普洱茶 = 15 bytes,
        // space, 🍵 = 4); the 7 sits 49 bytes into the KOL object (茶小姐姐 = 12 bytes, 🍵 = 4).
        #expect(diagnostic.range == SourceRange(start: 119, end: 120))
        let kol = try #require(result.workspace.kol(id: "1"))
        #expect(kol.stars == nil)
        #expect(kol.extra["stars"] == .int(7))
    }

    @Test func duplicateIDPointsAtTheSecondID() throws {
        let text = document(kol: #"{"id": "双胞胎👯"}, {"id": "双胞胎👯", "name": "second"}"#)
        let result = load(text)
        let diagnostic = try #require(result.diagnostics.first)
        #expect(diagnostic.code == .duplicateID)
        #expect(diagnostic.range == byteRange(of: #""双胞胎👯""#, in: text, occurrence: 1))
        #expect(result.workspace.count == 1)
        #expect(result.workspace.kols[0].name == nil)
    }

    @Test func unsupportedVersionAndInvalidJSONAndDuplicateKey() throws {
        let v2 = #"{"version": 2, "kols": []}"#
        #expect(load(v2).diagnostics.map(\.code) == [.unsupportedVersion])
        #expect(load(v2).diagnostics.first?.range == SourceRange(start: 12, end: 13))
        let broken = load(#"{"version": 1, "kols": [}"#)
        #expect(broken.diagnostics.map(\.code) == [.invalidJSON])
        #expect(broken.workspace.count == 0)
        let twice = #"{"version": 1, "version": 1, "kols": []}"#
        let dup = try #require(load(twice).diagnostics.first)
        #expect(dup.code == .duplicateKey)
    }

    @Test func briefCodes() {
        let text = #"{"version": 1, "brief": {"product": "茶🍵", "tone": "活泼", "budget": -5, "weights": {"engagement": -1}}, "kols": []}"#
        let result = load(text)
        #expect(result.diagnostics.map(\.code) == [.unknownTonePreset, .negativeAmount, .negativeWeight])
        #expect(result.diagnostics[0].range == byteRange(of: #""活泼""#, in: text))
        #expect(result.diagnostics[1].range == byteRange(of: "-5", in: text))
        #expect(result.workspace.brief?.budget == nil)
        #expect(result.workspace.brief?.product == "茶🍵")
    }

    @Test func numericIDIsAcceptedWithAWarning() throws {
        let result = load(document(kol: #"{"id": 1669879400}"#))
        #expect(result.workspace.kol(id: "1669879400") != nil)
        #expect(result.diagnostics.map(\.severity) == [.warning])
    }

    @Test func everyCodeHasADocumentedSeverity() {
        #expect(DataQualityCode.allCases.count == 27)
        #expect(Set(DataQualityCode.allCases.map(\.rawValue)).count == DataQualityCode.allCases.count)
    }
}
