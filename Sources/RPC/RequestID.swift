import JSON

/// A request id as the client wrote it. Responses echo `json`, the id's exact source bytes, so a client
/// gets back byte-for-byte what it sent (`1`, `1.0`, `"a\/b"` alike). Equality (for `$/cancelRequest`)
/// compares values: integer `7` and string `"7"` differ, the escapes in a string do not matter.
public struct RequestID: Hashable, Sendable, CustomStringConvertible {
    enum Key: Hashable, Sendable {
        case integer(Int64)
        case number(String)
        case string(String)
    }

    let key: Key
    /// The id's JSON text, echoed verbatim in the response.
    public let json: [UInt8]

    /// Reads an id from a message; nil when the value is not a number or a string (JSON-RPC allows only
    /// those; `null` ids are refused as invalid requests).
    public init?(_ node: JSONNode, in document: JSONDocument) {
        let raw = Array(document.bytes[node.range.start..<node.range.end])
        switch node.kind {
        case .number:
            if let integer = node.int {
                key = .integer(integer)
            } else {
                key = .number(String(decoding: raw, as: UTF8.self))
            }
        case .string:
            guard let text = node.string else { return nil }
            key = .string(text)
        default:
            return nil
        }
        json = raw
    }

    public init(_ integer: Int64) {
        key = .integer(integer)
        json = Array(String(integer).utf8)
    }

    public init(_ string: String) {
        key = .string(string)
        json = JSONValue.string(string).serialized()
    }

    public static func == (lhs: RequestID, rhs: RequestID) -> Bool { lhs.key == rhs.key }
    public func hash(into hasher: inout Hasher) { hasher.combine(key) }

    public var description: String { String(decoding: json, as: UTF8.self) }
}
