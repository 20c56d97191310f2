import ArgumentParser
import BunchKit
import Foundation

/// Options every command that reads a project takes.
struct ProjectOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("The project folder (default: found by walking up from here).",
                                            valueName: "DIR"))
    var project: String?

    @Option(name: .long, help: ArgumentHelp("A model catalog JSON file replacing the built-in one.",
                                            valueName: "FILE"))
    var models: String?

    /// The working directory, for relative paths.
    var workingDirectory: URL { URL(fileURLWithPath: FileManager.default.currentDirectoryPath) }

    /// Finds and loads the project, or exits 2 with the reason.
    func load() throws -> LoadedProject {
        let catalog: ModelCatalog
        if let models {
            do {
                catalog = try ModelCatalog.load(contentsOf: URL(fileURLWithPath: models, relativeTo: workingDirectory))
            } catch {
                throw Terminal.fail(error.message)
            }
        } else {
            catalog = .builtIn
        }
        do {
            let found = try Project.find(
                from: workingDirectory,
                explicit: project.map { URL(fileURLWithPath: $0, relativeTo: workingDirectory) })
            return LoadedProject.load(found, catalog: catalog)
        } catch {
            throw Terminal.fail(error.message)
        }
    }
}

extension DiagnosticFormatter {
    /// Prints diagnostics as text to stderr with source lines, or as data to stdout.
    static func print(_ diagnostics: [Diagnostic], format: Format, project: Project) throws {
        let output = DiagnosticFormatter.format(diagnostics, as: format, colour: format == .text && Terminal.colourOnStandardError) { path in
            let url = path.hasPrefix("/") ? URL(fileURLWithPath: path) : project.root.appendingPathComponent(path)
            return try? SourceFile.read(url, displayPath: path)
        }
        if format == .text {
            Terminal.standardError(output)
        } else {
            try Terminal.standardOutput(output)
        }
    }
}
