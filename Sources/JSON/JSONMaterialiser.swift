/// Builds a `JSONValue` tree from the node table, reading tape and bytes through raw pointers (no per-node
/// retain/release or bounds checks). Recursion depth is bounded by the parse depth limit.
struct JSONMaterialiser {
    let tape: UnsafeBufferPointer<TapeEntry>
    let bytes: UnsafePointer<UInt8>

    static func value(of storage: JSONStorage, at index: Int) -> JSONValue {
        storage.tape.withUnsafeBufferPointer { tape in
            storage.bytes.withUnsafeBufferPointer { bytes in
                guard let base = bytes.baseAddress else { return .null }
                var next = index
                return JSONMaterialiser(tape: tape, bytes: base).value(at: &next)
            }
        }
    }

    /// The value at `index`; advances `index` past its subtree.
    func value(at index: inout Int) -> JSONValue {
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
                    members.append(JSONObject.Member(key: string(keyEntry), value: value(at: &index)))
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
                    members.append(JSONObject.Member(key: string(keyEntry), value: value(at: &index)))
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

    private func string(_ entry: TapeEntry) -> String {
        let start = Int(entry.start) + 1
        let content = UnsafeBufferPointer(start: bytes + start, count: max(Int(entry.end) - 1 - start, 0))
        return JSONStringDecoding.decode(content, hasEscapes: entry.flag)
    }
}
