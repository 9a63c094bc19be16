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
        var changed = EditorDocument.Changes.wholeText
        var index: LineIndex?
        apply(changes, to: &text, encoding: encoding, index: &index, changed: &changed)
        return text
    }

    /// Applies changes in place and narrows `changed` to cover them. `index`, when given, is the line
    /// index of `text` as it is now (it saves a pass over a large text for the first change); it is
    /// released (set to nil) before the text is touched, so a sole owner's text is edited without a copy.
    static func apply(_ changes: [Change], to text: inout [UInt8], encoding: PositionEncoding, index: inout LineIndex?,
                      changed: inout EditorDocument.Changes) {
        for change in changes {
            guard let range = change.range else {
                text = Array(change.text.utf8)
                changed = .wholeText
                index = nil
                continue
            }
            let (lower, upper) = span(range, index ?? LineIndex(bytes: text), text.count, encoding)
            index = nil
            changed.narrow(lower: lower, upper: upper, count: text.count)
            text.replaceSubrange(lower..<upper, with: Array(change.text.utf8))
        }
    }

    /// Byte offsets of a range, in order. Its own function so the index is released when it returns.
    private static func span(_ range: Range, _ index: LineIndex, _ count: Int, _ encoding: PositionEncoding) -> (Int, Int) {
        let a = offset(range.start, index, count, encoding)
        let b = offset(range.end, index, count, encoding)
        return (min(a, b), max(a, b))
    }

    private static func offset(_ position: Position, _ index: LineIndex, _ count: Int, _ encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return 0 }
        let offset = index.offset(line: position.line, character: max(0, position.character), encoding: encoding)
        return min(max(0, offset), count)
    }
}
