import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes a file so that a crash or `kill -9` at any moment leaves either the complete old file or the
/// complete new one, never a torn mix, and so that the new one survives a power cut once we answer.
///
/// Steps: create a unique temporary file in the target's own folder (rename is only atomic within one
/// file system), write everything, `fsync` it (data on disk before the name points at it), `rename` it
/// over the target (atomic replace), then `fsync` the folder (the rename itself on disk). A temporary
/// file left by a killed save is named `.<target>.tmp-XXXXXX` and is harmless.
enum AtomicFileWriter {
    struct Failure: Error, CustomStringConvertible {
        var step: String
        var code: Int32
        var description: String { "\(step) failed: \(String(cString: strerror(code)))" }
    }

    static func write(_ bytes: [UInt8], to path: String) throws(Failure) {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent().path
        var template = Array((folder == "/" ? "" : folder).utf8CString.dropLast())
        template += Array("/.\(url.lastPathComponent).tmp-XXXXXX".utf8CString)
        let fd = mkstemp(&template)
        guard fd >= 0 else { throw Failure(step: "creating a temporary file", code: errno) }
        let temporary = String(decoding: template.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        var renamed = false
        defer {
            if !renamed { unlink(temporary) }
        }
        do {
            defer { close(fd) }
            // Keep the target's permissions when replacing it; mkstemp makes 0600.
            var info = stat()
            let mode = stat(path, &info) == 0 ? info.st_mode & 0o777 : 0o644
            fchmod(fd, mode)
            try writeAll(fd, bytes)
            guard fsync(fd) == 0 else { throw Failure(step: "flushing the file to disk", code: errno) }
        }
        guard rename(temporary, path) == 0 else { throw Failure(step: "renaming over the target", code: errno) }
        renamed = true
        let folderFD = open(folder.isEmpty ? "/" : folder, O_RDONLY)
        if folderFD >= 0 {
            // Best effort: some file systems refuse fsync on a folder; the data is already safe.
            _ = fsync(folderFD)
            close(folderFD)
        }
    }

    private static func systemWrite(_ fd: Int32, _ pointer: UnsafeRawPointer, _ count: Int) -> Int {
        #if canImport(Glibc)
        return Glibc.write(fd, pointer, count)
        #else
        return Darwin.write(fd, pointer, count)
        #endif
    }

    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) throws(Failure) {
        var written = 0
        while written < bytes.count {
            let result = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return systemWrite(fd, base + written, bytes.count - written)
            }
            if result < 0 {
                if errno == EINTR { continue }
                throw Failure(step: "writing", code: errno)
            }
            written += result
        }
    }
}
