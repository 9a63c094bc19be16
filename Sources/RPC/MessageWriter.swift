import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where framed output goes. A protocol so tests can capture output in memory.
package protocol ByteSink: AnyObject, Sendable {
    /// Writes all of `bytes`; returns false if the peer is gone.
    func write(_ bytes: UnsafeRawBufferPointer) -> Bool
}

/// Writes to a file descriptor (stdout), looping over partial writes and `EINTR`.
package final class FileDescriptorSink: ByteSink {
    package let fd: Int32
    package init(fd: Int32) { self.fd = fd }

    package func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard var pointer = bytes.baseAddress else { return true }
        var remaining = bytes.count
        while remaining > 0 {
            #if canImport(Glibc)
            let n = Glibc.write(fd, pointer, remaining)
            #else
            let n = Darwin.write(fd, pointer, remaining)
            #endif
            if n < 0 {
                if errno == EINTR { continue }
                return false
            }
            pointer += n
            remaining -= n
        }
        return true
    }
}

/// Collects output in memory (tests).
package final class MemorySink: ByteSink, @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [UInt8] = []
    package init() {}
    package func write(_ bytes: UnsafeRawBufferPointer) -> Bool {
        lock.lock()
        storage.append(contentsOf: bytes)
        lock.unlock()
        return true
    }
    package var bytes: [UInt8] {
        lock.lock()
        defer { lock.unlock() }
        return storage
    }
}

/// Frames and writes outgoing messages. Every message is framed into one buffer under one lock, so
/// concurrent handlers' responses are never interleaved.
///
/// Messages sent with `deferFlush` stay buffered until `flush()` (the server flushes right before it
/// blocks reading input): a pipelined burst of requests answered on the reader thread goes out in a few
/// large writes. Everything else is written at once.
package final class MessageWriter: @unchecked Sendable {
    private let sink: any ByteSink
    package let framing: Framing
    private let lock = NSLock()
    private var pending: [UInt8] = []
    /// Set when the peer closed its end; later output is dropped instead of raising SIGPIPE errors again.
    private var peerGone = false

    package init(sink: any ByteSink, framing: Framing) {
        self.sink = sink
        self.framing = framing
        pending.reserveCapacity(64 * 1024)
    }

    /// Frames `body` (one JSON-RPC message or batch) and writes it, or buffers it when `deferFlush`.
    package func send(_ body: [UInt8], deferFlush: Bool = false) {
        lock.lock()
        defer { lock.unlock() }
        appendFrame(body)
        if !deferFlush || pending.count >= 256 * 1024 { flushLocked() }
    }

    /// Frames one message whose body is `parts` one after the other. A big body (a document's diagnostics
    /// are megabytes) is written straight from the parts, not joined and copied into the buffer first.
    package func send(parts: [[UInt8]]) {
        let count = parts.reduce(0) { $0 + $1.count }
        guard count >= 256 * 1024 else {
            send(Array(parts.joined()))
            return
        }
        lock.lock()
        defer { lock.unlock() }
        if framing == .lsp {
            pending.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(count)
            pending.append(contentsOf: [0x0D, 0x0A, 0x0D, 0x0A])
        }
        flushLocked()
        for part in parts where !peerGone {
            if !part.withUnsafeBytes({ sink.write($0) }) { peerGone = true }
        }
        if framing == .lines { pending.append(0x0A) }
        flushLocked()
    }

    /// Writes everything buffered.
    package func flush() {
        lock.lock()
        defer { lock.unlock() }
        flushLocked()
    }

    private func appendFrame(_ body: [UInt8]) {
        switch framing {
        case .lsp:
            pending.append(contentsOf: "Content-Length: ".utf8)
            appendDecimal(body.count)
            pending.append(contentsOf: [0x0D, 0x0A, 0x0D, 0x0A])
            pending.append(contentsOf: body)
        case .lines:
            pending.append(contentsOf: body)
            pending.append(0x0A)
        }
    }

    private func appendDecimal(_ value: Int) {
        var digits: [UInt8] = []
        var rest = value
        repeat {
            digits.append(UInt8(ascii: "0") + UInt8(rest % 10))
            rest /= 10
        } while rest > 0
        pending.append(contentsOf: digits.reversed())
    }

    private func flushLocked() {
        guard !pending.isEmpty else { return }
        if !peerGone {
            let ok = pending.withUnsafeBytes { sink.write($0) }
            if !ok { peerGone = true }
        }
        pending.removeAll(keepingCapacity: pending.count <= 1024 * 1024)
    }
}
