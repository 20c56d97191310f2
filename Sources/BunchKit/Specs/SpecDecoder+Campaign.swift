extension SpecDecoder {
    static let campaignKeys = ["campaign", "description", "template", "brand", "generator", "vars", "matrix", "linked",
                               "exclude", "include", "sample", "variants", "limit", "stages", "budget", "output", "name"]
    static let stageKeys = ["model", "image_size", "aspect_ratio"]
    static let finalStageKeys = ["model", "image_size", "aspect_ratio", "gate", "from_draft"]

    /// Decodes a campaign. Returns the best-effort spec (nil only when the file has no mapping at
    /// all) and every problem found.
    public static func decodeCampaign(_ file: SourceFile) -> (spec: CampaignSpec?, diagnostics: [Diagnostic]) {
        decodeCampaign(file, parse: parseYAML(file))
    }

    /// Decodes a campaign from an already parsed file.
    public static func decodeCampaign(_ file: SourceFile, parse: YAMLParseResult)
        -> (spec: CampaignSpec?, diagnostics: [Diagnostic]) {
        var decoder = SpecDecoder(file: file)
        guard let root = decoder.root(of: parse) else { return (nil, decoder.sink.diagnostics) }
        let spec = decoder.campaign(root)
        return (spec, decoder.sink.diagnostics)
    }

    private mutating func campaign(_ root: YAMLNode) -> CampaignSpec? {
        let file = sink.file
        guard var reader = MappingReader(root, what: "a campaign", sink: &sink) else {
            if root.isNull { sink.error("wrong-type", "the file is empty; expected a mapping of keys", at: .start) }
            return nil
        }
        var spec = CampaignSpec(file: file, name: Located(Self.stem(of: file.path), at: root.position))
        spec.position = root.position
        if let pair = reader.take("campaign"), let name = string(pair.value, what: "campaign") { spec.name = name }
        if let pair = reader.take("description") { _ = string(pair.value, what: "description") }
        if let pair = reader.take("template") { spec.template = string(pair.value, what: "template") }
        if let pair = reader.take("brand") { spec.brand = string(pair.value, what: "brand") }
        if let pair = reader.take("generator"), let generator = string(pair.value, what: "generator") {
            if ["gemini", "ttapi", "preview"].contains(generator.value) {
                spec.generator = generator
            } else {
                sink.error("wrong-type", "generator must be gemini, ttapi or preview, not '\(generator.value)'",
                           at: generator.position)
            }
        }
        if let pair = reader.take("vars") { spec.vars = vars(pair.value) }
        if let pair = reader.take("matrix") { spec.matrix = axes(pair.value, what: "matrix") }
        if let pair = reader.take("linked") { spec.linked = linked(pair.value) }
        if let pair = reader.take("exclude") { spec.exclude = selectors(pair.value, what: "exclude") }
        if let pair = reader.take("include") { spec.include = selectors(pair.value, what: "include") }
        if let pair = reader.take("sample") { spec.sample = sample(pair.value) }
        if let pair = reader.take("variants") { spec.variants = integer(pair.value, what: "variants", range: 1...100) }
        if let pair = reader.take("limit") { spec.limit = integer(pair.value, what: "limit", range: 1...Int.max) }
        if let pair = reader.take("stages") { stages(pair.value, into: &spec) }
        if let pair = reader.take("budget"), var budget = MappingReader(pair.value, what: "budget", sink: &sink) {
            if let max = budget.take("max_usd") { spec.maxUSD = number(max.value, what: "max_usd") }
            budget.reportUnknown(known: ["max_usd"], in: "budget", sink: &sink)
        }
        if let pair = reader.take("output") { spec.output = string(pair.value, what: "output") }
        if let pair = reader.take("name") { spec.namePattern = string(pair.value, what: "name") }
        reader.reportUnknown(known: Self.campaignKeys, in: "a campaign", sink: &sink)
        if spec.template == nil, !reader.pairs.isEmpty {
            sink.error("missing-key", "a campaign needs `template:` naming the template it fills", at: root.position)
        }
        return spec
    }

    private mutating func vars(_ node: YAMLNode) -> [NamedValue] {
        guard let reader = MappingReader(node, what: "vars", sink: &sink) else { return [] }
        return reader.pairs.compactMap { pair in
            let name = Located(pair.keyText, at: pair.key.position)
            checkSnakeCase(name, what: "variable")
            guard let value = promptValue(pair.value, what: "'\(pair.keyText)'") else { return nil }
            return NamedValue(name: name, value: value)
        }
    }

    private mutating func axes(_ node: YAMLNode, what: String) -> [AxisSpec] {
        guard let reader = MappingReader(node, what: what, sink: &sink) else { return [] }
        return reader.pairs.map { pair in
            let name = Located(pair.keyText, at: pair.key.position)
            checkSnakeCase(name, what: "axis")
            if let items = pair.value.items, items.isEmpty {
                sink.error("wrong-type", "axis '\(pair.keyText)' has no values", at: pair.value.position)
            }
            return AxisSpec(name: name, values: promptValues(pair.value, what: "axis '\(pair.keyText)'"))
        }
    }

    private mutating func linked(_ node: YAMLNode) -> [LinkedGroupSpec] {
        guard let items = node.items else {
            if !node.isNull {
                sink.error("wrong-type", "linked must be a list of groups, each a mapping of axes", at: node.position)
            }
            return []
        }
        return items.compactMap { item in
            let groupAxes = axes(item, what: "a linked group")
            return groupAxes.isEmpty ? nil : LinkedGroupSpec(axes: groupAxes, position: item.position)
        }
    }

    private mutating func selectors(_ node: YAMLNode, what: String) -> [SelectorSpec] {
        guard let items = node.items else {
            if !node.isNull {
                sink.error("wrong-type", "\(what) must be a list of mappings from axis to value(s)", at: node.position)
            }
            return []
        }
        return items.compactMap { item in
            guard let reader = MappingReader(item, what: "each entry of \(what)", sink: &sink) else { return nil }
            let constraints = reader.pairs.map { pair in
                SelectorSpec.Constraint(axis: Located(pair.keyText, at: pair.key.position),
                                        values: promptValues(pair.value, what: "'\(pair.keyText)'"))
            }
            if constraints.isEmpty {
                sink.error("wrong-type", "an entry of \(what) must name at least one axis", at: item.position)
                return nil
            }
            return SelectorSpec(constraints: constraints, position: item.position)
        }
    }

    private mutating func sample(_ node: YAMLNode) -> SampleSpec? {
        guard var reader = MappingReader(node, what: "sample", sink: &sink) else { return nil }
        let count = reader.take("count").flatMap { integer($0.value, what: "sample count", range: 1...Int.max) }
        let seed = reader.take("seed").flatMap { integer($0.value, what: "sample seed", range: 0...Int.max) }
        reader.reportUnknown(known: ["count", "seed"], in: "sample", sink: &sink)
        guard let count else {
            if reader.pairs.first(where: { $0.keyText == "count" }) == nil {
                sink.error("missing-key", "sample needs a count", at: node.position)
            }
            return nil
        }
        return SampleSpec(count: count, seed: UInt64(seed?.value ?? 0), position: node.position)
    }

    private mutating func stages(_ node: YAMLNode, into spec: inout CampaignSpec) {
        guard var reader = MappingReader(node, what: "stages", sink: &sink) else { return }
        if let pair = reader.take("draft") { spec.draft = stage(pair.value, stage: .draft) }
        if let pair = reader.take("final") { spec.final = stage(pair.value, stage: .final) }
        reader.reportUnknown(known: ["draft", "final"], in: "stages", sink: &sink)
    }

    private mutating func stage(_ node: YAMLNode, stage: Stage) -> StageSpec? {
        guard var reader = MappingReader(node, what: "stage '\(stage.rawValue)'", sink: &sink) else { return nil }
        var spec = StageSpec(position: node.position)
        if let pair = reader.take("model") { spec.model = string(pair.value, what: "model") }
        if let pair = reader.take("image_size") { spec.imageSize = string(pair.value, what: "image_size") }
        if let pair = reader.take("aspect_ratio") { spec.aspectRatio = string(pair.value, what: "aspect_ratio") }
        if stage == .final {
            if let pair = reader.take("gate"), let gate = string(pair.value, what: "gate") {
                if let parsed = FinalGate(rawValue: gate.value) {
                    spec.gate = parsed
                } else {
                    sink.error("wrong-type", "gate must be 'approved' or 'all', not '\(gate.value)'", at: gate.position)
                }
            }
            if let pair = reader.take("from_draft"), let value = string(pair.value, what: "from_draft") {
                if let parsed = FromDraft(rawValue: value.value) {
                    spec.fromDraft = parsed
                } else {
                    sink.error("wrong-type", "from_draft must be 'reference' or 'none', not '\(value.value)'",
                               at: value.position)
                }
            }
        }
        reader.reportUnknown(known: stage == .final ? Self.finalStageKeys : Self.stageKeys,
                             in: "stage '\(stage.rawValue)'", sink: &sink)
        if spec.model == nil {
            sink.error("missing-key", "stage '\(stage.rawValue)' needs a model", at: node.position)
        }
        return spec
    }
}
