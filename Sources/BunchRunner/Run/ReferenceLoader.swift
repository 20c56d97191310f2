import BunchKit
import Foundation

/// Loads the reference images a generator needs, once per run: local files read and sniffed,
/// https references downloaded (for Gemini, which takes bytes) or passed as URLs (for TTAPI,
/// which takes only URLs).
public struct ReferenceLoader: Sendable {
    /// How a generator takes references.
    public enum Mode: Sendable {
        /// Bytes inline (Gemini): URLs are downloaded first.
        case inline
        /// URLs only (TTAPI): a local file is an error.
        case urlsOnly
        /// Ignored (preview).
        case none
    }

    let mode: Mode
    let root: URL
    let transport: (any Transport)?

    /// Creates a loader for a project.
    public init(mode: Mode, root: URL, transport: (any Transport)?) {
        self.mode = mode
        self.root = root
        self.transport = transport
    }

    /// The images for a set of references, in order, or why one cannot be used.
    public func load(_ references: [ReferenceDigest]) async throws(RunError) -> [ReferenceImage] {
        var images: [ReferenceImage] = []
        for reference in references {
            switch (mode, reference.isURL) {
            case (.none, _):
                continue
            case (.urlsOnly, true):
                images.append(.url(reference.source))
            case (.urlsOnly, false):
                throw .reference("reference \(reference.source) is a local file, but TTAPI takes only https URLs; "
                    + "publish it and write `url:` instead of `path:`, or use --generator gemini")
            case (.inline, false):
                let url = reference.source.hasPrefix("/") ? URL(fileURLWithPath: reference.source)
                    : root.appendingPathComponent(reference.source)
                guard let data = try? Data(contentsOf: url) else {
                    throw .reference("reference image \(reference.source) cannot be read")
                }
                images.append(try inline([UInt8](data), source: reference.source))
            case (.inline, true):
                guard let transport else { throw .reference("no network to download \(reference.source)") }
                switch await transport.send(HTTPRequestData(method: "GET", url: reference.source, timeout: .seconds(120))) {
                case .success(let response) where response.status == 200:
                    images.append(try inline(response.body, source: reference.source))
                case .success(let response):
                    throw .reference("reference \(reference.source) answered HTTP \(response.status)")
                case .failure(let error):
                    throw .reference("reference \(reference.source) could not be downloaded: \(error.failure)")
                }
            }
        }
        return images
    }

    /// An approved draft's image as a reference for its final.
    public func draftImage(_ bytes: [UInt8], source: String) throws(RunError) -> ReferenceImage {
        switch mode {
        case .urlsOnly:
            throw .reference("finals send their approved draft as a reference, which TTAPI cannot take (it accepts only URLs); "
                + "set `from_draft: none` in the final stage, or use --generator gemini")
        case .inline, .none:
            return try inline(bytes, source: source)
        }
    }

    private func inline(_ bytes: [UInt8], source: String) throws(RunError) -> ReferenceImage {
        guard let (format, _) = ImageSniffer.sniff(bytes) else {
            throw .reference("reference \(source) is not a PNG, JPEG, WebP or GIF image")
        }
        return .inline(bytes: bytes, mimeType: format.mimeType)
    }
}
