import BunchKit
import BunchRunner
import Crypto
import Foundation
import NIOCore
import NIOHTTP1
import NIOPosix

/// A real HTTP server on 127.0.0.1 (port 0) that speaks the Gemini and TTAPI wire formats, for
/// tests and benchmarks. Each request is answered by a script; faults (latency, 429s, 5xx,
/// dropped connections, truncated JSON, refusals, blocks) are replies like any other. It counts
/// what it saw so tests can assert on it.
public final class APIDouble: Sendable {
    /// One request as the double saw it.
    public struct Request: Sendable {
        /// 1-based arrival order.
        public var number: Int
        /// `POST` or `GET`.
        public var method: String
        /// Path and query.
        public var uri: String
        /// Headers, names lower-cased.
        public var headers: [String: String]
        /// The body.
        public var body: [UInt8]

        /// The body as JSON, when it is.
        public var json: [String: Any]? {
            (try? JSONSerialization.jsonObject(with: Data(body))) as? [String: Any]
        }

        /// The prompt text of a Gemini or TTAPI request.
        public var prompt: String? {
            if let prompt = json?["prompt"] as? String { return prompt }
            let contents = json?["contents"] as? [[String: Any]]
            let parts = contents?.first?["parts"] as? [[String: Any]]
            return parts?.compactMap { $0["text"] as? String }.first
        }

        /// SHA-256 of the body, hex: identical requests share it.
        public var bodyHash: String {
            SHA256.hash(data: body).map { String(format: "%02x", $0) }.joined()
        }
    }

    /// Decides the reply to each generate call (the double serves `/files/` itself).
    public typealias Script = @Sendable (Request) async -> DoubleReply

    /// The port it listens on.
    public let port: Int
    /// `http://127.0.0.1:PORT`.
    public var baseURL: String { "http://127.0.0.1:\(port)" }
    /// What it saw and did.
    public let ledger: DoubleLedger

    private let channel: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>
    private let serving: Task<Void, Never>

    /// Starts a server; stop it with `stop()`.
    public static func start(script: @escaping Script) async throws -> APIDouble {
        let ledger = DoubleLedger()
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .serverChannelOption(.backlog, value: 512)
            .serverChannelOption(.socketOption(.so_reuseaddr), value: 1)
            .bind(host: "127.0.0.1", port: 0) { child in
                child.eventLoop.makeCompletedFuture {
                    try child.pipeline.syncOperations.configureHTTPServerPipeline()
                    return try NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>(
                        wrappingChannelSynchronously: child)
                }
            }
        return APIDouble(channel: channel, ledger: ledger, script: script)
    }

    private init(channel: NIOAsyncChannel<NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>, Never>,
                 ledger: DoubleLedger, script: @escaping Script) {
        self.channel = channel
        self.ledger = ledger
        port = channel.channel.localAddress?.port ?? 0
        let port = self.port
        serving = Task {
            try? await withThrowingDiscardingTaskGroup { group in
                try await channel.executeThenClose { connections in
                    for try await connection in connections {
                        group.addTask {
                            await Connection(ledger: ledger, script: script, port: port).serve(connection)
                        }
                    }
                }
            }
        }
    }

    /// Stops listening and closes every connection.
    public func stop() async {
        serving.cancel()
        try? await channel.channel.close()
        _ = await serving.result
    }
}

/// Serves the requests of one connection in turn (HTTP/1.1 keep-alive).
private struct Connection {
    let ledger: DoubleLedger
    let script: APIDouble.Script
    let port: Int

    func serve(_ connection: NIOAsyncChannel<HTTPServerRequestPart, HTTPServerResponsePart>) async {
        try? await connection.executeThenClose { inbound, outbound in
            var head: HTTPRequestHead?
            var body: [UInt8] = []
            for try await part in inbound {
                switch part {
                case .head(let requestHead):
                    head = requestHead
                    body.removeAll(keepingCapacity: true)
                case .body(let buffer):
                    body += Array(buffer: buffer)
                case .end:
                    guard let requestHead = head else { continue }
                    let keepOpen = try await answer(requestHead, body: body, outbound: outbound)
                    if !keepOpen { return }
                }
            }
        }
    }

    /// Answers one request; returns false when the connection must close.
    private func answer(_ head: HTTPRequestHead, body: [UInt8],
                        outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>) async throws -> Bool {
        var headers: [String: String] = [:]
        for (name, value) in head.headers { headers[name.lowercased()] = value }
        if head.method == .GET, head.uri.hasPrefix("/files/") {
            guard let file = await ledger.file(String(head.uri.dropFirst("/files/".count))) else {
                try await write(status: 404, headers: [], body: Array("not found".utf8), to: outbound)
                return true
            }
            try await write(status: 200, headers: [("content-type", "application/octet-stream")], body: file, to: outbound)
            return true
        }
        let request = await ledger.arrived(method: head.method.rawValue, uri: head.uri, headers: headers, body: body)
        defer { Task { await ledger.left() } }
        var reply = await script(request)
        while case .delayed(let delay, let inner) = reply {
            try await Task.sleep(for: delay)
            reply = inner
        }
        let isTTAPI = head.uri.hasPrefix("/gemini/image/generate")
        switch reply {
        case .geminiImages(let count, let format, let size, let text, let thoughts, let imageTokens, let padding):
            let image = await ledger.image(format: format, size: size, paddedTo: padding)
            try await json(DoubleBodies.geminiImages(image: image, count: count, format: format, text: text,
                                                     thoughts: thoughts, imageTokens: imageTokens), to: outbound)
            await ledger.completed(request, images: count)
        case .ttapiImage(let format, let size):
            let name = "\(request.number).\(format.fileExtension)"
            await ledger.store(name, await ledger.image(format: format, size: size))
            try await json(DoubleBodies.ttapiSuccess(imageURL: "http://127.0.0.1:\(port)/files/\(name)"), to: outbound)
            await ledger.completed(request, images: 1)
        case .geminiRefusal(let text):
            try await json(DoubleBodies.refusal(text), to: outbound)
        case .geminiPromptBlocked(let reason):
            try await json(DoubleBodies.promptBlocked(reason), to: outbound)
        case .geminiFinish(let reason, let content):
            try await json(DoubleBodies.finish(reason, content: content), to: outbound)
        case .geminiError(let status, let name, let message):
            try await json(DoubleBodies.error(status: status, statusName: name, message: message), status: status,
                           to: outbound)
        case .rateLimited(let delay):
            try await json(DoubleBodies.rateLimited(retryDelay: delay), status: 429, to: outbound)
        case .quotaZero:
            try await json(DoubleBodies.quotaZero, status: 429, to: outbound)
        case .ttapiFailed(let status, let message):
            try await json(DoubleBodies.ttapiFailed(message), status: status, to: outbound)
        case .raw(let status, let extra, let bytes):
            try await write(status: status, headers: extra, body: bytes, to: outbound)
        case .truncatedJSON:
            let whole = isTTAPI ? DoubleBodies.ttapiSuccess(imageURL: "http://127.0.0.1/x.png")
                : DoubleBodies.geminiImages(image: DoubleImages.png(size: PixelSize(width: 8, height: 8)), count: 1,
                                            format: .png, text: nil, thoughts: false, imageTokens: 1290)
            try await json(Array(whole.prefix(whole.count / 2)), to: outbound)
        case .dropMidBody:
            let whole = DoubleBodies.refusal("this answer will be cut off")
            var responseHeaders = HTTPHeaders()
            responseHeaders.add(name: "content-type", value: "application/json")
            responseHeaders.add(name: "content-length", value: "\(whole.count)")
            try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: .ok, headers: responseHeaders)))
            try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: whole.prefix(whole.count / 2)))))
            return false
        case .dropBeforeAnswer:
            return false
        case .delayed:
            preconditionFailure("delays are unwrapped above")
        }
        return true
    }

    private func json(_ body: [UInt8], status: Int = 200,
                      to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>) async throws {
        try await write(status: status, headers: [("content-type", "application/json; charset=UTF-8")], body: body,
                        to: outbound)
    }

    private func write(status: Int, headers: [(String, String)], body: [UInt8],
                       to outbound: NIOAsyncChannelOutboundWriter<HTTPServerResponsePart>) async throws {
        var responseHeaders = HTTPHeaders()
        for (name, value) in headers { responseHeaders.add(name: name, value: value) }
        responseHeaders.add(name: "content-length", value: "\(body.count)")
        try await outbound.write(.head(HTTPResponseHead(version: .http1_1, status: .init(statusCode: status),
                                                        headers: responseHeaders)))
        try await outbound.write(.body(.byteBuffer(ByteBuffer(bytes: body))))
        try await outbound.write(.end(nil))
    }
}
