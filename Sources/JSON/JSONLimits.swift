/// Limits that keep hostile input from exhausting stack or memory.
public struct JSONLimits: Sendable {
    /// Deepest allowed nesting of arrays/objects. The parser itself uses an explicit stack and would cope with
    /// any depth, but `JSONNode.value()` and typed decoding recurse, so keep this in the low thousands at most.
    public var maxDepth: Int
    /// Largest accepted document in bytes. Documents of 4 GiB or more are always refused (the node table
    /// stores 32-bit offsets).
    public var maxBytes: Int

    public init(maxDepth: Int = 512, maxBytes: Int = 64 << 20) {
        self.maxDepth = maxDepth
        self.maxBytes = maxBytes
    }

    public static let `default` = JSONLimits()
}
