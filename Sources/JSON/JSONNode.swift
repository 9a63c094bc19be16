/// A value inside a parsed document. Holds the document's storage alive; reading strings and numbers decodes
/// them from the source bytes on demand, so unread parts of a document cost nothing.
public struct JSONNode: Sendable {
    let storage: JSONStorage
    let index: Int

    @inline(__always) var entry: TapeEntry { storage.tape[index] }

    public var kind: JSONKind { entry.kind.publicKind }

    /// The value's bytes: a string's range includes its quotes, a container's its brackets.
    public var range: SourceRange {
        let entry = entry
        return SourceRange(start: Int(entry.start), end: Int(entry.end))
    }

    /// The value's source bytes (e.g. to forward a sub-document without re-serializing it).
    public var rawBytes: ArraySlice<UInt8> {
        let entry = entry
        return storage.bytes[Int(entry.start)..<Int(entry.end)]
    }

    public var isNull: Bool { entry.kind == .null }

    public var bool: Bool? {
        switch entry.kind {
        case .trueValue: true
        case .falseValue: false
        default: nil
        }
    }

    /// Exact integers only: no `.`, no exponent, and within Int64. `3.0`, `3e0` and `"3"` are not integers.
    public var int: Int64? {
        let entry = entry
        guard entry.kind == .number, entry.flag else { return nil }
        return withText(entry) { JSONNumberConversion.int64($0) }
    }

    /// Any number, rounded to the nearest Double (±infinity when the exponent overflows).
    public var double: Double? {
        let entry = entry
        guard entry.kind == .number else { return nil }
        return withText(entry) { JSONNumberConversion.double($0, isIntegerSyntax: entry.flag) }
    }

    /// The decoded string (escapes resolved), or nil if this is not a string.
    public var string: String? {
        let entry = entry
        guard entry.kind == .string else { return nil }
        return decodeString(entry)
    }

    /// Calls `body` with a string's UTF-8 bytes (between the quotes) when it has no escapes, so a caller
    /// that only parses them (a date) needs no `String`; false (`body` not called) when this is not a
    /// string or has escapes. Not generic: across modules a generic version cost more than the `String`.
    public func withUnescapedStringBytes(_ body: (UnsafeBufferPointer<UInt8>) -> Void) -> Bool {
        let entry = entry
        guard entry.kind == .string, !entry.flag else { return false }
        storage.bytes.withUnsafeBufferPointer { bytes in
            let start = Int(entry.start) + 1
            body(UnsafeBufferPointer(rebasing: bytes[start..<max(start, Int(entry.end) - 1)]))
        }
        return true
    }

    /// Array elements or object members, else 0.
    public var count: Int { entry.count }

    /// Array elements in order, or [] if this is not an array.
    public var elements: [JSONNode] {
        let entry = entry
        guard entry.kind == .array else { return [] }
        var result: [JSONNode] = []
        result.reserveCapacity(entry.count)
        var child = index + 1
        for _ in 0..<entry.count {
            result.append(JSONNode(storage: storage, index: child))
            child = storage.next(after: child)
        }
        return result
    }

    /// Object members in source order (duplicates included), or [] if this is not an object.
    public var members: [JSONMember] {
        let entry = entry
        guard entry.kind == .object else { return [] }
        var result: [JSONMember] = []
        result.reserveCapacity(entry.count)
        var keyIndex = index + 1
        for _ in 0..<entry.count {
            let keyEntry = storage.tape[keyIndex]
            result.append(JSONMember(key: decodeString(keyEntry),
                                     keyRange: SourceRange(start: Int(keyEntry.start), end: Int(keyEntry.end)),
                                     value: JSONNode(storage: storage, index: keyIndex + 1)))
            keyIndex = storage.next(after: keyIndex + 1)
        }
        return result
    }

    /// Calls `body` with each member's key and value in source order (duplicates included), without
    /// building the `members` array: a bulk load walks some thirty objects per KOL.
    public func forEachMember(_ body: (String, JSONNode) -> Void) {
        let entry = entry
        guard entry.kind == .object else { return }
        var keyIndex = index + 1
        for _ in 0..<entry.count {
            body(decodeString(storage.tape[keyIndex]), JSONNode(storage: storage, index: keyIndex + 1))
            keyIndex = storage.next(after: keyIndex + 1)
        }
    }

    /// Calls `body` with each element's position and value, without building the `elements` array.
    public func forEachElement(_ body: (Int, JSONNode) -> Void) {
        let entry = entry
        guard entry.kind == .array else { return }
        var child = index + 1
        for position in 0..<entry.count {
            body(position, JSONNode(storage: storage, index: child))
            child = storage.next(after: child)
        }
    }

    /// The member named `key` (the last one if the key repeats), compared without decoding unescaped keys.
    public subscript(key: String) -> JSONNode? {
        memberIndex(forKey: key).map { JSONNode(storage: storage, index: $0) }
    }

    /// The array element at `index`, or nil when out of range or not an array.
    public subscript(index: Int) -> JSONNode? {
        let entry = entry
        guard entry.kind == .array, index >= 0, index < entry.count else { return nil }
        var child = self.index + 1
        for _ in 0..<index { child = storage.next(after: child) }
        return JSONNode(storage: storage, index: child)
    }

    /// Builds a `JSONValue` tree of this node. Duplicate keys: the last value wins, at the first key's position.
    public func value() -> JSONValue {
        JSONMaterialiser.value(of: storage, at: index)
    }

    // MARK: - Internals

    /// Tape index of the value of the last member named `key`, if any.
    func memberIndex(forKey key: String) -> Int? {
        let entry = entry
        guard entry.kind == .object else { return nil }
        var key = key
        return key.withUTF8 { wanted in
            storage.bytes.withUnsafeBufferPointer { bytes in
                var found: Int?
                var keyIndex = index + 1
                for _ in 0..<entry.count {
                    let keyEntry = storage.tape[keyIndex]
                    if keyMatches(keyEntry, wanted, bytes) { found = keyIndex + 1 }
                    keyIndex = storage.next(after: keyIndex + 1)
                }
                return found
            }
        }
    }

    private func keyMatches(_ keyEntry: TapeEntry, _ wanted: UnsafeBufferPointer<UInt8>,
                            _ bytes: UnsafeBufferPointer<UInt8>) -> Bool
    {
        let start = Int(keyEntry.start) + 1
        let length = Int(keyEntry.end) - 1 - start
        if keyEntry.flag {
            // Escaped keys can only shrink when decoded, so a raw length shorter than the wanted key is no match.
            guard length >= wanted.count else { return false }
            return decodeString(keyEntry).utf8.elementsEqual(wanted)
        }
        guard length == wanted.count else { return false }
        guard let base = bytes.baseAddress, let other = wanted.baseAddress else { return length == 0 }
        return memcmpEqual(base + start, other, length)
    }

    func decodeString(_ entry: TapeEntry) -> String {
        storage.bytes.withUnsafeBufferPointer { bytes in
            let start = Int(entry.start) + 1
            let content = UnsafeBufferPointer(rebasing: bytes[start..<max(start, Int(entry.end) - 1)])
            return JSONStringDecoding.decode(content, hasEscapes: entry.flag)
        }
    }

    private func withText<R>(_ entry: TapeEntry, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        storage.bytes.withUnsafeBufferPointer { bytes in
            body(UnsafeBufferPointer(rebasing: bytes[Int(entry.start)..<Int(entry.end)]))
        }
    }
}

@inline(__always) func memcmpEqual(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ count: Int) -> Bool {
    var k = 0
    while k < count {
        if a[k] != b[k] { return false }
        k += 1
    }
    return true
}
