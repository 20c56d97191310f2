import ArgumentParser
import Foundation

/// Writing to the terminal: diagnostics and progress to stderr, data to stdout.
enum Terminal {
    /// Writes to standard error.
    static func standardError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }

    /// Writes to standard output; a closed pipe (`| head`) ends the program quietly.
    static func standardOutput(_ text: String) throws {
        try standardOutput(bytes: Array(text.utf8))
    }

    /// Writes bytes to standard output.
    static func standardOutput(bytes: [UInt8]) throws {
        do {
            try FileHandle.standardOutput.write(contentsOf: bytes)
        } catch {
            throw ExitCode(0)
        }
    }

    /// Whether standard error is a terminal that wants colour (`NO_COLOR` turns it off).
    static var colourOnStandardError: Bool {
        isatty(2) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// Prints `error: message` and exits with a code.
    static func fail(_ message: String, code: Int32 = 2) -> ExitCode {
        standardError("error: \(message)\n")
        return ExitCode(code)
    }

    /// Today as `YYYY-MM-DD` in UTC, or `BUNCH_TODAY` when set (for reproducible runs).
    static var today: String {
        if let fixed = ProcessInfo.processInfo.environment["BUNCH_TODAY"] { return fixed }
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd"
        return formatter.string(from: Date())
    }
}
