import Foundation

/// A Bunch project: the folder holding `templates/` and `campaigns/`.
public struct Project: Sendable {
    /// The project root, standardized.
    public let root: URL

    /// Creates a project at a root folder.
    public init(root: URL) {
        self.root = root.standardizedFileURL
    }

    /// Finds the project: the given folder, else the nearest folder upward from `start` that
    /// holds `templates/` or `campaigns/`.
    public static func find(from start: URL, explicit: URL?) throws(ProjectError) -> Project {
        let manager = FileManager.default
        if let explicit {
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: explicit.path, isDirectory: &isDirectory), isDirectory.boolValue else {
                throw ProjectError(message: "project folder \(explicit.path) does not exist")
            }
            return Project(root: explicit)
        }
        var folder = start.standardizedFileURL
        while true {
            for marker in ["templates", "campaigns"] {
                var isDirectory: ObjCBool = false
                if manager.fileExists(atPath: folder.appendingPathComponent(marker).path, isDirectory: &isDirectory),
                   isDirectory.boolValue {
                    return Project(root: folder)
                }
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path {
                throw ProjectError(message: "no Bunch project here: no templates/ or campaigns/ folder in \(start.path) "
                    + "or above it; run `bunch init` or pass --project DIR")
            }
            folder = parent
        }
    }

    /// The path shown for a file: relative to the root when inside it.
    public func displayPath(of url: URL) -> String {
        let path = url.standardizedFileURL.path
        if path.hasPrefix(root.path + "/") { return String(path.dropFirst(root.path.count + 1)) }
        return path
    }

    /// Every YAML file under `templates/`, sorted.
    public func templateFiles() -> [URL] { yamlFiles(under: "templates", recursive: true) }

    /// Every YAML file directly under `campaigns/`, sorted.
    public func campaignFiles() -> [URL] { yamlFiles(under: "campaigns", recursive: false) }

    /// Finds a campaign file from a path (relative to the working folder or the root) or a name.
    public func campaignFile(_ argument: String, workingDirectory: URL) throws(ProjectError) -> URL {
        let manager = FileManager.default
        let candidates = [
            URL(fileURLWithPath: argument, relativeTo: workingDirectory),
            root.appendingPathComponent(argument),
            root.appendingPathComponent("campaigns/\(argument).yaml"),
            root.appendingPathComponent("campaigns/\(argument).yml"),
        ]
        for candidate in candidates {
            var isDirectory: ObjCBool = false
            if manager.fileExists(atPath: candidate.path, isDirectory: &isDirectory), !isDirectory.boolValue {
                return candidate.standardizedFileURL
            }
        }
        let names = campaignFiles().map { SpecDecoder.stem(of: $0.lastPathComponent) }
        var message = "no campaign '\(argument)' in \(displayPath(of: root.appendingPathComponent("campaigns")))/"
        if let suggestion = KeySuggester.suggestion(for: argument, among: names) {
            message += "; did you mean '\(suggestion)'?"
        } else if !names.isEmpty {
            message += " (campaigns: \(names.joined(separator: ", ")))"
        }
        throw ProjectError(message: message)
    }

    private func yamlFiles(under folder: String, recursive: Bool) -> [URL] {
        let base = root.appendingPathComponent(folder)
        let manager = FileManager.default
        var result: [URL] = []
        if recursive {
            guard let enumerator = manager.enumerator(at: base, includingPropertiesForKeys: nil) else { return [] }
            for case let url as URL in enumerator where ["yaml", "yml"].contains(url.pathExtension) {
                result.append(url.standardizedFileURL)
            }
        } else {
            let names = (try? manager.contentsOfDirectory(atPath: base.path)) ?? []
            result = names.filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .map { base.appendingPathComponent($0).standardizedFileURL }
        }
        return result.sorted { $0.path < $1.path }
    }
}

/// A project that cannot be found or a file in it that cannot be named.
public struct ProjectError: Error, Sendable, CustomStringConvertible {
    /// What is wrong.
    public let message: String
    public var description: String { message }
}
