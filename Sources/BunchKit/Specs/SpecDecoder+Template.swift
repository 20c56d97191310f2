extension SpecDecoder {
    static let templateKeys = ["kind", "name", "description", "extends", "render", "variables", "sections", "avoid",
                               "references"]
    static let brandKeys = ["kind", "name", "description", "palette", "sections", "avoid", "references"]
    static let variableKeys = ["description", "required", "default", "values"]

    /// Decodes a template or brand kit. Returns the best-effort spec (nil only when the file has
    /// no mapping at all) and every problem found.
    public static func decodeTemplate(_ file: SourceFile) -> (spec: TemplateSpec?, diagnostics: [Diagnostic]) {
        decodeTemplate(file, parse: parseYAML(file))
    }

    /// Decodes a template or brand kit from an already parsed file.
    public static func decodeTemplate(_ file: SourceFile, parse: YAMLParseResult)
        -> (spec: TemplateSpec?, diagnostics: [Diagnostic]) {
        var decoder = SpecDecoder(file: file)
        guard let root = decoder.root(of: parse) else { return (nil, decoder.sink.diagnostics) }
        let spec = decoder.template(root)
        return (spec, decoder.sink.diagnostics)
    }

    private mutating func template(_ root: YAMLNode) -> TemplateSpec? {
        let file = sink.file
        guard var reader = MappingReader(root, what: "a template", sink: &sink) else {
            if root.isNull { sink.error("wrong-type", "the file is empty; expected a mapping of keys", at: .start) }
            return nil
        }
        var spec = TemplateSpec(file: file, name: Located(Self.stem(of: file.path), at: root.position))
        spec.position = root.position
        if let pair = reader.take("kind"), let kind = string(pair.value, what: "kind") {
            if let parsed = TemplateSpec.Kind(rawValue: kind.value) {
                spec.kind = parsed
            } else {
                let hint = kind.value == "campaign" ? "; campaigns live under campaigns/ and start with `campaign:`" : ""
                sink.error("wrong-type", "kind must be 'template' or 'brand', not '\(kind.value)'\(hint)", at: kind.position)
            }
        }
        if let pair = reader.take("name"), let name = string(pair.value, what: "name") { spec.name = name }
        if let pair = reader.take("description") { spec.description = string(pair.value, what: "description")?.value }
        if let pair = reader.take("sections") { spec.sections = sections(pair.value) }
        if let pair = reader.take("avoid") { spec.avoid = stringList(pair.value, what: "avoid").lines }
        if let pair = reader.take("references") { spec.references = references(pair.value) }
        if spec.kind == .brand {
            if let pair = reader.take("palette") { spec.palette = palette(pair.value) }
            reader.reportUnknown(known: Self.brandKeys, in: "a brand kit", sink: &sink)
        } else {
            if let pair = reader.take("extends") { spec.extends = string(pair.value, what: "extends") }
            if let pair = reader.take("render"), let render = string(pair.value, what: "render") {
                if let style = TemplateSpec.RenderStyle(rawValue: render.value) {
                    spec.render = Located(style, at: render.position)
                } else {
                    sink.error("wrong-type", "render must be 'structured' or 'prose', not '\(render.value)'",
                               at: render.position)
                }
            }
            if let pair = reader.take("variables") { spec.variables = variables(pair.value) }
            reader.reportUnknown(known: Self.templateKeys, in: "a template", sink: &sink)
        }
        return spec
    }

    private mutating func sections(_ node: YAMLNode) -> [SectionSpec] {
        guard let reader = MappingReader(node, what: "sections", sink: &sink) else { return [] }
        return reader.pairs.map { pair in
            let name = Located(pair.keyText, at: pair.key.position)
            checkSnakeCase(name, what: "section")
            let (lines, isList) = stringList(pair.value, what: "section '\(pair.keyText)'")
            var section = SectionSpec(name: name, lines: lines, isList: isList)
            section.isSlot = pair.value.isNull
            return section
        }
    }

    private mutating func variables(_ node: YAMLNode) -> [VariableSpec] {
        guard let reader = MappingReader(node, what: "variables", sink: &sink) else { return [] }
        var result: [VariableSpec] = []
        for pair in reader.pairs {
            var variable = VariableSpec(name: Located(pair.keyText, at: pair.key.position))
            checkSnakeCase(variable.name, what: "variable")
            if pair.value.isNull {
                result.append(variable)
                continue
            }
            guard var fields = MappingReader(pair.value, what: "variable '\(pair.keyText)'", sink: &sink) else {
                result.append(variable)
                continue
            }
            if let field = fields.take("description") { variable.description = string(field.value, what: "description")?.value }
            if let field = fields.take("required") { variable.isRequired = boolean(field.value, what: "required") ?? false }
            if let field = fields.take("default") { variable.defaultValue = promptValue(field.value, what: "default") }
            if let field = fields.take("values") {
                if field.value.items == nil {
                    sink.error("wrong-type", "values must be a list", at: field.value.position)
                } else {
                    variable.allowedValues = promptValues(field.value, what: "values")
                }
            }
            fields.reportUnknown(known: Self.variableKeys, in: "variable '\(pair.keyText)'", sink: &sink)
            result.append(variable)
        }
        return result
    }

    mutating func references(_ node: YAMLNode) -> [ReferenceSpec] {
        guard let items = node.items else {
            if !node.isNull {
                sink.error("wrong-type", "references must be a list of {path: …} or {url: …}", at: node.position)
            }
            return []
        }
        var result: [ReferenceSpec] = []
        for item in items {
            if item.scalar != nil {
                if let text = string(item, what: "a reference") {
                    result.append(ReferenceSpec(location: text, declaringPath: sink.file.path))
                }
                continue
            }
            guard var reader = MappingReader(item, what: "a reference", sink: &sink) else { continue }
            let path = reader.take("path")
            let url = reader.take("url")
            reader.reportUnknown(known: ["path", "url"], in: "a reference", sink: &sink)
            switch (path, url) {
            case (let path?, nil):
                if let text = string(path.value, what: "path") {
                    result.append(ReferenceSpec(location: text, declaringPath: sink.file.path))
                }
            case (nil, let url?):
                if let text = string(url.value, what: "url") {
                    if !text.value.hasPrefix("https://") {
                        sink.error("wrong-type", "a reference url must start with https://", at: text.position)
                    }
                    result.append(ReferenceSpec(location: text, declaringPath: sink.file.path))
                }
            case (_?, _?):
                sink.error("wrong-type", "a reference has either path or url, not both", at: item.position)
            case (nil, nil):
                sink.error("wrong-type", "a reference needs a path or a url", at: item.position)
            }
        }
        return result
    }

    private mutating func palette(_ node: YAMLNode) -> [Located<String>] {
        let colours = stringList(node, what: "palette").lines
        for colour in colours where !Self.isHexColour(colour.value) {
            sink.error("wrong-type", "palette colour '\(colour.value)' must be written #RRGGBB", at: colour.position)
        }
        return colours.filter { Self.isHexColour($0.value) }
    }

    static func isHexColour(_ text: String) -> Bool {
        let scalars = Array(text.unicodeScalars)
        return scalars.count == 7 && scalars[0] == "#" && scalars.dropFirst().allSatisfy { $0.properties.isASCIIHexDigit }
    }
}
