import Foundation

/// Compares text with a golden file under a test target's `Goldens/` folder. With
/// `RECORD_GOLDENS=1` in the environment the file is written instead, for a reviewer to read in
/// the diff.
public enum Golden {
    /// Returns nil when `actual` matches the golden (or was recorded), else a description of the
    /// first difference.
    public static func check(_ actual: String, named name: String, testFile: String = #filePath) -> String? {
        let folder = URL(fileURLWithPath: testFile).deletingLastPathComponent().appendingPathComponent("Goldens")
        let url = folder.appendingPathComponent(name)
        if ProcessInfo.processInfo.environment["RECORD_GOLDENS"] == "1" {
            try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try? Data(actual.utf8).write(to: url)
            return nil
        }
        guard let data = try? Data(contentsOf: url) else {
            return "golden \(name) is missing; run with RECORD_GOLDENS=1 to record it"
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected == actual { return nil }
        let expectedLines = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(expectedLines.count, actualLines.count) {
            let want = index < expectedLines.count ? String(expectedLines[index]) : "<end>"
            let got = index < actualLines.count ? String(actualLines[index]) : "<end>"
            if want != got {
                return "golden \(name) differs at line \(index + 1):\n  expected: \(want)\n  actual:   \(got)"
            }
        }
        return "golden \(name) differs"
    }
}
