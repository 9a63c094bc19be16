#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Dispatch
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
        admit(Self.decode(split(chunk)))
    }

    /// The first of a feed's three steps, for a caller that overlaps them (see `feed`): cuts the lines a
    /// chunk completes, without decoding them. Lines wholly inside the chunk keep a reference to its
    /// storage and are copied out by the decoding thread, so this serial step copies only the lines that
    /// straddle two chunks.
    public mutating func split(_ chunk: ArraySlice<UInt8>) -> PendingLines {
        split(chunk, storage: Array(chunk))
    }

    /// `split` of a whole array: the lines share its buffer, with no copy of the chunk.
    public mutating func split(_ chunk: [UInt8]) -> PendingLines {
        split(chunk[...], storage: chunk)
    }

    /// `storage` holds the bytes of `chunk`, from its first byte.
    private mutating func split(_ chunk: ArraySlice<UInt8>, storage: [UInt8]) -> PendingLines {
        var lines: [Line] = []
        let base = chunk.startIndex
        var lineStart = chunk.startIndex
        var index = chunk.startIndex
        while let newline = Self.newline(in: chunk, from: index) {
            if pending.isEmpty {
                prepare(storage, (lineStart - base)..<(newline - base), offset: pendingOffset, into: &lines)
            } else {
                pending += chunk[lineStart..<newline]
                prepare(pending, pending.indices, offset: pendingOffset, into: &lines)
                pending.removeAll(keepingCapacity: true)
            }
            lineStart = newline + 1
            index = lineStart
        }
        pending += chunk[lineStart...]
        return PendingLines(lines: lines, origin: origin, now: now, detail: detail, limits: limits)
    }

    /// The last step: checks ids in file order (the first line with an id wins) and collects the result.
    /// Serial and cheap; decoding (the costly part) needs no state of the reader.
    public mutating func admit(_ decoded: DecodedLines) -> Batch {
        var batch = Batch(kols: [], diagnostics: [])
        batch.kols.reserveCapacity(decoded.results.count)
        for (number, result) in zip(decoded.lineNumbers, decoded.results) {
            batch.diagnostics += result.diagnostics
            guard let kol = result.kol else { continue }
            guard seenIDs.insert(kol.id).inserted else {
                batch.diagnostics.append(DataQualityDiagnostic(code: .duplicateID,
                    message: "An earlier line already has the id \"\(kol.id)\"; line \(number) is ignored.",
                    range: kol.source?.range(of: "id"), path: "id", kolId: kol.id, line: number))
                continue
            }
            batch.kols.append(kol)
        }
        return batch
    }

    /// The index of the first `\n` in `chunk` at or after `from`. Why `memchr`: a byte-by-byte search was
    /// a twentieth of a load's instructions, and it runs on one thread between the parallel decodes.
    static func newline(in chunk: ArraySlice<UInt8>, from: Int) -> Int? {
        guard from < chunk.endIndex else { return nil }
        return chunk.withUnsafeBufferPointer { buffer -> Int? in
            guard let base = buffer.baseAddress else { return nil }
            let skip = from - chunk.startIndex
            guard let found = memchr(base + skip, 0x0A, buffer.count - skip) else { return nil }
            return chunk.startIndex + (UnsafeRawPointer(found) - UnsafeRawPointer(base))
        }
    }

    /// Reads the last line when the file does not end with a newline.
    public mutating func finish() -> Batch {
        admit(Self.decode(splitRest()))
    }

    /// The last line when the file does not end with a newline, as `split` gives lines.
    public mutating func splitRest() -> PendingLines {
        var lines: [Line] = []
        if !pending.isEmpty {
            let line = pending
            pending.removeAll()
            prepare(line, line.indices, offset: pendingOffset, into: &lines)
        }
        return PendingLines(lines: lines, origin: origin, now: now, detail: detail, limits: limits)
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

    /// One non-blank line, ready to decode on its own: `range` of `storage` (a chunk, or a line joined
    /// across chunks).
    struct Line: Sendable {
        var storage: [UInt8]
        var range: Range<Int>
        var offset: Int
        var number: Int
    }

    /// A chunk's lines, cut but not decoded, with what decoding them needs.
    public struct PendingLines: Sendable {
        var lines: [Line]
        let origin: String?
        let now: KOLDate
        let detail: SourceDetail
        let limits: JSONLimits
        public var isEmpty: Bool { lines.isEmpty }
    }

    /// A chunk's lines decoded, in line order, before the id checks.
    public struct DecodedLines: Sendable {
        var lineNumbers: [Int]
        var results: [(kol: KOL?, diagnostics: [DataQualityDiagnostic])]
        /// No lines.
        public static let none = DecodedLines(lineNumbers: [], results: [])
    }

    /// Lines of a chunk are decoded on every core when there are enough of them to be worth it (a
    /// 1 MiB chunk holds a few hundred KOLs); ids are then checked in file order, so the result is the
    /// same as one line after another.
    static let parallelLines = 64

    private mutating func prepare(_ storage: [UInt8], _ raw: Range<Int>, offset: Int, into lines: inout [Line]) {
        defer {
            pendingOffset = offset + raw.count + 1
            lineNumber += 1
        }
        var line = raw
        var lineOffset = offset
        if atStart {
            atStart = false
            if storage[line].starts(with: [0xEF, 0xBB, 0xBF]) {
                line = line.dropFirst(3)
                lineOffset += 3
            }
        }
        if let last = line.last, storage[last] == UInt8(ascii: "\r") { line = line.dropLast() }
        guard storage[line].contains(where: { $0 != 0x20 && $0 != 0x09 }) else { return }
        lines.append(Line(storage: storage, range: line, offset: lineOffset, number: lineNumber))
    }

    /// The middle step: decodes a chunk's lines on every core. Needs nothing of the reader, so a caller
    /// may run it on another thread while it reads and splits the next chunk.
    public static func decode(_ pending: PendingLines) -> DecodedLines {
        let (origin, now, detail, limits) = (pending.origin, pending.now, pending.detail, pending.limits)
        let results = map(pending.lines) {
            JSONLReader.decodeLine($0, origin: origin, now: now, detail: detail, limits: limits)
        }
        return DecodedLines(lineNumbers: pending.lines.map(\.number), results: results)
    }

    /// Decodes lines on every core, results in line order. Unlike `ParallelMap` (a fixed share of the
    /// slots per worker), each thread takes the next undecoded line: on shared cores a worker that is
    /// descheduled for a while no longer holds up the whole chunk, the others take its lines.
    private static func map<Output: Sendable>(_ lines: [Line], _ decode: @Sendable (Line) -> Output) -> [Output] {
        guard lines.count >= parallelLines, System.activeCores > 1 else { return lines.map(decode) }
        return [Output](unsafeUninitializedCapacity: lines.count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress)
            // `concurrentPerform` hands out iterations one at a time to whichever thread is free.
            DispatchQueue.concurrentPerform(iterations: lines.count) { index in
                slots.base.map { ($0 + index).initialize(to: decode(lines[index])) }
            }
            initialized = slots.base == nil ? 0 : lines.count
        }
    }

    private struct Slots<T>: @unchecked Sendable {
        let base: UnsafeMutablePointer<T>?
    }

    private static func decodeLine(_ line: Line, origin: String?, now: KOLDate, detail: SourceDetail,
                                   limits: JSONLimits) -> (kol: KOL?, diagnostics: [DataQualityDiagnostic]) {
        let lineOffset = line.offset
        let bytes = Array(line.storage[line.range])
        let document: JSONDocument
        do {
            document = try JSONDocument(bytes: bytes, limits: limits)
        } catch {
            let position = lineOffset + min(max(error.offset, 0), bytes.count)
            return (nil, [DataQualityDiagnostic(code: .invalidJSON,
                message: "Line \(line.number) is not valid JSON: \(error.message).",
                range: SourceRange(start: position, end: min(position + 1, lineOffset + bytes.count)), line: line.number)])
        }
        var diagnostics: [DataQualityDiagnostic] = []
        for range in document.duplicateKeys {
            diagnostics.append(DataQualityDiagnostic(code: .duplicateKey,
                message: "This key appears twice in the same object; the last one counts.",
                range: SourceRange(start: range.start + lineOffset, end: range.end + lineOffset), line: line.number))
        }
        let (kol, found) = KOLDecoder.decode(document.root, origin: origin, now: now, detail: detail,
                                             offset: lineOffset, line: line.number)
        return (kol, diagnostics + found)
    }
}
