import BunchKit
import Foundation

/// A project folder written to a temporary directory for one test, removed when the value is
/// released.
public final class TemporaryProject: Sendable {
    /// The project root.
    public let root: URL

    /// Writes files (project-relative path → text) into a fresh folder with `templates/` and
    /// `campaigns/`.
    public init(files: [String: String]) throws {
        root = FileManager.default.temporaryDirectory
            .appendingPathComponent("bunch-test-\(UUID().uuidString)", isDirectory: true)
        for folder in ["templates", "campaigns"] {
            try FileManager.default.createDirectory(at: root.appendingPathComponent(folder),
                                                    withIntermediateDirectories: true)
        }
        for (path, text) in files {
            try write(path, text)
        }
    }

    /// Writes or replaces one file.
    public func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    /// Writes bytes to a file.
    public func write(_ path: String, bytes: [UInt8]) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
    }

    /// The project value.
    public var project: Project { Project(root: root) }

    /// Loads the project with the built-in catalog.
    public func load() -> LoadedProject {
        LoadedProject.load(project, catalog: .builtIn)
    }

    /// Lints every file of the project on a fixed day.
    public func lint(today: String = "2026-11-21") -> LintReport {
        Linter(loaded: load(), today: today).lint()
    }

    deinit {
        try? FileManager.default.removeItem(at: root)
    }
}
