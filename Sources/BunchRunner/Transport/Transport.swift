/// One HTTP exchange, as plain values: the only place the network enters a run. Generators
/// build requests and read responses with pure functions; tests can put anything here.
public protocol Transport: Sendable {
    /// Sends a request and returns the whole response, or why none came.
    func send(_ request: HTTPRequestData) async -> Result<HTTPResponseData, TransportError>
}

/// An HTTP request.
public struct HTTPRequestData: Sendable {
    /// `GET` or `POST`.
    public var method: String
    /// The absolute URL.
    public var url: String
    /// Headers in order.
    public var headers: [(String, String)]
    /// The body.
    public var body: [UInt8]
    /// The most the whole exchange may take (image generation is slow: minutes, not seconds).
    public var timeout: Duration

    /// Creates a request.
    public init(method: String, url: String, headers: [(String, String)] = [], body: [UInt8] = [],
                timeout: Duration = .seconds(300)) {
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body
        self.timeout = timeout
    }
}

/// An HTTP response.
public struct HTTPResponseData: Sendable {
    /// The status code.
    public var status: Int
    /// Headers in order.
    public var headers: [(String, String)]
    /// The body.
    public var body: [UInt8]

    /// Creates a response.
    public init(status: Int, headers: [(String, String)] = [], body: [UInt8]) {
        self.status = status
        self.headers = headers
        self.body = body
    }
}

/// Why an exchange produced no response. Messages never contain headers (and so never a key).
public enum TransportError: Error, Sendable, Equatable {
    /// The whole exchange took longer than its timeout.
    case timeout
    /// The connection could not be made, or broke before the response was complete.
    case connection(String)
    /// The response body was larger than the transport accepts.
    case tooLarge(limit: Int)
    /// The URL cannot be used.
    case invalidURL(String)

    /// How a generator reports it: timeouts and broken connections are worth retrying.
    public var failure: GenerationOutcome.Failure {
        switch self {
        case .timeout: .retryable(reason: "no answer within the timeout", after: nil)
        case .connection(let detail): .retryable(reason: "connection failed: \(detail)", after: nil)
        case .tooLarge(let limit): .permanent(reason: "the answer was larger than \(limit / (1 << 20)) MiB")
        case .invalidURL(let url): .permanent(reason: "invalid URL \(url)")
        }
    }
}
