/// Builds a `JSONValue` tree from the node table, reading tape and bytes through raw pointers (no per-node
/// retain/release or bounds checks). Recursion depth is bounded by the parse depth limit.
///
/// Object keys repeat across records ("id", "followers", …), so short unescaped keys are interned in a small
/// direct-mapped cache keyed by their bytes: a repeated key costs a hash and a compare instead of UTF-8
/// validation and a new String.
struct JSONMaterialiser {
    let tape: UnsafeBufferPointer<TapeEntry>
    let bytes: UnsafePointer<UInt8>
    private var keyCache: [CachedKey]

    private struct CachedKey {
        var start: UInt32 = 0
        var length: UInt32 = UInt32.max
        var string = ""
    }

    private static let keyCacheSize = 512
    private static let maxCachedKeyLength = 24

    init(tape: UnsafeBufferPointer<TapeEntry>, bytes: UnsafePointer<UInt8>) {
        self.tape = tape
        self.bytes = bytes
        keyCache = []
    }

    static func value(of storage: JSONStorage, at index: Int) -> JSONValue {
        storage.tape.withUnsafeBufferPointer { tape in
            storage.bytes.withUnsafeBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return .null }
                var next = index
                var materialiser = JSONMaterialiser(tape: tape, bytes: base)
                return materialiser.value(at: &next)
            }
        }
    }

    /// The value at `index`; advances `index` past its subtree.
    mutating func value(at index: inout Int) -> JSONValue {
        let entry = tape[index]
        index += 1
        switch entry.kind {
        case .null: return .null
        case .falseValue: return .bool(false)
        case .trueValue: return .bool(true)
        case .number:
            let text = UnsafeBufferPointer(start: bytes + Int(entry.start), count: Int(entry.end - entry.start))
            if entry.flag, let exact = JSONNumberConversion.int64(text) { return .int(exact) }
            return .double(JSONNumberConversion.double(text, isIntegerSyntax: entry.flag))
        case .string: return .string(string(entry))
        case .array:
            let count = entry.count
            var values: [JSONValue] = []
            values.reserveCapacity(count)
            for _ in 0..<count { values.append(value(at: &index)) }
            return .array(values)
        case .object:
            let count = entry.count
            var members: [JSONObject.Member] = []
            members.reserveCapacity(count)
            if count > JSONObject.indexThreshold {
                for _ in 0..<count {
                    let keyEntry = tape[index]
                    index += 1
                    members.append(JSONObject.Member(key: key(keyEntry), value: value(at: &index)))
                }
                return .object(JSONObject(sourceMembers: members))
            }
            // Small object: remember the raw keys on the stack and compare them bytewise afterwards.
            return withUnsafeTemporaryAllocation(of: TapeEntry.self, capacity: JSONObject.indexThreshold) { keys in
                var mayRepeat = false
                for n in 0..<count {
                    let keyEntry = tape[index]
                    keys[n] = keyEntry
                    mayRepeat = mayRepeat || keyEntry.flag
                    index += 1
                    members.append(JSONObject.Member(key: key(keyEntry), value: value(at: &index)))
                }
                if !mayRepeat { mayRepeat = hasRepeatedRawKey(keys, count: count) }
                return .object(mayRepeat ? JSONObject(sourceMembers: members) : JSONObject(uniqueMembers: members))
            }
        }
    }

    /// Compares raw key bytes pairwise (cheap for small objects: most keys differ in length or first byte).
    private func hasRepeatedRawKey(_ keys: UnsafeMutableBufferPointer<TapeEntry>, count: Int) -> Bool {
        guard count > 1 else { return false }
        for a in 1..<count {
            let left = keys[a]
            let length = Int(left.end - left.start)
            for b in 0..<a {
                let right = keys[b]
                if length == Int(right.end - right.start)
                    && memcmpEqual(bytes + Int(left.start), bytes + Int(right.start), length)
                {
                    return true
                }
            }
        }
        return false
    }

    private mutating func key(_ entry: TapeEntry) -> String {
        let start = Int(entry.start) + 1
        let length = Int(entry.end) - 1 - start
        guard !entry.flag, length > 0, length <= JSONMaterialiser.maxCachedKeyLength else { return string(entry) }
        if keyCache.isEmpty {
            keyCache = Array(repeating: CachedKey(), count: JSONMaterialiser.keyCacheSize)
        }
        var hash: UInt32 = 2_166_136_261
        for k in 0..<length { hash = (hash ^ UInt32(bytes[start + k])) &* 16_777_619 }
        let slot = Int(hash) & (JSONMaterialiser.keyCacheSize - 1)
        let cached = keyCache[slot]
        if Int(cached.length) == length && memcmpEqual(bytes + Int(cached.start), bytes + start, length) {
            return cached.string
        }
        let made = string(entry)
        keyCache[slot] = CachedKey(start: UInt32(start), length: UInt32(length), string: made)
        return made
    }

    private func string(_ entry: TapeEntry) -> String {
        let start = Int(entry.start) + 1
        let content = UnsafeBufferPointer(start: bytes + start, count: max(Int(entry.end) - 1 - start, 0))
        return JSONStringDecoding.decode(content, hasEscapes: entry.flag)
    }
}
