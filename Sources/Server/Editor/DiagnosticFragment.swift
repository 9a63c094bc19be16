import JSON

/// One KOL's LSP diagnostics as compact JSON, ready to splice into a `publishDiagnostics` message, with
/// their `line` numbers left as holes relative to the KOL's first line.
///
/// Why: LSP wants the whole diagnostic list in every publish; at 10^4 KOLs that is ~40k diagnostics and
/// ~20 MB of JSON per keystroke. Keeping each KOL's diagnostics serialized turns a publish into copying
/// bytes, and leaving the line numbers open means a line added or removed above a KOL changes only the
/// numbers written into the holes, not the bytes kept.
struct DiagnosticFragment: Sendable {
    /// Where a line number goes: at byte `at` of `bytes`, the KOL's first line plus `line`.
    struct LineHole: Sendable {
        var at: Int32
        var line: Int32
    }

    /// The diagnostics, comma-separated, without the holes' numbers.
    private(set) var bytes: [UInt8] = []
    private(set) var holes: [LineHole] = []
    private(set) var count = 0

    static let empty = DiagnosticFragment()

    /// Appends `{"range":{"start":{"line":…,"character":…},"end":{…}},` and then the members of `rest`
    /// (an object serialized on its own), so the result is one diagnostic object whose lines are holes.
    mutating func append(start: (line: Int, character: Int), end: (line: Int, character: Int), rest: JSONValue) {
        if count > 0 { bytes.append(UInt8(ascii: ",")) }
        count += 1
        bytes.append(contentsOf: #"{"range":{"start":{"line":"#.utf8)
        hole(start.line)
        bytes.append(contentsOf: #","character":"#.utf8)
        DiagnosticFragment.appendDecimal(start.character, to: &bytes)
        bytes.append(contentsOf: #"},"end":{"line":"#.utf8)
        hole(end.line)
        bytes.append(contentsOf: #","character":"#.utf8)
        DiagnosticFragment.appendDecimal(end.character, to: &bytes)
        bytes.append(contentsOf: "}}".utf8)
        let members = rest.serialized()
        // `rest` is `{…}`: its members follow the range after a comma; its closing brace closes ours.
        if members.count > 2 { bytes.append(UInt8(ascii: ",")) }
        bytes.append(contentsOf: members.dropFirst())
    }

    private mutating func hole(_ line: Int) {
        holes.append(LineHole(at: Int32(truncatingIfNeeded: bytes.count), line: Int32(truncatingIfNeeded: line)))
    }

    /// Writes the diagnostics with the KOL's first line at `anchorLine`.
    func write(into out: inout [UInt8], anchorLine: Int) {
        var from = 0
        for hole in holes {
            let at = Int(hole.at)
            bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[from..<at])) }
            DiagnosticFragment.appendDecimal(anchorLine + Int(hole.line), to: &out)
            from = at
        }
        bytes.withUnsafeBufferPointer { out.append(contentsOf: UnsafeBufferPointer(rebasing: $0[from...])) }
    }

    /// Bytes `write` adds, give or take the holes' digits.
    var estimatedSize: Int { bytes.count + holes.count * 6 }

    static func appendDecimal(_ value: Int, to out: inout [UInt8]) {
        if value < 0 { out.append(UInt8(ascii: "-")) }
        var magnitude = value.magnitude
        // Digits right to left into a fixed buffer, then one append (this runs ~10^5 times per publish).
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { buffer in
            var k = buffer.count
            repeat {
                k -= 1
                buffer[k] = UInt8(truncatingIfNeeded: magnitude % 10) + 0x30
                magnitude /= 10
            } while magnitude != 0
            out.append(contentsOf: UnsafeRawBufferPointer(rebasing: buffer[k...]))
        }
    }
}
