/// The path of the value being decoded, e.g. `params.kols[3].followers`. A persistent linked list so that
/// descending one level is one small allocation and the text is only rendered when an error needs it.
indirect enum DecodingPath: Sendable {
    case root(String)
    case key(DecodingPath, String)
    case index(DecodingPath, Int)

    /// `root.key[3].other`; keys that are not plain identifiers are quoted: `root["a b"]`.
    var rendered: String {
        switch self {
        case .root(let name): return name
        case .key(let parent, let key):
            let head = parent.rendered
            let plain = !key.isEmpty && key.utf8.allSatisfy { byte in
                (byte >= 0x30 && byte <= 0x39) || (byte | 0x20 >= 0x61 && byte | 0x20 <= 0x7A) || byte == 0x5F
            }
            if plain { return head.isEmpty ? key : "\(head).\(key)" }
            return "\(head)[\(JSONValue.string(key).serializedString)]"
        case .index(let parent, let position): return "\(parent.rendered)[\(position)]"
        }
    }

    var codingPath: [CodingKey] {
        switch self {
        case .root: return []
        case .key(let parent, let key): return parent.codingPath + [PathKey(stringValue: key)]
        case .index(let parent, let position): return parent.codingPath + [PathKey(intValue: position)]
        }
    }
}

/// A concrete `CodingKey` for `codingPath`.
struct PathKey: CodingKey {
    var stringValue: String
    var intValue: Int?

    init(stringValue: String) {
        self.stringValue = stringValue
        intValue = nil
    }

    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}
