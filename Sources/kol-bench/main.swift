// kol-bench: every performance figure of kol-engine, each printed beside a baseline measured in the same run
// (the machines are noisy, so only ratios are comparable between runs). Build with `-c release`.
//
// Subcommands each live in their own file; this file only dispatches.

let arguments = Array(CommandLine.arguments.dropFirst())
let command = arguments.first ?? "all"
let rest = Array(arguments.dropFirst())

switch command {
case "json": JSONBench.run(rest)
case "transport": TransportBench.run(rest)
case "echo-server": EchoServer.run(rest)
case "tone": ToneBench.run(rest)
case "train-tone": ToneTraining.run(rest)
case "train-fans": FanTraining.run(rest)
case "soak": Soak.run(rest)
case "gen": GenCommand.run(rest)
case "scale": ScaleBench.run(rest)
case "all":
    JSONBench.run(rest)
    TransportBench.run(rest)
    ToneBench.run(rest)
case "--help", "-h", "help":
    print(
        """
        usage: kol-bench [all|json|transport|tone|scale] [options]
               kol-bench gen --kols N --posts M --seed S [--format jsonl|json] [--out FILE]
               kol-bench train-tone|train-fans [options]   (retrain the committed model weights)
               kol-bench soak [--requests N] [--window N] [--max-rss-growth %]   (long mixed session)
        """)
default:
    print("kol-bench: unknown command '\(command)' (try --help)")
}
