/// A template with its parents and brand kit merged: the sections, `avoid` list, references and
/// variables one request is rendered from.
public struct ComposedTemplate: Sendable {
    /// One line of a section, with the file it was written in and its parsed placeholders.
    public struct Line: Sendable {
        /// The text as written.
        public var text: Located<String>
        /// The file that declared it.
        public var file: SourceFile
        /// The parsed text.
        public var compiled: CompiledText
        /// True when it came from the brand kit.
        public var isFromBrand: Bool
    }

    /// One merged section.
    public struct Section: Sendable {
        /// The section's key.
        public var name: String
        /// `[HEADING]` text.
        public var heading: String
        /// Whether the lines are rendered as a list.
        public var isList: Bool
        /// The lines: the template's, then the brand kit's.
        public var lines: [Line]
        /// Where the section's key was written (in the template that last defined it).
        public var location: SourceLocation
    }

    /// The template itself (the leaf of the `extends` chain).
    public var template: TemplateSpec
    /// The chain from the root parent to the template.
    public var chain: [TemplateSpec]
    /// The brand kit, if the campaign names one.
    public var brand: TemplateSpec?
    /// The merged sections, in prompt order.
    public var sections: [Section]
    /// The merged `avoid` list.
    public var avoid: [Line]
    /// All reference images: parents', the template's, then the brand kit's.
    public var references: [ReferenceSpec]
    /// The declared variables by name; a child's declaration replaces its parent's.
    public var variables: [String: VariableSpec]
    /// How the prompt is rendered.
    public var render: TemplateSpec.RenderStyle
    /// The brand palette, for the preview generator.
    public var palette: [String]

    /// Every placeholder of every line.
    public var placeholders: [Placeholder] {
        (sections.flatMap(\.lines) + avoid).flatMap(\.compiled.placeholders)
    }

    /// Every line, for text checks.
    public var allLines: [Line] { sections.flatMap(\.lines) + avoid }
}
