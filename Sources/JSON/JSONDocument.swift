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
        var keys: [TapeEntry] = []
        for index in tape.indices where tape[index].kind == .object && tape[index].count > 1 {
            if tape[index].count <= Self.smallObject, smallObjectDuplicates(at: index, keys: &keys, into: &result) {
                continue
            }
            var seen = Set<ByteKey>()
            for member in JSONNode(storage: storage, index: index).members where !seen.insert(ByteKey(member.key)).inserted {
                result.append(member.keyRange)
            }
        }
        return result
    }

    /// Objects up to this many members are checked by comparing raw key bytes pairwise: no `String` and
    /// no hashing, which made `duplicateKeys` a tenth of a JSONL load (records are many small objects).
    static let smallObject = 24

    /// The pairwise check of one small object; false (nothing appended) when a key has escapes, whose
    /// raw bytes may differ while the decoded keys are equal (`"\u0061"` and `"a"`): the caller then
    /// compares decoded keys.
    private func smallObjectDuplicates(at index: Int, keys: inout [TapeEntry], into result: inout [SourceRange]) -> Bool {
        keys.removeAll(keepingCapacity: true)
        var keyIndex = index + 1
        for _ in 0..<storage.tape[index].count {
            let key = storage.tape[keyIndex]
            if key.flag { return false }
            keys.append(key)
            keyIndex = storage.next(after: keyIndex + 1)
        }
        storage.bytes.withUnsafeBufferPointer { bytes in
            // Raw key lengths seen so far (one bit per length under 64): a key whose length no earlier key
            // has cannot repeat one, and in records most keys differ in length (`at`, `text`, `likes`).
            var lengthsSeen: UInt64 = 0
            for later in 0..<keys.count {
                let b = keys[later]
                let length = Int(b.end - b.start)
                if length < 64 {
                    let bit: UInt64 = 1 << UInt64(length)
                    if lengthsSeen & bit == 0 {
                        lengthsSeen |= bit
                        continue
                    }
                }
                for earlier in 0..<later {
                    let a = keys[earlier]
                    guard Int(a.end - a.start) == length else { continue }
                    var same = true
                    for k in 0..<length where bytes[Int(a.start) + k] != bytes[Int(b.start) + k] {
                        same = false
                        break
                    }
                    guard same else { continue }
                    result.append(SourceRange(start: Int(b.start), end: Int(b.end)))
                    break
                }
            }
        }
        return true
    }
}
