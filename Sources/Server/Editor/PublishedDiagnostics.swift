/// The last `publishDiagnostics` written for a document: its bytes, the rows it wrote, and where each row's
/// diagnostics lie in those bytes, so that the next publish copies the unchanged rows' bytes instead of
/// writing them again.
///
/// Why: at 10^4 KOLs a publish is ~21 MB of ~43k diagnostics, and writing them hole by hole took ~4 ms per
/// keystroke. After an edit of one KOL almost every row is the same rendered object at the same line, so
/// its bytes are those of the last publish: long runs of such rows are copied with one `memcpy` each.
/// A row's bytes depend only on its (immutable) `Rendered` and its `anchorLine`, so a row is copied only
/// when both are identical to the last publish's row at the same position; anything else is written
/// afresh. The result equals a fresh write byte for byte (`PublishedDiagnosticsTests`).
struct PublishedDiagnostics: Sendable {
    var uri: String
    /// The rows written, kept so their identity can be compared (and their bytes stay valid).
    var rows: [RenderedDiagnostics.Row]
    /// Row `k`'s diagnostics are `bytes[starts[k]..<ends[k]]` (equal when it has none), without the
    /// comma before them.
    var starts: [Int]
    var ends: [Int]
    /// The whole publish message's params.
    var bytes: [UInt8]
}

extension RenderedDiagnostics {
    /// Where each row's diagnostics were written (see `PublishedDiagnostics`).
    struct Spans {
        var starts: [Int]
        var ends: [Int]
    }

    /// Like `write(into:afterOthers:)`, copying from `previous` the bytes of rows that are unchanged since
    /// it; returns where each row's bytes went in `out`.
    func write(into out: inout [UInt8], afterOthers: Bool, previous: PublishedDiagnostics?) -> Spans {
        var starts = [Int](repeating: 0, count: rows.count)
        var ends = [Int](repeating: 0, count: rows.count)
        var needsComma = afterOthers
        let empty: [RenderedDiagnostics.Row] = []
        let oldRows = previous?.rows ?? empty
        let oldBytes = previous?.bytes ?? []
        let oldStarts = previous?.starts ?? []
        let oldEnds = previous?.ends ?? []
        // A pending run of old bytes `runFrom..<runTo`, copied in one go when a row breaks it.
        var runFrom = 0
        var runTo = 0
        oldBytes.withUnsafeBufferPointer { oldBytes in
            func flush(_ out: inout [UInt8]) {
                if runTo > runFrom { out.append(contentsOf: UnsafeBufferPointer(rebasing: oldBytes[runFrom..<runTo])) }
                runFrom = 0
                runTo = 0
            }
            rows.withUnsafeBufferPointer { rows in
                for k in rows.indices {
                    let rendered = rows[k].rendered
                    // Where `out` would end if the pending run were copied now.
                    let end = out.count + (runTo - runFrom)
                    guard rendered.fragment.count > 0 else {
                        starts[k] = end
                        ends[k] = end
                        continue
                    }
                    if k < oldRows.count, oldRows[k].rendered === rendered, oldRows[k].anchorLine == rows[k].anchorLine,
                       oldEnds[k] <= oldBytes.count, oldStarts[k] < oldEnds[k] {
                        let (from, to) = (oldStarts[k], oldEnds[k])
                        // Right after the run with exactly the separating comma between: the run grows.
                        if runTo > runFrom, needsComma, from == runTo + 1, oldBytes[runTo] == UInt8(ascii: ",") {
                            starts[k] = end + 1
                            ends[k] = end + 1 + (to - from)
                            runTo = to
                            continue
                        }
                        flush(&out)
                        if needsComma { out.append(UInt8(ascii: ",")) }
                        starts[k] = out.count
                        ends[k] = out.count + (to - from)
                        runFrom = from
                        runTo = to
                        needsComma = true
                        continue
                    }
                    flush(&out)
                    if needsComma { out.append(UInt8(ascii: ",")) }
                    starts[k] = out.count
                    rendered.fragment.write(into: &out, anchorLine: rows[k].anchorLine)
                    ends[k] = out.count
                    needsComma = true
                }
            }
            flush(&out)
        }
        return Spans(starts: starts, ends: ends)
    }
}
