#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where the transport's bytes come from. A protocol so tests can feed chunks of any size
/// (including one byte at a time) without pipes.
package protocol ByteSource {
    /// Fills a prefix of `buffer`; returns how many bytes were read, 0 at end of input.
    /// Errors count as end of input: a broken stdin cannot be recovered from.
    mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int
}

/// Reads a file descriptor (stdin of the server) with plain `read(2)`, retrying on `EINTR`.
package struct FileDescriptorSource: ByteSource {
    package let fd: Int32
    package init(fd: Int32) { self.fd = fd }

    package mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            #if canImport(Glibc)
            let n = Glibc.read(fd, base, buffer.count)
            #else
            let n = Darwin.read(fd, base, buffer.count)
            #endif
            if n >= 0 { return n }
            if errno == EINTR { continue }
            return 0
        }
    }
}

/// A source over bytes in memory, delivered in chunks of at most `chunkSize` (tests use small chunks to
/// exercise every split of a header or a body).
package struct MemorySource: ByteSource {
    private var bytes: [UInt8]
    private var position = 0
    private let chunkSize: Int

    package init(_ bytes: [UInt8], chunkSize: Int = .max) {
        self.bytes = bytes
        self.chunkSize = max(1, chunkSize)
    }

    package mutating func read(into buffer: UnsafeMutableRawBufferPointer) -> Int {
        let count = min(buffer.count, chunkSize, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { all in
            buffer.copyMemory(from: UnsafeRawBufferPointer(rebasing: all[position..<(position + count)]))
        }
        position += count
        return count
    }
}
