/// A text assembled from prepared bytes: literal runs, values chosen by a combination's row,
/// the variant number, and a few per-request buffers (id, prompt, slug, draft id).
///
/// Every byte lives in one of two arenas (raw and JSON-escaped) and every piece is a plain
/// value, so rendering copies ranges and touches no reference counts. This is what lets `plan
/// --format jsonl` render and hash hundreds of thousands of requests a second.
struct ByteProgram: Sendable {
    /// What a piece stands for.
    enum Kind: UInt8, Sendable {
        /// Fixed bytes.
        case bytes
        /// A value chosen by the row of `dimension`.
        case row
        /// The variant number in decimal.
        case variant
        /// The request's id (32 hex digits).
        case id
        /// The rendered prompt (JSON-escaped when the program renders JSON).
        case prompt
        /// The slug.
        case slug
        /// The draft request's id.
        case draftID
    }

    struct Piece: Sendable {
        var kind: Kind
        var dimension: Int32 = 0
        var rowBase: Int32 = 0
        var raw: Range<Int32> = 0..<0
        var json: Range<Int32> = 0..<0
    }

    struct RowEntry: Sendable {
        var raw: Range<Int32>
        var json: Range<Int32>
    }

    private(set) var rawArena: [UInt8] = []
    private(set) var jsonArena: [UInt8] = []
    private(set) var pieces: [Piece] = []
    private(set) var rows: [RowEntry] = []

    /// Appends fixed text, merging it with a fixed piece just before it.
    mutating func text(_ text: String) {
        bytes(raw: Array(text.utf8), json: ByteText.jsonEscaped(text))
    }

    /// Appends fixed bytes given in both forms.
    mutating func bytes(raw: [UInt8], json: [UInt8]) {
        guard !raw.isEmpty || !json.isEmpty else { return }
        let raw = append(raw, to: &rawArena)
        let json = append(json, to: &jsonArena)
        if let last = pieces.last, last.kind == .bytes, last.raw.upperBound == raw.lowerBound,
           last.json.upperBound == json.lowerBound {
            pieces[pieces.count - 1].raw = last.raw.lowerBound..<raw.upperBound
            pieces[pieces.count - 1].json = last.json.lowerBound..<json.upperBound
        } else {
            pieces.append(Piece(kind: .bytes, raw: raw, json: json))
        }
    }

    /// Appends a value chosen by the row of a dimension: `texts[row]`.
    mutating func row(dimension: Int, texts: [String]) {
        let base = Int32(rows.count)
        for text in texts {
            rows.append(RowEntry(raw: append(Array(text.utf8), to: &rawArena),
                                 json: append(ByteText.jsonEscaped(text), to: &jsonArena)))
        }
        pieces.append(Piece(kind: .row, dimension: Int32(dimension), rowBase: base))
    }

    /// Appends a per-request value.
    mutating func special(_ kind: Kind) {
        pieces.append(Piece(kind: kind))
    }

    private func append(_ bytes: [UInt8], to arena: inout [UInt8]) -> Range<Int32> {
        let start = Int32(arena.count)
        arena += bytes
        return start..<Int32(arena.count)
    }

    /// Renders into `out` (appending). `json` picks the escaped forms; the per-request buffers
    /// are appended as given.
    func render(_ combination: [Int], variant: Int, json: Bool, id: [UInt8] = [], prompt: [UInt8] = [],
                slug: [UInt8] = [], draftID: [UInt8] = [], into out: inout [UInt8]) {
        let arena = json ? jsonArena : rawArena
        arena.withUnsafeBufferPointer { arena in
            pieces.withUnsafeBufferPointer { pieces in
                rows.withUnsafeBufferPointer { rows in
                    for piece in pieces {
                        let range: Range<Int32>
                        switch piece.kind {
                        case .bytes:
                            range = json ? piece.json : piece.raw
                        case .row:
                            let entry = rows[Int(piece.rowBase) + combination[Int(piece.dimension)]]
                            range = json ? entry.json : entry.raw
                        case .variant:
                            ByteText.appendDecimal(variant, to: &out)
                            continue
                        case .id: out += id; continue
                        case .prompt: out += prompt; continue
                        case .slug: out += slug; continue
                        case .draftID: out += draftID; continue
                        }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: arena[Int(range.lowerBound)..<Int(range.upperBound)]))
                    }
                }
            }
        }
    }
}
