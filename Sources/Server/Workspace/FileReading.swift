import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reading files for `kol/load`, with failures turned into `ApplicationError.fileError` naming the path.
enum FileReading {
    /// A file open for chunked reading.
    final class OpenFile {
        let fd: Int32
        let size: Int

        init(fd: Int32, size: Int) {
            self.fd = fd
            self.size = size
        }

        /// Fills `buffer` from the start as far as it can; 0 at end of file.
        func read(into buffer: inout [UInt8], shownAs path: String) throws -> Int {
            while true {
                let count = buffer.withUnsafeMutableBytes { raw -> Int in
                    guard let base = raw.baseAddress else { return 0 }
                    return FileReading.systemRead(fd, base, raw.count)
                }
                if count >= 0 { return count }
                if errno == EINTR { continue }
                throw ApplicationError.fileError(path: path, reason: String(cString: strerror(errno)))
            }
        }

        /// The next up to `count` bytes as a new array (empty at end of file). Why not a buffer passed
        /// in: a streamed load hands each chunk to a decoding thread, so it needs a fresh one each time,
        /// and this one is not zeroed first.
        func read(upTo count: Int, shownAs path: String) throws -> [UInt8] {
            try [UInt8](unsafeUninitializedCapacity: count) { buffer, initialized in
                initialized = 0
                while true {
                    let got = buffer.baseAddress.map { FileReading.systemRead(fd, $0, buffer.count) } ?? 0
                    if got >= 0 {
                        initialized = got
                        return
                    }
                    if errno == EINTR { continue }
                    throw ApplicationError.fileError(path: path, reason: String(cString: strerror(errno)))
                }
            }
        }

        func close() { _ = FileReading.systemClose(fd) }
    }

    static func open(_ resolved: String, shownAs path: String) throws -> OpenFile {
        // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer forever, holding the
        // workspace's write turn (every later request queued behind it). Cleared again below.
        let fd = systemOpen(resolved, O_RDONLY | O_NONBLOCK)
        guard fd >= 0 else {
            throw ApplicationError.fileError(path: path, reason: String(cString: strerror(errno)))
        }
        var info = stat()
        guard fstat(fd, &info) == 0 else {
            let reason = String(cString: strerror(errno))
            _ = systemClose(fd)
            throw ApplicationError.fileError(path: path, reason: reason)
        }
        if (info.st_mode & S_IFMT) == S_IFDIR {
            _ = systemClose(fd)
            throw ApplicationError.fileError(path: path, reason: "is a folder, not a file")
        }
        // Only regular files: a FIFO, socket or device (/dev/zero, /dev/stdin) never ends or blocks.
        if (info.st_mode & S_IFMT) != S_IFREG {
            _ = systemClose(fd)
            throw ApplicationError.fileError(path: path, reason: "is not a regular file")
        }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) & ~O_NONBLOCK)
        return OpenFile(fd: fd, size: Int(info.st_size))
    }

    /// The whole file (for formats that are parsed as one document).
    static func contents(of resolved: String, shownAs path: String) throws -> [UInt8] {
        let file = try open(resolved, shownAs: path)
        defer { file.close() }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(file.size)
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = try file.read(into: &chunk, shownAs: path)
            if count == 0 { return bytes }
            bytes += chunk[0..<count]
        }
    }

    static func systemOpen(_ path: String, _ flags: Int32) -> Int32 {
        #if canImport(Glibc)
        return Glibc.open(path, flags)
        #else
        return Darwin.open(path, flags)
        #endif
    }

    static func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.read(fd, buffer, count)
        #else
        return Darwin.read(fd, buffer, count)
        #endif
    }

    static func systemClose(_ fd: Int32) -> Int32 {
        #if canImport(Glibc)
        return Glibc.close(fd)
        #else
        return Darwin.close(fd)
        #endif
    }
}
