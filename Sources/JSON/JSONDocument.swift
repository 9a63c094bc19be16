/// A parsed document: the bytes plus a compact node table (see `TapeEntry`). Copies share storage, so it is
/// cheap to pass around and to send between tasks.
public struct JSONDocument: Sendable {
    let storage: JSONStorage

    /// Parses `bytes` strictly (RFC 8259, strict UTF-8). Throws the first problem with its byte offset.
    public init(bytes: [UInt8], limits: JSONLimits = .default) throws(JSONParseError) {
        let tape = try JSONParser.parse(bytes, limits: limits)
        storage = JSONStorage(bytes: bytes, tape: tape)
    }

    /// Convenience for tests and literals.
    public init(_ text: String, limits: JSONLimits = .default) throws(JSONParseError) {
        try self.init(bytes: Array(text.utf8), limits: limits)
    }

    public var bytes: [UInt8] { storage.bytes }

    public var root: JSONNode { JSONNode(storage: storage, index: 0) }

    /// Number of entries in the node table (values plus object keys); useful for sizing and benchmarks.
    public var nodeCount: Int { storage.tape.count }

    /// Key ranges of keys that repeat within one object: every occurrence after the first, in source order.
    /// Lookups and `value()` use the last occurrence ("last wins"); callers turn these into warnings.
    /// Keys are compared by UTF-8 bytes (NFC and NFD spellings are different keys).
    /// Computed on each call (one pass over the node table), so parsing pays nothing for it.
    public var duplicateKeys: [SourceRange] {
        var result: [SourceRange] = []
        let tape = storage.tape
        for index in tape.indices where tape[index].kind == .object && tape[index].count > 1 {
            var seen = Set<ByteKey>()
            for member in JSONNode(storage: storage, index: index).members where !seen.insert(ByteKey(member.key)).inserted {
                result.append(member.keyRange)
            }
        }
        return result
    }
}
