#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A growable read buffer over a `ByteSource`: the one place where input bytes are held.
///
/// Both framings read through it, so bounded memory is enforced here: a line that exceeds its limit is
/// discarded as it streams past, and `skip(count:)` drops a refused body chunk by chunk without ever
/// holding it whole.
package struct ByteReader<Source: ByteSource> {
    private var source: Source
    private var storage: [UInt8]
    private var start = 0
    private var end = 0
    private let chunkSize: Int
    /// Set once `read` returned 0; no further reads are attempted.
    package private(set) var reachedEnd = false
    /// Called just before a read that may block. The server flushes buffered responses here, so a
    /// pipelined burst of requests gets its responses in a few large writes instead of one per message.
    package var willRead: (() -> Void)?

    package init(source: Source, chunkSize: Int = 64 * 1024) {
        self.source = source
        self.chunkSize = max(16, chunkSize)
        self.storage = [UInt8](repeating: 0, count: self.chunkSize)
    }

    /// Bytes buffered and not yet consumed.
    package var bufferedCount: Int { end - start }

    /// Reads more bytes into the buffer. Returns false at end of input.
    @discardableResult
    package mutating func fillMore() -> Bool {
        if reachedEnd { return false }
        if start > 0 {
            let count = end - start
            if count > 0 {
                storage.withUnsafeMutableBytes { raw in
                    guard let base = raw.baseAddress else { return }
                    memmove(base, base + start, count)
                }
            }
            start = 0
            end = count
        }
        if end == storage.count {
            storage.append(contentsOf: repeatElement(0, count: max(chunkSize, storage.count)))
        }
        willRead?()
        let endIndex = end
        let n = storage.withUnsafeMutableBytes { raw in
            source.read(into: UnsafeMutableRawBufferPointer(rebasing: raw[endIndex...]))
        }
        if n <= 0 {
            reachedEnd = true
            return false
        }
        end += n
        return true
    }

    /// Returns to a small buffer after a huge message went through, so one 64 MiB request does not pin
    /// 64 MiB for the life of the process.
    private mutating func shrinkIfIdle() {
        if start == end && storage.count > 4 * chunkSize {
            storage = [UInt8](repeating: 0, count: chunkSize)
            start = 0
            end = 0
        }
    }

    /// The next byte without consuming it; nil at end of input.
    package mutating func peek() -> UInt8? {
        while start == end {
            if !fillMore() { return nil }
        }
        return storage[start]
    }

    /// Consumes bytes while `predicate` holds; stops at end of input.
    package mutating func skip(while predicate: (UInt8) -> Bool) {
        while let byte = peek(), predicate(byte) { start += 1 }
    }

    /// Result of `readLine`.
    package enum Line: Equatable {
        /// A line without its `\n` (a trailing `\r` is kept; callers that care strip it).
        case line([UInt8])
        /// The line was longer than the limit; it has been consumed and dropped up to its `\n`.
        case tooLong
        /// End of input; `partial` holds unterminated bytes before it (maybe empty).
        case end(partial: [UInt8])
    }

    /// Reads up to and including the next `\n`. A line longer than `maxLength` is dropped without being
    /// buffered whole.
    package mutating func readLine(maxLength: Int) -> Line {
        var scanned = 0  // bytes after `start` already known to hold no '\n'
        while true {
            if let newline = find(UInt8(ascii: "\n"), from: start + scanned) {
                let length = newline - start
                if length > maxLength {
                    start = newline + 1
                    return .tooLong
                }
                let line = Array(storage[start..<newline])
                start = newline + 1
                return .line(line)
            }
            scanned = end - start
            if scanned > maxLength {
                discardThroughNewline()
                return .tooLong
            }
            if !fillMore() {
                let partial = Array(storage[start..<end])
                start = end
                return .end(partial: partial)
            }
        }
    }

    /// Puts back the last `count` consumed bytes. Valid only right after `readLine` returned a line (the
    /// bytes are still in the buffer); the frame reader uses it to resynchronise inside a bad header line.
    package mutating func unread(_ count: Int) {
        start = max(0, start - count)
    }

    /// Drops everything up to and including the next `\n` (or to end of input).
    private mutating func discardThroughNewline() {
        while true {
            if let newline = find(UInt8(ascii: "\n"), from: start) {
                start = newline + 1
                shrinkIfIdle()
                return
            }
            start = end
            shrinkIfIdle()
            if !fillMore() { return }
        }
    }

    /// Reads exactly `count` bytes, or fewer if input ends first.
    package mutating func read(count: Int) -> [UInt8] {
        if end - start >= count {
            let bytes = Array(storage[start..<(start + count)])
            start += count
            return bytes
        }
        var result = [UInt8]()
        result.reserveCapacity(count)
        while result.count < count {
            if start == end && !fillMore() { break }
            let take = min(count - result.count, end - start)
            result.append(contentsOf: storage[start..<(start + take)])
            start += take
        }
        shrinkIfIdle()
        return result
    }

    /// Drops `count` bytes as they arrive, never holding more than one buffer of them. Returns how many
    /// were dropped (fewer than `count` only at end of input).
    @discardableResult
    package mutating func skip(count: Int) -> Int {
        var skipped = 0
        while skipped < count {
            if start == end && !fillMore() { break }
            let take = min(count - skipped, end - start)
            start += take
            skipped += take
        }
        shrinkIfIdle()
        return skipped
    }

    /// Consumes input up to (not including) the next occurrence of `pattern`, compared ASCII
    /// case-insensitively (`pattern` must be lowercase). Returns false if input ended first (everything
    /// was consumed).
    package mutating func skip(untilCaseInsensitive pattern: [UInt8]) -> Bool {
        while true {
            if let index = findCaseInsensitive(pattern) {
                start = index
                return true
            }
            // Keep a tail that could be the beginning of the pattern split across reads.
            start = max(start, end - (pattern.count - 1))
            if !fillMore() {
                start = end
                return false
            }
        }
    }

    private func find(_ byte: UInt8, from index: Int) -> Int? {
        guard index < end else { return nil }
        return storage.withUnsafeBytes { raw -> Int? in
            guard let base = raw.baseAddress else { return nil }
            guard let hit = memchr(base + index, Int32(byte), end - index) else { return nil }
            return base.distance(to: UnsafeRawPointer(hit))
        }
    }

    private func findCaseInsensitive(_ pattern: [UInt8]) -> Int? {
        guard let first = pattern.first, end - start >= pattern.count else { return nil }
        var index = start
        let last = end - pattern.count
        while index <= last {
            if lowercased(storage[index]) == first {
                var matched = true
                for offset in 1..<pattern.count where lowercased(storage[index + offset]) != pattern[offset] {
                    matched = false
                    break
                }
                if matched { return index }
            }
            index += 1
        }
        return nil
    }
}

@inline(__always)
func lowercased(_ byte: UInt8) -> UInt8 {
    (byte >= UInt8(ascii: "A") && byte <= UInt8(ascii: "Z")) ? byte | 0x20 : byte
}
