import Foundation

/// What a networked generator needs to reach its service: the base URL (no trailing slash), the
/// key, the transport, the whole-call timeout, and a redactor that keeps the key out of anything
/// the service says.
struct ServiceEndpoint: Sendable {
    let baseURL: String
    let apiKey: String
    let transport: any Transport
    let timeout: Duration
    let redactor: Redactor

    init(baseURL: String, apiKey: String, transport: any Transport, timeout: Duration) {
        self.baseURL = baseURL.hasSuffix("/") ? String(baseURL.dropLast()) : baseURL
        self.apiKey = apiKey
        self.transport = transport
        self.timeout = timeout
        redactor = Redactor(secrets: [apiKey])
    }

    /// The host, for manifests (never the key).
    var host: String? { URL(string: baseURL)?.host }
}
