// libFuzzer target: request dispatch. The input is the whole stdin of a server session (line mode or
// LSP framing, detected from the first byte as the real binary does), run in process against the
// standard server with every method registered. Built by scripts/fuzz.sh with Server compiled
// `-enable-testing`, so it can wait for every handler task before the next input.
//
// File methods are confined to the working directory, which scripts/fuzz.sh makes a scratch folder.
// Invariant: every request (an object with an id and a method) gets at most one response with its id.
import JSON
import RPC
@testable import Server
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDispatch(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let server = Server.standard(configuration: ServerConfiguration(maxMessageBytes: 4096))
    let sink = MemorySink()
    _ = server.run(source: MemorySource(bytes, chunkSize: 97), sink: sink)
    server.outstanding.wait()
    server.currentWriter()?.flush()
    return 0
}
