import Foundation
import JSON

/// `kol-bench soak`: a long mixed session against the real `kol-engine` over pipes (issue 9).
///
/// The engine runs in line mode in a scratch folder. Requests go out in rounds that leave the workspace as
/// they found it — load a saved file (replace), upsert temporary KOLs, read them back, list with filters,
/// score and red-flag them, rank, compare tones and allocate a budget (a fixed `now`, seeded),
/// remove them, open/edit/close an editor document, save now and then — pipelined with at most `window`
/// unanswered. After the warm-up (10 % of the run) the engine's RSS and open file descriptors are sampled,
/// and a fixed set of probe requests is answered; at the end the same probes must give byte-identical
/// answers, RSS must not have grown by more than `--max-rss-growth` percent and no descriptor may have
/// leaked. Exit status 1 when any check fails.
///
///     kol-bench soak [--requests N] [--engine PATH] [--window N] [--max-rss-growth PERCENT]
enum Soak {
    struct Options {
        var requests = 1_000_000
        var engine: String?
        var window = 256
        var maxRSSGrowthPercent = 10.0
    }

    static func run(_ arguments: [String]) {
        var options = Options()
        var rest = arguments[...]
        while let flag = rest.popFirst() {
            let value = rest.popFirst() ?? ""
            switch flag {
            case "--requests": options.requests = Int(value) ?? options.requests
            case "--engine": options.engine = value
            case "--window": options.window = max(1, Int(value) ?? options.window)
            case "--max-rss-growth": options.maxRSSGrowthPercent = Double(value) ?? options.maxRSSGrowthPercent
            default:
                print("kol-bench soak: unknown option \(flag)")
                exit(2)
            }
        }
        do {
            exit(try SoakSession(options).run() ? 0 : 1)
        } catch {
            print("kol-bench soak: \(error)")
            exit(2)
        }
    }

    /// `kol-engine` next to this executable (both are built into the same folder).
    static func siblingEngine() -> String {
        let me = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe")) ?? CommandLine.arguments[0]
        return URL(fileURLWithPath: me).deletingLastPathComponent().appendingPathComponent("kol-engine").path
    }
}
