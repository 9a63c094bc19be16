/// Turns the validated bytes of a JSON string (between the quotes) into a Swift `String`.
///
/// The parser already checked UTF-8 and escapes, so this never fails; unescaped text is copied in runs.
enum JSONStringDecoding {
    /// `content` is the text between the quotes; `hasEscapes` comes from the tape so escape-free strings are a
    /// single copy.
    static func decode(_ content: UnsafeBufferPointer<UInt8>, hasEscapes: Bool) -> String {
        if !hasEscapes { return String(decoding: content, as: UTF8.self) }
        return String(unsafeUninitializedCapacity: content.count) { output in
            unescape(content, into: output)
        }
    }

    /// Unescapes into `output` (which must be at least as long as `content`: escapes only shrink) and returns
    /// the number of bytes written.
    static func unescape(_ content: UnsafeBufferPointer<UInt8>, into output: UnsafeMutableBufferPointer<UInt8>)
        -> Int
    {
        var read = 0
        var written = 0
        let n = content.count
        while read < n {
            let byte = content[read]
            if byte != UInt8(ascii: "\\") {
                output[written] = byte
                written += 1
                read += 1
                continue
            }
            guard read + 1 < n else { break }
            let escape = content[read + 1]
            read += 2
            let simple: UInt8
            switch escape {
            case UInt8(ascii: "b"): simple = 0x08
            case UInt8(ascii: "f"): simple = 0x0C
            case UInt8(ascii: "n"): simple = 0x0A
            case UInt8(ascii: "r"): simple = 0x0D
            case UInt8(ascii: "t"): simple = 0x09
            case UInt8(ascii: "u"):
                var scalar = hex4(content, at: read)
                read += 4
                if (0xD800...0xDBFF).contains(scalar), read + 6 <= n, content[read] == UInt8(ascii: "\\") {
                    let low = hex4(content, at: read + 2)
                    if (0xDC00...0xDFFF).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        read += 6
                    }
                }
                written += writeUTF8(scalar, into: output, at: written)
                continue
            default: simple = escape  // \" \\ \/
            }
            output[written] = simple
            written += 1
        }
        return written
    }

    private static func hex4(_ content: UnsafeBufferPointer<UInt8>, at position: Int) -> UInt32 {
        var value: UInt32 = 0
        var k = position
        while k < position + 4 && k < content.count {
            value = value << 4 | (hexValue(content[k]) ?? 0)
            k += 1
        }
        return value
    }

    /// Encodes one scalar; lone surrogates (rejected by the parser) would become U+FFFD.
    private static func writeUTF8(_ scalar: UInt32, into output: UnsafeMutableBufferPointer<UInt8>, at position: Int)
        -> Int
    {
        let value = (0xD800...0xDFFF).contains(scalar) || scalar > 0x10FFFF ? 0xFFFD : scalar
        switch value {
        case 0..<0x80:
            output[position] = UInt8(value)
            return 1
        case 0x80..<0x800:
            output[position] = UInt8(0xC0 | value >> 6)
            output[position + 1] = UInt8(0x80 | value & 0x3F)
            return 2
        case 0x800..<0x10000:
            output[position] = UInt8(0xE0 | value >> 12)
            output[position + 1] = UInt8(0x80 | value >> 6 & 0x3F)
            output[position + 2] = UInt8(0x80 | value & 0x3F)
            return 3
        default:
            output[position] = UInt8(0xF0 | value >> 18)
            output[position + 1] = UInt8(0x80 | value >> 12 & 0x3F)
            output[position + 2] = UInt8(0x80 | value >> 6 & 0x3F)
            output[position + 3] = UInt8(0x80 | value & 0x3F)
            return 4
        }
    }
}
