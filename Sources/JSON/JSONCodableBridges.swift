/// `Codable` conformances so handlers can type fields as `JSONNode` (keep the raw node and its ranges) or
/// `JSONValue` (any JSON), and encode `JSONValue` with other encoders.

extension JSONNode: Decodable {
    /// Only meaningful inside `JSONNode.decode`; other decoders have no nodes to hand out.
    public init(from decoder: Decoder) throws {
        guard let nodeDecoder = decoder as? NodeDecoder else {
            throw DecodingError.typeMismatch(
                JSONNode.self,
                .init(codingPath: decoder.codingPath, debugDescription: "JSONNode can only be decoded from a JSONNode"))
        }
        self = nodeDecoder.node
    }
}

extension JSONValue: Codable {
    public init(from decoder: Decoder) throws {
        if let nodeDecoder = decoder as? NodeDecoder {
            self = nodeDecoder.node.value()
            return
        }
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let flag = try? container.decode(Bool.self) {
            self = .bool(flag)
        } else if let number = try? container.decode(Int64.self) {
            self = .int(number)
        } else if let number = try? container.decode(Double.self) {
            self = .double(number)
        } else if let text = try? container.decode(String.self) {
            self = .string(text)
        } else if let values = try? container.decode([JSONValue].self) {
            self = .array(values)
        } else {
            // Foreign decoders give no key order; sort for determinism.
            let members = try container.decode([String: JSONValue].self)
            var object = JSONObject()
            for key in members.keys.sorted() { object[key] = members[key] }
            self = .object(object)
        }
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let flag): try container.encode(flag)
        case .int(let number): try container.encode(number)
        case .double(let number): try container.encode(number)
        case .string(let text): try container.encode(text)
        case .array(let values): try container.encode(values)
        case .object(let object):
            var keyed = encoder.container(keyedBy: PathKey.self)
            for member in object.storage { try keyed.encode(member.value, forKey: PathKey(stringValue: member.key)) }
        }
    }
}
