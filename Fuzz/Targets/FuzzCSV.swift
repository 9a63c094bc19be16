// libFuzzer target: the CSV reader and importer (spreadsheets exported by strangers). The input is split
// at its first 0x00 byte into kols.csv and posts.csv. Built by scripts/fuzz.sh.
import KOLCore
#if canImport(Glibc)
import Glibc
#endif

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCSV(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    let now = KOLDate(secondsSinceEpoch: 1_750_000_000)
    let table = CSVTable(bytes: bytes)
    for row in table.rows.prefix(1000) { _ = row }
    if let split = bytes.firstIndex(of: 0) {
        _ = CSVImporter.load(kols: Array(bytes[..<split]), posts: Array(bytes[(split + 1)...]), origin: "kols.csv", now: now)
    } else {
        _ = CSVImporter.load(kols: bytes, origin: "kols.csv", now: now)
    }
    return 0
}
