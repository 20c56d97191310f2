/// Resolves a campaign against the project's templates and the model catalog.
public enum CampaignResolver {
    /// Resolves a campaign. Problems met while composing the template and building the space are
    /// appended to `diagnostics`; unknown templates and models are left for lint to report.
    public static func resolve(_ spec: CampaignSpec, library: TemplateLibrary, catalog: ModelCatalog,
                               diagnostics: inout [Diagnostic]) -> ResolvedCampaign {
        var composed: ComposedTemplate?
        if let name = spec.template, let template = library.templates[name.value] {
            let brand = spec.brand.flatMap { library.brands[$0.value] }
            composed = TemplateComposer.compose(template, brand: brand, library: library, diagnostics: &diagnostics)
        }
        var builder = CombinationSpaceBuilder(spec: spec)
        let space = builder.build()
        diagnostics += builder.diagnostics
        let axes = builder.axisVariables.mapValues {
            ResolvedCampaign.AxisReference(dimension: $0.dimension, member: $0.member)
        }
        var fixed: [String: ResolvedCampaign.FixedValue] = [:]
        for template in composed?.chain ?? [] {
            for variable in template.variables {
                guard let value = variable.defaultValue else { continue }
                fixed[variable.name.value] = .init(value: value.value, location: template.file.location(value.position),
                                                   isCampaignVar: false)
            }
        }
        for named in spec.vars {
            fixed[named.name.value] = .init(value: named.value.value, location: spec.file.location(named.value.position),
                                            isCampaignVar: true)
        }
        for name in axes.keys { fixed[name] = nil }
        let stages = Stage.allCases.compactMap { stage -> ResolvedCampaign.ResolvedStage? in
            guard let stageSpec = spec.stage(stage) else { return nil }
            return ResolvedCampaign.ResolvedStage(
                stage: stage, spec: stageSpec, model: stageSpec.model.flatMap { catalog.model(named: $0.value) })
        }
        let namePattern = spec.namePattern.map {
            PlaceholderParser.compile($0, in: spec.file, diagnostics: &diagnostics)
        }
        return ResolvedCampaign(spec: spec, composed: composed, space: space, axes: axes, fixed: fixed, stages: stages, namePattern: namePattern)
    }
}
