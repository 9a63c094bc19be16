import Foundation
import Testing

@Suite(.serialized) struct EngineEndToEndTests {
    let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}}"#
    let shutdown = #"{"jsonrpc":"2.0","id":2,"method":"shutdown"}"#
    let exit = #"{"jsonrpc":"2.0","method":"exit"}"#

    @Test func lspSessionWithMalformedInputThenShutdownAndExit() throws {
        // Neovim 0.7 style: `\/` in strings and no positionEncodings.
        let ping = #"{"jsonrpc":"2.0","id":3,"method":"kol/ping","params":{"uri":"file:\/\/\/tmp\/a.kol.json"}}"#
        let input = frame(initialize) + "Content-Length: nope\r\n\r\ngarbage" + frame("{\"jsonrpc\":") + frame(ping)
            + frame(shutdown) + frame(exit)
        let run = try runEngine([], input: Array(input.utf8), closeInput: false)
        #expect(run.status == 0)
        let bodies = unframe(run.stdout)
        #expect(bodies.count == 5)
        #expect(bodies.first == #"{"jsonrpc":"2.0","id":1,"result":{"capabilities":{"positionEncoding":"utf-16"},"serverInfo":{"name":"kol-engine","version":"0.1.0"}}}"#)
        #expect(bodies.dropFirst().first?.contains("window/logMessage") == true)
        #expect(bodies.dropFirst(2).first?.hasPrefix(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700"#) == true)
        #expect(bodies.dropFirst(3).first == #"{"jsonrpc":"2.0","id":3,"result":{"uri":"file:\/\/\/tmp\/a.kol.json"}}"#)
        #expect(bodies.last == #"{"jsonrpc":"2.0","id":2,"result":null}"#)
    }

    @Test func exitWithoutShutdownIsStatusOne() throws {
        let run = try runEngine(["serve"], input: Array((frame(initialize) + frame(exit)).utf8), closeInput: false)
        #expect(run.status == 1)
    }

    @Test func endOfInputWithoutShutdownIsStatusOneInLSPFraming() throws {
        let run = try runEngine([], input: Array(frame(initialize).utf8))
        #expect(run.status == 1)
    }

    @Test func lineModeDetectedFromFirstByteAnswersAndEndsWithZero() throws {
        let input = """
            {"jsonrpc":"2.0","id":1,"method":"kol/ping","params":["a\\/b"]}
            not json
            [{"jsonrpc":"2.0","id":2,"method":"kol/ping"},{"jsonrpc":"2.0","method":"kol/ping"}]
            {"jsonrpc":"2.0","id":3,"method":"missing"}

            """
        let run = try runEngine([], input: Array(input.utf8))
        #expect(run.status == 0)
        let lines = run.stdoutText.split(separator: "\n").map(String.init)
        // The parse error's wording belongs to the JSON layer; its code, null id and position are ours.
        #expect(lines.dropFirst().first?.hasPrefix(#"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error at byte 1: "#) == true)
        #expect(lines.enumerated().filter { $0.offset != 1 }.map(\.element) == [
            #"{"jsonrpc":"2.0","id":1,"result":["a\/b"]}"#,
            #"[{"jsonrpc":"2.0","id":2,"result":null}]"#,
            #"{"jsonrpc":"2.0","id":3,"error":{"code":-32601,"message":"method not found: missing"}}"#,
        ])
    }

    @Test func linesFlagAndMessageLimit() throws {
        let big = #"{"jsonrpc":"2.0","id":1,"method":"kol/ping","params":[""# + String(repeating: "z", count: 500) + "\"]}"
        let input = big + "\n" + #"{"jsonrpc":"2.0","id":2,"method":"kol/ping"}"# + "\n"
        let run = try runEngine(["--lines", "--max-message-bytes", "200"], input: Array(input.utf8))
        let lines = run.stdoutText.split(separator: "\n")
        #expect(lines.count == 2)
        #expect(lines.first?.contains(#""code":-32600"#) == true)
        #expect(lines.last == #"{"jsonrpc":"2.0","id":2,"result":null}"#)
    }

    @Test func helpVersionAndUsageErrors() throws {
        let help = try runEngine(["--help"])
        #expect(help.status == 0)
        #expect(help.stdoutText.hasPrefix("usage: kol-engine"))
        let version = try runEngine(["--version"])
        #expect(version.stdoutText == "kol-engine 0.1.0\n")
        let bad = try runEngine(["frobnicate"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("unknown command 'frobnicate'"))
    }

    @Test func checkReportsSyntaxErrorsWithCharacterColumns() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kol-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let good = folder.appendingPathComponent("good.json")
        let bad = folder.appendingPathComponent("bad.json")
        try Data(#"{"name":"小米"}"#.utf8).write(to: good)
        // Line 2: two spaces, "😀中" (4 characters with quotes), then the stray 'x' at column 8.
        try Data("{\"a\":\n  \"😀中\" x}".utf8).write(to: bad)
        let ok = try runEngine(["check", good.path])
        #expect(ok.status == 0)
        #expect(ok.stdoutText.isEmpty)
        let failed = try runEngine(["check", good.path, bad.path])
        #expect(failed.status == 1)
        #expect(failed.stdoutText == "\(bad.path):2:8: error: expected ',' or '}' after object member\n")
    }
}
