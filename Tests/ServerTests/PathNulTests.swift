import Foundation
import Testing
@testable import Server

/// Regression test: a path with a NUL character was cut at the NUL by realpath/open, so
/// `kol/save {"path":"in.kol.json\u0000/../../outside/x.kol.json"}` overwrote `in.kol.json`, a file the
/// client never named (found by the reliability path-escape probes). Now refused with -32001.
@Suite struct PathNulTests {
    @Test(arguments: ["kol/load", "kol/save"])
    func pathsWithNulAreRefused(method: String) async throws {
        let folder = try makeTemporaryFolder()
        let original = Data(#"{"version":1,"kols":[]}"#.utf8)
        try original.write(to: URL(fileURLWithPath: folder + "/in.kol.json"))
        let harness = WorkspaceHarness(allowedPaths: [folder])
        let path = folder + "/in.kol.json\\u0000/../../outside/x.kol.json"
        let error = await harness.rpcError(method, #"{"path":"\#(path)"}"#)
        #expect(error?.code == -32001)
        #expect(try Data(contentsOf: URL(fileURLWithPath: folder + "/in.kol.json")) == original)
    }
}
