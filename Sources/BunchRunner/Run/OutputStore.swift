import BunchKit
import Crypto
import Foundation

/// A campaign's output folder (SPEC §4): images under `draft/` and `final/`, the journal, the
/// manifest and the approvals. Every file is written to a temporary name and renamed, so a
/// crash never leaves a half-written file under its real name.
public struct OutputStore: Sendable {
    /// `out/<campaign>/`.
    public let root: URL

    /// Creates the store for a campaign under an output root.
    public init(outputRoot: URL, campaign: String) {
        root = outputRoot.appendingPathComponent(SlugSanitizer.sanitize(campaign), isDirectory: true)
    }

    /// The journal.
    public var journalURL: URL { root.appendingPathComponent("journal.jsonl") }
    /// The manifest.
    public var manifestURL: URL { root.appendingPathComponent("manifest.json") }
    /// The approvals.
    public var approvalsURL: URL { root.appendingPathComponent("approvals.json") }

    /// Creates the folder and removes temporary files a crash left behind.
    public func prepare() throws {
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        guard let walker = FileManager.default.enumerator(at: root, includingPropertiesForKeys: nil) else { return }
        for case let url as URL in walker where url.lastPathComponent.hasSuffix(".tmp") {
            try? FileManager.default.removeItem(at: url)
        }
    }

    /// The folder of a request's images, relative to the root: `draft/<slug>--<id8>`.
    public func folder(for request: PlannedRequest) -> String {
        "\(request.stage.rawValue)/\(request.folderName)"
    }

    /// Writes a request's images as `1.png`, `2.jpg` … (by their bytes), each atomically.
    public func writeImages(_ images: [GeneratedImage], for request: PlannedRequest) throws -> [FileRecord] {
        let folder = folder(for: request)
        let directory = root.appendingPathComponent(folder, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var records: [FileRecord] = []
        for (index, image) in images.enumerated() {
            let name = "\(index + 1).\(image.format.fileExtension)"
            try Self.writeAtomically(image.bytes, to: directory.appendingPathComponent(name))
            records.append(FileRecord(path: "\(folder)/\(name)", sha256: Self.sha256(image.bytes), bytes: image.bytes.count,
                                      mime: image.format.mimeType, width: image.size.width, height: image.size.height))
        }
        return records
    }

    /// Writes bytes to a temporary name beside the target, flushes them to disk, then renames.
    public static func writeAtomically(_ bytes: [UInt8], to url: URL) throws {
        let temporary = url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(UUID().uuidString.prefix(8)).tmp")
        guard FileManager.default.createFile(atPath: temporary.path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: temporary.path])
        }
        do {
            let handle = try FileHandle(forWritingTo: temporary)
            try handle.write(contentsOf: bytes)
            try handle.synchronize()
            try handle.close()
            if rename(temporary.path, url.path) != 0 {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
    }

    /// Reads an image this store wrote.
    public func read(_ file: FileRecord) -> [UInt8]? {
        (try? Data(contentsOf: root.appendingPathComponent(file.path))).map { [UInt8]($0) }
    }

    /// Hex SHA-256.
    public static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
