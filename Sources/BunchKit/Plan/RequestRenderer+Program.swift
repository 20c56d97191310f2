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

    /// What a placeholder renders as, for one stage of one campaign.
    struct ValueSources {
        let campaign: ResolvedCampaign
        let stage: Stage
        let model: ModelInfo
        let ratio: ParameterSource
        let size: ParameterSource

        func append(_ placeholder: Placeholder, to program: inout ByteProgram) {
            if let axis = campaign.axes[placeholder.variable] {
                program.row(dimension: axis.dimension, texts: campaign.space.dimensions[axis.dimension].rows.map {
                    $0[axis.member].text(field: placeholder.field) ?? ""
                })
                return
            }
            if let value = campaign.fixed[placeholder.variable] {
                program.text(value.value.text(field: placeholder.field) ?? "")
                return
            }
            switch placeholder.variable {
            case "aspect_ratio": ratio.append(to: &program, none: "", quoted: false)
            case "image_size": size.append(to: &program, none: "", quoted: false)
            case "stage": program.text(stage.rawValue)
            case "model": program.text(model.id)
            case "variant": program.special(.variant)
            default: break  // lint reports it; nothing renders
            }
        }
    }

    /// The prompt: structured (`[HEADING]` blocks) or prose (sentences).
    static func promptProgram(_ composed: ComposedTemplate, values: ValueSources) -> ByteProgram {
        var program = ByteProgram()
        switch composed.render {
        case .structured:
            let sections = composed.sections.filter { !$0.lines.isEmpty }
            for (index, section) in sections.enumerated() {
                if index > 0 { program.text("\n\n") }
                program.text("[\(section.heading)]\n")
                for (lineIndex, line) in section.lines.enumerated() {
                    if lineIndex > 0 { program.text("\n") }
                    if section.isList { program.text("- ") }
                    append(line.compiled, to: &program, values: values)
                }
            }
            if !composed.avoid.isEmpty {
                program.text(sections.isEmpty ? "[AVOID] " : "\n\n[AVOID] ")
                appendList(composed.avoid, to: &program, values: values)
            }
        case .prose:
            var first = true
            for line in composed.sections.flatMap(\.lines) {
                if !first { program.text(" ") }
                first = false
                append(line.compiled, to: &program, values: values)
                if !endsWithPunctuation(line.compiled) { program.text(".") }
            }
            if !composed.avoid.isEmpty {
                program.text(first ? "Avoid: " : " Avoid: ")
                appendList(composed.avoid, to: &program, values: values)
                program.text(".")
            }
        }
        return program
    }

    /// One compiled text as a program (the `name:` pattern).
    static func program(of text: CompiledText, values: ValueSources) -> ByteProgram {
        var program = ByteProgram()
        append(text, to: &program, values: values)
        return program
    }

    /// The default slug before sanitizing: the axis labels separated by spaces.
    static func defaultSlugProgram(_ columns: [Column]) -> ByteProgram {
        var program = ByteProgram()
        for (index, column) in columns.enumerated() {
            if index > 0 { program.text(" ") }
            program.row(dimension: column.dimension, texts: column.labels)
        }
        return program
    }

    /// The bytes hashed before the prompt.
    static func hashHeaderProgram(stage: Stage, model: ModelInfo, ratio: ParameterSource, size: ParameterSource,
                                  references: [ReferenceDigest], hasDraft: Bool) -> ByteProgram {
        var program = ByteProgram()
        program.text("bunch-request/1\n\(stage.rawValue)\n\(model.id)\n")
        ratio.append(to: &program, none: "-", quoted: false)
        program.text("\n")
        size.append(to: &program, none: "-", quoted: false)
        program.text("\n")
        program.special(.variant)
        program.text("\n" + references.map { $0.sha256 + "\n" }.joined())
        if hasDraft {
            program.text("draft:")
            program.special(.draftID)
        }
        program.text("\n")
        return program
    }

    /// One line of `--format jsonl`, the same shape `PlannedRequest` encodes.
    static func lineProgram(stage: Stage, model: ModelInfo, ratio: ParameterSource, size: ParameterSource,
                            columns: [Column], references: [ReferenceDigest], hasDraft: Bool) -> ByteProgram {
        var program = ByteProgram()
        func raw(_ text: String) { program.bytes(raw: Array(text.utf8), json: Array(text.utf8)) }
        func quoted(_ text: String) { raw("\"" + String(decoding: ByteText.jsonEscaped(text), as: UTF8.self) + "\"") }
        raw("{\"id\":\"")
        program.special(.id)
        raw("\",\"stage\":\"\(stage.rawValue)\",\"model\":")
        quoted(model.id)
        raw(",\"aspect_ratio\":")
        ratio.append(to: &program, none: "null", quoted: true)
        raw(",\"image_size\":")
        size.append(to: &program, none: "null", quoted: true)
        raw(",\"variant\":")
        program.special(.variant)
        raw(",\"vars\":{")
        for (index, column) in columns.enumerated() {
            if index > 0 { raw(",") }
            quoted(column.name)
            raw(":\"")
            program.row(dimension: column.dimension, texts: column.labels)
            raw("\"")
        }
        raw("},\"slug\":\"")
        program.special(.slug)
        raw("\",\"prompt\":\"")
        program.special(.prompt)
        raw("\",\"references\":[")
        for (index, reference) in references.enumerated() {
            if index > 0 { raw(",") }
            raw("{\"source\":")
            quoted(reference.source)
            raw(",\"sha256\":\"\(reference.sha256)\",\"is_url\":\(reference.isURL)}")
        }
        raw("]")
        if hasDraft {
            raw(",\"draft_id\":\"")
            program.special(.draftID)
            raw("\"")
        }
        raw("}\n")
        return program
    }

    private static func append(_ text: CompiledText, to program: inout ByteProgram, values: ValueSources) {
        for segment in text.segments {
            switch segment {
            case .literal(let literal): program.text(literal)
            case .placeholder(let placeholder): values.append(placeholder, to: &program)
            }
        }
    }

    private static func appendList(_ lines: [ComposedTemplate.Line], to program: inout ByteProgram,
                                   values: ValueSources) {
        for (index, line) in lines.enumerated() {
            if index > 0 { program.text(", ") }
            append(line.compiled, to: &program, values: values)
        }
    }

    private static func endsWithPunctuation(_ text: CompiledText) -> Bool {
        guard case .literal(let literal)? = text.segments.last else { return false }
        guard let last = literal.unicodeScalars.last(where: { $0 != " " }) else { return false }
        return ".!?".unicodeScalars.contains(last)
    }
}
