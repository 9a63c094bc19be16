import Foundation
import Testing

/// The short soak: `kol-bench soak --requests 10000` (the binary built beside the engine under test) drives
/// 10^4 mixed requests through the real engine and checks RSS growth after warm-up, descriptor leaks and
/// identical probe answers at start and end. `scripts/soak.sh` runs 10^6 on a release build.
@Suite struct SoakEndToEndTests {
    @Test func tenThousandMixedRequestsKeepMemoryFilesAndAnswersStable() throws {
        let engine = WorkspaceEngineProcess.binary
        let bench = URL(fileURLWithPath: engine).deletingLastPathComponent().appendingPathComponent("kol-bench").path
        try #require(FileManager.default.isExecutableFile(atPath: bench), "no kol-bench at \(bench): run `swift build` first")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: bench)
        // A short run has a short warm-up, so allocator noise weighs more: 20 % here, 10 % in the long soak.
        process.arguments = ["soak", "--requests", "10000", "--engine", engine, "--max-rss-growth", AbuseEngine.underSanitizer ? "1000" : "20"]
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let text = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        print(text)
        #expect(process.terminationStatus == 0, "\(text)")
        #expect(text.contains("probe answers identical"))
        #expect(text.contains("0 error answers"))
    }
}
