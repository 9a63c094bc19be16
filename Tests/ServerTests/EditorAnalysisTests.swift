import JSON
import KOLCore
import RPC
import Testing
@testable import Server

/// Red flags as document diagnostics, hover, code lens and `workspace/executeCommand` in-process.
struct EditorAnalysisTests {
    static let uri = "file:///w/demo.kol.json"

    static func openDemo() async throws -> WorkspaceHarness {
        let h = WorkspaceHarness()
        try await h.notify("textDocument/didOpen", DocumentTests.openParams(DemoWorkspaceText.kolJSON, uri: uri))
        return h
    }

    /// Line (0-based) of the first occurrence of `needle` in the demo text.
    static func line(of needle: String) -> Int {
        let lines = DemoWorkspaceText.kolJSON.split(separator: "\n", omittingEmptySubsequences: false)
        return lines.firstIndex { $0.contains(needle) } ?? -1
    }

    @Test func redFlagsArePublishedAndPulledWithTheirRange() async throws {
        let h = try await Self.openDemo()
        let report = try await h.call("textDocument/diagnostic", #"{"textDocument": {"uri": \#(quoted(Self.uri))}}"#)
        let items = report["items"]?.array ?? []
        let clash = try #require(items.first { $0["code"] == "tone-clash" })
        #expect(clash["severity"] == 2 && clash["source"] == "kol-engine")
        #expect(clash["data"]?["kolId"] == "2281630094")
        #expect(clash["message"]?.string?.hasPrefix("御茗轩茶业: The KOL's voice clashes") == true)
        // The flag points at the worst post's text: post 0 of 御茗轩茶业, on the line of its 【公告】.
        #expect(clash["range"]?["start"]?["line"]?.int == Int64(Self.line(of: "【公告】尊敬的各位茶友")))
        let published = try #require(h.published.last)
        #expect(published["diagnostics"]?.array.contains { $0["code"] == "tone-clash" } == true)
        #expect(!items.contains { $0["data"]?["kolId"] == "2713968254" })
    }

    @Test func hoverShowsTheScoreBreakdown() async throws {
        let h = try await Self.openDemo()
        let line = Self.line(of: #""name": "御茗轩茶业""#)
        let hover = try await h.call("textDocument/hover", #"{"textDocument": {"uri": \#(quoted(Self.uri))}, "position": {"line": \#(line), "character": 8}}"#)
        let markdown = try #require(hover["contents"]?["value"]?.string)
        #expect(hover["contents"]?["kind"] == "markdown")
        #expect(markdown.hasPrefix("**御茗轩茶业 (2281630094)** · score **"))
        #expect(markdown.contains("| component | value | weight | why |"))
        #expect(markdown.contains("| tone | 7 | 0.1 | voice clashes with the brief's lighthearted tone"))
        #expect(markdown.contains("- ⚠️ `tone-clash` (warning): The KOL's voice clashes"))
        let outside = try await h.call("textDocument/hover", #"{"textDocument": {"uri": \#(quoted(Self.uri))}, "position": {"line": 1, "character": 2}}"#)
        #expect(outside == .null)
    }

    @Test func oneCodeLensPerKOLWithScoreAndFlagCount() async throws {
        let h = WorkspaceHarness()
        let text = #"{"version": 1, "kols": [{"id": "a", "stars": 3, "followers": 300000, "price": 4000}]}"#
        try await h.notify("textDocument/didOpen", DocumentTests.openParams(text, uri: Self.uri))
        let lenses = try await h.call("textDocument/codeLens", #"{"textDocument": {"uri": \#(quoted(Self.uri))}}"#)
        // Peers fall back to the built-in ★3 row (300k followers, price 4 000): starsFollowers 100, value 100.
        #expect(lenses == [["range": ["start": ["line": 0, "character": 24], "end": ["line": 0, "character": 24]],
                            "command": ["title": "score 100 · no red flags", "command": "kol.score", "arguments": ["a"]]]])
    }

    @Test func executeCommandRunsRankAndScore() async throws {
        let h = try await ScoringMethodsTests.demo()
        let ranked = try await h.call("workspace/executeCommand", #"{"command": "kol.rank", "arguments": [{"now": "2026-11-26", "limit": 1}]}"#)
        #expect(ranked["kols"]?[0]?["id"] == "2713968254" && ranked["total"] == 14)
        let scored = try await h.call("workspace/executeCommand", #"{"command": "kol.score", "arguments": ["2713968254"]}"#)
        #expect(scored["kols"]?[0]?["id"] == "2713968254")
        #expect(await h.errorCode("workspace/executeCommand", #"{"command": "kol.delete"}"#) == -32602)
    }

    @Test func capabilitiesAreAdvertised() {
        let capabilities = WorkspaceHarness().server.capabilities
        #expect(capabilities["hoverProvider"] == true)
        #expect(capabilities["codeLensProvider"] == ["resolveProvider": false])
        #expect(capabilities["executeCommandProvider"] == ["commands": ["kol.rank", "kol.score"]])
    }
}
