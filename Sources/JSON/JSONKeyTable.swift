/// Field names as bytes, so a decoder can tell which known field a member is by comparing the key's raw
/// bytes, without a `String` per key. Why: at 10^6 posts, building a `String` for every key and comparing
/// it with each `case` of a `switch` was about a tenth of a bulk load.
public struct JSONKeyTable: Sendable {
    /// The names, as given; a position in this list is what `forEachMember(in:)` reports.
    public let names: [String]
    /// Each name's UTF-8 bytes packed into two words (little-endian, zero-padded), with its byte count:
    /// a key of up to 16 bytes is then matched with two integer compares per name. Names longer than
    /// 16 bytes never match a packed key, so they are compared byte by byte (`long`).
    private let packed: [Packed]
    private let long: [(position: Int, bytes: [UInt8])]

    private struct Packed: Sendable {
        var low: UInt64
        var high: UInt64
        var count: Int
    }

    public init(_ names: [String]) {
        self.names = names
        var packed: [Packed] = []
        var long: [(position: Int, bytes: [UInt8])] = []
        for (position, name) in names.enumerated() {
            let bytes = Array(name.utf8)
            if bytes.count <= 16 {
                let (low, high) = bytes.withUnsafeBufferPointer(Self.pack)
                packed.append(Packed(low: low, high: high, count: bytes.count))
            } else {
                packed.append(Packed(low: 0, high: 0, count: -1))  // never equal to a key's count
                long.append((position, bytes))
            }
        }
        self.packed = packed
        self.long = long
    }

    /// Up to 16 bytes as two words, zero-padded (one copy of the bytes; names and keys are packed the
    /// same way, so byte order does not matter).
    private static func pack(_ bytes: UnsafeBufferPointer<UInt8>) -> (UInt64, UInt64) {
        var words: (UInt64, UInt64) = (0, 0)
        withUnsafeMutableBytes(of: &words) { raw in
            raw.copyMemory(from: UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(bytes).prefix(16)))
        }
        return words
    }

    /// The position of the name whose bytes are `key`, or nil.
    func position(of key: UnsafeBufferPointer<UInt8>) -> Int? {
        if key.count <= 16 {
            let (low, high) = Self.pack(key)
            for position in packed.indices {
                let name = packed[position]
                if name.low == low, name.high == high, name.count == key.count { return position }
            }
            return nil
        }
        for (position, bytes) in long where bytes.elementsEqual(key) { return position }
        return nil
    }
}

/// A member's key as `JSONNode.forEachMember(in:)` reports it.
public enum JSONMemberKey: Sendable {
    /// The key is `table.names[position]`.
    case known(Int)
    /// A key not in the table, decoded.
    case other(String)
}

extension JSONNode {
    /// Calls `body` with each member's key, matched against `table`, and its value, in source order.
    /// A key with escapes is decoded first and then matched, so `"\u0061t"` is the field `at`, as with
    /// `forEachMember(_:)`.
    public func forEachMember(in table: JSONKeyTable, _ body: (JSONMemberKey, JSONNode) -> Void) {
        let entry = entry
        guard entry.kind == .object else { return }
        var keyIndex = index + 1
        for _ in 0..<entry.count {
            let keyEntry = storage.tape[keyIndex]
            let value = JSONNode(storage: storage, index: keyIndex + 1)
            if keyEntry.flag {
                let key = decodeString(keyEntry)
                body(table.names.firstIndex(of: key).map { .known($0) } ?? .other(key), value)
            } else {
                let position = storage.bytes.withUnsafeBufferPointer { bytes in
                    let start = Int(keyEntry.start) + 1
                    return table.position(of: UnsafeBufferPointer(rebasing: bytes[start..<max(start, Int(keyEntry.end) - 1)]))
                }
                body(position.map { .known($0) } ?? .other(decodeString(keyEntry)), value)
            }
            keyIndex = storage.next(after: keyIndex + 1)
        }
    }
}
