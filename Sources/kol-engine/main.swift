// kol-engine: parse the command line, run one command, exit with its status.
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// A client that goes away must not kill us mid-write with SIGPIPE: writes just fail and we carry on to EOF.
signal(SIGPIPE, SIG_IGN)

let status: Int32
switch CommandLineParser.parse(Array(CommandLine.arguments.dropFirst())) {
case .success(let command):
    status = command.run()
case .failure(let error):
    printError("kol-engine: \(error.message)\nTry 'kol-engine --help'.")
    status = 2
}
exit(status)
