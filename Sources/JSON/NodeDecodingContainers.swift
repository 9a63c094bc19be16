/// The three container kinds of `NodeDecoder`.

struct NodeKeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
    let node: JSONNode
    let path: DecodingPath

    var codingPath: [CodingKey] { path.codingPath }
    var allKeys: [Key] { node.members.compactMap { Key(stringValue: $0.key) } }

    func contains(_ key: Key) -> Bool { node.memberIndex(forKey: key.stringValue) != nil }

    private func child(_ key: Key) throws -> (JSONNode, DecodingPath) {
        let childPath = DecodingPath.key(path, key.stringValue)
        guard let child = node[key.stringValue] else {
            throw JSONDecodingError(path: childPath.rendered, message: "required field is missing",
                                    range: node.range)
        }
        return (child, childPath)
    }

    func decodeNil(forKey key: Key) throws -> Bool { try child(key).0.isNull }

    func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
        let (n, p) = try child(key)
        return try NodeDecoder.bool(n, p)
    }
    func decode(_ type: String.Type, forKey key: Key) throws -> String {
        let (n, p) = try child(key)
        return try NodeDecoder.string(n, p)
    }
    func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
        let (n, p) = try child(key)
        return try NodeDecoder.double(n, p)
    }
    func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
        let (n, p) = try child(key)
        return try NodeDecoder.float(n, p)
    }
    func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try integer(key) }
    func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try integer(key) }
    func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try integer(key) }
    func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try integer(key) }
    func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try integer(key) }
    func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try integer(key) }
    func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try integer(key) }
    func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try integer(key) }
    func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try integer(key) }
    func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try integer(key) }

    private func integer<I: FixedWidthInteger>(_ key: Key) throws -> I {
        let (n, p) = try child(key)
        return try NodeDecoder.integer(I.self, n, p)
    }

    func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
        let (n, p) = try child(key)
        return try NodeDecoder.decode(T.self, from: n, path: p)
    }

    func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let (n, p) = try child(key)
        return try NodeDecoder(node: n, path: p).container(keyedBy: type)
    }

    func nestedUnkeyedContainer(forKey key: Key) throws -> UnkeyedDecodingContainer {
        let (n, p) = try child(key)
        return try NodeDecoder(node: n, path: p).unkeyedContainer()
    }

    func superDecoder() throws -> Decoder { NodeDecoder(node: node, path: path) }

    func superDecoder(forKey key: Key) throws -> Decoder {
        let (n, p) = try child(key)
        return NodeDecoder(node: n, path: p)
    }
}

/// Walks the array's tape entries in order, so decoding a long array is linear.
struct NodeUnkeyedContainer: UnkeyedDecodingContainer {
    let node: JSONNode
    let path: DecodingPath
    private(set) var currentIndex = 0
    private var cursor: Int

    init(node: JSONNode, path: DecodingPath) {
        self.node = node
        self.path = path
        cursor = node.index + 1
    }

    var codingPath: [CodingKey] { path.codingPath }
    var count: Int? { node.count }
    var isAtEnd: Bool { currentIndex >= node.count }

    private mutating func next() throws -> (JSONNode, DecodingPath) {
        let childPath = DecodingPath.index(path, currentIndex)
        guard !isAtEnd else {
            throw JSONDecodingError(path: childPath.rendered,
                                    message: "expected more array elements (array has \(node.count))",
                                    range: node.range)
        }
        let child = JSONNode(storage: node.storage, index: cursor)
        cursor = node.storage.next(after: cursor)
        currentIndex += 1
        return (child, childPath)
    }

    mutating func decodeNil() throws -> Bool {
        guard !isAtEnd, JSONNode(storage: node.storage, index: cursor).isNull else { return false }
        _ = try next()
        return true
    }

    mutating func decode(_ type: Bool.Type) throws -> Bool {
        let (n, p) = try next()
        return try NodeDecoder.bool(n, p)
    }
    mutating func decode(_ type: String.Type) throws -> String {
        let (n, p) = try next()
        return try NodeDecoder.string(n, p)
    }
    mutating func decode(_ type: Double.Type) throws -> Double {
        let (n, p) = try next()
        return try NodeDecoder.double(n, p)
    }
    mutating func decode(_ type: Float.Type) throws -> Float {
        let (n, p) = try next()
        return try NodeDecoder.float(n, p)
    }
    mutating func decode(_ type: Int.Type) throws -> Int { try integer() }
    mutating func decode(_ type: Int8.Type) throws -> Int8 { try integer() }
    mutating func decode(_ type: Int16.Type) throws -> Int16 { try integer() }
    mutating func decode(_ type: Int32.Type) throws -> Int32 { try integer() }
    mutating func decode(_ type: Int64.Type) throws -> Int64 { try integer() }
    mutating func decode(_ type: UInt.Type) throws -> UInt { try integer() }
    mutating func decode(_ type: UInt8.Type) throws -> UInt8 { try integer() }
    mutating func decode(_ type: UInt16.Type) throws -> UInt16 { try integer() }
    mutating func decode(_ type: UInt32.Type) throws -> UInt32 { try integer() }
    mutating func decode(_ type: UInt64.Type) throws -> UInt64 { try integer() }

    private mutating func integer<I: FixedWidthInteger>() throws -> I {
        let (n, p) = try next()
        return try NodeDecoder.integer(I.self, n, p)
    }

    mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
        let (n, p) = try next()
        return try NodeDecoder.decode(T.self, from: n, path: p)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
        -> KeyedDecodingContainer<NestedKey>
    {
        let (n, p) = try next()
        return try NodeDecoder(node: n, path: p).container(keyedBy: type)
    }

    mutating func nestedUnkeyedContainer() throws -> UnkeyedDecodingContainer {
        let (n, p) = try next()
        return try NodeDecoder(node: n, path: p).unkeyedContainer()
    }

    mutating func superDecoder() throws -> Decoder {
        let (n, p) = try next()
        return NodeDecoder(node: n, path: p)
    }
}

struct NodeSingleValueContainer: SingleValueDecodingContainer {
    let node: JSONNode
    let path: DecodingPath

    var codingPath: [CodingKey] { path.codingPath }

    func decodeNil() -> Bool { node.isNull }
    func decode(_ type: Bool.Type) throws -> Bool { try NodeDecoder.bool(node, path) }
    func decode(_ type: String.Type) throws -> String { try NodeDecoder.string(node, path) }
    func decode(_ type: Double.Type) throws -> Double { try NodeDecoder.double(node, path) }
    func decode(_ type: Float.Type) throws -> Float { try NodeDecoder.float(node, path) }
    func decode(_ type: Int.Type) throws -> Int { try NodeDecoder.integer(Int.self, node, path) }
    func decode(_ type: Int8.Type) throws -> Int8 { try NodeDecoder.integer(Int8.self, node, path) }
    func decode(_ type: Int16.Type) throws -> Int16 { try NodeDecoder.integer(Int16.self, node, path) }
    func decode(_ type: Int32.Type) throws -> Int32 { try NodeDecoder.integer(Int32.self, node, path) }
    func decode(_ type: Int64.Type) throws -> Int64 { try NodeDecoder.integer(Int64.self, node, path) }
    func decode(_ type: UInt.Type) throws -> UInt { try NodeDecoder.integer(UInt.self, node, path) }
    func decode(_ type: UInt8.Type) throws -> UInt8 { try NodeDecoder.integer(UInt8.self, node, path) }
    func decode(_ type: UInt16.Type) throws -> UInt16 { try NodeDecoder.integer(UInt16.self, node, path) }
    func decode(_ type: UInt32.Type) throws -> UInt32 { try NodeDecoder.integer(UInt32.self, node, path) }
    func decode(_ type: UInt64.Type) throws -> UInt64 { try NodeDecoder.integer(UInt64.self, node, path) }
    func decode<T: Decodable>(_ type: T.Type) throws -> T { try NodeDecoder.decode(T.self, from: node, path: path) }
}
