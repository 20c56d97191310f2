import BunchKit

/// Offline, deterministic placeholder images: a PNG of exactly the pixel size the model, ratio
/// and size would produce, painted from the request id and the brand palette. No key, no network.
public struct PreviewGenerator: Generator {
    public let name = "preview"
    public let host: String? = nil
    /// A delay before each answer, for demos of progress and concurrency.
    public let latency: Duration?

    /// Creates the generator.
    public init(latency: Duration? = nil) {
        self.latency = latency
    }

    public func generate(_ job: GenerationJob) async -> GenerationResult {
        if let latency {
            try? await Task.sleep(for: latency)
        }
        let request = job.request
        guard let size = job.model.pixelSize(ratio: request.aspectRatio, size: request.imageSize) else {
            return .failure(.permanent(reason: "\(job.model.id) has no \(request.aspectRatio) at \(request.imageSize ?? "its size")"))
        }
        let bytes = Self.paint(size: size, seed: request.id, palette: job.palette)
        return GenerationResult(outcome: .succeeded, images: [GeneratedImage(bytes: bytes, format: .png, size: size)],
                                texts: ["preview of \(request.id.prefix(8)) (no model was called)"])
    }

    /// A vertical gradient between two palette colours with diagonal bands of a third, their
    /// angle and width taken from the id: the same id always paints the same picture.
    static func paint(size: PixelSize, seed: String, palette: [String]) -> [UInt8] {
        let colours = palette.compactMap(rgb)
        let seedBytes = Array(seed.utf8)
        func seedByte(_ index: Int) -> Int { seedBytes.isEmpty ? 0 : Int(seedBytes[index % seedBytes.count]) }
        let defaults: [(Int, Int, Int)] = [(40 + seedByte(0) % 60, 50 + seedByte(1) % 60, 70 + seedByte(2) % 80),
                                           (200, 190 + seedByte(3) % 50, 170), (245, 245, 240)]
        let top = colours.count > 0 ? colours[0] : defaults[0]
        let bottom = colours.count > 1 ? colours[1] : defaults[1]
        let band = colours.count > 2 ? colours[2] : defaults[2]
        let period = max(8, size.width / (6 + seedByte(4) % 10))
        let slope = 1 + seedByte(5) % 3
        return PNGEncoder.encode(size: size) { y, row in
            let t = size.height > 1 ? Double(y) / Double(size.height - 1) : 0
            let base = (UInt8(Double(top.0) * (1 - t) + Double(bottom.0) * t),
                        UInt8(Double(top.1) * (1 - t) + Double(bottom.1) * t),
                        UInt8(Double(top.2) * (1 - t) + Double(bottom.2) * t))
            for x in 0..<size.width {
                let inBand = ((x + y * slope) / period) % 5 == 0
                row[x * 3] = inBand ? UInt8(band.0) : base.0
                row[x * 3 + 1] = inBand ? UInt8(band.1) : base.1
                row[x * 3 + 2] = inBand ? UInt8(band.2) : base.2
            }
        }
    }

    static func rgb(_ hex: String) -> (Int, Int, Int)? {
        guard hex.count == 7, hex.hasPrefix("#"), let value = Int(hex.dropFirst(), radix: 16) else { return nil }
        return ((value >> 16) & 0xFF, (value >> 8) & 0xFF, value & 0xFF)
    }
}
