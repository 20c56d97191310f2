import BunchKit
import CZlib

/// Writes 8-bit RGB PNGs, row by row, through the system's zlib (`deflate`), so a 12288×1536
/// preview never holds its raw pixels in memory at once.
public struct PNGEncoder {
    /// Encodes an image whose rows `row(y, &buffer)` fills (3 bytes a pixel, `width * 3` bytes).
    public static func encode(size: PixelSize, row: (Int, inout [UInt8]) -> Void) -> [UInt8] {
        var out: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        var header: [UInt8] = []
        appendBigEndian(UInt32(size.width), to: &header)
        appendBigEndian(UInt32(size.height), to: &header)
        header += [8, 2, 0, 0, 0]  // depth 8, RGB, deflate, adaptive filtering, no interlace
        appendChunk("IHDR", header, to: &out)

        var stream = z_stream()
        deflateInit_(&stream, 6, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size))
        defer { deflateEnd(&stream) }
        var pixels = [UInt8](repeating: 0, count: size.width * 3)
        var line = [UInt8](repeating: 0, count: size.width * 3 + 1)
        var compressed = [UInt8](repeating: 0, count: 1 << 16)
        var idat: [UInt8] = []
        func pump(_ input: inout [UInt8], flush: Int32) {
            input.withUnsafeMutableBufferPointer { input in
                stream.next_in = input.baseAddress
                stream.avail_in = UInt32(input.count)
                repeat {
                    compressed.withUnsafeMutableBufferPointer { output in
                        stream.next_out = output.baseAddress
                        stream.avail_out = UInt32(output.count)
                        deflate(&stream, flush)
                        idat += output[0..<(output.count - Int(stream.avail_out))]
                    }
                } while stream.avail_out == 0
            }
            if idat.count >= 1 << 18 {
                appendChunk("IDAT", idat, to: &out)
                idat.removeAll(keepingCapacity: true)
            }
        }
        for y in 0..<size.height {
            row(y, &pixels)
            line[0] = 1  // "Sub" filter: flat areas become zeros and compress well
            line[1] = pixels[0]
            line[2] = pixels[1]
            line[3] = pixels[2]
            if pixels.count > 3 {
                for index in 3..<pixels.count { line[index + 1] = pixels[index] &- pixels[index - 3] }
            }
            pump(&line, flush: Z_NO_FLUSH)
        }
        var empty: [UInt8] = []
        pump(&empty, flush: Z_FINISH)
        if !idat.isEmpty { appendChunk("IDAT", idat, to: &out) }
        appendChunk("IEND", [], to: &out)
        return out
    }

    static func appendBigEndian(_ value: UInt32, to out: inout [UInt8]) {
        out += [UInt8(value >> 24), UInt8((value >> 16) & 0xFF), UInt8((value >> 8) & 0xFF), UInt8(value & 0xFF)]
    }

    static func appendChunk(_ type: String, _ data: [UInt8], to out: inout [UInt8]) {
        appendBigEndian(UInt32(data.count), to: &out)
        let typeBytes = Array(type.utf8)
        out += typeBytes
        out += data
        var crc = crc32(0, nil, 0)
        crc = typeBytes.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, UInt32($0.count)) }
        crc = data.withUnsafeBufferPointer { crc32(crc, $0.baseAddress, UInt32($0.count)) }
        appendBigEndian(UInt32(crc), to: &out)
    }
}
