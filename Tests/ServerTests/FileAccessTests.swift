import Foundation
import JSON
import KOLCore
import RPC
import Testing
@testable import Server

/// Confined file access, atomic saves and save → load round trips, in-process.
@Suite struct FileAccessTests {
    @Test func roundTripsThroughAllFormats() async throws {
        let folder = try makeTemporaryFolder()
        let examples = repositoryRoot + "/examples"
        let h = WorkspaceHarness(allowedPaths: [folder, examples])
        for source in ["demo.kol.json", "demo.kols.jsonl", "csv/kols.csv"] {
            let loaded = try await h.call("kol/load", #"{"path": \#(quoted(examples + "/" + source)), "replace": true}"#)
            #expect(loaded["errors"]?.int == 0, "\(source)")
            let before = try await h.call("kol/list")
            let count = try #require(loaded["loaded"]?.int)
            #expect(before["total"]?.int == count, "\(source)")
            #expect(count == (source.hasSuffix("csv") ? 5 : 14))
            for target in ["out.kol.json", "out.kols.jsonl"] {
                let saved = try await h.call("kol/save", #"{"path": \#(quoted(folder + "/" + target))}"#)
                #expect(saved["kols"]?.int == count)
                _ = try await h.call("kol/load", #"{"path": \#(quoted(folder + "/" + target)), "replace": true}"#)
                #expect(try await h.call("kol/list") == before, "\(source) → \(target)")
            }
        }
        // The CSV import has posts from posts.csv beside kols.csv.
        let withPosts = try await h.call("kol/list", #"{"fields": ["posts"]}"#)["kols"]?.array ?? []
        #expect(withPosts.contains { !($0["posts"]?.array.isEmpty ?? true) })
    }

    @Test func refusesPathsOutsideTheRoots() async throws {
        let root = try makeTemporaryFolder()
        let outside = try makeTemporaryFolder()
        try Data("{}".utf8).write(to: URL(fileURLWithPath: outside + "/secret.kol.json"))
        try FileManager.default.createSymbolicLink(atPath: root + "/escape", withDestinationPath: outside)
        let h = WorkspaceHarness(initialize: ["rootUri": .string("file://" + root)])
        let dotdot = try #require(await h.rpcError("kol/load", #"{"path": \#(quoted(root + "/../" + (outside as NSString).lastPathComponent + "/secret.kol.json"))}"#))
        #expect(dotdot.code == -32003)
        #expect(dotdot.data?["allowedRoots"] == [.string(root)])
        #expect(dotdot.data?["resolved"]?.string == outside + "/secret.kol.json")
        #expect(dotdot.message.contains(root))
        #expect(await h.errorCode("kol/load", #"{"path": \#(quoted(root + "/escape/secret.kol.json"))}"#) == -32003)
        #expect(await h.errorCode("kol/save", #"{"path": \#(quoted(root + "/escape/new.kol.json"))}"#) == -32003)
        #expect(!FileManager.default.fileExists(atPath: outside + "/new.kol.json"))
        // Inside is fine, relative paths resolve against the working directory, not the root.
        try FileManager.default.createDirectory(atPath: root + "/sub", withIntermediateDirectories: false)
        #expect(await h.errorCode("kol/save", #"{"path": \#(quoted(root + "/sub/../ok.kol.json"))}"#) == nil)
        #expect(FileManager.default.fileExists(atPath: root + "/ok.kol.json"))
        #expect(await h.errorCode("kol/load", #"{"path": \#(quoted(root + "/missing.kol.json"))}"#) == -32001)
        #expect(await h.errorCode("kol/load", #"{"path": \#(quoted(root + "/no/such/dir/x.kol.json"))}"#) == -32001)
        #expect(await h.errorCode("kol/save", #"{"path": \#(quoted(root + "/out.csv"))}"#) == -32004)
        #expect(await h.errorCode("kol/save", #"{"path": \#(quoted(root + "/out.txt"))}"#) == -32004)
        // workspaceFolders win over rootUri; --allow-path adds to them.
        let folders = WorkspaceHarness(allowedPaths: [outside], initialize: [
            "rootUri": .string("file:///nowhere"), "workspaceFolders": [["uri": .string("file://" + root), "name": "r"]],
        ])
        #expect(await folders.errorCode("kol/load", #"{"path": \#(quoted(outside + "/secret.kol.json"))}"#) == nil)
        #expect(await folders.errorCode("kol/save", #"{"path": \#(quoted(root + "/x.kols.jsonl"))}"#) == nil)
    }

    @Test func noRootsMeansTheWorkingDirectory() throws {
        let folder = try makeTemporaryFolder()
        let policy = PathPolicy(allowedPaths: [], workingDirectory: folder)
        #expect(policy.allowedRoots == [folder])
        #expect(try policy.check("a.kol.json") == folder + "/a.kol.json")
        #expect(throws: RPCError.self) { try policy.check("../a.kol.json") }
        #expect(PathPolicy.isInside(folder + "x/a", root: folder) == false)
        #expect(PathPolicy.filePath(fromURIOrPath: "file:///tmp/a%20b.kol.json") == "/tmp/a b.kol.json")
    }

    @Test func atomicWriteReplacesKeepsModeAndLeavesNoTemporaryFile() throws {
        let folder = try makeTemporaryFolder()
        let path = folder + "/t.kol.json"
        try AtomicFileWriter.write(Array("old".utf8), to: path)
        chmod(path, 0o640)
        try AtomicFileWriter.write(Array("new content".utf8), to: path)
        #expect(FileManager.default.contents(atPath: path) == Data("new content".utf8))
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int) == 0o640)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder) == ["t.kol.json"])
        #expect(throws: AtomicFileWriter.Failure.self) { try AtomicFileWriter.write([], to: folder + "/missing/x") }
    }
}
