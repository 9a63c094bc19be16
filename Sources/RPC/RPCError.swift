import JSON

/// A JSON-RPC error a handler throws (or the transport produces). Codes are the JSON-RPC 2.0 ones plus
/// the two LSP adds; protocol.md §3 lists when each is used.
public struct RPCError: Error, Sendable, Equatable, CustomStringConvertible {
    public var code: Int
    public var message: String
    public var data: JSONValue?

    public init(code: Int, message: String, data: JSONValue? = nil) {
        self.code = code
        self.message = message
        self.data = data
    }

    public static let parseErrorCode = -32700
    public static let invalidRequestCode = -32600
    public static let methodNotFoundCode = -32601
    public static let invalidParamsCode = -32602
    public static let internalErrorCode = -32603
    public static let serverNotInitializedCode = -32002
    public static let requestCancelledCode = -32800

    public static func parseError(_ message: String) -> RPCError { RPCError(code: parseErrorCode, message: message) }
    public static func invalidRequest(_ message: String) -> RPCError { RPCError(code: invalidRequestCode, message: message) }
    public static func methodNotFound(_ method: String) -> RPCError {
        RPCError(code: methodNotFoundCode, message: "method not found: \(method)")
    }
    public static func invalidParams(_ message: String) -> RPCError { RPCError(code: invalidParamsCode, message: message) }
    public static func internalError(_ message: String) -> RPCError { RPCError(code: internalErrorCode, message: message) }
    public static let serverNotInitialized = RPCError(
        code: serverNotInitializedCode, message: "server not initialized: send 'initialize' first")
    public static let requestCancelled = RPCError(code: requestCancelledCode, message: "request cancelled")

    public var description: String { "\(code): \(message)" }
}
