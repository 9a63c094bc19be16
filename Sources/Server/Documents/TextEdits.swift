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
        apply(changes, to: &text, encoding: encoding, index: nil, changed: &changed)
        return text
    }

    /// Applies changes in place and narrows `changed` to cover them. `index`, when given, is the line
    /// index of `text` as it is now (it saves a pass over a large text for the first change).
    static func apply(_ changes: [Change], to text: inout [UInt8], encoding: PositionEncoding, index: LineIndex?,
                      changed: inout EditorDocument.Changes) {
        var index = index
        for change in changes {
            guard let range = change.range else {
                text = Array(change.text.utf8)
                changed = .wholeText
                index = nil
                continue
            }
            let current = index ?? LineIndex(bytes: text)
            index = nil
            let a = offset(range.start, current, text.count, encoding)
            let b = offset(range.end, current, text.count, encoding)
            let lower = min(a, b)
            let upper = max(a, b)
            changed.narrow(lower: lower, upper: upper, count: text.count)
            text.replaceSubrange(lower..<upper, with: Array(change.text.utf8))
        }
    }

    private static func offset(_ position: Position, _ index: LineIndex, _ count: Int, _ encoding: PositionEncoding) -> Int {
        guard position.line >= 0 else { return 0 }
        let offset = index.offset(line: position.line, character: max(0, position.character), encoding: encoding)
        return min(max(0, offset), count)
    }
}
