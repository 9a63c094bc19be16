import Foundation
import Testing

/// `kol-engine check` (data-quality findings, compiler style) and `kol-engine demo`, run as processes.
@Suite struct WorkspaceCommandsEndToEndTests {
    static func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: WorkspaceEngineProcess.binary)
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    @Test func checkPrintsDataQualityFindingsLikeACompiler() throws {
        let folder = try workspaceTemporaryFolder()
        let document = folder + "/shop.kol.json"
        // The 7 is on line 2 after `  "kols": [{"id": "a", "name": "茶🍵", "stars": `: 11 + 12 + 8 + 6 + 9 = 46
        // characters (茶 and 🍵 one each), so column 47; the -1 of line 2 of the JSONL follows 12 + 9 = 21.
        try Data("{\"version\": 1,\n  \"kols\": [{\"id\": \"a\", \"name\": \"茶🍵\", \"stars\": 7, \"followers\": 10}]}\n".utf8)
            .write(to: URL(fileURLWithPath: document))
        let lines = folder + "/more.kols.jsonl"
        try Data("{\"id\": \"b\"}\n{\"id\": \"c\", \"price\": -1}\n{oops\n".utf8).write(to: URL(fileURLWithPath: lines))
        let broken = folder + "/other.json"
        try Data("[1,\n2,]".utf8).write(to: URL(fileURLWithPath: broken))
        let result = try Self.run(["check", document, lines, broken])
        #expect(result.status == 1)
        // Findings come first, then each workspace's ranked table (ScoringCommandsEndToEndTests).
        let output = result.output.split(separator: "\n").map(String.init).filter { $0.hasPrefix(folder) }
        #expect(output.count == 4)
        #expect(output[0] == "\(document):2:47: error: Stars must be between 0 and 6; this KOL has 7. [stars-out-of-range]")
        #expect(output[1].hasPrefix("\(lines):2:22: error: "))
        #expect(output[1].hasSuffix("[negative-price]"))
        #expect(output[2].hasPrefix("\(lines):3:2: error: "))
        #expect(output[2].hasSuffix("[invalid-json]"))
        #expect(output[3].hasPrefix("\(broken):2:3: error: "))
    }

    @Test func demoPrintsTheReport() throws {
        let result = try Self.run(["demo"])
        #expect(result.status == 0)
        #expect(result.output.hasPrefix("kol-engine demo: 14 KOLs\n"))
        #expect(result.output.contains("西湖边的阿萌"))
        #expect(result.output.contains("Data quality: "))
    }
}
