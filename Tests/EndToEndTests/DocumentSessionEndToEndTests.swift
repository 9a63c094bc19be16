import Foundation
import JSON
import Testing

/// An editor session over LSP framing with the real binary: open a document with an error, fix it and
/// break it again with incremental edits whose positions are UTF-16 (after Chinese text and an emoji),
/// check each published diagnostic set and version, then close.
@Suite struct DocumentSessionEndToEndTests {
    static let uri = "file:///project/%E8%8C%B6.kol.json"

    @Test func openEditCloseWithUTF16Positions() throws {
        let engine = try WorkspaceEngineProcess(mode: .lsp)
        defer { engine.finish() }
        let initialize = try #require(engine.request("initialize", #"{"capabilities":{},"clientInfo":{"name":"e2e"}}"#))
        let capabilities = try #require(initialize["result"]?["capabilities"])
        #expect(capabilities["positionEncoding"]?.string == "utf-16")
        #expect(capabilities["textDocumentSync"]?["change"]?.int == 2)
        #expect(capabilities["diagnosticProvider"]?["identifier"]?.string == "kol-engine")
        #expect(capabilities["documentSymbolProvider"]?.bool == true)
        engine.notify("initialized", "{}")

        // Line 2: ` "kols": [{"id": "a", "name": "茶🍵小院", "stars": ` is 47 characters; the emoji is
        // 2 UTF-16 units, so the 7 is at UTF-16 character 48.
        let text = "{\"version\": 1,\n \"brief\": {\"product\": \"龙井 🍵 礼盒\"},\n \"kols\": [{\"id\": \"a\", \"name\": \"茶🍵小院\", \"stars\": 7, \"followers\": 1000}]}"
        engine.notify("textDocument/didOpen", #"{"textDocument":{"uri":"\#(Self.uri)","languageId":"json","version":1,"text":\#(workspaceQuoted(text))}}"#)
        let first = try #require(publish(engine, version: 1))
        #expect(first["diagnostics"]?.elements.count == 1)
        let stars = try #require(first["diagnostics"]?[0])
        #expect(stars["code"]?.string == "stars-out-of-range")
        #expect(stars["source"]?.string == "kol-engine")
        #expect(stars["severity"]?.int == 1)
        #expect(stars["range"]?.json == #"{"start":{"line":2,"character":48},"end":{"line":2,"character":49}}"#)
        #expect(engine.request("kol/get", #"{"id":"a","fields":["name"]}"#)?["result"]?.json == #"{"kol":{"id":"a","name":"茶🍵小院"}}"#)

        // v2: 7 → 5 fixes it.
        change(engine, version: 2, line: 2, from: 48, to: 49, text: "5")
        let second = try #require(publish(engine, version: 2))
        #expect(second["diagnostics"]?.elements.isEmpty == true)

        // v3: 1000 → -1000. `5, "followers": ` adds 2 + 13 after the 5 at 48: the 1000 starts at 64.
        change(engine, version: 3, line: 2, from: 64, to: 64, text: "-")
        let third = try #require(publish(engine, version: 3))
        let negative = try #require(third["diagnostics"]?[0])
        #expect(negative["code"]?.string == "negative-followers")
        #expect(negative["range"]?.json == #"{"start":{"line":2,"character":64},"end":{"line":2,"character":69}}"#)
        let pulled = try #require(engine.request("textDocument/diagnostic", #"{"textDocument":{"uri":"\#(Self.uri)"}}"#))
        #expect(pulled["result"]?["kind"]?.string == "full")
        #expect(pulled["result"]?["items"]?.json == third["diagnostics"]?.json)
        let outline = try #require(engine.request("textDocument/documentSymbol", #"{"textDocument":{"uri":"\#(Self.uri)"}}"#)?["result"])
        #expect(outline.elements.map { $0["name"]?.string } == ["Brief", "茶🍵小院"])
        #expect(outline[1]?["detail"]?.string == "★5 · followers unknown")

        engine.notify("textDocument/didClose", #"{"textDocument":{"uri":"\#(Self.uri)"}}"#)
        let cleared = try #require(engine.next { $0["method"]?.string == "textDocument/publishDiagnostics" })
        #expect(cleared["params"]?["version"] == nil)
        #expect(cleared["params"]?["diagnostics"]?.elements.isEmpty == true)
        #expect(engine.request("kol/get", #"{"id":"a"}"#)?["result"]?.json == #"{"kol":null}"#)
    }

    /// 100 whole-text edits sent at once: whatever the engine coalesces, published versions only rise and
    /// the last one published is 101 with the final text's diagnostic.
    @Test func burstOfEditsNeverPublishesStaleVersions() throws {
        let engine = try WorkspaceEngineProcess(mode: .lsp)
        defer { engine.finish() }
        engine.request("initialize", #"{"capabilities":{}}"#)
        engine.notify("textDocument/didOpen", #"{"textDocument":{"uri":"file:///b.kol.json","languageId":"json","version":1,"text":"{\"version\":1,\"kols\":[]}"}}"#)
        for version in 2...101 {
            let followers = version == 101 ? -1 : version
            let text = #"{"version":1,"kols":[{"id":"k","followers":\#(followers)}]}"#
            engine.notify("textDocument/didChange", #"{"textDocument":{"uri":"file:///b.kol.json","version":\#(version)},"contentChanges":[{"text":\#(workspaceQuoted(text))}]}"#)
        }
        var versions: [Int64] = []
        var last: JSONNode?
        while versions.last != 101 {
            guard let note = engine.next(where: { $0["method"]?.string == "textDocument/publishDiagnostics" }) else { break }
            versions.append(note["params"]?["version"]?.int ?? -1)
            last = note
        }
        #expect(versions.last == 101)
        #expect(versions == versions.sorted() && Set(versions).count == versions.count)
        #expect(last?["params"]?["diagnostics"]?[0]?["code"]?.string == "negative-followers")
    }

    private func change(_ engine: WorkspaceEngineProcess, version: Int, line: Int, from: Int, to: Int, text: String) {
        engine.notify("textDocument/didChange", #"{"textDocument":{"uri":"\#(Self.uri)","version":\#(version)},"contentChanges":[{"range":{"start":{"line":\#(line),"character":\#(from)},"end":{"line":\#(line),"character":\#(to)}},"text":\#(workspaceQuoted(text))}]}"#)
    }

    /// The publish for exactly `version`; fails (nil) if an older version is published after a newer one.
    private func publish(_ engine: WorkspaceEngineProcess, version: Int64) -> JSONNode? {
        while let note = engine.next(where: { $0["method"]?.string == "textDocument/publishDiagnostics" }) {
            let published = note["params"]?["version"]?.int ?? -1
            if published == version { return note["params"] }
            if published > version { return nil }
        }
        return nil
    }
}
