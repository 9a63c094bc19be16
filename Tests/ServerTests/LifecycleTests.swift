import Testing
import JSON
@testable import RPC
@testable import Server

@Suite struct LifecycleTests {
    @Test func requestsBeforeInitializeAreRefusedInLSPFraming() async {
        let t = await serve(lspServer(), frames(
            #"{"jsonrpc":"2.0","id":1,"method":"kol/ping"}"#,
            #"{"jsonrpc":"2.0","method":"kol/ping"}"#,
            initializeRequest,
            #"{"jsonrpc":"2.0","id":2,"method":"kol/ping","params":[2]}"#,
            shutdownRequest, exitNotification))
        #expect(t.exitCode == 0)
        #expect(t.messages == [
            #"{"jsonrpc":"2.0","id":1,"error":{"code":-32002,"message":"server not initialized: send 'initialize' first"}}"#,
            #"{"jsonrpc":"2.0","id":0,"result":{"capabilities":{"positionEncoding":"utf-16"},"serverInfo":{"name":"kol-engine","version":"0.1.0"}}}"#,
            #"{"jsonrpc":"2.0","id":2,"result":[2]}"#,
            #"{"jsonrpc":"2.0","id":99,"result":null}"#,
        ])
    }

    @Test(arguments: [
        (#"["utf-32","utf-8"]"#, "utf-32"), (#"["latin-1","utf-8","utf-16"]"#, "utf-8"), ("[]", "utf-16"),
    ])
    func positionEncodingIsNegotiated(offered: String, chosen: String) async {
        let server = lspServer()
        let initialize = #"{"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{"general":{"positionEncodings":"#
            + offered + "}}}}"
        let t = await serve(server, frames(initialize, exitNotification))
        #expect(t.messages.first?.contains(#"{"positionEncoding":"\#(chosen)"}"#) == true)
        #expect(server.session.positionEncoding.rawValue == chosen)
    }

    @Test func exitWithoutShutdownIsStatusOneAndStopsReading() async {
        let t = await serve(lspServer(), frames(initializeRequest, exitNotification,
                                                #"{"jsonrpc":"2.0","id":5,"method":"kol/ping"}"#))
        #expect(t.exitCode == 1)
        #expect(t.messages.count == 1)
    }

    @Test func requestsAfterShutdownAreInvalid() async {
        let t = await serve(lspServer(), frames(initializeRequest, shutdownRequest,
                                                #"{"jsonrpc":"2.0","id":5,"method":"kol/ping"}"#, exitNotification))
        #expect(t.exitCode == 0)
        #expect(t.messages.last == #"{"jsonrpc":"2.0","id":5,"error":{"code":-32600,"message":"the server is shut down; only 'exit' is accepted"}}"#)
    }

    @Test func endOfInputInLSPFramingIsStatusOneUnlessShutDown() async {
        #expect(await serve(lspServer(), frames(initializeRequest)).exitCode == 1)
        #expect(await serve(lspServer(), frames(initializeRequest, shutdownRequest)).exitCode == 0)
    }

    @Test func secondInitializeIsRefused() async {
        let t = await serve(lspServer(), frames(initializeRequest, initializeRequest.replacingOccurrences(of: #""id":0"#, with: #""id":1"#)))
        #expect(t.messages.last == #"{"jsonrpc":"2.0","id":1,"error":{"code":-32600,"message":"initialize was already received"}}"#)
    }

    @Test func lineModeNeedsNoInitializeAndEndsWithStatusZero() async {
        let t = await serve(lineServer(), lines(#"{"jsonrpc":"2.0","id":1,"method":"kol/ping","params":[]}"#))
        #expect(t.exitCode == 0)
        #expect(t.messages == [#"{"jsonrpc":"2.0","id":1,"result":[]}"#])
    }

    @Test func malformedFramesAreReportedAndTheNextRequestIsAnswered() async {
        let input = "Content-Length: abc\r\n\r\nxyz" + frames(initializeRequest)
            + "Content-Length: 5\r\n\r\n{oops" + frames(#"{"jsonrpc":"2.0","id":1,"method":"kol/ping","params":["\/"]}"#)
        let t = await serve(lspServer(), input)
        #expect(t.messages.count == 4)
        #expect(t.messages.first?.contains(#""method":"window/logMessage""#) == true)
        #expect(t.messages[2].contains(#""id":null,"error":{"code":-32700"#))
        #expect(t.messages.last == #"{"jsonrpc":"2.0","id":1,"result":["\/"]}"#)
    }

    @Test func shutdownIsAnsweredAfterEarlierRequestsFinish() async {
        let gate = Gate()
        let server = lineServer()
        server.register("test/save", access: .write) { _ in
            await gate.wait()
            return "saved"
        }
        let t = await serve(server, lines(
            #"{"jsonrpc":"2.0","id":1,"method":"test/save"}"#, shutdownRequest,
            #"{"jsonrpc":"2.0","id":2,"method":"test/save"}"#), atEnd: { gate.release() })
        #expect(t.messages == [
            #"{"jsonrpc":"2.0","id":2,"error":{"code":-32600,"message":"the server is shut down; only 'exit' is accepted"}}"#,
            #"{"jsonrpc":"2.0","id":1,"result":"saved"}"#,
            #"{"jsonrpc":"2.0","id":99,"result":null}"#,
        ])
    }

    @Test func setTraceIsRemembered() async {
        let server = lineServer()
        _ = await serve(server, lines(#"{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"verbose"}}"#))
        #expect(server.session.traceLevel == "verbose")
    }
}
