import Foundation

/// A template or brand kit, decoded from `templates/`. Best effort: a file with errors still
/// yields the parts that could be read.
public struct TemplateSpec: Sendable {
    /// Whether the file is a prompt template or a brand kit.
    public enum Kind: String, Sendable {
        case template
        case brand
    }

    /// How sections are joined into the prompt.
    public enum RenderStyle: String, Sendable {
        /// `[SECTION]` headings with their lines, the default.
        case structured
        /// Sections joined into sentences.
        case prose
    }

    /// The file it came from.
    public var file: SourceFile
    /// `kind:`, default template.
    public var kind: Kind = .template
    /// `name:`, default the file's stem.
    public var name: Located<String>
    /// `description:`.
    public var description: String?
    /// `extends:`, the parent template's name.
    public var extends: Located<String>?
    /// `render:`, when written; nil inherits from the parent or means structured.
    public var render: Located<RenderStyle>?
    /// `variables:`, in the order written.
    public var variables: [VariableSpec] = []
    /// `sections:`, in the order written: the order of the prompt.
    public var sections: [SectionSpec] = []
    /// `avoid:`, rendered as one final line.
    public var avoid: [Located<String>] = []
    /// `references:`, local files relative to the file or https URLs.
    public var references: [ReferenceSpec] = []
    /// `palette:` (brand kits), colours as `#RRGGBB`.
    public var palette: [Located<String>] = []
    /// Where the whole document starts.
    public var position: SourcePosition = .start

    /// Creates an empty spec for a file, named after the file's stem.
    public init(file: SourceFile, name: Located<String>) {
        self.file = file
        self.name = name
    }
}

/// One declared template variable.
public struct VariableSpec: Sendable {
    /// The variable's name, as used in `{{name}}`.
    public var name: Located<String>
    /// `description:`.
    public var description: String?
    /// `required:`; a required variable without a default must be given by every campaign.
    public var isRequired: Bool = false
    /// `default:`.
    public var defaultValue: Located<PromptValue>?
    /// `values:`, an optional closed set checked by lint.
    public var allowedValues: [Located<PromptValue>]?

    /// Creates a variable with only a name.
    public init(name: Located<String>) {
        self.name = name
    }
}

/// One named prompt section.
public struct SectionSpec: Sendable {
    /// The key (`subject`, `scene`, `key_message` …).
    public var name: Located<String>
    /// The lines, each with its position; one line for a string section.
    public var lines: [Located<String>]
    /// True when written as a list: rendered with `- ` before each line.
    public var isList: Bool
    /// True when written with no value (`subject:`): a slot that fixes the section's place in
    /// the prompt for a template that extends this one to fill.
    public var isSlot = false

    /// Creates a section.
    public init(name: Located<String>, lines: [Located<String>], isList: Bool) {
        self.name = name
        self.lines = lines
        self.isList = isList
    }

    /// The heading of the section in a structured prompt: `key_message` → `KEY MESSAGE`.
    public var heading: String {
        name.value.replacingOccurrences(of: "_", with: " ").replacingOccurrences(of: "-", with: " ").uppercased()
    }
}

/// A reference image: a file relative to the declaring YAML file, or an https URL.
public struct ReferenceSpec: Sendable, Hashable {
    /// The path or URL as written.
    public var location: Located<String>
    /// The file that declared it, whose folder a relative path is resolved against.
    public var declaringPath: String

    /// Creates a reference.
    public init(location: Located<String>, declaringPath: String) {
        self.location = location
        self.declaringPath = declaringPath
    }

    /// True for `https://` references, which are not read locally.
    public var isURL: Bool { location.value.hasPrefix("https://") || location.value.hasPrefix("http://") }
}
