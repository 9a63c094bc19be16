import Server

enum HelpText {
    static let usage = """
        usage: kol-engine [serve] [--lines|--lsp] [--max-message-bytes N] [--allow-path DIR]...
               kol-engine check [--format text|json] [--now DATE] FILE...
               kol-engine demo
               kol-engine --help | --version

        serve    JSON-RPC 2.0 on stdin/stdout (the default). LSP framing (Content-Length headers) or
                 one message per line; detected from the first byte unless --lines or --lsp is given.
                 --max-message-bytes N   refuse larger messages (default 67108864 = 64 MiB)
                 --allow-path DIR        let kol/load and kol/save use DIR too (repeatable); by default
                                         only the client's workspace folders (or the working directory)
        check    report JSON syntax errors, data-quality problems and red flags of *.kol.json, *.kols.jsonl
                 and kols.csv files as file:line:col: error|warning|note: message [code], then the ranked
                 table; exit status 1 on any error (data error or error-severity red flag)
                 --format json   one JSON object: {files: [{file, findings, rank}], errors}
                 --now DATE      "today" for dormancy and account age (default: the clock)
        demo     load the demo workspace built into the binary and print the full report: ranking,
                 shortlist within the budget, pilot, red flags with evidence, tone fit

        Protocol: protocol.md
        """
}

enum VersionText {
    static var line: String { "\(ServerInfo.name) \(ServerInfo.version)" }
}
