#if canImport(Glibc)
import Glibc
#endif

/// Grows the kernel buffer of a pipe on stdin/stdout (Linux only; best effort, silently skipped elsewhere).
///
/// Why: a `publishDiagnostics` for a 10^4-KOL document is ~20 MB and a `didOpen` of it ~37 MB. Through the
/// default 64 KiB pipe that is hundreds of write/wake-up rounds between the two processes, each waiting for
/// the other to be scheduled on shared cores; with 1 MiB it is a few dozen. Fails harmlessly when the fd is
/// not a pipe (a terminal, a file) or the size is above `/proc/sys/fs/pipe-max-size`.
package enum PipeCapacity {
    /// `F_SETPIPE_SZ` from <linux/fcntl.h> (`F_LINUX_SPECIFIC_BASE + 7`); Glibc does not export it to Swift.
    static let setPipeSize: Int32 = 1031
    package static let preferred = 1 << 20

    /// Asks for `bytes` of pipe buffer on `fd`; returns whether the kernel agreed.
    @discardableResult
    package static func grow(_ fd: Int32, to bytes: Int = preferred) -> Bool {
        #if os(Linux)
        return fcntl(fd, setPipeSize, Int32(bytes)) >= 0
        #else
        return false
        #endif
    }
}
