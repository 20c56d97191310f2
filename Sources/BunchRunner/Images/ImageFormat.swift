import BunchKit

/// Image formats Bunch recognises by their bytes.
public enum ImageFormat: String, Sendable, Hashable, Codable {
    case png
    case jpeg
    case webp
    case gif

    /// The MIME type.
    public var mimeType: String {
        switch self {
        case .png: "image/png"
        case .jpeg: "image/jpeg"
        case .webp: "image/webp"
        case .gif: "image/gif"
        }
    }

    /// The file extension.
    public var fileExtension: String {
        self == .jpeg ? "jpg" : rawValue
    }
}

/// Reads what an image is and how large it is from its first bytes: PNG's IHDR, JPEG's SOF
/// markers, WebP's VP8/VP8L/VP8X headers, GIF's logical screen. Never trusts a MIME type or a
/// file suffix.
public enum ImageSniffer {
    /// The format and pixel size, or nil when the bytes are not a recognised image.
    public static func sniff(_ bytes: [UInt8]) -> (format: ImageFormat, size: PixelSize)? {
        if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) { return png(bytes) }
        if bytes.starts(with: [0xFF, 0xD8, 0xFF]) { return jpeg(bytes) }
        if bytes.count >= 12, bytes.starts(with: Array("RIFF".utf8)), Array(bytes[8..<12]) == Array("WEBP".utf8) {
            return webp(bytes)
        }
        if bytes.starts(with: Array("GIF87a".utf8)) || bytes.starts(with: Array("GIF89a".utf8)), bytes.count >= 10 {
            let size = PixelSize(width: Int(bytes[6]) | Int(bytes[7]) << 8, height: Int(bytes[8]) | Int(bytes[9]) << 8)
            return size.width > 0 && size.height > 0 ? (.gif, size) : nil
        }
        return nil
    }

    private static func bigEndian32(_ bytes: [UInt8], _ at: Int) -> Int {
        Int(bytes[at]) << 24 | Int(bytes[at + 1]) << 16 | Int(bytes[at + 2]) << 8 | Int(bytes[at + 3])
    }

    private static func png(_ bytes: [UInt8]) -> (ImageFormat, PixelSize)? {
        guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
        let size = PixelSize(width: bigEndian32(bytes, 16), height: bigEndian32(bytes, 20))
        return size.width > 0 && size.height > 0 ? (.png, size) : nil
    }

    private static func jpeg(_ bytes: [UInt8]) -> (ImageFormat, PixelSize)? {
        var index = 2
        while index + 9 < bytes.count {
            guard bytes[index] == 0xFF else { return nil }
            let marker = bytes[index + 1]
            if marker == 0xFF { index += 1; continue }
            if marker == 0xD8 || marker == 0x01 || (0xD0...0xD7).contains(marker) { index += 2; continue }
            let length = Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            let isStartOfFrame = (0xC0...0xCF).contains(marker) && ![0xC4, 0xC8, 0xCC].contains(marker)
            if isStartOfFrame {
                let height = Int(bytes[index + 5]) << 8 | Int(bytes[index + 6])
                let width = Int(bytes[index + 7]) << 8 | Int(bytes[index + 8])
                return width > 0 && height > 0 ? (.jpeg, PixelSize(width: width, height: height)) : nil
            }
            guard length >= 2 else { return nil }
            index += 2 + length
        }
        return nil
    }

    private static func webp(_ bytes: [UInt8]) -> (ImageFormat, PixelSize)? {
        guard bytes.count >= 30 else { return nil }
        let chunk = String(decoding: bytes[12..<16], as: UTF8.self)
        let size: PixelSize
        switch chunk {
        case "VP8X":
            size = PixelSize(width: 1 + (Int(bytes[24]) | Int(bytes[25]) << 8 | Int(bytes[26]) << 16),
                             height: 1 + (Int(bytes[27]) | Int(bytes[28]) << 8 | Int(bytes[29]) << 16))
        case "VP8L":
            let bits = UInt32(bytes[21]) | UInt32(bytes[22]) << 8 | UInt32(bytes[23]) << 16 | UInt32(bytes[24]) << 24
            size = PixelSize(width: Int(bits & 0x3FFF) + 1, height: Int((bits >> 14) & 0x3FFF) + 1)
        case "VP8 ":
            size = PixelSize(width: (Int(bytes[26]) | Int(bytes[27]) << 8) & 0x3FFF,
                             height: (Int(bytes[28]) | Int(bytes[29]) << 8) & 0x3FFF)
        default:
            return nil
        }
        return size.width > 0 && size.height > 0 ? (.webp, size) : nil
    }
}
