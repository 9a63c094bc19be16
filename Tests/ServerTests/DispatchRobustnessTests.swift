import Foundation
import JSON
import RPC
import Testing
@testable import Server

/// Regression tests for dispatch bugs found by the abuse suite and the fuzzers: a whole line-mode session
/// runs in process (`Server.run` over memory) and every output line is checked.
@Suite struct DispatchRobustnessTests {
    /// Runs `lines` through the standard server; returns the output messages.
    static func session(_ lines: [String]) -> [JSONNode] {
        let server = Server.standard(configuration: ServerConfiguration(framing: .lines))
        let sink = MemorySink()
        let input = Array((lines.joined(separator: "\n") + "\n").utf8)
        _ = server.run(source: MemorySource(input), sink: sink)
        return sink.bytes.split(separator: UInt8(ascii: "\n")).compactMap { try? JSONDocument(bytes: Array($0)).root }
    }

    /// Found by the abuse suite: `textDocument/didClose`, `$/cancelRequest`, `initialized` and `$/setTrace`
    /// sent *with* an id got no response at all, so a client waiting for it hung.
    @Test func notificationMethodsSentWithAnIdAreAnsweredWithInvalidRequest() {
        let methods = ["textDocument/didOpen", "textDocument/didChange", "textDocument/didClose", "textDocument/didSave",
                       "$/cancelRequest", "initialized", "$/setTrace"]
        let requests = methods.enumerated().map { index, method in
            #"{"jsonrpc":"2.0","id":\#(index + 1),"method":"\#(method)","params":{"id":99,"value":"off","textDocument":{"uri":"file:///a.kol.json"}}}"#
        }
        let output = Self.session(requests)
        #expect(output.count == methods.count)
        for index in methods.indices {
            let answers = output.filter { $0["id"]?.int == Int64(index + 1) }
            #expect(answers.count == 1, "\(methods[index])")
            #expect(answers.first?["error"]?["code"]?.int == -32600, "\(methods[index])")
        }
    }

    /// The same notifications without an id stay silent, and a request after them is answered.
    @Test func notificationsWithoutIdStaySilent() {
        let output = Self.session([
            #"{"jsonrpc":"2.0","method":"$/cancelRequest","params":{"id":12345}}"#,
            #"{"jsonrpc":"2.0","method":"textDocument/didClose","params":{"textDocument":{"uri":"file:///never-opened"}}}"#,
            #"{"jsonrpc":"2.0","id":"after","method":"kol/ping","params":[1]}"#,
        ])
        #expect(output.count == 1)
        #expect(output.first?["id"]?.string == "after")
        #expect(output.first?["result"]?[0]?.int == 1)
    }
}
