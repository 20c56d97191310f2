import BunchKit
import BunchRunner

/// What the double saw and did: requests, completed image answers per request body, files it
/// serves, and how many requests were in flight at once.
public actor DoubleLedger {
    /// Every generate request, in arrival order.
    public private(set) var requests: [APIDouble.Request] = []
    /// Image answers written in full, by request-body hash.
    public private(set) var completions: [String: Int] = [:]
    /// Requests being answered now.
    public private(set) var inFlight = 0
    /// The most requests in flight at once.
    public private(set) var peakInFlight = 0
    private var files: [String: [UInt8]] = [:]
    private var images: [String: [UInt8]] = [:]

    func arrived(method: String, uri: String, headers: [String: String], body: [UInt8]) -> APIDouble.Request {
        let request = APIDouble.Request(number: requests.count + 1, method: method, uri: uri, headers: headers, body: body)
        requests.append(request)
        inFlight += 1
        peakInFlight = max(peakInFlight, inFlight)
        return request
    }

    func left() {
        inFlight -= 1
    }

    func completed(_ request: APIDouble.Request, images: Int) {
        completions[request.bodyHash, default: 0] += 1
    }

    func store(_ name: String, _ bytes: [UInt8]) {
        files[name] = bytes
    }

    func file(_ name: String) -> [UInt8]? {
        files[name]
    }

    /// An image of a format and size, encoded once.
    func image(format: ImageFormat, size: PixelSize, paddedTo: Int = 0) -> [UInt8] {
        let key = "\(format.rawValue)-\(size)-\(paddedTo)"
        if let cached = images[key] { return cached }
        let made = DoubleImages.make(format: format, size: size, paddedTo: paddedTo)
        images[key] = made
        return made
    }

    /// How many generate requests arrived.
    public var requestCount: Int { requests.count }
    /// The total of image answers written in full.
    public var completionCount: Int { completions.values.reduce(0, +) }
}
