import Foundation
import JSON
import Testing
@testable import Server

/// Editing one KOL of an open document re-analyses that KOL only (counted by `kol/stats`), and the result is
/// exactly what a full analysis of the new text gives: same findings at the same positions, same outline.
@Suite struct IncrementalAnalysisTests {
    static let uri = "file:///w/big.kol.json"
    /// One KOL per line; the third has a finding (replies above comments) whose range must move when the
    /// second KOL's followers get longer. The fourth repeats a key.
    static let lines = [
        #"{"version": 1, "brief": {"product": "茶"}, "kols": ["#,
        #"{"id": "a", "name": "阿萌", "followers": 5000, "posts": [{"at": "2025-10-01", "text": "喝茶", "comments": 9, "kolReplies": 2}]},"#,
        #"{"id": "b", "name": "小北", "followers": 5000, "stars": 2},"#,
        #"{"id": "c", "name": "茶姐", "followers": 7000, "posts": [{"at": "2025-10-02", "text": "好喝", "comments": 3, "kolReplies": 8}]},"#,
        #"{"id": "d", "followers": 1, "followers": 2}"#,
        "]}",
    ]
    static var text: String { lines.joined(separator: "\n") }

    /// The data-quality codes of a diagnostic report, without red flags (the 2025 posts make KOLs a and c
    /// `dormant` by today's clock; red flags are covered by the equality with a full analysis).
    static func dataCodes(_ report: JSONValue) -> [JSONValue?]? {
        report["items"]?.array.map { $0["code"] }.filter { $0 != "dormant" }
    }

    static func change(line: Int, from: Int, to: Int, _ replacement: String, version: Int) -> String {
        #"{"textDocument": {"uri": \#(quoted(uri)), "version": \#(version)}, "contentChanges": [{"range": {"start": {"line": \#(line), "character": \#(from)}, "end": {"line": \#(line), "character": \#(to)}}, "text": \#(quoted(replacement))}]}"#
    }

    /// Diagnostics and outline of `text` from a fresh server (a full analysis).
    func fullAnalysis(of text: String) async throws -> (diagnostics: JSONValue?, outline: JSONValue) {
        let h = WorkspaceHarness()
        try await h.notify("textDocument/didOpen", DocumentTests.openParams(text, uri: Self.uri))
        let report = try await h.call("textDocument/diagnostic", #"{"textDocument": {"uri": \#(quoted(Self.uri))}}"#)
        let outline = try await h.call("textDocument/documentSymbol", #"{"textDocument": {"uri": \#(quoted(Self.uri))}}"#)
        return (report["items"], outline)
    }

    @Test func followersEditRecomputesOneKOL() async throws {
        let h = WorkspaceHarness()
        try await h.notify("textDocument/didOpen", DocumentTests.openParams(Self.text, uri: Self.uri))
        let opened = try await h.call("kol/stats")
        #expect(opened["documents"]?["last"] == ["uri": .string(Self.uri), "version": 1, "kind": "full", "kolsAnalysed": 4])
        #expect(opened["workspace"] == ["kols": 4, "posts": 2, "openDocuments": 1])

        // "followers": 5000 → 123456 in KOL b (line 2, characters 37..<41).
        let column = Array(Self.lines[2].utf16).count - Array(#"5000, "stars": 2},"#.utf16).count
        try await h.notify("textDocument/didChange", Self.change(line: 2, from: column, to: column + 4, "123456", version: 2))
        let stats = try await h.call("kol/stats")
        #expect(stats["documents"]?["last"] == ["uri": .string(Self.uri), "version": 2, "kind": "incremental", "kolsAnalysed": 1])
        #expect(stats["documents"]?["fullAnalyses"] == 1)
        #expect(stats["documents"]?["incrementalAnalyses"] == 1)
        #expect(stats["documents"]?["kolAnalyses"] == 5)

        let edited = Self.text.replacingOccurrences(of: #""b", "name": "小北", "followers": 5000"#,
                                                    with: #""b", "name": "小北", "followers": 123456"#)
        let expected = try await fullAnalysis(of: edited)
        let report = try await h.call("textDocument/diagnostic", #"{"textDocument": {"uri": \#(quoted(Self.uri))}}"#)
        let outline = try await h.call("textDocument/documentSymbol", #"{"textDocument": {"uri": \#(quoted(Self.uri))}}"#)
        #expect(report["items"] == expected.diagnostics)
        #expect(outline == expected.outline)
        #expect(Self.dataCodes(report) == ["duplicate-key", "replies-exceed-comments"])
        let kol = try await h.call("kol/get", #"{"id": "b"}"#)
        #expect(kol["kol"]?["followers"] == 123456)
    }

    @Test func editBetweenKOLsFallsBackToFullAnalysis() async throws {
        let h = WorkspaceHarness()
        try await h.notify("textDocument/didOpen", DocumentTests.openParams(Self.text, uri: Self.uri))
        _ = try await h.call("kol/stats")
        // Insert a new KOL at the start of line 2: the edit touches KOL b's opening brace.
        try await h.notify("textDocument/didChange", Self.change(line: 2, from: 0, to: 0, #"{"id": "e"},"#, version: 2))
        let stats = try await h.call("kol/stats")
        #expect(stats["documents"]?["last"]?["kind"] == "full")
        #expect(stats["documents"]?["last"]?["kolsAnalysed"] == 5)
        #expect(stats["workspace"]?["kols"] == 5)
    }

    @Test func brokenKOLFallsBackAndRecovers() async throws {
        let h = WorkspaceHarness()
        try await h.notify("textDocument/didOpen", DocumentTests.openParams(Self.text, uri: Self.uri))
        _ = try await h.call("kol/stats")
        // Delete the colon after "stars" in KOL b: the KOL no longer parses, so the whole text is analysed.
        let column = Array(Self.lines[2].utf16).count - Array(#" 2},"#.utf16).count
        try await h.notify("textDocument/didChange", Self.change(line: 2, from: column - 1, to: column, "", version: 2))
        let broken = try await h.call("textDocument/diagnostic", #"{"textDocument": {"uri": \#(quoted(Self.uri))}}"#)
        #expect(Self.dataCodes(broken) == ["invalid-json"])
        try await h.notify("textDocument/didChange", Self.change(line: 2, from: column - 1, to: column - 1, ":", version: 3))
        let stats = try await h.call("kol/stats")
        #expect(stats["documents"]?["last"]?["kind"] == "full")
        let expected = try await fullAnalysis(of: Self.text)
        let report = try await h.call("textDocument/diagnostic", #"{"textDocument": {"uri": \#(quoted(Self.uri))}}"#)
        #expect(report["items"] == expected.diagnostics)
    }

    @Test func idChangeToARepeatedIDMatchesAFullAnalysis() async throws {
        let h = WorkspaceHarness()
        try await h.notify("textDocument/didOpen", DocumentTests.openParams(Self.text, uri: Self.uri))
        _ = try await h.call("kol/stats")
        // KOL b takes the id "a" (line 2, character 8 is the b): now a repeat, then a longer unique id.
        try await h.notify("textDocument/didChange", Self.change(line: 2, from: 8, to: 9, "a", version: 2))
        let repeated = try await h.call("textDocument/diagnostic", #"{"textDocument": {"uri": \#(quoted(Self.uri))}}"#)
        let expectedRepeat = try await fullAnalysis(of: Self.text.replacingOccurrences(of: #""id": "b""#, with: #""id": "a""#))
        #expect(repeated["items"] == expectedRepeat.diagnostics)
        #expect(Self.dataCodes(repeated) == ["duplicate-key", "duplicate-id", "replies-exceed-comments"])
        try await h.notify("textDocument/didChange", Self.change(line: 2, from: 8, to: 9, "bbb", version: 3))
        let stats = try await h.call("kol/stats")
        #expect(stats["documents"]?["last"]?["kind"] == "incremental")
        #expect(stats["workspace"]?["kols"] == 4)
        let expected = try await fullAnalysis(of: Self.text.replacingOccurrences(of: #""id": "b""#, with: #""id": "bbb""#))
        let report = try await h.call("textDocument/diagnostic", #"{"textDocument": {"uri": \#(quoted(Self.uri))}}"#)
        let outline = try await h.call("textDocument/documentSymbol", #"{"textDocument": {"uri": \#(quoted(Self.uri))}}"#)
        #expect(report["items"] == expected.diagnostics)
        #expect(outline == expected.outline)
        let ids = try await h.call("kol/list")["kols"]?.array.map { $0["id"] }
        #expect(ids == ["a", "bbb", "c", "d"])
    }
}
