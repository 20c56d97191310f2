extension RequestRenderer {
    /// Where a request parameter comes from: an axis, a campaign var, the stage, a template
    /// default, else a fallback.
    static func parameter(_ name: String, campaign: ResolvedCampaign, stageValue: String?, fallback: String?)
        -> ParameterSource {
        if let axis = campaign.axes[name] {
            let rows = campaign.space.dimensions[axis.dimension].rows
            return .axis(dimension: axis.dimension, values: rows.map { $0[axis.member].label })
        }
        if let fixed = campaign.fixed[name], fixed.isCampaignVar { return .fixed(fixed.value.label) }
        return .fixed(stageValue ?? campaign.fixed[name]?.value.label ?? fallback)
    }

    /// The value table of one placeholder.
    static func source(for placeholder: Placeholder, campaign: ResolvedCampaign, stage: Stage, model: ModelInfo,
                       ratio: ParameterSource, size: ParameterSource) -> SlotSource {
        func fixed(_ text: String) -> SlotSource {
            .fixed(raw: Array(text.utf8), json: ByteText.jsonEscaped(text))
        }
        if let axis = campaign.axes[placeholder.variable] {
            let texts = campaign.space.dimensions[axis.dimension].rows.map {
                $0[axis.member].text(field: placeholder.field) ?? ""
            }
            return .axis(dimension: axis.dimension, raw: texts.map { Array($0.utf8) }, json: texts.map(ByteText.jsonEscaped))
        }
        if let value = campaign.fixed[placeholder.variable] {
            return fixed(value.value.text(field: placeholder.field) ?? "")
        }
        func parameter(_ source: ParameterSource) -> SlotSource {
            switch source {
            case .fixed(let value): return fixed(value ?? "")
            case .axis(let dimension, let values):
                let texts = values.map { $0 ?? "" }
                return .axis(dimension: dimension, raw: texts.map { Array($0.utf8) }, json: texts.map(ByteText.jsonEscaped))
            }
        }
        switch placeholder.variable {
        case "aspect_ratio": return parameter(ratio)
        case "image_size": return parameter(size)
        case "stage": return fixed(stage.rawValue)
        case "model": return fixed(model.id)
        case "variant": return .variant
        default: return fixed("")
        }
    }

    /// The prompt as pieces: structured (`[HEADING]` blocks) or prose (sentences).
    static func program(_ composed: ComposedTemplate, slot: (Placeholder) -> Int) -> [Piece] {
        var builder = PieceBuilder()
        switch composed.render {
        case .structured:
            for (index, section) in composed.sections.filter({ !$0.lines.isEmpty }).enumerated() {
                if index > 0 { builder.literal("\n\n") }
                builder.literal("[\(section.heading)]\n")
                for (lineIndex, line) in section.lines.enumerated() {
                    if lineIndex > 0 { builder.literal("\n") }
                    if section.isList { builder.literal("- ") }
                    builder.append(pieces(of: line.compiled, slot: slot))
                }
            }
            if !composed.avoid.isEmpty {
                builder.literal(composed.sections.isEmpty ? "[AVOID] " : "\n\n[AVOID] ")
                appendList(composed.avoid, to: &builder, slot: slot)
            }
        case .prose:
            var first = true
            for line in composed.sections.flatMap(\.lines) {
                if !first { builder.literal(" ") }
                first = false
                builder.append(pieces(of: line.compiled, slot: slot))
                if !endsWithPunctuation(line.compiled) { builder.literal(".") }
            }
            if !composed.avoid.isEmpty {
                builder.literal(first ? "Avoid: " : " Avoid: ")
                appendList(composed.avoid, to: &builder, slot: slot)
                builder.literal(".")
            }
        }
        return builder.pieces
    }

    private static func appendList(_ lines: [ComposedTemplate.Line], to builder: inout PieceBuilder,
                                   slot: (Placeholder) -> Int) {
        for (index, line) in lines.enumerated() {
            if index > 0 { builder.literal(", ") }
            builder.append(pieces(of: line.compiled, slot: slot))
        }
    }

    private static func endsWithPunctuation(_ text: CompiledText) -> Bool {
        guard case .literal(let literal)? = text.segments.last else { return false }
        guard let last = literal.unicodeScalars.last(where: { $0 != " " }) else { return false }
        return ".!?".unicodeScalars.contains(last)
    }

    /// The pieces of one compiled text.
    static func pieces(of text: CompiledText, slot: (Placeholder) -> Int) -> [Piece] {
        var builder = PieceBuilder()
        for segment in text.segments {
            switch segment {
            case .literal(let literal): builder.literal(literal)
            case .placeholder(let placeholder): builder.pieces.append(.slot(slot(placeholder)))
            }
        }
        return builder.pieces
    }

    /// Collects pieces, merging adjacent literals so rendering appends as few runs as possible.
    struct PieceBuilder {
        var pieces: [Piece] = []

        mutating func literal(_ text: String) {
            guard !text.isEmpty else { return }
            if case .literal(let raw, let json)? = pieces.last {
                pieces[pieces.count - 1] = .literal(raw: raw + Array(text.utf8), json: json + ByteText.jsonEscaped(text))
            } else {
                pieces.append(.literal(raw: Array(text.utf8), json: ByteText.jsonEscaped(text)))
            }
        }

        mutating func append(_ more: [Piece]) {
            for piece in more {
                if case .literal(let raw, _) = piece {
                    literal(String(decoding: raw, as: UTF8.self))
                } else {
                    pieces.append(piece)
                }
            }
        }
    }
}
