import BunchKit
@testable import BunchRunner
import CZlib
import Foundation
import Testing

@Suite("Images")
struct ImageTests {
    @Test func sniffingReadsFormatAndSizeFromTheBytes() {
        #expect(ImageSniffer.sniff(Fixtures.tinyPNG)?.format == .png)
        let jpeg: [UInt8] = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC2, 0x00, 0x11, 0x08, 0x03, 0x00, 0x05, 0x60,
                             0x03, 0x01, 0x22, 0x00, 0x02, 0x11, 0x01, 0x03, 0x11, 0x01, 0xFF, 0xD9]
        #expect(ImageSniffer.sniff(jpeg).map { "\($0.format) \($0.size)" } == "jpeg 1376x768")
        var webp = Array("RIFF".utf8) + [0, 0, 0, 0] + Array("WEBPVP8X".utf8) + [UInt8](repeating: 0, count: 8)
        webp += [0xFF, 0x03, 0x00, 0xFF, 0x02, 0x00]  // 1024 × 768, stored minus one
        #expect(ImageSniffer.sniff(webp).map { "\($0.format) \($0.size)" } == "webp 1024x768")
        #expect(ImageSniffer.sniff(Array("GIF89a".utf8) + [0x40, 0x00, 0x20, 0x00]).map { "\($0.size)" } == "64x32")
        #expect(ImageSniffer.sniff(Array("<html>not an image</html>".utf8)) == nil)
        #expect(ImageSniffer.sniff([0x89, 0x50]) == nil)
    }

    @Test(arguments: [("nano-banana-2", "8:1", "512"), ("nano-banana-pro", "9:16", "2K"), ("nano-banana", "21:9", nil as String?)])
    func previewPNGsHaveTheCatalogsSizeAndDecodeIndependently(model: String, ratio: String, size: String?) async throws {
        let request = Fixtures.request(model: ModelCatalog.builtIn.model(named: model)!.id, ratio: ratio, size: size)
        let result = await PreviewGenerator().generate(Fixtures.job(request, palette: ["#0B1F3A", "#F2C14E", "#FFFFFF"]))
        let image = try #require(result.images.first)
        let expected = try #require(ModelCatalog.builtIn.model(named: model)?.pixelSize(ratio: ratio, size: size))
        #expect(image.size == expected)
        #expect(try PNGCheck.decode(image.bytes) == expected)
        if let python = PNGCheck.python(image.bytes) { #expect(python == "\(expected.width)x\(expected.height)") }
    }

    @Test func previewsAreDeterministicAndDifferByRequest() async {
        let generator = PreviewGenerator()
        let one = await generator.generate(Fixtures.job(Fixtures.request(size: "512")))
        let again = await generator.generate(Fixtures.job(Fixtures.request(size: "512")))
        var other = Fixtures.request(size: "512")
        other.id = "fedcba9876543210fedcba9876543210"
        let different = await generator.generate(Fixtures.job(other))
        #expect(one.images == again.images)
        #expect(one.images != different.images)
    }
}

/// Decodes a PNG the long way: every chunk's CRC checked, IDAT inflated with zlib, every row's
/// filter byte valid and the pixel data exactly as long as IHDR says.
enum PNGCheck {
    struct Invalid: Error { var why: String }

    static func decode(_ bytes: [UInt8]) throws -> PixelSize {
        guard bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) else { throw Invalid(why: "signature") }
        var index = 8
        var size: PixelSize?
        var idat: [UInt8] = []
        var sawEnd = false
        while index + 12 <= bytes.count {
            let length = Int(bytes[index]) << 24 | Int(bytes[index + 1]) << 16 | Int(bytes[index + 2]) << 8 | Int(bytes[index + 3])
            let type = String(decoding: bytes[(index + 4)..<(index + 8)], as: UTF8.self)
            let data = Array(bytes[(index + 8)..<(index + 8 + length)])
            let stored = UInt32(bytes[index + 8 + length]) << 24 | UInt32(bytes[index + 9 + length]) << 16
                | UInt32(bytes[index + 10 + length]) << 8 | UInt32(bytes[index + 11 + length])
            let crcInput = Array(bytes[(index + 4)..<(index + 8 + length)])
            let computed = crcInput.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
            guard stored == computed else { throw Invalid(why: "CRC of \(type)") }
            switch type {
            case "IHDR":
                let width = Int(data[0]) << 24 | Int(data[1]) << 16 | Int(data[2]) << 8 | Int(data[3])
                let height = Int(data[4]) << 24 | Int(data[5]) << 16 | Int(data[6]) << 8 | Int(data[7])
                guard data[8] == 8, data[9] == 2 else { throw Invalid(why: "not 8-bit RGB") }
                size = PixelSize(width: width, height: height)
            case "IDAT": idat += data
            case "IEND": sawEnd = true
            default: break
            }
            index += 12 + length
        }
        guard let size, sawEnd else { throw Invalid(why: "missing IHDR or IEND") }
        let rowBytes = size.width * 3 + 1
        var raw = [UInt8](repeating: 0, count: rowBytes * size.height + 1)
        var rawLength = UInt(raw.count)
        let status = raw.withUnsafeMutableBufferPointer { out in
            idat.withUnsafeBufferPointer { input in
                uncompress(out.baseAddress, &rawLength, input.baseAddress, UInt(input.count))
            }
        }
        guard status == Z_OK, Int(rawLength) == rowBytes * size.height else { throw Invalid(why: "inflated length") }
        for row in 0..<size.height where raw[row * rowBytes] > 4 { throw Invalid(why: "filter byte") }
        return size
    }

    /// The size Python's zlib and struct read, when python3 is installed.
    static func python(_ bytes: [UInt8]) -> String? {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bunch-\(UUID().uuidString).png")
        guard (try? Data(bytes).write(to: url)) != nil else { return nil }
        defer { try? FileManager.default.removeItem(at: url) }
        let script = """
            import struct, sys, zlib
            d = open(sys.argv[1], 'rb').read()
            assert d[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
            i, idat, w, h = 8, b'', 0, 0
            while i < len(d):
                n, t = struct.unpack('>I4s', d[i:i+8]); body = d[i+8:i+8+n]
                assert zlib.crc32(t + body) & 0xffffffff == struct.unpack('>I', d[i+8+n:i+12+n])[0]
                if t == b'IHDR': w, h = struct.unpack('>II', body[:8])
                if t == b'IDAT': idat += body
                i += 12 + n
            assert len(zlib.decompress(idat)) == h * (w * 3 + 1)
            print(f'{w}x{h}')
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, url.path]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return "python3 rejected the PNG" }
        return String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
