import Server

/// `kol-engine serve`: the stdio JSON-RPC server.
enum ServeCommand {
    static func run(_ options: ServeOptions) -> Int32 {
        let server = Server.standard(configuration: .init(framing: options.framing, maxMessageBytes: options.maxMessageBytes),
                                     allowedPaths: options.allowedPaths)
        return server.run(input: 0, output: 1)
    }
}
