/// What a rule looks at: one template (composed without a brand), one brand kit, or one
/// resolved campaign.
public enum LintSubject: Sendable {
    case template(TemplateSpec, ComposedTemplate)
    case brand(TemplateSpec)
    case campaign(ResolvedCampaign)
}

extension LintSubject {
    /// The template or brand kit file being linted, if the subject is one.
    var templateFile: TemplateSpec? {
        switch self {
        case .template(let spec, _), .brand(let spec): spec
        case .campaign: nil
        }
    }
}

/// What every rule may consult.
public struct LintContext: Sendable {
    /// Templates and brand kits by name.
    public var library: TemplateLibrary
    /// The model catalog.
    public var catalog: ModelCatalog
    /// Finds and hashes reference images.
    public var references: ReferenceResolver
    /// Today as `YYYY-MM-DD`, for retirement dates (injected so tests do not depend on the clock).
    public var today: String

    /// Creates a context.
    public init(library: TemplateLibrary, catalog: ModelCatalog, references: ReferenceResolver, today: String) {
        self.library = library
        self.catalog = catalog
        self.references = references
        self.today = today
    }
}

/// One lint rule: a stable id, a one-line summary, examples that are also its tests, and a check.
///
/// Rules marked `isFoundWhileReading` are detected by the parser, decoder or resolver, which
/// need them to go on; their `check` adds nothing, and their examples test that path end to end.
public protocol LintRule: Sendable {
    /// Stable kebab-case id, printed in brackets after each message.
    static var id: String { get }
    /// One line saying what the rule catches.
    static var summary: String { get }
    /// The usual severity.
    static var severity: Severity { get }
    /// Whether the reading stages report it rather than `check`.
    static var isFoundWhileReading: Bool { get }
    /// Files that trigger the rule (with `↓` before each expected position) and files that do not.
    static var examples: [RuleExample] { get }

    /// Creates the rule.
    init()

    /// The problems this rule finds in a subject.
    func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic]
}

extension LintRule {
    public static var isFoundWhileReading: Bool { false }
    public func check(_ subject: LintSubject, context: LintContext) -> [Diagnostic] { [] }
}

/// A small project that shows a rule: project-relative paths to YAML text. In a triggering
/// example, `↓` stands before every position the rule must report (and is removed before
/// linting); a non-triggering example must get no diagnostic from the rule.
public struct RuleExample: Sendable {
    /// Files by project-relative path.
    public var files: [String: String]
    /// Whether the rule must fire.
    public var triggers: Bool

    /// An example that must trigger the rule where the `↓` markers stand.
    public static func triggering(_ files: [String: String]) -> RuleExample {
        RuleExample(files: files, triggers: true)
    }

    /// An example that must not trigger the rule.
    public static func nonTriggering(_ files: [String: String]) -> RuleExample {
        RuleExample(files: files, triggers: false)
    }

    /// A small template every campaign example may name: `basic`, with a required `product`
    /// map, a `surface` with a closed set and a default, and brand kit `acme`.
    public static let baseFiles: [String: String] = [
        "templates/basic.yaml": """
            name: basic
            variables:
              product: {required: true}
              surface: {default: white paper, values: [white paper, wet basalt, pink marble]}
            sections:
              subject: "Main subject: {{product.name}}"
              scene: ["Surface: {{surface}}"]
              style: Premium commercial look, photorealistic
            """,
        "templates/brands/acme.yaml": """
            kind: brand
            name: acme
            palette: ["#0B1F3A", "#F2C14E"]
            sections:
              style: ["Color palette: deep navy, warm gold"]
            """,
    ]
}
