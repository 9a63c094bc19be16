import Foundation
import JSON
import KOLCore
import RPC
import Testing
@testable import Server

/// The demo workspace loaded into an in-process server, for the issue-6 handler tests (protocol.md §9).
func demoHarness() async throws -> WorkspaceHarness {
    let h = WorkspaceHarness(allowedPaths: [repositoryRoot])
    let loaded = try await h.call("kol/load", #"{"path": \#(quoted(repositoryRoot + "/examples/demo.kol.json"))}"#)
    #expect(loaded["loaded"]?.int == 14)
    return h
}

/// A JSON number as a Double (integers too).
func jsonNumber(_ value: JSONValue?) -> Double? {
    switch value {
    case .double(let d)?: return d
    case .int(let i)?: return Double(i)
    default: return nil
    }
}

/// Each case: the call fails with -32602 and the message starts with the path of the bad value.
func expectInvalidParams(_ h: WorkspaceHarness, _ cases: [(String, String, String)]) async throws {
    for (method, params, path) in cases {
        let error = try #require(await h.rpcError(method, params), "\(method) \(params)")
        #expect(error.code == -32602, "\(method) \(params)")
        #expect(error.message.hasPrefix(path), "\(method): \(error.message)")
    }
}
