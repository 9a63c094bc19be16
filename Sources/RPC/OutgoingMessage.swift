import JSON

/// Builds the bytes of outgoing JSON-RPC messages. Member order is fixed (`jsonrpc`, `id`, then
/// `result`/`error`) so output is deterministic and tests can compare bytes.
package enum OutgoingMessage {
    /// `{"jsonrpc":"2.0","id":<id>,"result":<result>}` with `result` already serialized.
    package static func result(id: RequestID, json result: some Collection<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(32 + id.json.count + result.count)
        bytes.append(contentsOf: #"{"jsonrpc":"2.0","id":"#.utf8)
        bytes.append(contentsOf: id.json)
        bytes.append(contentsOf: #","result":"#.utf8)
        bytes.append(contentsOf: result)
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    package static func result(id: RequestID, _ value: JSONValue) -> [UInt8] {
        result(id: id, json: value.serialized())
    }

    /// `{"jsonrpc":"2.0","id":<id or null>,"error":{"code":…,"message":…[,"data":…]}}`.
    package static func error(id: RequestID?, _ error: RPCError) -> [UInt8] {
        var object = JSONObject()
        object["code"] = .int(Int64(error.code))
        object["message"] = .string(error.message)
        if let data = error.data { object["data"] = data }
        var bytes: [UInt8] = []
        bytes.append(contentsOf: #"{"jsonrpc":"2.0","id":"#.utf8)
        bytes.append(contentsOf: id?.json ?? Array("null".utf8))
        bytes.append(contentsOf: #","error":"#.utf8)
        bytes.append(contentsOf: JSONValue.object(object).serialized())
        bytes.append(UInt8(ascii: "}"))
        return bytes
    }

    /// `{"jsonrpc":"2.0","method":…,"params":…}`.
    package static func notification(method: String, params: JSONValue) -> [UInt8] {
        Array(notificationParts(method: method, json: params.serialized()).joined())
    }

    /// The same message as three parts (envelope start, `params` as given, closing brace), for
    /// `MessageWriter.send(parts:)`: megabytes of params are not copied to be wrapped.
    package static func notificationParts(method: String, json params: [UInt8]) -> [[UInt8]] {
        var start: [UInt8] = Array(#"{"jsonrpc":"2.0","method":"#.utf8)
        start.append(contentsOf: JSONValue.string(method).serialized())
        start.append(contentsOf: #","params":"#.utf8)
        return [start, params, [UInt8(ascii: "}")]]
    }

    /// Joins batch responses into one JSON array.
    package static func batch(_ responses: [[UInt8]]) -> [UInt8] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        for (index, response) in responses.enumerated() {
            if index > 0 { bytes.append(UInt8(ascii: ",")) }
            bytes.append(contentsOf: response)
        }
        bytes.append(UInt8(ascii: "]"))
        return bytes
    }
}
