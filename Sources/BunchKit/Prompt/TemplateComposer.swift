/// Resolves `extends` and merges a brand kit into a template.
public enum TemplateComposer {
    /// Composes a template by name. Unknown parents and cycles are reported, and composition goes
    /// on with what could be resolved.
    public static func compose(_ template: TemplateSpec, brand: TemplateSpec?, library: TemplateLibrary,
                               diagnostics: inout [Diagnostic]) -> ComposedTemplate {
        let chain = resolveChain(template, library: library, diagnostics: &diagnostics)
        var sections: [ComposedTemplate.Section] = []
        var avoid: [ComposedTemplate.Line] = []
        var references: [ReferenceSpec] = []
        var variables: [String: VariableSpec] = [:]
        var render = TemplateSpec.RenderStyle.structured
        for spec in chain {
            for section in spec.sections {
                let merged = ComposedTemplate.Section(
                    name: section.name.value, heading: section.heading, isList: section.isList,
                    lines: lines(section.lines, of: spec, isFromBrand: false, diagnostics: &diagnostics),
                    location: spec.file.location(section.name.position))
                if let index = sections.firstIndex(where: { $0.name == section.name.value }) {
                    sections[index] = merged
                } else {
                    sections.append(merged)
                }
            }
            avoid += lines(spec.avoid, of: spec, isFromBrand: false, diagnostics: &diagnostics)
            references += spec.references
            for variable in spec.variables { variables[variable.name.value] = variable }
            if let style = spec.render { render = style.value }
        }
        if let brand {
            for section in brand.sections {
                let brandLines = lines(section.lines, of: brand, isFromBrand: true, diagnostics: &diagnostics)
                if let index = sections.firstIndex(where: { $0.name == section.name.value }) {
                    sections[index].lines += brandLines
                    sections[index].isList = sections[index].isList || section.isList || sections[index].lines.count > 1
                } else {
                    sections.append(ComposedTemplate.Section(
                        name: section.name.value, heading: section.heading, isList: section.isList,
                        lines: brandLines, location: brand.file.location(section.name.position)))
                }
            }
            avoid += lines(brand.avoid, of: brand, isFromBrand: true, diagnostics: &diagnostics)
            references += brand.references
        }
        return ComposedTemplate(
            template: template, chain: chain, brand: brand, sections: sections, avoid: dedupe(avoid),
            references: references, variables: variables, render: render,
            palette: brand?.palette.map(\.value) ?? [])
    }

    /// The chain from the root parent down to the template, stopping at an unknown parent or a cycle.
    static func resolveChain(_ template: TemplateSpec, library: TemplateLibrary, diagnostics: inout [Diagnostic])
        -> [TemplateSpec] {
        var chain = [template]
        var names: Set<String> = [template.name.value]
        var current = template
        while let parent = current.extends {
            guard let spec = library.templates[parent.value] else {
                var message = "template '\(current.name.value)' extends unknown template '\(parent.value)'"
                if let suggestion = KeySuggester.suggestion(for: parent.value, among: library.templateNames) {
                    message += "; did you mean '\(suggestion)'?"
                }
                diagnostics.append(Diagnostic(.error, code: "unknown-template", message,
                                              at: current.file.location(parent.position)))
                break
            }
            guard names.insert(spec.name.value).inserted else {
                diagnostics.append(Diagnostic(
                    .error, code: "extends-cycle",
                    "'extends' goes round in a circle: \((chain.map(\.name.value) + [spec.name.value]).joined(separator: " → "))",
                    at: current.file.location(parent.position)))
                break
            }
            chain.insert(spec, at: 0)
            current = spec
        }
        return chain
    }

    private static func lines(_ texts: [Located<String>], of spec: TemplateSpec, isFromBrand: Bool,
                              diagnostics: inout [Diagnostic]) -> [ComposedTemplate.Line] {
        texts.map { text in
            ComposedTemplate.Line(
                text: text, file: spec.file,
                compiled: PlaceholderParser.compile(text, in: spec.file, diagnostics: &diagnostics),
                isFromBrand: isFromBrand)
        }
    }

    private static func dedupe(_ lines: [ComposedTemplate.Line]) -> [ComposedTemplate.Line] {
        var seen: Set<String> = []
        return lines.filter { seen.insert($0.text.value).inserted }
    }
}
