/// Questions several campaign rules ask of a resolved campaign.
extension ResolvedCampaign {
    /// Every placeholder the campaign renders: the composed template's and the `name:` pattern's.
    var allPlaceholders: [Placeholder] {
        (composed?.placeholders ?? []) + (namePattern?.placeholders ?? [])
    }

    /// The variables some placeholder uses.
    var usedVariables: Set<String> { Set(allPlaceholders.map(\.variable)) }

    /// The values a request parameter takes in a stage, each with where it was written: the axis
    /// values, a campaign var, the stage's own setting, or a template default. Empty when the
    /// model's default applies.
    func parameterValues(_ name: String, stage: ResolvedStage) -> [(value: String, location: SourceLocation)] {
        if axes[name] != nil || fixed[name]?.isCampaignVar == true {
            return values(of: name).map { ($0.value.label, $0.location ?? spec.file.location(spec.position)) }
        }
        let stageValue = name == "aspect_ratio" ? stage.spec.aspectRatio : stage.spec.imageSize
        if let stageValue { return [(stageValue.value, spec.file.location(stageValue.position))] }
        if let fixed = fixed[name] { return [(fixed.value.label, fixed.location)] }
        return []
    }

    /// Every value a request parameter takes in every stage with a known model.
    func parameterValuesByStage(_ name: String)
        -> [(stage: ResolvedStage, model: ModelInfo, value: String, location: SourceLocation)] {
        stages.flatMap { stage -> [(ResolvedStage, ModelInfo, String, SourceLocation)] in
            guard let model = stage.model else { return [] }
            return parameterValues(name, stage: stage).map { (stage, model, $0.value, $0.location) }
        }
    }

    /// Where the campaign names its template, for messages about the pairing.
    var templateLocation: SourceLocation {
        spec.file.location(spec.template?.position ?? spec.position)
    }
}
