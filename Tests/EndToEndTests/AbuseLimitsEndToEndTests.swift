import Foundation
import JSON
import Testing

/// Abuse that needs a process of its own: a 100 MB message, input that ends inside a body, the lifecycle
/// edges (before `initialize`, after `shutdown`).
@Suite struct AbuseLimitsEndToEndTests {
    static let initialize = #"{"jsonrpc":"2.0","id":"init","method":"initialize","params":{"capabilities":{}}}"#

    /// A message with a 100 MB string is over the 64 MiB limit: refused with -32600 (null id), never held
    /// whole, and the next request is answered.
    @Test(arguments: [AbuseEngine.Mode.lsp, .lines])
    func hundredMegabyteStringIsRefusedWithoutBeingBuffered(mode: AbuseEngine.Mode) throws {
        // Line mode cannot know where a line ends, so it holds a line up to the limit before refusing it; with
        // the default 64 MiB that costs ~50 s in a debug build (the buffer grows element by element). A 1 MiB
        // limit exercises the same refusal and the streaming discard of the other 99 MB.
        let engine = try AbuseEngine(mode: mode, arguments: mode == .lines ? ["--max-message-bytes", "1048576"] : [])
        engine.send(Self.initialize)
        _ = engine.waitForResponse(idText: "\"init\"")
        // Written in three pieces (no 100 MB concatenations: debug builds copy slowly).
        let head = Array(#"{"jsonrpc":"2.0","id":"big","method":"kol/ping","params":[""#.utf8)
        let tail = Array(#""]}"#.utf8)
        let size = 100 * 1024 * 1024
        switch mode {
        case .lsp: #expect(engine.write(Array("Content-Length: \(head.count + size + tail.count)\r\n\r\n".utf8) + head))
        case .lines: #expect(engine.write(head))
        }
        #expect(engine.write([UInt8](repeating: UInt8(ascii: "a"), count: size)))
        #expect(engine.write(mode == .lines ? tail + [10] : tail))
        engine.send(#"{"jsonrpc":"2.0","id":"after","method":"kol/ping","params":["still here"]}"#)
        let after = try #require(engine.waitForResponse(idText: "\"after\""))
        #expect(after.root["result"]?[0]?.string == "still here")
        let refusals = engine.messages.filter { $0.isResponse && $0.idText == "null" }
        #expect(refusals.count == 1)
        #expect(refusals.first?.errorCode == -32600)
        #expect(!engine.messages.contains { $0.idText == "\"big\"" })
        // Bounded by the limit, not by the message: the 100 MB are dropped as they stream past.
        let peak = try #require(engine.statusKB("VmHWM"))
        if !AbuseEngine.underSanitizer {
            #expect(peak < 64 * 1024, "peak RSS \(peak) kB: the refused message was buffered")
        }
        print("abuse \(mode): 100 MB message refused; peak RSS \(peak) kB")
        engine.closeInput()
        _ = engine.waitForExit()
    }

    /// Input that ends inside a body (LSP): the engine reports it, answers what came before, and exits with
    /// status 1 (no `shutdown`), by itself rather than by a signal.
    @Test func bodyShorterThanDeclaredThenEndOfInput() throws {
        let engine = try AbuseEngine(mode: .lsp)
        engine.send(Self.initialize)
        engine.send(#"{"jsonrpc":"2.0","id":"a","method":"kol/ping","params":[1]}"#)
        #expect(engine.write(Array("Content-Length: 1000\r\n\r\n{\"jsonrpc\":\"2.0\",\"id\":\"cut\",\"meth".utf8)))
        engine.closeInput()
        let end = engine.waitForExit()
        #expect(end.exited)
        #expect(end.status == 1)
        #expect(engine.messages.contains { $0.idText == "\"a\"" && $0.root["result"] != nil })
        #expect(!engine.messages.contains { $0.idText == "\"cut\"" })
        let logs = engine.messages.filter { $0.root["method"]?.string == "window/logMessage" }
        #expect(logs.contains { $0.root["params"]?["message"]?.string?.contains("input ended inside a message") == true })
    }

    /// The same after `shutdown`: exit status 0, since the client did shut down first.
    @Test func truncatedHeaderAfterShutdownExitsCleanly() throws {
        let engine = try AbuseEngine(mode: .lsp)
        engine.send(Self.initialize)
        engine.send(#"{"jsonrpc":"2.0","id":"s","method":"shutdown"}"#)
        #expect(engine.write(Array("Content-Length: 12\r\nContent-Ty".utf8)))
        engine.closeInput()
        let end = engine.waitForExit()
        #expect(end.exited && end.status == 0)
    }

    /// A line-mode stream whose last line has no newline and is cut mid-JSON: a parse error, status 0.
    @Test func unterminatedLastLineIsAParseError() throws {
        let engine = try AbuseEngine(mode: .lines)
        #expect(engine.write(Array(#"{"jsonrpc":"2.0","id":1,"method":"kol/ping"}"#.utf8) + [10] + Array(#"{"jsonrpc":"2.0","id":2,"met"#.utf8)))
        engine.closeInput()
        let end = engine.waitForExit()
        #expect(end.exited && end.status == 0)
        #expect(engine.messages.filter(\.isResponse).map(\.idText) == ["1", "null"])
        #expect(engine.messages.last?.errorCode == -32700)
    }

    /// Every method before `initialize` (LSP): -32002 for requests, notifications ignored; after `shutdown`:
    /// -32600 for every request; `exit` then ends with 0. Exactly one answer per request throughout.
    @Test func lifecycleEdgesAnswerEveryRequestOnce() throws {
        let engine = try AbuseEngine(mode: .lsp)
        let methods = AbuseCatalogue.requestMethods.filter { $0 != "initialize" } + AbuseCatalogue.notificationMethods
            + ["kol/unknown"]
        for (index, method) in methods.enumerated() {
            engine.send(#"{"jsonrpc":"2.0","id":"pre-\#(index)","method":"\#(method)","params":{}}"#)
            engine.send(#"{"jsonrpc":"2.0","method":"\#(method)","params":{}}"#)
        }
        engine.send(Self.initialize)
        engine.send(#"{"jsonrpc":"2.0","id":"s","method":"shutdown"}"#)
        for (index, method) in (methods + ["initialize", "shutdown"]).enumerated() {
            engine.send(#"{"jsonrpc":"2.0","id":"post-\#(index)","method":"\#(method)","params":{}}"#)
            engine.send(#"{"jsonrpc":"2.0","method":"\#(method)","params":{}}"#)
        }
        engine.send(#"{"jsonrpc":"2.0","id":"last","method":"kol/ping"}"#)
        _ = engine.waitForResponse(idText: "\"last\"")
        engine.send(#"{"jsonrpc":"2.0","method":"exit"}"#)
        let end = engine.waitForExit()
        #expect(end.exited && end.status == 0)
        let responses = engine.messages.filter(\.isResponse)
        for index in methods.indices {
            let pre = responses.filter { $0.idText == "\"pre-\(index)\"" }
            #expect(pre.count == 1 && pre.first?.errorCode == -32002, "\(methods[index]) before initialize")
        }
        for index in 0..<(methods.count + 2) {
            let post = responses.filter { $0.idText == "\"post-\(index)\"" }
            #expect(post.count == 1 && post.first?.errorCode == -32600, "request \(index) after shutdown")
        }
        #expect(responses.count == methods.count * 2 + 2 + 2 + 1)  // pre, post (+2), init, shutdown, last
    }
}
