import Foundation
import JSON
import KOLCore
import RPC
import Testing
@testable import Server

/// Editor documents in-process: edits in each encoding, overlay on the loaded workspace, coalescing.
@Suite struct DocumentTests {
    @Test(arguments: [(PositionEncoding.utf16, 19), (.utf8, 27), (.utf32, 18)])
    func incrementalEditAfterChineseAndEmoji(encoding: PositionEncoding, character: Int) {
        // Line 1 is `  "茶🍵好喝": 1, "x": 2`; 18 characters precede the final `2`
        // (2 spaces, `"`, 4 characters, `": 1, "x": `). UTF-16: 🍵 counts 2 → 19. UTF-8: 茶好喝 are 3 bytes
        // each and 🍵 4, so the 4 characters are 13 bytes → 27.
        let text = "{\n  \"茶🍵好喝\": 1, \"x\": 2\n}"
        let bytes = Array(text.utf8)
        let expected = "{\n  \"茶🍵好喝\": 1, \"x\": 42\n}"
        let change = TextEdits.Change(range: .init(start: .init(line: 1, character: character),
                                                   end: .init(line: 1, character: character + 1)), text: "42")
        #expect(String(decoding: TextEdits.apply([change], to: bytes, encoding: encoding), as: UTF8.self) == expected)
    }

    @Test func outOfRangeAndBackwardRangesDoNotCrash() {
        let bytes = Array("ab\ncd".utf8)
        let far = TextEdits.Change(range: .init(start: .init(line: 9, character: 0), end: .init(line: 9, character: 4)), text: "!")
        #expect(TextEdits.apply([far], to: bytes, encoding: .utf16) == Array("ab\ncd!".utf8))
        let backwards = TextEdits.Change(range: .init(start: .init(line: 0, character: 2), end: .init(line: 0, character: 0)), text: "")
        #expect(TextEdits.apply([backwards], to: bytes, encoding: .utf16) == Array("\ncd".utf8))
        let whole = TextEdits.Change(range: nil, text: "new")
        #expect(TextEdits.apply([backwards, whole], to: bytes, encoding: .utf16) == Array("new".utf8))
    }

    static let uri = "file:///w/shop.kol.json"

    static func openParams(_ text: String, version: Int = 1, uri: String = uri, language: String = "json") -> String {
        #"{"textDocument": {"uri": \#(quoted(uri)), "languageId": \#(quoted(language)), "version": \#(version), "text": \#(quoted(text))}}"#
    }

    @Test func documentKOLsShadowLoadedOnesUntilClosed() async throws {
        let h = WorkspaceHarness()
        _ = try await h.call("kol/upsert", #"{"kols": [{"id": "a", "name": "loaded"}, {"id": "b"}]}"#)
        try await h.notify("textDocument/didOpen", Self.openParams(#"{"version": 1, "kols": [{"id": "a", "name": "open"}, {"id": "c"}]}"#))
        let open = try await h.call("kol/list", #"{"fields": ["name"]}"#)["kols"]?.array
        #expect(open == [["id": "a", "name": "open"], ["id": "b"], ["id": "c"]])
        // A second document claiming "c" loses it, with a duplicate-id diagnostic.
        try await h.notify("textDocument/didOpen", Self.openParams(#"{"version": 1, "kols": [{"id": "c", "name": "second"}]}"#, uri: "file:///w/two.kol.json"))
        let report = try await h.call("textDocument/diagnostic", #"{"textDocument": {"uri": "file:///w/two.kol.json"}}"#)
        #expect(report["items"]?.array.map { $0["code"] } == ["duplicate-id"])
        try await h.notify("textDocument/didClose", #"{"textDocument": {"uri": \#(quoted(Self.uri))}}"#)
        let closed = try await h.call("kol/list", #"{"fields": ["name"]}"#)["kols"]?.array
        #expect(closed == [["id": "a", "name": "loaded"], ["id": "b"], ["id": "c", "name": "second"]])
        #expect(h.published.last(where: { $0["uri"]?.string == Self.uri })?["diagnostics"] == [])
    }

    @Test func otherDocumentsAreIgnored() async throws {
        let h = WorkspaceHarness()
        try await h.notify("textDocument/didOpen", Self.openParams(#"{"kols": [{"id": "z"}]}"#, uri: "file:///w/package.json"))
        try await h.notify("textDocument/didChange", #"{"textDocument": {"uri": "file:///w/package.json", "version": 2}, "contentChanges": [{"text": "x"}]}"#)
        #expect(try await h.call("kol/list")["total"]?.int == 0)
        #expect(h.published.isEmpty)
        // A kol-json languageId counts whatever the file name.
        try await h.notify("textDocument/didOpen", Self.openParams(#"{"version": 1, "kols": [{"id": "z"}]}"#, uri: "untitled:1", language: "kol-json"))
        #expect(try await h.call("kol/list")["total"]?.int == 1)
    }

    /// 200 edits in a burst: every publish is for a newer version than the one before, the last is the
    /// final version, and its diagnostics describe the final text.
    @Test func burstOfEditsPublishesOnlyIncreasingVersions() async throws {
        let h = WorkspaceHarness()
        try await h.notify("textDocument/didOpen", Self.openParams(#"{"version": 1, "kols": [{"id": "a", "followers": 0}]}"#))
        for version in 2...201 {
            let followers = version == 201 ? "-1" : String(version)
            try await h.notify("textDocument/didChange", #"{"textDocument": {"uri": \#(quoted(Self.uri)), "version": \#(version)}, "contentChanges": [{"text": \#(quoted(#"{"version": 1, "kols": [{"id": "a", "followers": \#(followers)}]}"#))}]}"#)
        }
        let pulled = try await h.call("textDocument/diagnostic", #"{"textDocument": {"uri": \#(quoted(Self.uri))}}"#)
        #expect(pulled["items"]?.array.map { $0["code"] } == ["negative-followers"])
        let versions = h.published.compactMap { $0["version"]?.int }
        #expect(versions == versions.sorted() && Set(versions).count == versions.count)
        #expect(versions.last == 201)
        let last = try #require(h.published.last)
        #expect(last["diagnostics"]?.array.first?["source"]?.string == "kol-engine")
        #expect(last["diagnostics"]?.array.first?["severity"]?.int == 1)
    }

    @Test func brokenJSONKeepsLastGoodKOLsAndOutlineListsBriefAndKOLs() async throws {
        let h = WorkspaceHarness()
        let text = "{\"version\": 1,\n \"brief\": {\"product\": \"龙井\"},\n \"kols\": [{\"id\": \"a\", \"name\": \"阿萌\", \"stars\": 3.5, \"followers\": 1200}]}"
        try await h.notify("textDocument/didOpen", Self.openParams(text))
        let outline = try await h.call("textDocument/documentSymbol", #"{"textDocument": {"uri": \#(quoted(Self.uri))}}"#).array
        #expect(outline.map { $0["name"] } == ["Brief", "阿萌"])
        #expect(outline.map { $0["detail"] } == ["龙井", "★3.5 · 1200 followers"])
        #expect(outline[1]["range"]?["start"] == ["line": 2, "character": 10])
        #expect(outline[1]["selectionRange"]?["start"] == ["line": 2, "character": 30])
        try await h.notify("textDocument/didChange", #"{"textDocument": {"uri": \#(quoted(Self.uri)), "version": 2}, "contentChanges": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 1}}, "text": ""}]}"#)
        let report = try await h.call("textDocument/diagnostic", #"{"textDocument": {"uri": \#(quoted(Self.uri))}}"#)
        #expect(report["items"]?.array.first?["code"] == "invalid-json")
        #expect(try await h.call("kol/get", #"{"id": "a"}"#)["kol"]?["name"] == "阿萌")
    }
}

@Suite struct DemoWorkspaceTests {
    @Test func embeddedDemoMatchesTheExample() throws {
        let file = try #require(FileManager.default.contents(atPath: repositoryRoot + "/examples/demo.kol.json"))
        #expect(Array(DemoWorkspaceText.kolJSON.utf8) == [UInt8](file), "run scripts/embed-demo.py")
    }

    @Test func reportListsEveryKOL() throws {
        let report = DemoReport.run(now: KOLDate(year: 2026, month: 11, day: 26))
        #expect(report.contains("kol-engine demo: 14 KOLs"))
        #expect(report.contains("Data quality: 0 errors, 0 warnings"))
        let rows = report.split(separator: "\n").filter { $0.hasSuffix("candidate") || $0.hasSuffix("posted") }
        #expect(rows.count == 8)
        #expect(DemoReport.displayWidth("茶🍵a") == 5)
        #expect(DemoReport.grouped(3_100_000) == "3,100,000")
    }
}
