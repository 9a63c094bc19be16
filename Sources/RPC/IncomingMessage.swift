import JSON

/// One JSON-RPC message after structural validation (JSON-RPC 2.0 §4–§5), before dispatch.
package enum IncomingMessage: Sendable {
    /// A request (`id` set) or a notification (`id` nil).
    case call(Call)
    /// A response from the client to a request the server sent. Routed to nobody yet: ignored.
    case response(id: RequestID?)
    /// Not a valid message: answered with -32600 (`id` when one could be read, else null).
    case invalid(id: RequestID?, reason: String)

    /// Validates `node` (an element of `document`): `"jsonrpc": "2.0"`, a string `method`, an id that is
    /// a number or a string, `params` (if any) an object or an array.
    package static func classify(_ node: JSONNode, in document: JSONDocument) -> IncomingMessage {
        guard node.kind == .object else {
            return .invalid(id: nil, reason: "a message must be a JSON object")
        }
        var id: RequestID?
        var hasID = false
        if let idNode = node["id"] {
            hasID = true
            id = RequestID(idNode, in: document)
            if id == nil {
                return .invalid(id: nil, reason: "id must be a number or a string")
            }
        }
        guard node["jsonrpc"]?.string == "2.0" else {
            return .invalid(id: id, reason: "\"jsonrpc\" must be \"2.0\"")
        }
        guard let methodNode = node["method"] else {
            if node["result"] != nil || node["error"] != nil, hasID {
                return .response(id: id)
            }
            return .invalid(id: id, reason: "a request needs a \"method\"")
        }
        guard let method = methodNode.string else {
            return .invalid(id: id, reason: "\"method\" must be a string")
        }
        let params = node["params"]
        if let params, params.kind != .object && params.kind != .array {
            return .invalid(id: id, reason: "\"params\" must be an object or an array")
        }
        return .call(Call(method: method, id: id, params: params, document: document))
    }
}

/// A request or notification ready for dispatch.
package struct Call: Sendable {
    package var method: String
    /// nil for a notification (never answered).
    package var id: RequestID?
    package var params: JSONNode?
    package var document: JSONDocument

    package var isNotification: Bool { id == nil }

    /// The exact source bytes of `params` (or nil).
    package var paramsJSON: ArraySlice<UInt8>? {
        guard let params else { return nil }
        return document.bytes[params.range.start..<params.range.end]
    }
}
