import JSON
import RPC

/// Everything a handler gets: its params, cancellation, progress, and a way to talk to the client.
public struct RequestContext: Sendable {
    /// The method called.
    public let method: String
    /// The request id; nil for a notification.
    public let id: RequestID?
    /// The raw params node (nil when the message had none).
    public let paramsNode: JSONNode?
    /// Negotiated session state (position encoding, trace level).
    public let session: Session
    let token: CancellationToken
    let output: @Sendable (String, JSONValue) -> Void

    /// Decodes params into `T`. A mismatch throws an `RPCError` -32602 whose message names the path
    /// (`params.kols[3].followers: expected integer, got string`). Missing params decode as `{}`.
    public func params<T: Decodable>(_ type: T.Type) throws -> T {
        do {
            if let paramsNode { return try paramsNode.decode(T.self, path: "params") }
            return try JSONDocument(bytes: Array("{}".utf8)).root.decode(T.self, path: "params")
        } catch let error as JSONDecodingError {
            throw RPCError.invalidParams(error.description)
        } catch let error as RPCError {
            throw error
        } catch {
            throw RPCError.invalidParams("params: \(error)")
        }
    }

    /// True once the client sent `$/cancelRequest` for this request (or the task was cancelled).
    /// Long handlers poll it between steps.
    public var isCancelled: Bool { token.isCancelled || Task.isCancelled }

    /// Throws `RPCError.requestCancelled` (-32800) if cancelled.
    public func checkCancellation() throws {
        if isCancelled { throw RPCError.requestCancelled }
    }

    /// `$/progress` for this request, active when params carried `workDoneToken`.
    public var progress: ProgressReporter {
        var token: JSONValue?
        if let node = paramsNode?["workDoneToken"] {
            switch node.kind {
            case .string: token = node.string.map(JSONValue.string)
            case .number: token = node.int.map(JSONValue.int)
            default: token = nil
            }
        }
        return ProgressReporter(token: token, send: output)
    }

    /// Sends a notification to the client (e.g. `window/logMessage`).
    public func notify(method: String, params: JSONValue) {
        output(method, params)
    }
}
