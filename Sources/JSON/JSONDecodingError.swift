/// Why typed decoding failed, naming the JSON path so a client can fix its request:
/// `params.kols[3].followers: expected integer, got string`. `range` points at the offending value (for a
/// missing field: the object that lacks it) when known.
public struct JSONDecodingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var path: String
    public var message: String
    public var range: SourceRange?

    public init(path: String, message: String, range: SourceRange? = nil) {
        self.path = path
        self.message = message
        self.range = range
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}
