import Foundation

/// Locates `/work/shared`-style test data: `<repo root>/../shared`, or `$KOL_SHARED` when set.
enum SharedTestData {
    static var directory: String {
        if let override = ProcessInfo.processInfo.environment["KOL_SHARED"], !override.isEmpty { return override }
        // #filePath = <root>/Tests/JSONTests/SharedTestData.swift
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
        return root.appendingPathComponent("../shared").standardizedFileURL.path
    }

    static func files(in relativePath: String) -> [(name: String, bytes: [UInt8])] {
        let folder = directory + "/" + relativePath
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.sorted().compactMap { name in
            guard name.hasSuffix(".json"), let data = FileManager.default.contents(atPath: folder + "/" + name) else {
                return nil
            }
            return (name, [UInt8](data))
        }
    }
}
