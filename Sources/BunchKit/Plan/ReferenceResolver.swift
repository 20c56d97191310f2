import Crypto
import Foundation

/// Finds and hashes reference images. Local paths are resolved against the folder of the file
/// that declared them and may not leave the project root unless written as absolute paths.
public struct ReferenceResolver: Sendable {
    /// The project root.
    public let root: URL

    /// Creates a resolver for a project.
    public init(root: URL) {
        self.root = root
    }

    /// Why a reference cannot be used.
    public enum Problem: Sendable, Equatable {
        case missing(path: String)
        case unreadable(path: String)
        case outsideProject(path: String)
    }

    /// The absolute file a local reference names.
    public func fileURL(for reference: ReferenceSpec) -> URL {
        let written = reference.location.value
        if written.hasPrefix("/") { return URL(fileURLWithPath: written).standardizedFileURL }
        let declaringFolder = root.appendingPathComponent(reference.declaringPath).deletingLastPathComponent()
        return declaringFolder.appendingPathComponent(written).standardizedFileURL
    }

    /// The path shown to users: relative to the root when inside it.
    public func displayPath(of url: URL) -> String {
        let rootPath = root.standardizedFileURL.path
        let path = url.path
        if path.hasPrefix(rootPath + "/") { return String(path.dropFirst(rootPath.count + 1)) }
        return path
    }

    /// Hashes a reference, or says why it cannot be used.
    public func digest(_ reference: ReferenceSpec) -> Result<ReferenceDigest, ReferenceResolverError> {
        if reference.isURL {
            let hash = SHA256.hash(data: Data(reference.location.value.utf8))
            return .success(ReferenceDigest(source: reference.location.value, sha256: hex(hash), isURL: true))
        }
        let url = fileURL(for: reference)
        let display = displayPath(of: url)
        let rootPath = root.standardizedFileURL.path
        if !reference.location.value.hasPrefix("/"), !url.path.hasPrefix(rootPath + "/") {
            return .failure(ReferenceResolverError(problem: .outsideProject(path: reference.location.value)))
        }
        guard FileManager.default.fileExists(atPath: url.path) else {
            return .failure(ReferenceResolverError(problem: .missing(path: display)))
        }
        guard let data = try? Data(contentsOf: url) else {
            return .failure(ReferenceResolverError(problem: .unreadable(path: display)))
        }
        return .success(ReferenceDigest(source: display, sha256: hex(SHA256.hash(data: data)), isURL: false))
    }

    private func hex(_ digest: SHA256.Digest) -> String {
        var out: [UInt8] = []
        ByteText.appendHex(digest, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}

/// A reference that cannot be used, as an error value.
public struct ReferenceResolverError: Error, Sendable, Equatable {
    /// What is wrong.
    public var problem: ReferenceResolver.Problem

    /// The message for a diagnostic.
    public var message: String {
        switch problem {
        case .missing(let path): "reference image \(path) does not exist"
        case .unreadable(let path): "reference image \(path) cannot be read"
        case .outsideProject(let path):
            "reference \(path) leaves the project folder; write an absolute path if that is intended"
        }
    }
}
