/// Why a document was rejected, and where: `offset` is the byte offset of the first byte that made it invalid
/// (or the end of the input when it ended too early).
public struct JSONParseError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    public var offset: Int

    public init(message: String, offset: Int) {
        self.message = message
        self.offset = offset
    }

    public var description: String { "\(message) (at byte \(offset))" }
}
