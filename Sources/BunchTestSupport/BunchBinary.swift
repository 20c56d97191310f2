import Foundation

/// Runs the built `bunch` executable, as a user would, and captures what it printed.
public enum BunchBinary {
    /// What one run produced.
    public struct Result: Sendable {
        /// The exit status (128 + signal when killed by one).
        public var status: Int32
        /// Standard output.
        public var stdout: String
        /// Standard error.
        public var stderr: String
    }

    /// The executable: `BUNCH_BINARY`, else `bunch` beside the test bundle in the build folder.
    public static var url: URL? {
        if let path = ProcessInfo.processInfo.environment["BUNCH_BINARY"] { return URL(fileURLWithPath: path) }
        let folders = [Bundle.main.bundleURL.deletingLastPathComponent(), Bundle.main.bundleURL,
                       Bundle.main.executableURL?.deletingLastPathComponent()].compactMap { $0 }
        return folders.map { $0.appendingPathComponent("bunch") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts `bunch` without waiting, output discarded: for tests that interrupt or kill it.
    public static func start(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Process {
        let process = try makeProcess(arguments, in: folder, environment: environment)
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        return process
    }

    /// A process for `bunch` in a folder, with colour off, a fixed date and extra environment.
    private static func makeProcess(_ arguments: [String], in folder: URL, environment: [String: String]) throws -> Process {
        guard let url else { throw CocoaError(.fileNoSuchFile, userInfo: [NSLocalizedDescriptionKey: "bunch binary not built"]) }
        let process = Process()
        process.executableURL = url
        process.arguments = arguments
        process.currentDirectoryURL = folder
        var env = ProcessInfo.processInfo.environment
        env["NO_COLOR"] = "1"
        env["BUNCH_TODAY"] = "2026-11-21"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        return process
    }

    /// Runs `bunch` with arguments in a folder; output goes through files so large outputs
    /// cannot fill a pipe and stall the child.
    public static func run(_ arguments: [String], in folder: URL, environment: [String: String] = [:]) throws -> Result {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bunch-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }
        let out = scratch.appendingPathComponent("stdout")
        let err = scratch.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        let process = try makeProcess(arguments, in: folder, environment: environment)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        return Result(status: status, stdout: try String(contentsOf: out, encoding: .utf8),
                      stderr: try String(contentsOf: err, encoding: .utf8))
    }
}
