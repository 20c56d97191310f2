/// A campaign, decoded from `campaigns/`. Best effort: a file with errors still yields the parts
/// that could be read.
public struct CampaignSpec: Sendable {
    /// The file it came from.
    public var file: SourceFile
    /// `campaign:`, default the file's stem; names the output folder.
    public var name: Located<String>
    /// `template:`, the template's name.
    public var template: Located<String>?
    /// `brand:`, the brand kit's name.
    public var brand: Located<String>?
    /// `generator:` (gemini, ttapi or preview), when the campaign pins one.
    public var generator: Located<String>?
    /// `vars:`, fixed for every request.
    public var vars: [NamedValue] = []
    /// `matrix:`, crossed in the order written (first axis slowest).
    public var matrix: [AxisSpec] = []
    /// `linked:`, groups of axes that advance together.
    public var linked: [LinkedGroupSpec] = []
    /// `exclude:`, combinations to drop.
    public var exclude: [SelectorSpec] = []
    /// `include:`, combinations to add.
    public var include: [SelectorSpec] = []
    /// `sample:`, a deterministic subset.
    public var sample: SampleSpec?
    /// `variants:`, images wanted per combination.
    public var variants: Located<Int>?
    /// `limit:`, the most requests expansion may produce.
    public var limit: Located<Int>?
    /// `stages.draft`.
    public var draft: StageSpec?
    /// `stages.final`.
    public var final: StageSpec?
    /// `budget.max_usd`.
    public var maxUSD: Located<Double>?
    /// `output:`, the output root relative to the project.
    public var output: Located<String>?
    /// `name:`, a pattern shaping file names.
    public var namePattern: Located<String>?
    /// Where the document starts.
    public var position: SourcePosition = .start

    /// The default `limit`.
    public static let defaultLimit = 10_000

    /// Creates an empty spec for a file.
    public init(file: SourceFile, name: Located<String>) {
        self.file = file
        self.name = name
    }

    /// The stage spec for a stage.
    public func stage(_ stage: Stage) -> StageSpec? {
        stage == .draft ? draft : final
    }
}

/// A variable name with its value, as in `vars:`.
public struct NamedValue: Sendable {
    /// The variable's name.
    public var name: Located<String>
    /// Its value.
    public var value: Located<PromptValue>

    /// Creates a named value.
    public init(name: Located<String>, value: Located<PromptValue>) {
        self.name = name
        self.value = value
    }
}

/// One matrix axis: a variable and the values it takes.
public struct AxisSpec: Sendable {
    /// The variable's name.
    public var name: Located<String>
    /// Its values, in order.
    public var values: [Located<PromptValue>]

    /// Creates an axis.
    public init(name: Located<String>, values: [Located<PromptValue>]) {
        self.name = name
        self.values = values
    }
}

/// Axes that advance together (zip); their lengths must match.
public struct LinkedGroupSpec: Sendable {
    /// The axes of the group.
    public var axes: [AxisSpec]
    /// Where the group starts.
    public var position: SourcePosition

    /// Creates a group.
    public init(axes: [AxisSpec], position: SourcePosition) {
        self.axes = axes
        self.position = position
    }
}

/// An `exclude` or `include` entry: for each named axis, the values it matches (any of).
public struct SelectorSpec: Sendable {
    /// One constraint: an axis and the values it accepts.
    public struct Constraint: Sendable {
        /// The axis named.
        public var axis: Located<String>
        /// Any of these values.
        public var values: [Located<PromptValue>]

        /// Creates a constraint.
        public init(axis: Located<String>, values: [Located<PromptValue>]) {
            self.axis = axis
            self.values = values
        }
    }

    /// The constraints, all of which must hold.
    public var constraints: [Constraint]
    /// Where the entry starts.
    public var position: SourcePosition

    /// Creates a selector.
    public init(constraints: [Constraint], position: SourcePosition) {
        self.constraints = constraints
        self.position = position
    }
}

/// `sample: {count, seed}`.
public struct SampleSpec: Sendable {
    /// How many combinations to keep.
    public var count: Located<Int>
    /// The seed that makes the choice repeatable.
    public var seed: UInt64
    /// Where the entry starts.
    public var position: SourcePosition

    /// Creates a sample spec.
    public init(count: Located<Int>, seed: UInt64, position: SourcePosition) {
        self.count = count
        self.seed = seed
        self.position = position
    }
}

/// The two stages of a campaign.
public enum Stage: String, Sendable, CaseIterable, Codable {
    case draft
    case final
}

/// Which finals are rendered.
public enum FinalGate: String, Sendable {
    /// Only requests whose draft was approved (the default).
    case approved
    /// Every request.
    case all
}

/// Whether a final sends its approved draft image as a reference.
public enum FromDraft: String, Sendable {
    /// Send the approved draft as a reference image (the default).
    case reference
    /// Do not.
    case none
}

/// `stages.draft` or `stages.final`.
public struct StageSpec: Sendable {
    /// The model id or alias.
    public var model: Located<String>?
    /// `image_size:`.
    public var imageSize: Located<String>?
    /// `aspect_ratio:`.
    public var aspectRatio: Located<String>?
    /// `gate:` (finals).
    public var gate: FinalGate = .approved
    /// `from_draft:` (finals).
    public var fromDraft: FromDraft = .reference
    /// Where the stage starts.
    public var position: SourcePosition

    /// Creates a stage spec.
    public init(position: SourcePosition) {
        self.position = position
    }
}
