import JSON

/// Reads `.kols.jsonl` (one KOL object per line) from chunks of bytes, so a 1 GB file never needs to be
/// in memory whole: only the current partial line is buffered.
///
/// Chunks may split anywhere, including inside a multi-byte UTF-8 character: lines are cut on the byte
/// `\n`, which never occurs inside one. Ranges are byte offsets in the whole file; diagnostics name the
/// 1-based line. Blank lines are skipped; a UTF-8 BOM at the start is skipped; `\r\n` is accepted.
public struct JSONLReader: Sendable {
    public struct Batch: Sendable {
        public var kols: [KOL]
        public var diagnostics: [DataQualityDiagnostic]
    }

    public let origin: String?
    public let now: KOLDate
    public let detail: SourceDetail
    public let limits: JSONLimits
    private var pending: [UInt8] = []
    /// Byte offset in the file of `pending[0]`.
    private var pendingOffset = 0
    private var lineNumber = 1
    private var seenIDs: Set<String> = []
    private var atStart = true

    public init(origin: String? = nil, now: KOLDate, detail: SourceDetail = .topLevel, limits: JSONLimits = .default) {
        self.origin = origin
        self.now = now
        self.detail = detail
        self.limits = limits
    }

    /// Feeds the next chunk; returns the KOLs of the lines it completed.
    public mutating func feed(_ chunk: ArraySlice<UInt8>) -> Batch {
        var batch = Batch(kols: [], diagnostics: [])
        var lineStart = chunk.startIndex
        var index = chunk.startIndex
        while let newline = chunk[index...].firstIndex(of: UInt8(ascii: "\n")) {
            if pending.isEmpty {
                readLine(chunk[lineStart..<newline], offset: pendingOffset, into: &batch)
            } else {
                pending += chunk[lineStart..<newline]
                readLine(pending[...], offset: pendingOffset, into: &batch)
                pending.removeAll(keepingCapacity: true)
            }
            lineStart = newline + 1
            index = lineStart
        }
        pending += chunk[lineStart...]
        return batch
    }

    /// Reads the last line when the file does not end with a newline.
    public mutating func finish() -> Batch {
        var batch = Batch(kols: [], diagnostics: [])
        if !pending.isEmpty {
            let line = pending
            pending.removeAll()
            readLine(line[...], offset: pendingOffset, into: &batch)
        }
        return batch
    }

    /// Convenience: reads a whole buffer (tests, small files).
    public static func read(_ bytes: [UInt8], origin: String? = nil, now: KOLDate,
                            detail: SourceDetail = .topLevel) -> Batch {
        var reader = JSONLReader(origin: origin, now: now, detail: detail)
        var batch = reader.feed(bytes[...])
        let last = reader.finish()
        batch.kols += last.kols
        batch.diagnostics += last.diagnostics
        return batch
    }

    private mutating func readLine(_ raw: ArraySlice<UInt8>, offset: Int, into batch: inout Batch) {
        defer {
            pendingOffset = offset + raw.count + 1
            lineNumber += 1
        }
        var line = raw
        var lineOffset = offset
        if atStart {
            atStart = false
            if line.starts(with: [0xEF, 0xBB, 0xBF]) {
                line = line.dropFirst(3)
                lineOffset += 3
            }
        }
        if line.last == UInt8(ascii: "\r") { line = line.dropLast() }
        guard line.contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
        let document: JSONDocument
        do {
            document = try JSONDocument(bytes: Array(line), limits: limits)
        } catch {
            let position = lineOffset + min(max(error.offset, 0), line.count)
            batch.diagnostics.append(DataQualityDiagnostic(code: .invalidJSON,
                message: "Line \(lineNumber) is not valid JSON: \(error.message).",
                range: SourceRange(start: position, end: min(position + 1, lineOffset + line.count)), line: lineNumber))
            return
        }
        for range in document.duplicateKeys {
            batch.diagnostics.append(DataQualityDiagnostic(code: .duplicateKey,
                message: "This key appears twice in the same object; the last one counts.",
                range: SourceRange(start: range.start + lineOffset, end: range.end + lineOffset), line: lineNumber))
        }
        let (kol, found) = KOLDecoder.decode(document.root, origin: origin, now: now, detail: detail,
                                             offset: lineOffset, line: lineNumber)
        batch.diagnostics += found
        guard let kol else { return }
        guard seenIDs.insert(kol.id).inserted else {
            batch.diagnostics.append(DataQualityDiagnostic(code: .duplicateID,
                message: "An earlier line already has the id \"\(kol.id)\"; line \(lineNumber) is ignored.",
                range: kol.source?.range(of: "id"), path: "id", kolId: kol.id, line: lineNumber))
            return
        }
        batch.kols.append(kol)
    }
}
