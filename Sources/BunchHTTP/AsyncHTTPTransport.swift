import AsyncHTTPClient
import BunchRunner
import Foundation
import NIOCore
import NIOHTTP1

/// The `Transport` over AsyncHTTPClient: pooled connections, a connect timeout separate from the
/// whole-exchange timeout (image generation takes minutes), and a cap on response size.
public final class AsyncHTTPTransport: Transport {
    /// The largest response body accepted: a 4K image base64-encoded is well under this.
    public static let defaultMaximumResponseBytes = 96 * 1024 * 1024

    private let client: HTTPClient
    private let maximumResponseBytes: Int

    /// Creates a transport with its own client; call `shutdown()` when done.
    public init(connectTimeout: Duration = .seconds(15), maximumResponseBytes: Int = defaultMaximumResponseBytes) {
        var configuration = HTTPClient.Configuration()
        configuration.timeout = .init(connect: .init(connectTimeout), read: .seconds(600))
        configuration.connectionPool = .init(idleTimeout: .seconds(60), concurrentHTTP1ConnectionsPerHostSoftLimit: 64)
        configuration.decompression = .disabled
        client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        self.maximumResponseBytes = maximumResponseBytes
    }

    /// Closes every connection.
    public func shutdown() async {
        try? await client.shutdown()
    }

    public func send(_ request: HTTPRequestData) async -> Result<HTTPResponseData, TransportError> {
        guard URL(string: request.url)?.host != nil else { return .failure(.invalidURL(Self.withoutQuery(request.url))) }
        var outgoing = HTTPClientRequest(url: request.url)
        outgoing.method = HTTPMethod(rawValue: request.method)
        for (name, value) in request.headers { outgoing.headers.add(name: name, value: value) }
        if !request.body.isEmpty { outgoing.body = .bytes(ByteBuffer(bytes: request.body)) }
        do {
            let response = try await client.execute(outgoing, timeout: .init(request.timeout))
            let body = try await response.body.collect(upTo: maximumResponseBytes)
            return .success(HTTPResponseData(status: Int(response.status.code),
                                             headers: response.headers.map { ($0.name, $0.value) },
                                             body: Array(buffer: body)))
        } catch let error as HTTPClientError where error == .deadlineExceeded || error == .readTimeout
            || error == .connectTimeout {
            return .failure(.timeout)
        } catch let error as NIOTooManyBytesError {
            _ = error
            return .failure(.tooLarge(limit: maximumResponseBytes))
        } catch {
            return .failure(.connection(Self.describe(error)))
        }
    }

    /// A short description that cannot contain a header value.
    private static func describe(_ error: any Error) -> String {
        if let error = error as? HTTPClientError {
            switch error {
            case .remoteConnectionClosed: return "the server closed the connection"
            case .cancelled: return "cancelled"
            default: return String(describing: error).prefix(120).description
            }
        }
        if let error = error as? IOError { return "I/O error \(error.errnoCode)" }
        return String(describing: type(of: error))
    }

    private static func withoutQuery(_ url: String) -> String {
        url.split(separator: "?").first.map(String.init) ?? url
    }
}
