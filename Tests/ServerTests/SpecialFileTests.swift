import Foundation
import Testing
@testable import Server
#if canImport(Glibc)
import Glibc
#endif

/// Regression tests for `kol/load` on files that are not regular files, found by the reliability work:
/// a FIFO inside an allowed root made the engine wait for a writer forever while holding the workspace's
/// write turn, so every later workspace request hung. Now refused at once with -32001.
@Suite struct SpecialFileTests {
    @Test func loadingAFIFOIsRefusedInsteadOfHanging() async throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kol-fifo-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let fifo = folder + "/pipe.kol.json"
        #expect(mkfifo(fifo, 0o600) == 0)
        // Without the fix the load below would block in open(2). A helper opens the FIFO read-write after a
        // while (never blocks on Linux) and closes it, so the old code ends (with an empty read) instead of
        // hanging the suite, and the expectation fails.
        let helper = Thread {
            Thread.sleep(forTimeInterval: 2)
            let fd = open(fifo, O_RDWR)
            if fd >= 0 { close(fd) }
        }
        helper.start()
        let harness = WorkspaceHarness(allowedPaths: [folder])
        let error = await harness.rpcError("kol/load", #"{"path":\#(JSONQuoted(fifo))}"#)
        #expect(error?.code == -32001)
        #expect(error?.message.contains("not a regular file") == true)
    }

    @Test func loadingADeviceIsRefused() async throws {
        let harness = WorkspaceHarness(allowedPaths: ["/dev"])
        let error = await harness.rpcError("kol/load", #"{"path":"/dev/zero","format":"kol.json"}"#)
        #expect(error?.code == -32001)
    }
}

private func JSONQuoted(_ text: String) -> String { "\"" + text + "\"" }
