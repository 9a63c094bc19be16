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
    /// No KOL with that id in the workspace. `data`: `{id}`.
    static let unknownKOLCode = -32005
    /// The data an analysis needs is not there (a KOL without post texts, `{brief: true}` with no brief tone).
    /// `data`: `{needed}`.
    static let missingDataCode = -32006
    /// The KOL comes from an open editor document, which owns it: change the document instead. `data`: `{id}`.
    static let kolInOpenDocumentCode = -32007

    /// - Parameter path: the param that named the id (`params.id`), or nil where the id is one entry of a
    ///   list answered per KOL.
    static func unknownKOL(_ id: String, path: String? = nil) -> RPCError {
        let prefix = path.map { "\($0): " } ?? ""
        return RPCError(code: unknownKOLCode, message: "\(prefix)no KOL with id \"\(id)\" in the workspace",
                        data: ["id": .string(id)])
    }

    /// The per-KOL entry for an unknown id in a list answered per KOL (`kol/score`, `kol/redFlags`): one bad
    /// id should not cost the answers for the others.
    static func entry(unknownKOL id: String) -> JSONValue {
        let error = unknownKOL(id)
        return ["id": .string(id), "error": ["code": .int(Int64(error.code)), "message": .string(error.message)]]
    }

    static func missingData(_ message: String, needed: String) -> RPCError {
        RPCError(code: missingDataCode, message: message, data: ["needed": .string(needed)])
    }

    static func kolInOpenDocument(_ id: String) -> RPCError {
        RPCError(code: kolInOpenDocumentCode,
                 message: "KOL \"\(id)\" comes from an open editor document; edit the document instead",
                 data: ["id": .string(id)])
    }

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
