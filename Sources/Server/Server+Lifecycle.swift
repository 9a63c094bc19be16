import JSON
import RPC

extension Server {
    /// Methods the server answers itself, inline on the reader thread (they are cheap and must not wait
    /// behind a long write: `$/cancelRequest` especially). Returns false for any other method.
    func handleBuiltin(_ call: Call, reply: Reply) -> Bool {
        switch call.method {
        case "initialize":
            answer(call, reply, initialize(call))
        case "initialized":
            break
        case "shutdown":
            lifecycle = .shutDown
            answer(call, reply, .success(Array("null".utf8)))
        case "kol/ping":
            // Echoes params byte for byte: the cheapest possible round trip, used by `kol-bench transport`.
            answer(call, reply, .success(call.paramsJSON.map(Array.init) ?? Array("null".utf8)))
        case "$/cancelRequest":
            if let node = call.params?["id"], let id = RequestID(node, in: call.document) {
                inFlight.cancel(id)
            }
        case "$/setTrace":
            if let value = call.params?["value"]?.string { session.traceLevel = value }
        default:
            return false
        }
        return true
    }

    private func answer(_ call: Call, _ reply: Reply, _ outcome: Result<[UInt8], RPCError>) {
        guard let id = call.id else { return }
        switch outcome {
        case .success(let json): reply.deliver(OutgoingMessage.result(id: id, json: json), true)
        case .failure(let error): reply.deliver(OutgoingMessage.error(id: id, error), true)
        }
    }

    /// Negotiates the position encoding and answers `capabilities` and `serverInfo`.
    private func initialize(_ call: Call) -> Result<[UInt8], RPCError> {
        switch lifecycle {
        case .awaitingInitialize, .open:
            break
        case .running, .shutDown:
            return .failure(.invalidRequest("initialize was already received"))
        }
        if let params = call.params, params.kind != .object {
            return .failure(.invalidParams("params: expected object, got array"))
        }
        let offered = call.params?["capabilities"]?["general"]?["positionEncodings"]?.elements.compactMap(\.string) ?? []
        session.positionEncoding = Session.negotiate(offered: offered)
        if let clientInfo = call.params?["clientInfo"] { session.clientInfo = clientInfo.value() }
        session.initializeParams = call.params?.value() ?? .null
        lifecycle = .running
        let result: JSONValue = [
            "capabilities": .object(capabilities),
            "serverInfo": ["name": .string(ServerInfo.name), "version": .string(ServerInfo.version)],
        ]
        return .success(result.serialized())
    }
}
