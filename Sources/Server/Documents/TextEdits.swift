import JSON
import RPC

/// Applies LSP `contentChanges` to a document's bytes.
enum TextEdits {
    struct Position: Decodable, Sendable {
        var line: Int
        var character: Int
    }

    struct Range: Decodable, Sendable {
        var start: Position
        var end: Position
    }

    /// One entry of `contentChanges`: with `range`, an incremental edit; without, the whole new text.
    struct Change: Decodable, Sendable {
        var range: Range?
        var text: String
    }

    /// Applies changes in order (each one's positions refer to the text after the previous ones, as LSP
    /// says). Positions are in `encoding`; lines or characters past the end clamp to the end, and a
    /// range given backwards is read forwards, so a confused client cannot crash us.
    static func apply(_ changes: [Change], to bytes: [UInt8], encoding: PositionEncoding) -> [UInt8] {
        var text = bytes
        for change in changes {
            guard let range = change.range else {
                text = Array(change.text.utf8)
                continue
            }
            let index = LineIndex(bytes: text)
            let a = offset(range.start, index, text.count, encoding)
            let b = offset(range.end, index, text.count, encoding)
            let lower = min(a, b)
            let upper = max(a, b)
            text.replaceSubrange(lower..<upper, with: Array(change.text.utf8))
        }
        return text
    }

    private static func offset(_ position: Position, _ index: LineIndex, _ count: Int, _ encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return 0 }
        let offset = index.offset(line: position.line, character: max(0, position.character), encoding: encoding)
        return min(max(0, offset), count)
    }
}
