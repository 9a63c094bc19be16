import Foundation
import Testing
@testable import RPC

#if os(Linux)
import Glibc

@Suite struct PipeCapacityTests {
    /// `F_GETPIPE_SZ` (`F_LINUX_SPECIFIC_BASE + 8`).
    static let getPipeSize: Int32 = 1032

    @Test func growsAPipeToOneMebibyte() {
        let pipe = Pipe()
        let fd = pipe.fileHandleForWriting.fileDescriptor
        #expect(PipeCapacity.grow(fd))
        #expect(fcntl(fd, Self.getPipeSize) == 1 << 20)
    }

    @Test func refusesWhatIsNotAPipe() throws {
        let path = NSTemporaryDirectory() + "pipe-capacity-\(getpid()).txt"
        let fd = open(path, O_CREAT | O_WRONLY | O_TRUNC, 0o600)
        try #require(fd >= 0)
        defer {
            close(fd)
            unlink(path)
        }
        #expect(!PipeCapacity.grow(fd))
    }
}
#endif
