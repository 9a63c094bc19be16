/// Strict RFC 8259 parser from UTF-8 bytes straight into the node table.
///
/// Why this shape: no recursion (an explicit stack of open containers, so nesting depth costs heap, not call
/// stack, and the depth limit is a plain comparison); no `String` is built (strings are validated and their
/// escapes checked, then decoded only when someone asks); numbers are validated here and converted on access.
///
/// Strictness choices (pinned by the conformance test):
/// - invalid UTF-8 anywhere in a string (overlong forms, encoded surrogates, > U+10FFFF, truncated) is an error;
/// - a `\u` escape of a lone or mis-ordered surrogate is an error;
/// - a UTF-8 byte order mark is an error (RFC 8259 §8.1: senders must not add one);
/// - numbers of any size are accepted; see `JSONNode.int` / `JSONNode.double` for their values.
struct JSONParser {
    private let base: UnsafePointer<UInt8>
    private let count: Int
    private let maxDepth: Int
    private var i = 0
    private(set) var tape: [TapeEntry] = []
    /// Tape indices of the containers currently open, innermost last.
    private var open: [Int] = []
    /// Element/member counts of the open containers, parallel to `open`.
    private var counts: [UInt32] = []

    /// Parses `bytes` into a tape, or explains the first problem.
    static func parse(_ bytes: [UInt8], limits: JSONLimits) throws(JSONParseError) -> [TapeEntry] {
        if bytes.count > limits.maxBytes {
            throw JSONParseError(
                message: "document is \(bytes.count) bytes, over the limit of \(limits.maxBytes) bytes",
                offset: limits.maxBytes)
        }
        if bytes.count >= Int(UInt32.max) {
            throw JSONParseError(message: "documents of 4 GiB or more are not supported", offset: 0)
        }
        let outcome: Result<[TapeEntry], JSONParseError> = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, buffer.count > 0 else {
                return .failure(JSONParseError(message: "empty document, expected a value", offset: 0))
            }
            var parser = JSONParser(base: base, count: buffer.count, maxDepth: max(limits.maxDepth, 0))
            do throws(JSONParseError) {
                try parser.run()
                return .success(parser.tape)
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }

    private init(base: UnsafePointer<UInt8>, count: Int, maxDepth: Int) {
        self.base = base
        self.count = count
        self.maxDepth = maxDepth
        tape.reserveCapacity(min(count / 6 + 16, 1 << 24))
    }

    // MARK: - Structure

    private mutating func run() throws(JSONParseError) {
        if count >= 3 && base[0] == 0xEF && base[1] == 0xBB && base[2] == 0xBF {
            throw fail("byte order mark is not allowed in JSON text", at: 0)
        }
        valueLoop: while true {
            skipWhitespace()
            guard i < count else { throw fail("unexpected end of input, expected a value", at: i) }
            switch base[i] {
            case UInt8(ascii: "{"):
                try openContainer(.object)
                skipWhitespace()
                if i < count && base[i] == UInt8(ascii: "}") {
                    i += 1
                    try closeContainer()
                } else {
                    try parseKey()
                    continue valueLoop
                }
            case UInt8(ascii: "["):
                try openContainer(.array)
                skipWhitespace()
                if i < count && base[i] == UInt8(ascii: "]") {
                    i += 1
                    try closeContainer()
                } else {
                    continue valueLoop
                }
            case UInt8(ascii: "\""): try parseString()
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): try parseNumber()
            case UInt8(ascii: "t"): try parseLiteral("true", kind: .trueValue)
            case UInt8(ascii: "f"): try parseLiteral("false", kind: .falseValue)
            case UInt8(ascii: "n"): try parseLiteral("null", kind: .null)
            default: throw fail("unexpected \(describeByte(at: i)), expected a value", at: i)
            }
            // A value just completed: decide what follows it.
            while true {
                guard let container = open.last else {
                    skipWhitespace()
                    if i < count { throw fail("unexpected \(describeByte(at: i)) after the document", at: i) }
                    return
                }
                counts[counts.count - 1] += 1
                let isObject = tape[container].kind == .object
                skipWhitespace()
                guard i < count else {
                    throw fail(isObject ? "unexpected end of input, expected ',' or '}'"
                                        : "unexpected end of input, expected ',' or ']'", at: i)
                }
                let byte = base[i]
                if byte == UInt8(ascii: ",") {
                    i += 1
                    if isObject {
                        skipWhitespace()
                        try parseKey()
                    }
                    continue valueLoop
                }
                if byte == (isObject ? UInt8(ascii: "}") : UInt8(ascii: "]")) {
                    i += 1
                    try closeContainer()
                    continue
                }
                throw fail(isObject ? "expected ',' or '}' after object member"
                                    : "expected ',' or ']' after array element", at: i)
            }
        }
    }

    private mutating func openContainer(_ kind: TapeKind) throws(JSONParseError) {
        if open.count >= maxDepth {
            throw fail("nesting deeper than \(maxDepth) levels", at: i)
        }
        open.append(tape.count)
        counts.append(0)
        tape.append(TapeEntry(start: UInt32(truncatingIfNeeded: i), end: 0, link: 0, info: kind.rawValue))
        i += 1
    }

    private mutating func closeContainer() throws(JSONParseError) {
        guard let index = open.popLast(), let members = counts.popLast() else { return }
        if members > TapeEntry.maxCount {
            throw fail("container has more than \(TapeEntry.maxCount) elements", at: Int(tape[index].start))
        }
        tape[index].end = UInt32(truncatingIfNeeded: i)
        tape[index].link = UInt32(truncatingIfNeeded: tape.count)
        tape[index].info |= members << TapeEntry.countShift
    }

    /// An object key, the whitespace after it, and the `:`.
    private mutating func parseKey() throws(JSONParseError) {
        guard i < count else { throw fail("unexpected end of input, expected a string key", at: i) }
        guard base[i] == UInt8(ascii: "\"") else {
            throw fail("expected a string key, found \(describeByte(at: i))", at: i)
        }
        try parseString()
        skipWhitespace()
        guard i < count, base[i] == UInt8(ascii: ":") else {
            throw fail("expected ':' after object key", at: i)
        }
        i += 1
    }

    @inline(__always) private mutating func skipWhitespace() {
        while i < count {
            let byte = base[i]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            i += 1
        }
    }

    private mutating func parseLiteral(_ word: StaticString, kind: TapeKind) throws(JSONParseError) {
        let length = word.utf8CodeUnitCount
        let start = i
        guard count - i >= length else { throw fail("invalid literal, expected '\(word)'", at: i) }
        let expected = word.utf8Start
        for k in 0..<length where base[i + k] != expected[k] {
            throw fail("invalid literal, expected '\(word)'", at: i + k)
        }
        i += length
        tape.append(TapeEntry(start: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: i),
                              link: 0, info: kind.rawValue))
    }

    // MARK: - Numbers

    private mutating func parseNumber() throws(JSONParseError) {
        let start = i
        var isInteger = true
        if base[i] == UInt8(ascii: "-") {
            i += 1
            guard i < count, isDigit(base[i]) else { throw fail("expected a digit after '-'", at: i) }
        }
        if base[i] == UInt8(ascii: "0") {
            i += 1
            if i < count && isDigit(base[i]) { throw fail("leading zeros are not allowed in numbers", at: i) }
        } else {
            while i < count && isDigit(base[i]) { i += 1 }
        }
        if i < count && base[i] == UInt8(ascii: ".") {
            isInteger = false
            i += 1
            guard i < count, isDigit(base[i]) else { throw fail("expected a digit after '.'", at: i) }
            while i < count && isDigit(base[i]) { i += 1 }
        }
        if i < count && (base[i] | 0x20) == UInt8(ascii: "e") {
            isInteger = false
            i += 1
            if i < count && (base[i] == UInt8(ascii: "+") || base[i] == UInt8(ascii: "-")) { i += 1 }
            guard i < count, isDigit(base[i]) else { throw fail("expected a digit in the exponent", at: i) }
            while i < count && isDigit(base[i]) { i += 1 }
        }
        tape.append(TapeEntry(start: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: i), link: 0,
                              info: TapeKind.number.rawValue | (isInteger ? TapeEntry.flagBit : 0)))
    }

    @inline(__always) private func isDigit(_ byte: UInt8) -> Bool { byte &- 0x30 < 10 }

    // MARK: - Strings

    /// Validates a string starting at the opening quote: escapes, surrogate pairs, strict UTF-8.
    private mutating func parseString() throws(JSONParseError) {
        let start = i
        i += 1
        var hasEscapes = false
        while true {
            // Fast path: eight plain ASCII bytes at a time (no quote, backslash, control or non-ASCII byte).
            while count - i >= 8 {
                let word = UInt64(littleEndian: UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self))
                let ones: UInt64 = 0x0101_0101_0101_0101
                let highs: UInt64 = 0x8080_8080_8080_8080
                let quote = word ^ (ones &* 0x22)
                let backslash = word ^ (ones &* 0x5C)
                let special = (word | ((quote &- ones) & ~quote) | ((backslash &- ones) & ~backslash)
                    | (word &- ones &* 0x20)) & highs
                if special != 0 {
                    // The lowest flagged byte is the first special one (borrows only run upwards): skip
                    // the plain bytes before it instead of testing them one by one.
                    i += special.trailingZeroBitCount >> 3
                    break
                }
                i += 8
            }
            guard i < count else { throw fail("unterminated string", at: start) }
            let byte = base[i]
            if byte == UInt8(ascii: "\"") {
                i += 1
                break
            }
            if byte == UInt8(ascii: "\\") {
                hasEscapes = true
                try parseEscape()
            } else if byte < 0x20 {
                throw fail("control character U+00\(hex2(byte)) must be escaped in a string", at: i)
            } else if byte < 0x80 {
                i += 1
            } else {
                try parseUTF8Run()
            }
        }
        tape.append(TapeEntry(start: UInt32(truncatingIfNeeded: start), end: UInt32(truncatingIfNeeded: i), link: 0,
                              info: TapeKind.string.rawValue | (hasEscapes ? TapeEntry.flagBit : 0)))
    }

    /// Non-ASCII text up to the next ASCII byte. Why a loop of its own: Chinese posts are runs of
    /// three-byte characters, and going back to the ASCII word test after each one cost more than
    /// checking it. Leads E1–EC and EE–EF take any two continuation bytes; every other lead (and any
    /// invalid sequence, for its error) goes through the full check.
    @inline(__always) private mutating func parseUTF8Run() throws(JSONParseError) {
        repeat {
            let lead = base[i]
            if lead >= 0xE1, lead <= 0xEF, lead != 0xED, count - i >= 3,
               base[i + 1] & 0xC0 == 0x80, base[i + 2] & 0xC0 == 0x80 {
                i += 3
            } else {
                try parseUTF8Sequence()
            }
        } while i < count && base[i] >= 0x80
    }

    private mutating func parseEscape() throws(JSONParseError) {
        let escapeStart = i
        i += 1
        guard i < count else { throw fail("unterminated string", at: i) }
        switch base[i] {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"), UInt8(ascii: "b"), UInt8(ascii: "f"),
             UInt8(ascii: "n"), UInt8(ascii: "r"), UInt8(ascii: "t"):
            i += 1
        case UInt8(ascii: "u"):
            let unit = try parseHex4(at: i + 1)
            i += 5
            if (0xDC00...0xDFFF).contains(unit) {
                throw fail("lone low surrogate \\u\(String(unit, radix: 16)) in string", at: escapeStart)
            }
            if (0xD800...0xDBFF).contains(unit) {
                guard count - i >= 6, base[i] == UInt8(ascii: "\\"), base[i + 1] == UInt8(ascii: "u") else {
                    throw fail("lone high surrogate \\u\(String(unit, radix: 16)) in string", at: escapeStart)
                }
                let low = try parseHex4(at: i + 2)
                guard (0xDC00...0xDFFF).contains(low) else {
                    throw fail("high surrogate \\u\(String(unit, radix: 16)) not followed by a low surrogate",
                               at: escapeStart)
                }
                i += 6
            }
        default:
            throw fail("invalid escape \(describeByte(at: i)) in string", at: escapeStart)
        }
    }

    private func parseHex4(at position: Int) throws(JSONParseError) -> UInt32 {
        guard count - position >= 4 else { throw fail("incomplete \\u escape", at: position) }
        var value: UInt32 = 0
        for k in 0..<4 {
            guard let digit = hexValue(base[position + k]) else {
                throw fail("invalid hex digit in \\u escape", at: position + k)
            }
            value = value << 4 | digit
        }
        return value
    }

    /// One multi-byte UTF-8 sequence (lead byte ≥ 0x80 at `i`), validated per RFC 3629 table 3-7.
    @inline(__always) private mutating func parseUTF8Sequence() throws(JSONParseError) {
        let lead = base[i]
        let length: Int
        var low: UInt8 = 0x80
        var high: UInt8 = 0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; low = 0xA0
        case 0xE1...0xEC, 0xEE, 0xEF: length = 3
        case 0xED: length = 3; high = 0x9F
        case 0xF0: length = 4; low = 0x90
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; high = 0x8F
        default: throw fail("invalid UTF-8 byte 0x\(hex2(lead)) in string", at: i)
        }
        guard count - i >= length else { throw fail("truncated UTF-8 sequence in string", at: i) }
        let second = base[i + 1]
        guard second >= low && second <= high else { throw fail("invalid UTF-8 sequence in string", at: i) }
        for k in 2..<max(length, 2) where base[i + k] & 0xC0 != 0x80 {
            throw fail("invalid UTF-8 sequence in string", at: i)
        }
        i += length
    }

    // MARK: - Errors

    private func fail(_ message: String, at offset: Int) -> JSONParseError {
        JSONParseError(message: message, offset: offset)
    }

    private func describeByte(at offset: Int) -> String {
        let byte = base[offset]
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte 0x\(hex2(byte))"
    }
}

@inline(__always) func hexValue(_ byte: UInt8) -> UInt32? {
    switch byte {
    case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
    case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
    case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
    default: nil
    }
}

func hex2(_ byte: UInt8) -> String {
    let digits = Array("0123456789ABCDEF".utf8)
    return String(decoding: [digits[Int(byte >> 4)], digits[Int(byte & 15)]], as: UTF8.self)
}
