/// Every template and brand kit of a project, by name.
public struct TemplateLibrary: Sendable {
    /// Templates by name.
    public private(set) var templates: [String: TemplateSpec] = [:]
    /// Brand kits by name.
    public private(set) var brands: [String: TemplateSpec] = [:]
    /// Problems with the library as a whole (two files with one name).
    public private(set) var diagnostics: [Diagnostic] = []

    /// Creates a library from decoded specs, reporting names used twice.
    public init(_ specs: [TemplateSpec]) {
        for spec in specs {
            let isBrand = spec.kind == .brand
            if let existing = isBrand ? brands[spec.name.value] : templates[spec.name.value] {
                diagnostics.append(Diagnostic(
                    .error, code: "duplicate-name",
                    "another \(isBrand ? "brand kit" : "template") is already named '\(spec.name.value)'",
                    at: spec.file.location(spec.name.position),
                    notes: [Diagnostic.Note("first named here", at: existing.file.location(existing.name.position))]))
                continue
            }
            if isBrand { brands[spec.name.value] = spec } else { templates[spec.name.value] = spec }
        }
    }

    /// The template names, sorted, for suggestions.
    public var templateNames: [String] { templates.keys.sorted() }
    /// The brand names, sorted, for suggestions.
    public var brandNames: [String] { brands.keys.sorted() }
}
