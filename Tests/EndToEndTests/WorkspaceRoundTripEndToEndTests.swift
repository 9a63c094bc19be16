import Foundation
import JSON
import Testing

/// Over the real binary: load → save → load gives the same workspace for every format, and the file
/// methods refuse paths outside the allowed roots.
@Suite struct WorkspaceRoundTripEndToEndTests {
    @Test func loadSaveLoadIsEqualForAllFormats() throws {
        let folder = try workspaceTemporaryFolder()
        let examples = WorkspaceEngineProcess.repositoryRootPath + "/examples"
        let engine = try WorkspaceEngineProcess(arguments: ["--allow-path", examples], directory: folder)
        defer { engine.finish() }
        for source in ["demo.kol.json", "demo.kols.jsonl", "csv/kols.csv"] {
            let loaded = try #require(engine.request("kol/load", #"{"path":\#(workspaceQuoted(examples + "/" + source)),"replace":true}"#))
            #expect(loaded["result"]?["errors"]?.int == 0, "\(source)")
            let before = try #require(engine.request("kol/list")?["result"])
            #expect(before["total"]?.int == (source.hasSuffix("csv") ? 5 : 14))
            for target in ["saved.kol.json", "saved.kols.jsonl"] {
                // A relative path: resolved against the engine's working directory, the default root.
                let saved = try #require(engine.request("kol/save", #"{"path":"\#(target)"}"#))
                #expect(saved["result"]?["path"]?.string == folder + "/" + target)
                engine.request("kol/load", #"{"path":"\#(target)","replace":true}"#)
                let after = try #require(engine.request("kol/list")?["result"])
                #expect(after.json == before.json, "\(source) → \(target)")
            }
        }
    }

    @Test func confinedPathsAreRefused() throws {
        let root = try workspaceTemporaryFolder()
        let outside = try workspaceTemporaryFolder()
        try Data(#"{"version":1,"kols":[]}"#.utf8).write(to: URL(fileURLWithPath: outside + "/x.kol.json"))
        try FileManager.default.createSymbolicLink(atPath: root + "/link", withDestinationPath: outside)
        let engine = try WorkspaceEngineProcess(mode: .lsp)
        defer { engine.finish() }
        engine.request("initialize", #"{"rootUri":\#(workspaceQuoted("file://" + root)),"capabilities":{}}"#)
        engine.notify("initialized", "{}")
        let escapes = ["../" + (outside as NSString).lastPathComponent + "/x.kol.json", "link/x.kol.json"]
        for path in escapes {
            let response = try #require(engine.request("kol/load", #"{"path":\#(workspaceQuoted(root + "/" + path))}"#))
            #expect(response["error"]?["code"]?.int == -32003, "\(path)")
            #expect(response["error"]?["data"]?["allowedRoots"]?[0]?.string == root)
            #expect(response["error"]?["data"]?["resolved"]?.string == outside + "/x.kol.json")
        }
        let save = try #require(engine.request("kol/save", #"{"path":\#(workspaceQuoted(root + "/link/new.kol.json"))}"#))
        #expect(save["error"]?["code"]?.int == -32003)
        #expect(!FileManager.default.fileExists(atPath: outside + "/new.kol.json"))
        let inside = try #require(engine.request("kol/save", #"{"path":\#(workspaceQuoted(root + "/new.kol.json"))}"#))
        #expect(inside["result"]?["kols"]?.int == 0)
    }
}
