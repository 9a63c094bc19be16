import Foundation
import JSON
import Testing

/// `kol-bench gen`: the same seed gives the same bytes, another seed other bytes, and what it writes loads
/// into the engine with no data-quality errors, in both formats.
@Suite struct GeneratorEndToEndTests {
    static var bench: String { WorkspaceEngineProcess.repositoryRootPath + "/.build/debug/kol-bench" }

    func generate(_ arguments: [String], into folder: String, name: String) throws -> [UInt8] {
        let path = folder + "/" + name
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.bench)
        process.arguments = ["gen"] + arguments + ["--out", path]
        try process.run()
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        return try Array(Data(contentsOf: URL(fileURLWithPath: path)))
    }

    @Test func sameSeedSameBytesAndOtherSeedOtherBytes() throws {
        let folder = try workspaceTemporaryFolder()
        let first = try generate(["--kols", "30", "--posts", "4", "--seed", "7"], into: folder, name: "a.kols.jsonl")
        let again = try generate(["--kols", "30", "--posts", "4", "--seed", "7"], into: folder, name: "b.kols.jsonl")
        let other = try generate(["--kols", "30", "--posts", "4", "--seed", "8"], into: folder, name: "c.kols.jsonl")
        #expect(!first.isEmpty)
        #expect(first == again)
        #expect(first != other)
        // One KOL per line, each with exactly --posts posts and Chinese text.
        let lines = first.split(separator: UInt8(ascii: "\n"))
        #expect(lines.count == 30)
        let kol = try JSONDocument(bytes: Array(lines[0])).root
        #expect(kol["posts"]?.count == 4)
        let text = kol["posts"]?[0]?["text"]?.string ?? ""
        #expect(text.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) })
    }

    @Test(arguments: ["jsonl", "json"])
    func generatedWorkspaceLoadsWithoutDataErrors(format: String) throws {
        let folder = try workspaceTemporaryFolder()
        let name = format == "jsonl" ? "gen.kols.jsonl" : "gen.kol.json"
        _ = try generate(["--kols", "200", "--posts", "3", "--seed", "1", "--format", format], into: folder, name: name)
        let engine = try WorkspaceEngineProcess(directory: folder)
        defer { engine.finish() }
        _ = engine.request("initialize", #"{"processId": null, "rootUri": null, "capabilities": {}}"#)
        let result = engine.request("kol/load", #"{"path": \#(workspaceQuoted(folder + "/" + name))}"#)?["result"]
        #expect(result?["loaded"]?.int == 200)
        #expect(result?["errors"]?.int == 0)
        #expect(result?["warnings"]?.int == 0)
        #expect(result?["briefLoaded"]?.bool == (format == "json"))
    }
}
