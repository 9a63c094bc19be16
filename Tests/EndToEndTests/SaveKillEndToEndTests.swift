import Foundation
import JSON
import Testing

/// Crash-safe saving: an engine saving a large workspace over and over is `kill -9`ed at random moments;
/// the target must always be exactly the old or the new content (so it parses). 20 rounds here;
/// `scripts/save-kill.sh` runs 100 (`KOL_SAVE_KILL_ROUNDS`).
@Suite struct SaveKillEndToEndTests {
    @Test func killDuringSaveLeavesOldOrNewFile() throws {
        let rounds = Int(ProcessInfo.processInfo.environment["KOL_SAVE_KILL_ROUNDS"] ?? "") ?? 20
        let folder = try workspaceTemporaryFolder()
        // Two versions of a ~4 MB workspace that differ in every KOL, saved once cleanly as references.
        let setup = try WorkspaceEngineProcess(directory: folder)
        for (name, shift) in [("a.kol.json", 0), ("b.kol.json", 7)] {
            let response = setup.request("kol/load", #"{"text":\#(workspaceQuoted(Self.jsonl(shift: shift))),"format":"kols.jsonl","replace":true}"#)
            #expect(response?["result"]?["loaded"]?.int == 3000)
            #expect(setup.request("kol/save", #"{"path":"\#(name)"}"#)?["result"] != nil)
        }
        setup.finish()
        let a = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/a.kol.json")))
        let b = try [UInt8](Data(contentsOf: URL(fileURLWithPath: folder + "/b.kol.json")))
        #expect(a != b && a.count > 1_000_000)
        let target = folder + "/target.kol.json"
        try Data(a).write(to: URL(fileURLWithPath: target))

        var generator = SplitMix(seed: UInt64(Date().timeIntervalSince1970))
        var changed = 0
        for round in 0..<rounds {
            let before = try [UInt8](Data(contentsOf: URL(fileURLWithPath: target)))
            let next = before == a ? "b.kol.json" : "a.kol.json"
            let engine = try WorkspaceEngineProcess(directory: folder)
            // One complete save first, so every round changes the target whatever the machine's load (on a
            // busy machine a blind random kill can land before any save and test nothing).
            #expect(engine.request("kol/load", #"{"path":"\#(next)","replace":true}"#)?["result"] != nil)
            #expect(engine.request("kol/save", #"{"path":"target.kol.json"}"#)?["result"] != nil)
            // Then saves that alternate the content, killed at a random moment (one save takes ~0.3 s in debug).
            for id in 100..<140 {
                let source = id % 2 == 0 ? (next == "a.kol.json" ? "b.kol.json" : "a.kol.json") : next
                engine.send(#"{"jsonrpc":"2.0","id":\#(id * 2),"method":"kol/load","params":{"path":"\#(source)","replace":true}}"#)
                engine.send(#"{"jsonrpc":"2.0","id":\#(id * 2 + 1),"method":"kol/save","params":{"path":"target.kol.json"}}"#)
            }
            usleep(UInt32(generator.next() % 1_200_000))
            engine.kill9()
            engine.process.waitUntilExit()
            let after = try [UInt8](Data(contentsOf: URL(fileURLWithPath: target)))
            #expect(after == a || after == b, "round \(round): torn file of \(after.count) bytes")
            #expect((try? JSONDocument(bytes: after)) != nil, "round \(round): does not parse")
            if after != before { changed += 1 }
        }
        // Every round completed at least one save of the other content before its kill.
        #expect(changed > 0)
    }

    /// 3000 KOLs with a few posts each; `shift` changes every KOL's numbers.
    static func jsonl(shift: Int) -> String {
        var out = ""
        for index in 0..<3000 {
            let posts = (0..<4).map { p in
                #"{"id":"p\#(p)","at":"2026-0\#(p + 1)-1\#(p)","text":"西湖龙井🍵 第\#(p)条 \#(String(repeating: "茶", count: 40))","likes":\#(index + p + shift)}"#
            }.joined(separator: ",")
            out += #"{"id":"u\#(index)","name":"茶人\#(index)","stars":3,"followers":\#(1000 + index + shift),"posts":[\#(posts)]}"# + "\n"
        }
        return out
    }
}
