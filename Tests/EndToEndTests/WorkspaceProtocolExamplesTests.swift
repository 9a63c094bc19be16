import Foundation
import JSON
import Testing

/// Replays the worked examples of protocol.md §5 and §6 against the real binary: every `-->` line is sent
/// (line mode, in a fresh folder standing in for `/tmp/shop`), every `<--` response must come back
/// exactly (matched by id), and the notifications must come in the documented order.
@Suite struct WorkspaceProtocolExamplesTests {
    static let documentedFolder = "/tmp/shop"

    @Test(arguments: ["## 5.", "## 6."])
    func examplesMatchTheBinary(section: String) throws {
        let protocolText = try String(contentsOfFile: WorkspaceEngineProcess.repositoryRootPath + "/protocol.md", encoding: .utf8)
        let body = try #require(Self.section(section, of: protocolText))
        let folder = try workspaceTemporaryFolder()
        // §5.4's two plain code blocks are the kols.csv and posts.csv of the example folder.
        let plain = Self.codeBlocks(body).filter { !$0.contains("--> ") && !$0.contains("\"textDocumentSync\"") }
        if section == "## 5." {
            try #require(plain.count >= 2)
            try Data(plain[0].utf8).write(to: URL(fileURLWithPath: folder + "/kols.csv"))
            try Data(plain[1].utf8).write(to: URL(fileURLWithPath: folder + "/posts.csv"))
        }
        let lines = body.split(separator: "\n").map { $0.replacingOccurrences(of: Self.documentedFolder, with: folder) }
        let transcript = lines.filter { $0.hasPrefix("--> ") || $0.hasPrefix("<-- ") }
        #expect(transcript.count >= 16)

        // In transcript order: send each request; wait for each documented answer before going on, so a
        // publish that the documentation shows between two edits is not coalesced away by sending faster.
        let engine = try WorkspaceEngineProcess(mode: .lines, directory: folder)
        defer { engine.finish() }
        for line in transcript {
            let text = String(line.dropFirst(4))
            if line.hasPrefix("--> ") {
                engine.send(text)
                continue
            }
            let expected = try JSONDocument(bytes: Array(text.utf8)).root
            let received: JSONNode?
            if let id = expected["id"]?.int {
                received = engine.next { $0["id"]?.int == id }
            } else {
                let method = expected["method"]?.string
                received = engine.next { $0["method"]?.string == method && $0["id"] == nil }
            }
            #expect(received?.json == expected.json)
        }
    }

    /// From the heading starting with `prefix` to the next `## ` heading.
    static func section(_ prefix: String, of text: String) -> String? {
        guard let start = text.range(of: "\n" + prefix) else { return nil }
        let rest = text[start.upperBound...]
        let end = rest.range(of: "\n## ")?.lowerBound ?? rest.endIndex
        return String(rest[..<end])
    }

    static func codeBlocks(_ text: String) -> [String] {
        let parts = text.components(separatedBy: "```\n")
        return stride(from: 1, to: parts.count, by: 2).map { parts[$0] }
    }
}
