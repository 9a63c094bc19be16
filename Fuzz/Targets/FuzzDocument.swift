// libFuzzer target: the workspace file loaders (`.kol.json` documents and `.kols.jsonl` lines), and the
// encoder on whatever they accepted. Built by scripts/fuzz.sh.
//
// Invariant: a workspace the loader accepted saves to bytes that load again with the same KOL ids.
import JSON
import KOLCore
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDocument(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let now = KOLDate(secondsSinceEpoch: 1_750_000_000)
    let loaded = WorkspaceDocument.load(bytes: bytes, origin: "fuzz.kol.json", now: now)
    let lines = JSONLReader.read(bytes, origin: "fuzz.kols.jsonl", now: now)
    _ = lines.diagnostics.count
    let index = LineIndex(bytes: bytes)
    for diagnostic in loaded.diagnostics.prefix(100) {
        if let range = diagnostic.range {
            if range.start < 0 || range.end > bytes.count || range.start > range.end {
                fuzzFailure("diagnostic range \(range) outside \(bytes.count) bytes")
            }
            _ = index.position(ofOffset: range.start, encoding: .utf16)
        }
    }
    let saved = WorkspaceEncoder.documentBytes(loaded.workspace)
    let reloaded = WorkspaceDocument.load(bytes: saved, origin: "saved.kol.json", now: now)
    let before = loaded.workspace.kols.map(\.id)
    let after = reloaded.workspace.kols.map(\.id)
    if before != after {
        fuzzFailure("save → load changed the KOL ids: \(before.prefix(5)) → \(after.prefix(5))")
    }
    return 0
}

func fuzzFailure(_ message: String) -> Never {
    fputs("fuzz invariant violated: \(message)\n", stderr)
    abort()
}
