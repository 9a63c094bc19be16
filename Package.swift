// swift-tools-version:6.0
// kol-engine: a stdio JSON-RPC / LSP engine for choosing Weibo KOLs.
// Layers (one direction of dependency, see ARCHITECTURE.md):
//   JSON → RPC, KOLCore → Server → kol-engine, kol-bench
// No third-party packages: Foundation, Dispatch, XCTest and Swift Testing only.
import PackageDescription

let package = Package(
    name: "kol-engine",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "kol-engine", targets: ["kol-engine"]),
        .executable(name: "kol-bench", targets: ["kol-bench"]),
    ],
    targets: [
        .target(name: "JSON"),
        .target(name: "RPC", dependencies: ["JSON"]),
        .target(name: "KOLCore", dependencies: ["JSON"]),
        .target(name: "Server", dependencies: ["JSON", "RPC", "KOLCore"]),
        .executableTarget(name: "kol-engine", dependencies: ["Server", "RPC", "JSON", "KOLCore"]),
        .executableTarget(name: "kol-bench", dependencies: ["Server", "RPC", "JSON", "KOLCore"]),
        .testTarget(name: "JSONTests", dependencies: ["JSON"]),
        .testTarget(name: "RPCTests", dependencies: ["RPC", "JSON"]),
        .testTarget(name: "KOLCoreTests", dependencies: ["KOLCore", "JSON"]),
        .testTarget(name: "ServerTests", dependencies: ["Server", "RPC", "KOLCore", "JSON"]),
        .testTarget(name: "EndToEndTests", dependencies: ["JSON"]),
    ]
)
