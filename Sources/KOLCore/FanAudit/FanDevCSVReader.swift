/// The small CSV reader for the fan training file (the workspace's CSV import is a separate concern and
/// may grow its own diagnostics). RFC 4180: quoted fields may hold commas, doubled quotes and line
/// breaks; CRLF or LF line ends; a leading UTF-8 BOM is skipped. Iterative (no recursion), so any input is safe.
enum FanDevCSVReader {
    static func parse(_ text: String) -> [[String]] {
        var rows: [[String]] = []
        var row: [String] = []
        var field: [Character] = []
        var state = State.fieldStart
        var iterator = text.makeIterator()
        var pending: Character? = nil
        func nextCharacter() -> Character? {
            if let p = pending {
                pending = nil
                return p
            }
            return iterator.next()
        }
        var first = true
        while let c = nextCharacter() {
            if first {
                first = false
                if c == "\u{FEFF}" { continue }
            }
            switch state {
            case .fieldStart, .unquoted:
                if c == "\"" && state == .fieldStart {
                    state = .quoted
                } else if c == "," {
                    row.append(String(field))
                    field.removeAll()
                    state = .fieldStart
                } else if c == "\n" || c == "\r\n" || c == "\r" {
                    // Swift treats "\r\n" as one Character.
                    row.append(String(field))
                    field.removeAll()
                    rows.append(row)
                    row.removeAll()
                    state = .fieldStart
                } else {
                    field.append(c)
                    state = .unquoted
                }
            case .quoted:
                if c == "\"" {
                    state = .quoteInQuoted
                } else {
                    field.append(c)
                }
            case .quoteInQuoted:
                if c == "\"" {
                    field.append("\"")
                    state = .quoted
                } else {
                    // The closing quote: whatever follows is handled as after an unquoted field.
                    state = .unquoted
                    pending = c
                }
            }
        }
        if state != .fieldStart || !field.isEmpty || !row.isEmpty {
            row.append(String(field))
            rows.append(row)
        }
        return rows
    }

    enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
}
