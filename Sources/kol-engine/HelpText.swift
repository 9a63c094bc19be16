import Server

enum HelpText {
    static let usage = """
        usage: kol-engine [serve] [--lines|--lsp] [--max-message-bytes N]
               kol-engine check FILE...
               kol-engine --help | --version

        serve    JSON-RPC 2.0 on stdin/stdout (the default). LSP framing (Content-Length headers) or
                 one message per line; detected from the first byte unless --lines or --lsp is given.
                 --max-message-bytes N   refuse larger messages (default 67108864 = 64 MiB)
        check    report JSON syntax errors as file:line:col: error: message (exit status 1 if any)

        Protocol: protocol.md
        """
}

enum VersionText {
    static var line: String { "\(ServerInfo.name) \(ServerInfo.version)" }
}
