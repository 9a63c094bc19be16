/// How messages are delimited on the wire.
package enum Framing: String, Sendable {
    /// LSP base protocol: `Content-Length` headers. What editors speak.
    case lsp
    /// One JSON-RPC message per line. What scripts speak.
    case lines

    /// Picks the framing from the first non-whitespace byte: `{` or `[` starts a JSON line, anything
    /// else (normally `C` of `Content-Length`) is LSP framing. Leading whitespace is consumed. Empty
    /// input counts as line mode, so `kol-engine < /dev/null` ends quietly with status 0.
    package static func detect<Source>(_ reader: inout ByteReader<Source>) -> Framing {
        reader.skip(while: isWhitespace)
        switch reader.peek() {
        case UInt8(ascii: "{"), UInt8(ascii: "["), nil: return .lines
        default: return .lsp
        }
    }

    /// A reader for this framing over `reader`.
    package func makeReader<Source>(_ reader: ByteReader<Source>, maxMessageBytes: Int) -> any MessageReader {
        switch self {
        case .lsp: return LSPFrameReader(reader: reader, maxMessageBytes: maxMessageBytes)
        case .lines: return LineReader(reader: reader, maxMessageBytes: maxMessageBytes)
        }
    }
}
