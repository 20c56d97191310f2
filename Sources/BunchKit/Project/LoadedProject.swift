import Foundation

/// A project with every template and brand kit read and decoded: what lint, plan and run start
/// from. Campaigns are read on demand.
public struct LoadedProject: Sendable {
    /// The project.
    public let project: Project
    /// Templates and brand kits by name.
    public let library: TemplateLibrary
    /// Problems found reading each template file, by display path.
    public let templateDiagnostics: [String: [Diagnostic]]
    /// Files that could not be read at all (exit code 2).
    public let readFailures: [Diagnostic]
    /// The model catalog in force.
    public let catalog: ModelCatalog

    /// Reads and decodes every template of a project.
    public static func load(_ project: Project, catalog: ModelCatalog) -> LoadedProject {
        var specs: [TemplateSpec] = []
        var diagnostics: [String: [Diagnostic]] = [:]
        var failures: [Diagnostic] = []
        for url in project.templateFiles() {
            let path = project.displayPath(of: url)
            do {
                let file = try SourceFile.read(url, displayPath: path)
                let (spec, found) = SpecDecoder.decodeTemplate(file)
                diagnostics[path] = found
                if let spec { specs.append(spec) }
            } catch {
                failures.append(error.diagnostic)
            }
        }
        let library = TemplateLibrary(specs)
        for diagnostic in library.diagnostics { diagnostics[diagnostic.location.path, default: []].append(diagnostic) }
        return LoadedProject(project: project, library: library, templateDiagnostics: diagnostics,
                             readFailures: failures, catalog: catalog)
    }

    /// Reads, decodes and resolves one campaign file.
    public func campaign(at url: URL) throws(SourceReadError) -> (campaign: ResolvedCampaign?, diagnostics: [Diagnostic]) {
        let file = try SourceFile.read(url, displayPath: project.displayPath(of: url))
        var (spec, diagnostics) = SpecDecoder.decodeCampaign(file)
        guard let spec else { return (nil, diagnostics) }
        let resolved = CampaignResolver.resolve(spec, library: library, catalog: catalog, diagnostics: &diagnostics)
        return (resolved, diagnostics)
    }

    /// The reference resolver of this project.
    public var references: ReferenceResolver { ReferenceResolver(root: project.root) }
}
