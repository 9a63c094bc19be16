import JSON
import KOLCore

/// An open document's red flags as rendered LSP diagnostics, one row per document KOL, kept between edits
/// so that the next publish re-renders only the KOLs whose flags or position changed (see
/// `RedFlagDiagnostics.rendered`).
struct RenderedDiagnostics: Sendable {
    /// One KOL's flags as they were rendered, and where its object was then.
    struct Row: Sendable {
        var id: String
        var name: String?
        /// The flags rendered, their ranges as judged: when the KOL started at `flagsStart`.
        var flags: [RedFlag]
        var flagsStart: Int
        /// The peer view they were judged with.
        var view: PeerView
        /// The KOL's object in the rendered text.
        var range: SourceRange?
        /// Line and character of `range.start` in the rendered text (the anchor of the fragment's lines).
        var anchorLine: Int
        var anchorCharacter: Int
        /// Every position lies inside `range`: then the positions depend only on the KOL's own bytes and
        /// its anchor, so the fragment is still right wherever the KOL moved, as long as its anchor's
        /// character is unchanged.
        var movable: Bool
        var fragment: DiagnosticFragment
    }

    var encoding: PositionEncoding
    /// The analysis revision whose text `rows` refer to.
    var textRevision: Int
    /// What the flags were judged in besides each KOL and its peer view (brief, day, thresholds).
    var context: AnalysisCache.ContextKey?
    var rows: [Row]

    static func empty(encoding: PositionEncoding, textRevision: Int) -> RenderedDiagnostics {
        RenderedDiagnostics(encoding: encoding, textRevision: textRevision, context: nil, rows: [])
    }

    var count: Int { rows.reduce(0) { $0 + $1.fragment.count } }

    /// Appends the diagnostics, comma-separated (a comma first when `afterOthers` and there are any).
    func write(into out: inout [UInt8], afterOthers: Bool) {
        var needsComma = afterOthers
        for row in rows where row.fragment.count > 0 {
            if needsComma { out.append(UInt8(ascii: ",")) }
            row.fragment.write(into: &out, anchorLine: row.anchorLine)
            needsComma = true
        }
    }

    var estimatedSize: Int { rows.reduce(0) { $0 + $1.fragment.estimatedSize + 1 } }

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
