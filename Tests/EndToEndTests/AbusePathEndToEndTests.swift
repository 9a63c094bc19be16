import Foundation
import JSON
import Testing

/// Path escapes over the real binary (the engine's working directory is the only root): encoded `..`,
/// `..` through a subfolder, symlinked folders and files, a doubled slash, a NUL byte, and a save through a
/// dangling symlink. None may read or write outside; refused paths get -32003 (outside) or -32001.
@Suite struct AbusePathEndToEndTests {
    @Test func escapesAreRefusedAndNothingOutsideIsWritten() throws {
        let base = try workspaceTemporaryFolder()
        let root = base + "/root", outside = base + "/outside"
        let files = FileManager.default
        try files.createDirectory(atPath: root + "/sub", withIntermediateDirectories: true)
        try files.createDirectory(atPath: outside, withIntermediateDirectories: true)
        let secret = Data(#"{"version":1,"kols":[{"id":"secret","name":"外面"}]}"#.utf8)
        try secret.write(to: URL(fileURLWithPath: outside + "/x.kol.json"))
        try Data(#"{"version":1,"kols":[]}"#.utf8).write(to: URL(fileURLWithPath: root + "/in.kol.json"))
        try files.createSymbolicLink(atPath: root + "/link", withDestinationPath: outside)
        try files.createSymbolicLink(atPath: root + "/filelink.kol.json", withDestinationPath: outside + "/x.kol.json")
        try files.createSymbolicLink(atPath: root + "/dangling.kol.json", withDestinationPath: outside + "/new.kol.json")

        let engine = try AbuseEngine(mode: .lines, directory: root)
        let refused: [(path: String, code: Int64)] = [
            ("file://\(root)/%2E%2E/outside/x.kol.json", -32003), ("./sub/../../outside/x.kol.json", -32003),
            ("link/x.kol.json", -32003), ("filelink.kol.json", -32003), ("/" + outside + "/x.kol.json", -32003),
            (outside + "/x.kol.json", -32003), ("file://elsewhere\(outside)/x.kol.json", -32003),
            ("in.kol.json\u{0}/../../outside/x.kol.json", -32001), ("/", -32003),
        ]
        var next = 0
        for method in ["kol/load", "kol/save"] {
            for (path, code) in refused {
                next += 1
                engine.send(#"{"jsonrpc":"2.0","id":\#(next),"method":"\#(method)","params":{"path":\#(JSONValue.string(path).serializedString),"format":"kol.json"}}"#)
                let answer = try #require(engine.waitForResponse(idText: "\(next)"))
                #expect(answer.errorCode == code, "\(method) \(path)")
            }
        }
        // Saving over a dangling symlink replaces the link inside the root; it never follows it outside.
        engine.send(#"{"jsonrpc":"2.0","id":"dangling","method":"kol/save","params":{"path":"dangling.kol.json"}}"#)
        #expect(engine.waitForResponse(idText: "\"dangling\"")?.root["result"] != nil)
        #expect(!files.fileExists(atPath: outside + "/new.kol.json"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: outside + "/x.kol.json")) == secret)
        #expect(try files.contentsOfDirectory(atPath: outside) == ["x.kol.json"])
        engine.send(#"{"jsonrpc":"2.0","id":"list","method":"kol/list","params":{}}"#)
        #expect(engine.waitForResponse(idText: "\"list\"")?.root["result"]?["total"]?.int == 0)
        engine.closeInput()
        #expect(engine.waitForExit() == (true, 0))
    }
}
