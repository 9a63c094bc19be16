import Server

/// `kol-engine demo`: loads the demo workspace embedded in the binary and prints the report.
enum DemoCommand {
    static func run() -> Int32 {
        print(DemoReport.run(), terminator: "")
        return 0
    }
}
