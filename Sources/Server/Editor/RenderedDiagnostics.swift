import JSON
import KOLCore

/// An open document's red flags as rendered LSP diagnostics, one row per document KOL, kept between edits
/// so that the next publish re-renders only the KOLs whose flags or position changed (see
/// `RedFlagDiagnostics.rendered`).
struct RenderedDiagnostics: Sendable {
    /// One KOL's flags as they were rendered. Shared and never changed, so keeping a row for the next
    /// publish costs one reference, not a copy of its parts (10^4 rows per keystroke).
    final class Rendered: Sendable {
        let id: String
        let name: String?
        /// The flags rendered, their ranges as judged: when the KOL started at `flagsStart`.
        let flags: [RedFlag]
        let flagsStart: Int
        /// The peer view they were judged with.
        let view: PeerView
        /// Character of the KOL's start on its line (the anchor of the fragment's lines).
        let anchorCharacter: Int
        /// Every position lies inside the KOL's object: then the positions depend only on the KOL's own
        /// bytes and its anchor, so the fragment is still right wherever the KOL moved, as long as its
        /// anchor's character is unchanged.
        let movable: Bool
        let fragment: DiagnosticFragment

        init(id: String, name: String?, flags: [RedFlag], flagsStart: Int, view: PeerView, anchorCharacter: Int,
             movable: Bool, fragment: DiagnosticFragment) {
            self.id = id
            self.name = name
            self.flags = flags
            self.flagsStart = flagsStart
            self.view = view
            self.anchorCharacter = anchorCharacter
            self.movable = movable
            self.fragment = fragment
        }
    }

    /// A rendered KOL and where its object is now.
    struct Row: Sendable {
        let rendered: Rendered
        /// The KOL's object in the text.
        var range: SourceRange?
        /// Line of `range.start` in the text.
        var anchorLine: Int

        var id: String { rendered.id }
        var fragment: DiagnosticFragment { rendered.fragment }
    }

    var encoding: PositionEncoding
    /// The analysis revision whose text `rows` refer to.
    var textRevision: Int
    /// What the flags were judged in besides each KOL and its peer view (brief, day, thresholds).
    var context: AnalysisCache.ContextKey?
    var rows: [Row]
    /// Lines of the text `rows` refer to: after an edit, the rows after it move by the change in this count.
    var lineCount = 0

    static func empty(encoding: PositionEncoding, textRevision: Int) -> RenderedDiagnostics {
        RenderedDiagnostics(encoding: encoding, textRevision: textRevision, context: nil, rows: [])
    }

    var count: Int { rows.reduce(0) { $0 + $1.rendered.fragment.count } }

    /// Appends the diagnostics, comma-separated (a comma first when `afterOthers` and there are any).
    func write(into out: inout [UInt8], afterOthers: Bool) {
        var needsComma = afterOthers
        rows.withUnsafeBufferPointer { rows in
            for k in rows.indices where rows[k].rendered.fragment.count > 0 {
                if needsComma { out.append(UInt8(ascii: ",")) }
                rows[k].rendered.fragment.write(into: &out, anchorLine: rows[k].anchorLine)
                needsComma = true
            }
        }
    }

    var estimatedSize: Int { rows.reduce(0) { $0 + $1.rendered.fragment.estimatedSize + 1 } }

    /// The diagnostics as values (pull diagnostics; not on the typing path).
    var values: [JSONValue] {
        var bytes: [UInt8] = [UInt8(ascii: "[")]
        bytes.reserveCapacity(estimatedSize + 2)
        write(into: &bytes, afterOthers: false)
        bytes.append(UInt8(ascii: "]"))
        guard let document = try? JSONDocument(bytes: bytes, limits: JSONLimits(maxDepth: 512, maxBytes: Int.max)),
              case .array(let values) = document.root.value() else { return [] }
        return values
    }
}
