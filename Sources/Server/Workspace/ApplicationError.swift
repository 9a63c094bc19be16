import JSON
import RPC

/// kol-engine's own error codes, in JSON-RPC's "implementation-defined server error" range
/// (-32000 … -32099). -32002 is taken by LSP (`ServerNotInitialized`), so it is skipped. protocol.md §5
/// lists them. Every one carries `data` with the path concerned, so a client can show it without parsing
/// the message.
enum ApplicationError {
    /// A file could not be read, written, or does not exist. `data`: `{path, reason}`.
    static let fileErrorCode = -32001
    /// The path lies outside every allowed root. `data`: `{path, resolved, allowedRoots}`.
    static let pathNotAllowedCode = -32003
    /// The path's extension or the `format` names no format kol-engine reads or writes. `data`: `{path?, format?}`.
    static let unsupportedFormatCode = -32004

    static func fileError(path: String, reason: String) -> RPCError {
        RPCError(code: fileErrorCode, message: "\(path): \(reason)",
                 data: ["path": .string(path), "reason": .string(reason)])
    }

    static func pathNotAllowed(path: String, resolved: String, roots: [String]) -> RPCError {
        let list = roots.isEmpty ? "(none)" : roots.joined(separator: ", ")
        return RPCError(code: pathNotAllowedCode,
                        message: "\(path) is outside the folders this engine may use: \(list)",
                        data: ["path": .string(path), "resolved": .string(resolved),
                               "allowedRoots": .array(roots.map(JSONValue.string))])
    }

    static func unsupportedFormat(_ message: String, path: String? = nil, format: String? = nil) -> RPCError {
        var data = JSONObject()
        if let path { data["path"] = .string(path) }
        if let format { data["format"] = .string(format) }
        return RPCError(code: unsupportedFormatCode, message: message, data: .object(data))
    }
}
