import Testing
import JSON
@testable import RPC
@testable import Server

@Suite struct JSONRPCTests {
    @Test func pingEchoesParamsAndIdExactly() async {
        let t = await serve(lineServer(), lines(
            #"{"jsonrpc":"2.0","id":7,"method":"kol/ping","params":{"path":"a\/b","n":[1,2.5e3]}}"#,
            #"{"jsonrpc":"2.0","id":"req-\u4e2d","method":"kol/ping"}"#,
            #"{"jsonrpc":"2.0","id":1.0,"method":"kol/ping","params":[]}"#))
        #expect(t.exitCode == 0)
        #expect(t.messages == [
            #"{"jsonrpc":"2.0","id":7,"result":{"path":"a\/b","n":[1,2.5e3]}}"#,
            #"{"jsonrpc":"2.0","id":"req-\u4e2d","result":null}"#,
            #"{"jsonrpc":"2.0","id":1.0,"result":[]}"#,
        ])
    }

    @Test func eachErrorCodeOfTheSpec() async {
        let t = await serve(lineServer(), lines(
            #"{"jsonrpc":"2.0","id":1,"method":"#,                         // -32700
            #"{"jsonrpc":"1.0","id":2,"method":"kol/ping"}"#,               // -32600 wrong version
            #"{"jsonrpc":"2.0","id":null,"method":"kol/ping"}"#,            // -32600 null id
            #"{"jsonrpc":"2.0","id":{"x":1},"method":"kol/ping"}"#,         // -32600 object id
            #"{"jsonrpc":"2.0","id":3,"method":5}"#,                        // -32600 method not a string
            #"{"jsonrpc":"2.0","id":4,"method":"kol/ping","params":"x"}"#,  // -32600 scalar params
            #"{"jsonrpc":"2.0","id":5,"method":"no/such"}"#,                // -32601
            #""just a string""#))                                          // -32600
        #expect(t.messages == [
            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32700,"message":"parse error at byte 33: unexpected end of input, expected a value"}}"#,
            #"{"jsonrpc":"2.0","id":2,"error":{"code":-32600,"message":"\"jsonrpc\" must be \"2.0\""}}"#,
            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"id must be a number or a string"}}"#,
            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"id must be a number or a string"}}"#,
            #"{"jsonrpc":"2.0","id":3,"error":{"code":-32600,"message":"\"method\" must be a string"}}"#,
            #"{"jsonrpc":"2.0","id":4,"error":{"code":-32600,"message":"\"params\" must be an object or an array"}}"#,
            #"{"jsonrpc":"2.0","id":5,"error":{"code":-32601,"message":"method not found: no/such"}}"#,
            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"a message must be a JSON object"}}"#,
        ])
    }

    @Test func notificationsAreNeverAnswered() async {
        let server = lineServer()
        server.register("test/fail") { _ in throw RPCError.internalError("boom") }
        let t = await serve(server, lines(
            #"{"jsonrpc":"2.0","method":"no/such"}"#,
            #"{"jsonrpc":"2.0","method":"test/fail"}"#,
            #"{"jsonrpc":"2.0","method":"kol/ping","params":[1]}"#,
            #"{"jsonrpc":"2.0","id":1,"result":{}}"#))  // a response from the client: ignored
        #expect(t.messages.isEmpty)
    }

    @Test func invalidParamsNameThePath() async {
        struct Params: Decodable { var kols: [Kol] }
        struct Kol: Decodable { var followers: Int }
        let server = lineServer()
        server.register("test/typed") { ctx in
            let params = try ctx.params(Params.self)
            return .int(Int64(params.kols.map(\.followers).reduce(0, +)))
        }
        let t = await serve(server, lines(
            #"{"jsonrpc":"2.0","id":1,"method":"test/typed","params":{"kols":[{"followers":3},{"followers":"many"}]}}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"test/typed","params":{"kols":[{"followers":3},{"followers":4}]}}"#))
        #expect(t.messages.count == 2)
        #expect(t.messages.contains(#"{"jsonrpc":"2.0","id":2,"result":7}"#))
        let error = t.messages.first { $0.contains(#""id":1"#) } ?? ""
        #expect(error.contains(#""code":-32602"#))
        #expect(error.contains("params.kols[1].followers"))
    }

    @Test func thrownErrorsMapToCodes() async {
        struct Oops: Error {}
        let server = lineServer()
        server.register("test/internal") { _ in throw Oops() }
        server.register("test/custom") { _ in throw RPCError(code: -32001, message: "custom", data: ["k": 1]) }
        let t = await serve(server, lines(
            #"{"jsonrpc":"2.0","id":1,"method":"test/internal"}"#,
            #"{"jsonrpc":"2.0","id":2,"method":"test/custom"}"#))
        #expect(Set(t.messages) == [
            #"{"jsonrpc":"2.0","id":1,"error":{"code":-32603,"message":"internal error: Oops()"}}"#,
            #"{"jsonrpc":"2.0","id":2,"error":{"code":-32001,"message":"custom","data":{"k":1}}}"#,
        ])
    }

    @Test func batchesFollowJSONRPCSemantics() async {
        let t = await serve(lineServer(), lines(
            #"[{"jsonrpc":"2.0","id":1,"method":"kol/ping","params":[1]},{"jsonrpc":"2.0","method":"kol/ping"},1,{"jsonrpc":"2.0","id":2,"method":"x"}]"#,
            "[]",
            #"[{"jsonrpc":"2.0","method":"kol/ping"},{"jsonrpc":"2.0","method":"y"}]"#,
            #"[{"jsonrpc":"2.0","id":3,"method":"kol/ping","params":{}}]"#))
        #expect(t.messages == [
            #"[{"jsonrpc":"2.0","id":1,"result":[1]},{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"a message must be a JSON object"}},{"jsonrpc":"2.0","id":2,"error":{"code":-32601,"message":"method not found: x"}}]"#,
            #"{"jsonrpc":"2.0","id":null,"error":{"code":-32600,"message":"empty batch"}}"#,
            #"[{"jsonrpc":"2.0","id":3,"result":{}}]"#,
        ])
    }

    @Test func batchWaitsForItsSlowestElement() async {
        let server = lineServer()
        server.register("test/slow") { _ in
            for _ in 0..<100 { await Task.yield() }
            return "slow"
        }
        let t = await serve(server, lines(
            #"[{"jsonrpc":"2.0","id":1,"method":"test/slow"},{"jsonrpc":"2.0","id":2,"method":"kol/ping","params":[]}]"#))
        #expect(t.messages == [#"[{"jsonrpc":"2.0","id":1,"result":"slow"},{"jsonrpc":"2.0","id":2,"result":[]}]"#])
    }

    @Test func oversizedMessageIsRefusedAndTheNextIsAnswered() async {
        let server = Server(configuration: .init(framing: .lines, maxMessageBytes: 100))
        let big = #"{"jsonrpc":"2.0","id":1,"method":"kol/ping","params":[""# + String(repeating: "x", count: 200) + #""]}"#
        let t = await serve(server, lines(big, #"{"jsonrpc":"2.0","id":2,"method":"kol/ping"}"#))
        #expect(t.messages.count == 2)
        #expect(t.messages.first?.contains(#""id":null,"error":{"code":-32600,"message":"message of 101 bytes exceeds the limit of 100 bytes"#) == true)
        #expect(t.messages.last == #"{"jsonrpc":"2.0","id":2,"result":null}"#)
    }

    @Test func deepNestingIsAParseErrorNotACrash() async {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        let t = await serve(lineServer(), lines(deep, #"{"jsonrpc":"2.0","id":1,"method":"kol/ping"}"#))
        #expect(t.messages.count == 2)
        #expect(t.messages.first?.contains("-32700") == true)
        #expect(t.messages.last == #"{"jsonrpc":"2.0","id":1,"result":null}"#)
    }
}
