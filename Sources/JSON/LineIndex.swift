/// Maps byte offsets to LSP positions (0-based line, character in UTF-8, UTF-16 or UTF-32 units) and back.
///
/// Lines end at `\n`, `\r\n` or a lone `\r` (as LSP defines). Building the index is one pass that records
/// line starts; each conversion is a binary search plus a walk along one line.
///
/// Edge cases, chosen to never fail:
/// - offsets past the end clamp to the end; negative offsets to 0;
/// - an offset inside a multi-byte character (or between `\r` and `\n`) counts only the characters that end
///   at or before it;
/// - a character past the end of its line clamps to the line end (before the line terminator); a line past the
///   last line gives the end of the text; a character inside a UTF-16 surrogate pair gives the start of that
///   character;
/// - bytes that are not valid UTF-8 count as one character each.
public struct LineIndex: Sendable {
    let bytes: [UInt8]
    /// Byte offset where each line starts; `lineStarts[0] == 0`.
    let lineStarts: [Int]

    public init(bytes: [UInt8]) {
        self.bytes = bytes
        var starts = [0]
        var k = 0
        let n = bytes.count
        while k < n {
            let byte = bytes[k]
            if byte == 0x0A {
                starts.append(k + 1)
            } else if byte == 0x0D {
                if k + 1 < n && bytes[k + 1] == 0x0A { k += 1 }
                starts.append(k + 1)
            }
            k += 1
        }
        lineStarts = starts
    }

    private init(bytes: [UInt8], lineStarts: [Int]) {
        self.bytes = bytes
        self.lineStarts = lineStarts
    }

    public var lineCount: Int { lineStarts.count }

    /// The index of `newBytes`, which is this index's text with the bytes `lower..<oldUpper` replaced.
    /// Lines before the edit are kept, lines after it shifted, and only the edited span is scanned: an
    /// editor keystroke in a 40 MB document costs a few microseconds, not a pass over the text.
    public func replacing(lower: Int, oldUpper: Int, newBytes: [UInt8]) -> LineIndex {
        LineIndex.replacing(lines, lower: lower, oldUpper: oldUpper, newBytes: newBytes)
    }

    /// An index's line structure without its text. Why: an index holds the text's buffer, so while one
    /// is alive an in-place edit of the text copies the whole buffer; keeping only `lines` lets an editor
    /// edit 40 MB in place and still update the index cheaply afterwards.
    public struct Lines: Sendable {
        let starts: [Int]
        let count: Int
    }

    public var lines: Lines { Lines(starts: lineStarts, count: bytes.count) }

    /// `replacing(lower:oldUpper:newBytes:)` from the old index's `lines`.
    public static func replacing(_ old: Lines, lower: Int, oldUpper: Int, newBytes: [UInt8]) -> LineIndex {
        let lineStarts = old.starts
        let lower = min(max(0, lower), old.count)
        let oldUpper = min(max(lower, oldUpper), old.count)
        let delta = newBytes.count - old.count
        let newUpper = oldUpper + delta
        guard newUpper >= lower else { return LineIndex(bytes: newBytes) }
        // Rescan from the byte before the edit, so a `\r` there meeting an inserted `\n` is seen as one break.
        let scanFrom = max(0, lower - 1)
        var starts = Array(lineStarts.prefix { $0 <= scanFrom })
        var k = scanFrom
        let n = newBytes.count
        while k < n {
            let byte = newBytes[k]
            var produced: Int?
            if byte == 0x0A {
                produced = k + 1
            } else if byte == 0x0D {
                if k + 1 < n && newBytes[k + 1] == 0x0A { k += 1 }
                produced = k + 1
            }
            k += 1
            guard let start = produced else { continue }
            starts.append(start)
            // Past the edit the text is the old text moved by `delta`: take the old starts from here on.
            if start >= newUpper + 1 {
                let oldStart = start - delta
                if let next = lineStarts.firstIndex(where: { $0 > oldStart }) {
                    starts += lineStarts[next...].lazy.map { $0 + delta }
                }
                break
            }
        }
        return LineIndex(bytes: newBytes, lineStarts: starts)
    }

    public func position(ofOffset offset: Int, encoding: PositionEncoding) -> (line: Int, character: Int) {
        let target = min(max(offset, 0), bytes.count)
        let line = line(ofOffset: target)
        var k = lineStarts[line]
        var character = 0
        while k < target {
            let length = sequenceLength(at: k)
            if k + length > target { break }
            character += units(length, encoding)
            k += length
        }
        return (line, character)
    }

    /// The 0-based line holding `offset` (clamped to the text): a binary search, no walk along the line.
    public func line(ofOffset offset: Int) -> Int {
        let target = min(max(offset, 0), bytes.count)
        // Last line start ≤ target.
        var low = 0
        var high = lineStarts.count - 1
        while low < high {
            let mid = (low + high + 1) / 2
            if lineStarts[mid] <= target { low = mid } else { high = mid - 1 }
        }
        return low
    }

    /// Where line `line` starts (a byte offset); the text's length past the last line.
    public func start(ofLine line: Int) -> Int {
        line < 0 ? 0 : line < lineStarts.count ? lineStarts[line] : bytes.count
    }

    public func offset(line: Int, character: Int, encoding: PositionEncoding) -> Int {
        if line < 0 { return 0 }
        if line >= lineStarts.count { return bytes.count }
        let end = contentEnd(ofLine: line)
        var k = lineStarts[line]
        var counted = 0
        while k < end {
            let length = sequenceLength(at: k)
            let next = counted + units(length, encoding)
            if next > character { break }
            counted = next
            k += length
        }
        return min(k, end)
    }

    /// The offset just before the line's terminator.
    private func contentEnd(ofLine line: Int) -> Int {
        var end = line + 1 < lineStarts.count ? lineStarts[line + 1] : bytes.count
        if end > lineStarts[line] && line + 1 < lineStarts.count {
            end -= 1  // the \n or lone \r
            if bytes[end] == 0x0A && end > lineStarts[line] && bytes[end - 1] == 0x0D { end -= 1 }
        }
        return end
    }

    /// Bytes in the UTF-8 sequence starting at `k` (1 for invalid or truncated sequences).
    func sequenceLength(at k: Int) -> Int {
        let lead = bytes[k]
        let length: Int
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0...0xEF: length = 3
        case 0xF0...0xF4: length = 4
        default: return 1
        }
        guard k + length <= bytes.count else { return 1 }
        for j in 1..<length where bytes[k + j] & 0xC0 != 0x80 { return 1 }
        return length
    }

    func units(_ length: Int, _ encoding: PositionEncoding) -> Int {
        switch encoding {
        case .utf8: length
        case .utf16: length == 4 ? 2 : 1
        case .utf32: 1
        }
    }
}
