import Foundation
import Testing

/// `kol-engine check` with red flags and the ranking, `--format json`, exit codes; `kol-engine demo`'s report;
/// the scoring methods over the real binary.
@Suite struct ScoringCommandsEndToEndTests {
    static let demo = WorkspaceEngineProcess.repositoryRootPath + "/examples/demo.kol.json"

    @Test func checkOnTheDemoPrintsFlagsAtTheirValuesThenTheRankingAndFailsOnErrorFlags() throws {
        let result = try WorkspaceCommandsEndToEndTests.run(["check", "--now", "2026-11-26", Self.demo])
        #expect(result.status == 1)  // bought-reposts and stars-followers-mismatch are errors
        let lines = result.output.split(separator: "\n").map(String.init)
        let findings = lines.filter { $0.hasPrefix(Self.demo + ":") }
        #expect(findings.count == 19)  // DEMO.md's designed flags (minus fake-fans) plus its two allowed side effects
        #expect(findings.contains { $0.hasSuffix("[tone-clash]") && $0.contains(": warning: 御茗轩茶业 (2281630094): ") })
        #expect(findings.contains { $0.contains(": error: 鹿鹿的茶时光 (7810936642): ") && $0.hasSuffix("[bought-reposts]") })
        #expect(!findings.contains { $0.contains("西湖边的阿萌") || $0.contains("苏州小满的慢日子") })
        let table = try #require(lines.firstIndex { $0.hasPrefix("Ranking (14 KOLs)") })
        #expect(lines[table + 2].hasPrefix(" 1  西湖边的阿萌         97.9  100 %   3,500  -"))
    }

    @Test func checkExitsZeroWithoutErrorFlagsAndSpeaksJSON() throws {
        let folder = try workspaceTemporaryFolder()
        let file = folder + "/one.kol.json"
        try Data(#"{"version": 1, "kols": [{"id": "a", "name": "阿", "stars": 3, "followers": 300000, "price": 4000, "channels": []}]}"#.utf8)
            .write(to: URL(fileURLWithPath: file))
        let text = try WorkspaceCommandsEndToEndTests.run(["check", file])
        #expect(text.status == 0)
        // `"channels": ` ends at character 109 (24 + 12 + 13 + 12 + 21 + 15 + 12), so its `[` is column 110.
        #expect(text.output.contains("\(file):1:110: note: 阿 (a): No presence beyond Weibo"))
        let json = try WorkspaceCommandsEndToEndTests.run(["check", "--format", "json", file])
        #expect(json.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.output.utf8)) as? [String: Any])
        #expect(object["errors"] as? Int == 0)
        let files = try #require(object["files"] as? [[String: Any]])
        let rank = try #require(files.first?["rank"] as? [String: Any])
        // Built-in ★3 peers (300k, 4 000): starsFollowers 100 and value 100; otherMedia 0 (no channel):
        // (0.10·100 + 0.15·100 + 0.05·0) / 0.30 = 83.3; the information flag costs nothing.
        #expect((rank["kols"] as? [[String: Any]])?.first?["score"] as? Double == 83.3)
        #expect((files.first?["findings"] as? [[String: Any]])?.first?["code"] as? String == "no-other-media")
        #expect(try WorkspaceCommandsEndToEndTests.run(["check", "--format", "yaml", file]).status == 2)
    }

    @Test func demoReportHasRankingShortlistPilotFlagsAndToneFit() throws {
        let result = try WorkspaceCommandsEndToEndTests.run(["demo"])
        #expect(result.status == 0)
        let output = result.output
        #expect(output.contains("Ranking for the brief (today = 2026-11-26)"))
        #expect(output.contains(" 1  西湖边的阿萌         97.9  100 %   3,500  -"))
        #expect(output.contains("Shortlist within the budget of 30,000 CNY (exact, dynamicProgramming):"))
        #expect(output.contains("Start small: a pilot of 2 for 5,500 CNY:"))
        #expect(output.contains("warning [tone-drift] The voice changed from 2026-11 on"))
        #expect(output.contains("  御茗轩茶业: 7  voice clashes with the brief's lighthearted tone"))
        #expect(output.hasSuffix("Best match: 西湖边的阿萌 (score 97.9). Hover a KOL in an editor, or run kol/score, for the full breakdown.\n"))
    }
}
