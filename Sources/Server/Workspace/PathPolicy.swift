import Foundation
import RPC

/// Confined file access: `kol/load` and `kol/save` touch only files under an allowed root.
///
/// Roots are the workspace folders the client named at `initialize` (`workspaceFolders`, else `rootUri`,
/// else `rootPath`), or the working directory when it named none, plus every `--allow-path DIR`.
/// A path is judged after resolving `.`, `..` and symlinks (`realpath`); a file that does not exist yet
/// (a save target) is judged by the real path of its existing parent folder plus its name, so a symlinked
/// folder cannot smuggle a save outside. Roots are resolved the same way, once.
final class PathPolicy: @unchecked Sendable {
    private let lock = NSLock()
    private var clientRoots: [String]?
    private let extraRoots: [String]
    private let workingDirectory: String

    init(allowedPaths: [String], workingDirectory: String = FileManager.default.currentDirectoryPath) {
        self.workingDirectory = workingDirectory
        extraRoots = allowedPaths.map { PathPolicy.resolveExisting(PathPolicy.absolute($0, in: workingDirectory)) ?? $0 }
    }

    /// Sets the client's workspace folders (file paths or `file://` URIs). Empty means "none given".
    func setClientRoots(_ roots: [String]) {
        let resolved = roots.compactMap { root -> String? in
            let path = PathPolicy.filePath(fromURIOrPath: root)
            return PathPolicy.resolveExisting(PathPolicy.absolute(path, in: workingDirectory))
        }
        lock.lock()
        clientRoots = resolved.isEmpty ? nil : resolved
        lock.unlock()
    }

    /// The roots in force, client folders (or the working directory) first.
    var allowedRoots: [String] {
        lock.lock()
        let client = clientRoots
        lock.unlock()
        let primary = client ?? [PathPolicy.resolveExisting(workingDirectory) ?? workingDirectory]
        var seen = Set<String>()
        return (primary + extraRoots).filter { seen.insert($0).inserted }
    }

    /// The resolved path when `path` may be used, else an `ApplicationError.pathNotAllowed` (or a file
    /// error when not even its folder exists).
    func check(_ path: String) throws -> String {
        let absolute = PathPolicy.absolute(PathPolicy.filePath(fromURIOrPath: path), in: workingDirectory)
        guard let resolved = PathPolicy.resolveForAccess(absolute) else {
            throw ApplicationError.fileError(path: path, reason: "the folder does not exist")
        }
        let roots = allowedRoots
        guard roots.contains(where: { PathPolicy.isInside(resolved, root: $0) }) else {
            throw ApplicationError.pathNotAllowed(path: path, resolved: resolved, roots: roots)
        }
        return resolved
    }

    // MARK: Path helpers

    static func isInside(_ path: String, root: String) -> Bool {
        if root == "/" { return path.hasPrefix("/") }
        return path == root || path.hasPrefix(root.hasSuffix("/") ? root : root + "/")
    }

    static func absolute(_ path: String, in directory: String) -> String {
        path.hasPrefix("/") ? path : (directory.hasSuffix("/") ? directory : directory + "/") + path
    }

    /// `file:///a/b%20c` → `/a/b c`; anything else is returned unchanged.
    static func filePath(fromURIOrPath text: String) -> String {
        guard text.hasPrefix("file://"), let url = URL(string: text), url.isFileURL else { return text }
        return url.path
    }

    /// `realpath` of an existing file or folder.
    static func resolveExisting(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The real path of `path` if it exists; else the real path of its parent folder plus its last
    /// component (which must not be `..` or `.`).
    static func resolveForAccess(_ path: String) -> String? {
        if let existing = resolveExisting(path) { return existing }
        let url = URL(fileURLWithPath: path)
        let name = url.lastPathComponent
        guard !name.isEmpty, name != "..", name != "." else { return nil }
        guard let parent = resolveExisting(url.deletingLastPathComponent().path) else { return nil }
        return (parent == "/" ? "" : parent) + "/" + name
    }
}
