/// Typed decoding straight from parsed nodes: a `Decoder` whose containers read `JSONNode`s, so no
/// intermediate tree or `Data` round trip is built, and every error names its path and source range.
///
/// Strictness: integer fields accept only exact integers in range (`3.5`, `3.0`, `"3"` and `1e2` are errors);
/// floating-point fields accept any number; strings are not coerced. Fields typed `JSONNode` or `JSONValue`
/// receive the raw node / materialised value (with order and ranges preserved).
extension JSONNode {
    public func decode<T: Decodable>(_ type: T.Type, path: String = "params") throws -> T {
        let root = DecodingPath.root(path)
        do {
            return try NodeDecoder.decode(T.self, from: self, path: root)
        } catch let error as JSONDecodingError {
            throw error
        } catch let error as DecodingError {
            throw convert(error, root: root)
        } catch {
            throw JSONDecodingError(path: path, message: "\(error)", range: range)
        }
    }

    /// Errors thrown by hand-written `init(from:)` code arrive as `DecodingError`; give them our path format
    /// and, by following the coding path, a source range.
    private func convert(_ error: DecodingError, root: DecodingPath) -> JSONDecodingError {
        let context: DecodingError.Context
        switch error {
        case .typeMismatch(_, let c), .valueNotFound(_, let c), .keyNotFound(_, let c), .dataCorrupted(let c):
            context = c
        @unknown default:
            return JSONDecodingError(path: root.rendered, message: "\(error)", range: range)
        }
        var path = root
        var node: JSONNode? = self
        var lastFound = self
        for key in context.codingPath {
            if let position = key.intValue, node?.kind == .array {
                path = .index(path, position)
                node = node?[position]
            } else {
                path = .key(path, key.stringValue)
                node = node?[key.stringValue]
            }
            if let node { lastFound = node }
        }
        return JSONDecodingError(path: path.rendered, message: context.debugDescription, range: lastFound.range)
    }
}

/// Describes a node's kind for messages: "got string".
func kindName(_ node: JSONNode) -> String {
    switch node.kind {
    case .null: "null"
    case .bool: "boolean"
    case .number: node.int != nil ? "integer" : "number \(String(decoding: node.rawBytes, as: UTF8.self))"
    case .string: "string"
    case .array: "array"
    case .object: "object"
    }
}

struct NodeDecoder: Decoder {
    let node: JSONNode
    let path: DecodingPath

    var codingPath: [CodingKey] { path.codingPath }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    static func decode<T: Decodable>(_ type: T.Type, from node: JSONNode, path: DecodingPath) throws -> T {
        if T.self == JSONNode.self, let same = node as? T { return same }
        if T.self == JSONValue.self, let value = node.value() as? T { return value }
        return try T(from: NodeDecoder(node: node, path: path))
    }

    static func mismatch(_ expected: String, _ node: JSONNode, _ path: DecodingPath) -> JSONDecodingError {
        JSONDecodingError(path: path.rendered, message: "expected \(expected), got \(kindName(node))",
                          range: node.range)
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard node.kind == .object else { throw NodeDecoder.mismatch("object", node, path) }
        return KeyedDecodingContainer(NodeKeyedContainer<Key>(node: node, path: path))
    }

    func unkeyedContainer() throws -> UnkeyedDecodingContainer {
        guard node.kind == .array else { throw NodeDecoder.mismatch("array", node, path) }
        return NodeUnkeyedContainer(node: node, path: path)
    }

    func singleValueContainer() throws -> SingleValueDecodingContainer {
        NodeSingleValueContainer(node: node, path: path)
    }

    // MARK: Scalars, shared by all containers

    static func bool(_ node: JSONNode, _ path: DecodingPath) throws -> Bool {
        guard let value = node.bool else { throw mismatch("boolean", node, path) }
        return value
    }

    static func string(_ node: JSONNode, _ path: DecodingPath) throws -> String {
        guard let value = node.string else { throw mismatch("string", node, path) }
        return value
    }

    static func double(_ node: JSONNode, _ path: DecodingPath) throws -> Double {
        guard let value = node.double else { throw mismatch("number", node, path) }
        return value
    }

    static func float(_ node: JSONNode, _ path: DecodingPath) throws -> Float {
        Float(try double(node, path))
    }

    static func integer<I: FixedWidthInteger>(_ type: I.Type, _ node: JSONNode, _ path: DecodingPath) throws -> I {
        guard let value = node.int else {
            if node.kind == .number && node.entry.flag {
                throw JSONDecodingError(path: path.rendered, message: "integer out of range for \(I.self)",
                                        range: node.range)
            }
            throw mismatch("integer", node, path)
        }
        guard let exact = I(exactly: value) else {
            throw JSONDecodingError(path: path.rendered, message: "integer \(value) out of range for \(I.self)",
                                    range: node.range)
        }
        return exact
    }
}
