/// Half-open byte-offset range into the source bytes.
///
/// Byte offsets (not characters) because the parser never builds strings to find positions; convert to editor
/// positions with `LineIndex`.
public struct SourceRange: Hashable, Sendable, CustomStringConvertible {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var count: Int { end - start }

    public var description: String { "\(start)..<\(end)" }
}
