/// Reads LSP base-protocol frames: `Content-Length: N\r\n` (plus optional headers such as
/// `Content-Type`), an empty line, then N bytes of body.
///
/// Robustness rules, because an editor's stream must survive anything a buggy client sends:
/// - header names are case-insensitive; a bare `\n` line end is accepted as well as `\r\n`;
/// - a header block that cannot be used (no or bad `Content-Length`, conflicting repeats, a line that
///   is not `Name: value`, an over-long line) is reported once, and the reader resynchronises by
///   searching for the next `Content-Length:` — starting one byte into the bad line, so garbage glued in
///   front of a good header costs only the garbage;
/// - a body over the size limit is skipped as it streams past and reported;
/// - input that ends inside a header block or body is reported, then `.end`.
package struct LSPFrameReader<Source: ByteSource>: MessageReader {
    private var reader: ByteReader<Source>
    private let maxMessageBytes: Int
    /// Explicit state rather than a flag: after a bad header we hunt for the next header.
    private var state: State = .readingHeaders

    private enum State { case readingHeaders, resynchronising, finished }

    /// Header lines longer than this are refused (real headers are a few dozen bytes).
    static var maxHeaderLineBytes: Int { 8 * 1024 }
    private static var contentLengthName: [UInt8] { Array("content-length".utf8) }
    private static var contentLengthPrefix: [UInt8] { Array("content-length:".utf8) }

    package init(reader: ByteReader<Source>, maxMessageBytes: Int = defaultMaxMessageBytes) {
        self.reader = reader
        self.maxMessageBytes = maxMessageBytes
    }

    package mutating func setWillRead(_ hook: (() -> Void)?) { reader.willRead = hook }

    package mutating func next() -> InboundEvent {
        while true {
            switch state {
            case .finished:
                return .end
            case .resynchronising:
                if reader.skip(untilCaseInsensitive: Self.contentLengthPrefix) {
                    state = .readingHeaders
                } else {
                    state = .finished
                    return .end
                }
            case .readingHeaders:
                return readFrame()
            }
        }
    }

    private mutating func readFrame() -> InboundEvent {
        var contentLength: Int?
        var sawHeader = false
        while true {
            let line: [UInt8]
            switch reader.readLine(maxLength: Self.maxHeaderLineBytes) {
            case .tooLong:
                return refuse("header line longer than \(Self.maxHeaderLineBytes) bytes")
            case .end(let partial):
                state = .finished
                if sawHeader || !partial.allSatisfy(isWhitespace) {
                    return .problem(.truncated("the header block was not finished"))
                }
                return .end
            case .line(let bytes):
                line = bytes
            }
            let content = line.last == UInt8(ascii: "\r") ? line.dropLast() : line[...]
            if content.isEmpty {
                // Blank lines between messages are tolerated; a blank line after headers ends them.
                if !sawHeader { continue }
                break
            }
            guard let colon = content.firstIndex(of: UInt8(ascii: ":")) else {
                return refuse("expected 'Name: value', got \(quoted(content))", badLineLength: line.count + 1)
            }
            let name = content[content.startIndex..<colon]
            guard !name.isEmpty, name.allSatisfy(isTokenByte) else {
                return refuse("invalid header name \(quoted(name))", badLineLength: line.count + 1)
            }
            sawHeader = true
            if name.map(lowercased).elementsEqual(Self.contentLengthName) {
                let value = content[(colon + 1)...].drop(while: isBlank).reversed().drop(while: isBlank).reversed()
                guard let length = parseLength(value) else {
                    return refuse("invalid Content-Length \(quoted(value[...]))", badLineLength: line.count + 1)
                }
                if let earlier = contentLength, earlier != length {
                    return refuse("conflicting Content-Length headers (\(earlier) and \(length))")
                }
                contentLength = length
            }
            // Content-Type and unknown headers are accepted and ignored: the body is always UTF-8 JSON.
        }
        guard let length = contentLength else {
            return refuse("missing Content-Length header")
        }
        if length > maxMessageBytes {
            let skipped = reader.skip(count: length)
            if skipped < length {
                state = .finished
                return .problem(.truncated("a body of \(length) bytes (over the limit) ended after \(skipped)"))
            }
            return .problem(.tooLarge(size: length, limit: maxMessageBytes))
        }
        let body = reader.read(count: length)
        if body.count < length {
            state = .finished
            return .problem(.truncated("expected a body of \(length) bytes, got \(body.count)"))
        }
        return .message(body)
    }

    /// Reports a bad header block and switches to resynchronisation. When the bad line was just read,
    /// the search restarts one byte into it, so a valid header glued after garbage is still found.
    private mutating func refuse(_ detail: String, badLineLength: Int? = nil) -> InboundEvent {
        if let length = badLineLength { reader.unread(length - 1) }
        state = .resynchronising
        return .problem(.badHeader(detail))
    }

    /// A decimal length: digits only (no sign), at most 18 of them so it cannot overflow.
    private func parseLength(_ digits: some Collection<UInt8>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }
}

/// RFC 7230 token characters (what a header name may contain).
private func isTokenByte(_ byte: UInt8) -> Bool {
    switch byte {
    case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
         UInt8(ascii: "0")...UInt8(ascii: "9"):
        return true
    default:
        return Array("!#$%&'*+-.^_`|~".utf8).contains(byte)
    }
}

private func isBlank(_ byte: UInt8) -> Bool { byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") }

func isWhitespace(_ byte: UInt8) -> Bool {
    byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
}

/// A short, printable rendering of bytes for error messages.
private func quoted(_ bytes: some Collection<UInt8>) -> String {
    let shown = String(decoding: bytes.prefix(60), as: UTF8.self)
    return "'" + shown + (bytes.count > 60 ? "…'" : "'")
}
