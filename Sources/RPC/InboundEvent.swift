/// What a framing reader hands to the server: a message body, a framing problem it already recovered
/// from, or the end of input.
package enum InboundEvent: Equatable, Sendable {
    /// One message body (JSON text, not yet parsed).
    case message([UInt8])
    /// Bytes that could not be framed. The reader has resynchronised; the stream is still usable.
    case problem(FramingProblem)
    /// End of input. No further events follow.
    case end
}

/// A framing failure, described for the client. Each one is reported once and the reader moves on.
package enum FramingProblem: Equatable, Sendable, CustomStringConvertible {
    /// A header block the reader could not use (no id is known, so the server logs it).
    case badHeader(String)
    /// A message larger than the limit; its body was skipped without being buffered.
    case tooLarge(size: Int, limit: Int)
    /// Input ended inside a message.
    case truncated(String)

    package var description: String {
        switch self {
        case .badHeader(let detail): return "bad message header: \(detail); skipped to the next Content-Length header"
        case .tooLarge(let size, let limit):
            return "message of \(size) bytes exceeds the limit of \(limit) bytes (--max-message-bytes); it was skipped"
        case .truncated(let detail): return "input ended inside a message: \(detail)"
        }
    }
}

/// Reads one framing's messages from a byte stream.
package protocol MessageReader {
    /// The next event; after `.end`, always `.end`.
    mutating func next() -> InboundEvent
    /// Set the hook called before a read that may block (see `ByteReader.willRead`).
    mutating func setWillRead(_ hook: (() -> Void)?)
}

/// The default message size limit: 64 MiB.
package let defaultMaxMessageBytes = 64 * 1024 * 1024
