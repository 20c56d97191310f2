import Foundation

/// What a lint run found.
public struct LintReport: Sendable {
    /// Every diagnostic, sorted by location, without duplicates.
    public var diagnostics: [Diagnostic]
    /// Files that could not be read at all (exit code 2 rather than 1).
    public var readFailures: [Diagnostic]
    /// How many files were checked.
    public var filesChecked: Int

    /// Errors only.
    public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
    /// Warnings only.
    public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
}

/// Runs the rule catalog over a project's templates and campaigns.
public struct Linter: Sendable {
    /// Every rule, in catalog order.
    public static let rules: [any LintRule.Type] = LintCatalog.rules

    /// The loaded project.
    public let loaded: LoadedProject
    /// Today, for retirement dates.
    public let today: String

    /// Creates a linter for a project.
    public init(loaded: LoadedProject, today: String) {
        self.loaded = loaded
        self.today = today
    }

    var context: LintContext {
        LintContext(library: loaded.library, catalog: loaded.catalog, references: loaded.references, today: today)
    }

    /// Lints the named files, or every template and campaign when none are named. A named
    /// campaign brings the templates and brand kit it uses along.
    public func lint(_ urls: [URL]? = nil) -> LintReport {
        let project = loaded.project
        let templateURLs = project.templateFiles()
        let targets = urls ?? (templateURLs + project.campaignFiles())
        var diagnostics: Set<Diagnostic> = []
        var failures = loaded.readFailures.filter { failure in
            targets.contains { project.displayPath(of: $0) == failure.location.path }
        }
        var templatePaths: Set<String> = []
        var checked = 0
        for url in targets {
            let path = project.displayPath(of: url)
            if templateURLs.contains(where: { $0.path == url.path }) {
                templatePaths.insert(path)
                continue
            }
            checked += 1
            do {
                let file = try SourceFile.read(url, displayPath: path)
                let parse = parseYAML(file)
                if SpecDecoder.guessKind(of: parse.root) == .template {
                    diagnostics.formUnion(lintStandaloneTemplate(file, parse: parse))
                    continue
                }
                var (spec, found) = SpecDecoder.decodeCampaign(file, parse: parse)
                guard let spec else {
                    diagnostics.formUnion(found)
                    continue
                }
                let campaign = CampaignResolver.resolve(spec, library: loaded.library, catalog: loaded.catalog,
                                                        diagnostics: &found)
                diagnostics.formUnion(found)
                diagnostics.formUnion(run(.campaign(campaign)))
                for template in campaign.composed?.chain ?? [] { templatePaths.insert(template.file.path) }
                if let brand = campaign.composed?.brand { templatePaths.insert(brand.file.path) }
            } catch {
                failures.append(error.diagnostic)
            }
        }
        for path in templatePaths.sorted() {
            checked += 1
            diagnostics.formUnion(loaded.templateDiagnostics[path] ?? [])
            guard let spec = (loaded.library.templates.values.first { $0.file.path == path }
                ?? loaded.library.brands.values.first { $0.file.path == path }) else { continue }
            diagnostics.formUnion(lintLibraryTemplate(spec))
        }
        return LintReport(diagnostics: Array(diagnostics).sortedByLocation(), readFailures: failures,
                          filesChecked: checked)
    }

    private func lintLibraryTemplate(_ spec: TemplateSpec) -> [Diagnostic] {
        if spec.kind == .brand { return run(.brand(spec)) }
        var found: [Diagnostic] = []
        let composed = TemplateComposer.compose(spec, brand: nil, library: loaded.library, diagnostics: &found)
        return found + run(.template(spec, composed))
    }

    /// A template named on the command line from outside `templates/`.
    private func lintStandaloneTemplate(_ file: SourceFile, parse: YAMLParseResult) -> [Diagnostic] {
        var (spec, found) = SpecDecoder.decodeTemplate(file, parse: parse)
        guard let spec else { return found }
        if spec.kind == .brand { return found + run(.brand(spec)) }
        let composed = TemplateComposer.compose(spec, brand: nil, library: loaded.library, diagnostics: &found)
        return found + run(.template(spec, composed))
    }

    private func run(_ subject: LintSubject) -> [Diagnostic] {
        let context = self.context
        return Self.rules.flatMap { $0.init().check(subject, context: context) }
    }
}
