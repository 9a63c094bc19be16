/// Reads newline-delimited JSON-RPC: one message (or batch) per line, for scripts and pipes.
/// Blank lines are skipped; a trailing `\r` is harmless (JSON allows it as whitespace); a last line
/// without `\n` still counts; a line over the size limit is dropped as it streams past and reported.
package struct LineReader<Source: ByteSource>: MessageReader {
    private var reader: ByteReader<Source>
    private let maxMessageBytes: Int
    private var finished = false

    package init(reader: ByteReader<Source>, maxMessageBytes: Int = defaultMaxMessageBytes) {
        self.reader = reader
        self.maxMessageBytes = maxMessageBytes
    }

    package mutating func setWillRead(_ hook: (() -> Void)?) { reader.willRead = hook }

    package mutating func next() -> InboundEvent {
        while !finished {
            switch reader.readLine(maxLength: maxMessageBytes) {
            case .line(let bytes):
                if bytes.allSatisfy(isWhitespace) { continue }
                return .message(bytes)
            case .tooLong:
                return .problem(.tooLarge(size: maxMessageBytes + 1, limit: maxMessageBytes))
            case .end(let partial):
                finished = true
                if !partial.allSatisfy(isWhitespace) { return .message(partial) }
            }
        }
        return .end
    }
}
