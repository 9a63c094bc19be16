import Foundation
import Testing

/// Runs every worked example of protocol.md marked `<!-- example lines -->` or `<!-- example lsp -->`
/// against the real binary: `→` lines are sent (framed for lsp), `←` lines must come back exactly, in order.
/// A document whose examples drift from the engine fails here.
@Suite struct ProtocolExampleTests {
    struct Example: CustomStringConvertible {
        var framing: String
        var sent: [String]
        var expected: [String]
        var description: String { "\(framing): \(sent.first ?? "")" }
    }

    static let examples: [Example] = {
        let repo = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        guard let text = try? String(contentsOf: repo.appendingPathComponent("protocol.md"), encoding: .utf8) else { return [] }
        var examples: [Example] = []
        let lines = text.components(separatedBy: "\n")
        var index = 0
        while index < lines.count {
            let line = lines[index]
            index += 1
            guard line.hasPrefix("<!-- example "), let framing = line.split(separator: " ").dropFirst(2).first else { continue }
            var example = Example(framing: String(framing), sent: [], expected: [])
            index += 1  // the ``` fence
            while index < lines.count, !lines[index].hasPrefix("```") {
                if lines[index].hasPrefix("→ ") { example.sent.append(String(lines[index].dropFirst(2))) }
                if lines[index].hasPrefix("← ") { example.expected.append(String(lines[index].dropFirst(2))) }
                index += 1
            }
            examples.append(example)
        }
        return examples
    }()

    @Test func protocolDocumentHasExamples() {
        #expect(Self.examples.count >= 3)
    }

    @Test(arguments: examples)
    func exampleRunsAsDocumented(_ example: Example) throws {
        if example.framing == "lsp" {
            let input = example.sent.map(frame).joined()
            let run = try runEngine(["--lsp"], input: Array(input.utf8), closeInput: false)
            #expect(unframe(run.stdout) == example.expected)
        } else {
            let input = example.sent.map { $0 + "\n" }.joined()
            let run = try runEngine(["--lines"], input: Array(input.utf8))
            #expect(run.stdoutText.split(separator: "\n").map(String.init) == example.expected)
        }
    }
}
