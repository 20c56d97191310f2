/// A campaign with its template composed, its combination space built and its models looked up:
/// everything lint and plan need. Built best-effort, so a campaign with errors still resolves.
public struct ResolvedCampaign: Sendable {
    /// Where a variable's value comes from.
    public struct AxisReference: Sendable, Hashable {
        /// The dimension of the space.
        public var dimension: Int
        /// The variable's place within a linked group (0 for a plain axis).
        public var member: Int
    }

    /// One stage with its model resolved.
    public struct ResolvedStage: Sendable {
        /// Draft or final.
        public var stage: Stage
        /// The stage as written.
        public var spec: StageSpec
        /// The catalog entry; nil when the model is unknown (lint reports it).
        public var model: ModelInfo?
    }

    /// The campaign as written.
    public var spec: CampaignSpec
    /// The template with its parents and brand merged; nil when the template is unknown.
    public var composed: ComposedTemplate?
    /// The combinations.
    public var space: CombinationSpace
    /// Axis variables by name.
    public var axes: [String: AxisReference]
    /// A value fixed for every request, and where it was written.
    public struct FixedValue: Sendable {
        /// The value.
        public var value: PromptValue
        /// Where it was written: the campaign's `vars` or a template's `default`.
        public var location: SourceLocation
        /// True when the campaign set it, false for a template default.
        public var isCampaignVar: Bool
    }

    /// Fixed values by name: the campaign's `vars`, then template defaults not set otherwise.
    public var fixed: [String: FixedValue]
    /// The stages the campaign declares.
    public var stages: [ResolvedStage]
    /// The compiled `name:` pattern.
    public var namePattern: CompiledText?

    /// Variables that are request parameters rather than prompt text. They may be axes or vars,
    /// and placeholders may use them.
    public static let requestParameters: Set<String> = ["aspect_ratio", "image_size"]
    /// Placeholders every template may use without declaring them.
    public static let builtInVariables: Set<String> = ["aspect_ratio", "image_size", "stage", "model", "variant"]

    /// The resolved stage, if declared.
    public func stage(_ stage: Stage) -> ResolvedStage? {
        stages.first { $0.stage == stage }
    }

    /// How many images are wanted per combination.
    public var variants: Int { spec.variants?.value ?? 1 }

    /// The expansion bound.
    public var limit: Int { spec.limit?.value ?? CampaignSpec.defaultLimit }

    /// Whether any value (axis, include or fixed) exists for a variable.
    public func provides(_ variable: String) -> Bool {
        axes[variable] != nil || fixed[variable] != nil
    }

    /// Every value a variable can take, with where it was written when known.
    public func values(of variable: String) -> [(value: PromptValue, location: SourceLocation?)] {
        if let axis = axes[variable] {
            let dimension = space.dimensions[axis.dimension]
            let positions = axisValuePositions(variable)
            return dimension.rows.enumerated().map { index, row in
                (row[axis.member], index < positions.count ? positions[index] : positionInSelectors(variable, row[axis.member]))
            }
        }
        if let fixed = fixed[variable] {
            return [(fixed.value, fixed.location)]
        }
        return []
    }

    private func axisValuePositions(_ variable: String) -> [SourceLocation] {
        for axis in spec.matrix + spec.linked.flatMap(\.axes) where axis.name.value == variable {
            return axis.values.map { spec.file.location($0.position) }
        }
        return []
    }

    private func positionInSelectors(_ variable: String, _ value: PromptValue) -> SourceLocation? {
        for selector in spec.include {
            for constraint in selector.constraints where constraint.axis.value == variable {
                if let found = constraint.values.first(where: { $0.value == value }) {
                    return spec.file.location(found.position)
                }
            }
        }
        return nil
    }
}
