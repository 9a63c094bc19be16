import Server

enum HelpText {
    static let usage = """
        usage: kol-engine [serve] [--lines|--lsp] [--max-message-bytes N] [--allow-path DIR]...
               kol-engine check FILE...
               kol-engine demo
               kol-engine --help | --version

        serve    JSON-RPC 2.0 on stdin/stdout (the default). LSP framing (Content-Length headers) or
                 one message per line; detected from the first byte unless --lines or --lsp is given.
                 --max-message-bytes N   refuse larger messages (default 67108864 = 64 MiB)
                 --allow-path DIR        let kol/load and kol/save use DIR too (repeatable); by default
                                         only the client's workspace folders (or the working directory)
        check    report JSON syntax errors and data-quality problems of *.kol.json, *.kols.jsonl and
                 kols.csv files as file:line:col: error|warning: message [code] (exit status 1 on errors)
        demo     load the demo workspace built into the binary and print a report

        Protocol: protocol.md
        """
}

enum VersionText {
    static var line: String { "\(ServerInfo.name) \(ServerInfo.version)" }
}
