import ArgumentParser
import BunchHTTP
import BunchKit
import BunchRunner
import Foundation
import Synchronization

/// `bunch run`: renders a stage.
struct RunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Render a stage of a campaign: drafts, or finals of the approved drafts.",
        discussion: """
            Sends only what is not done yet: a re-run after a crash or Ctrl-C picks up where it stopped, \
            and a succeeded request is never sent again. Outputs, the journal and manifest.json go to \
            out/<campaign>/. The generator is --generator, else the campaign's `generator:`, else gemini \
            when GEMINI_API_KEY is set, else preview (offline placeholders). Keys come from the environment \
            only: GEMINI_API_KEY, TTAPI_API_KEY; GEMINI_BASE_URL and TTAPI_BASE_URL override the hosts.

            Ctrl-C once: stop launching and wait for requests in flight (they are paid for). Twice: abandon them.

            Exit codes: 0 done; 1 some requests failed, or no quota; 2 usage or input error; 3 budget; 130 interrupted.

            Examples:
              bunch run spring-launch                           drafts with the default generator
              bunch run spring-launch --generator preview       offline placeholders, no key, no cost
              bunch run spring-launch --stage final --max-usd 10
              bunch run spring-launch --retry-failed --concurrency 8 --rpm 60
              bunch run spring-launch --dry-run                 what would be sent, and its cost
            """)

    @OptionGroup var projectOptions: ProjectOptions

    @Argument(help: "The campaign: a path, or a name under campaigns/.")
    var campaign: String

    @Option(help: "The stage to render: draft or final.")
    var stage: Stage = .draft

    @Option(help: "gemini, ttapi or preview.")
    var generator: GeneratorChoice?

    @Option(help: "The most requests in flight.")
    var concurrency = 4

    @Option(help: "The most requests sent a minute, across all workers.")
    var rpm: Int?

    @Option(name: .customLong("max-usd"), help: "The spending cap for the campaign (overrides budget.max_usd).")
    var maxUSD: Double?

    @Flag(help: "Send again the requests whose last outcome was failed.")
    var retryFailed = false

    @Option(help: "Send again these final outcomes on purpose: refused, blocked (comma-separated).")
    var retry: String?

    @Option(help: "Attempts per request, retries included.")
    var maxAttempts = 5

    @Flag(help: "Show what would be sent and what it would cost; send nothing.")
    var dryRun = false

    @Option(help: "Preview only: a delay per image, to watch progress in a demo.")
    var previewLatency: Double?

    func validate() throws {
        guard (1...256).contains(concurrency) else { throw ValidationError("--concurrency must be between 1 and 256") }
        if let rpm, rpm < 1 { throw ValidationError("--rpm must be 1 or more") }
        if let maxUSD, maxUSD < 0 { throw ValidationError("--max-usd must be zero or more") }
        guard (1...20).contains(maxAttempts) else { throw ValidationError("--max-attempts must be between 1 and 20") }
        for word in retryWords where !["refused", "blocked"].contains(word) {
            throw ValidationError("--retry takes refused and/or blocked, not '\(word)'")
        }
    }

    private var retryWords: [String] {
        retry?.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } ?? []
    }

    func run() async throws {
        let campaign = try LoadedCampaign.load(self.campaign, options: projectOptions)
        let resolved = campaign.plan.campaign
        guard resolved.stage(stage) != nil else {
            throw Terminal.fail("the campaign declares no \(stage.rawValue) stage")
        }
        let environment = ProcessInfo.processInfo.environment
        let choice = generator ?? resolved.spec.generator.flatMap { GeneratorChoice(rawValue: $0.value) }
            ?? (environment["GEMINI_API_KEY"]?.isEmpty == false ? .gemini : .preview)
        let transport = AsyncHTTPTransport()
        defer { Task { await transport.shutdown() } }
        let made = try choice.make(environment: environment, transport: transport,
                                   previewLatency: previewLatency.map { .milliseconds(Int64($0 * 1000)) })
        Terminal.standardError("generator: \(made.announcement)\n")
        if case .urlsOnly = made.referenceMode {
            let local = (resolved.composed?.references ?? []).filter { !$0.isURL }
            if !local.isEmpty {
                let diagnostics = local.map { reference in
                    Diagnostic(.error, code: "local-reference-with-ttapi",
                               "reference \(reference.location.value) is a local file, but TTAPI takes only https URLs; "
                                   + "publish it and write `url:` instead of `path:`, or use --generator gemini",
                               at: SourceLocation(path: reference.declaringPath, position: reference.location.position))
                }
                try DiagnosticFormatter.print(diagnostics, format: .text, project: campaign.loaded.project)
                throw ExitCode(2)
            }
        }
        var options = RunOptions()
        options.stage = stage
        options.concurrency = concurrency
        options.requestsPerMinute = rpm
        options.maximumUSD = maxUSD ?? resolved.spec.maxUSD?.value
        options.retryFailed = retryFailed
        options.retryOutcomes = Set(retryWords)
        options.retry.maximumAttempts = maxAttempts
        options.dryRun = dryRun
        let stop = StopSignal()
        let progress = ProgressDisplay(isTerminal: isatty(2) == 1)
        let runner = CampaignRunner(
            plan: campaign.plan, store: campaign.store, generator: made.generator,
            loader: ReferenceLoader(mode: made.referenceMode, root: campaign.loaded.project.root, transport: transport),
            options: options, version: BunchVersion.current, stop: stop,
            progress: { progress.update($0) })
        Interrupts.install()
        let watcher = Task { await Interrupts.watch(stop) }
        defer { watcher.cancel() }
        let summary: RunSummary
        do {
            summary = try await runner.run()
        } catch {
            if case .overBudget = error { throw Terminal.fail(error.description, code: 3) }
            throw Terminal.fail(error.description, code: error.isInput ? 2 : 1)
        }
        progress.finish()
        await transport.shutdown()
        Terminal.standardError(RunReport.text(summary, stage: stage, store: campaign.store,
                                              project: campaign.loaded.project))
        switch summary.end {
        case .budget: throw ExitCode(3)
        case .interrupted, .abandoned: throw ExitCode(130)
        case .quota: throw ExitCode(1)
        case .dryRun, .completed: if summary.failed > 0 { throw ExitCode(1) }
        }
    }
}

extension RunError {
    /// Problems with the user's input (exit 2) rather than with the run (exit 1).
    var isInput: Bool {
        switch self {
        case .reference, .nothingApproved, .output: true
        case .overBudget, .plan: false
        }
    }
}

/// `--generator`.
enum GeneratorChoice: String, ExpressibleByArgument, CaseIterable {
    case gemini, ttapi, preview

    /// A generator, its announcement line and how it takes references.
    struct Made {
        let generator: any Generator
        let announcement: String
        let referenceMode: ReferenceLoader.Mode
    }

    func make(environment: [String: String], transport: AsyncHTTPTransport, previewLatency: Duration?) throws -> Made {
        switch self {
        case .preview:
            return Made(generator: PreviewGenerator(latency: previewLatency),
                        announcement: "preview (offline placeholder images, no model is called; set GEMINI_API_KEY or pass --generator gemini to render for real)",
                        referenceMode: .none)
        case .gemini:
            guard let key = environment["GEMINI_API_KEY"], !key.isEmpty else {
                throw Terminal.fail("--generator gemini needs GEMINI_API_KEY in the environment")
            }
            let base = environment["GEMINI_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? GeminiGenerator.defaultBaseURL
            let generator = GeminiGenerator(apiKey: key, baseURL: base, transport: transport)
            return Made(generator: generator, announcement: "gemini at \(generator.host ?? base)", referenceMode: .inline)
        case .ttapi:
            guard let key = environment["TTAPI_API_KEY"], !key.isEmpty else {
                throw Terminal.fail("--generator ttapi needs TTAPI_API_KEY in the environment")
            }
            let base = environment["TTAPI_BASE_URL"].flatMap { $0.isEmpty ? nil : $0 } ?? TTAPIGenerator.defaultBaseURL
            let generator = TTAPIGenerator(apiKey: key, baseURL: base, transport: transport)
            return Made(generator: generator, announcement: "ttapi at \(generator.host ?? base)", referenceMode: .urlsOnly)
        }
    }
}

/// Ctrl-C: the handler only bumps a lock-free counter; a task turns it into the run's stop
/// signal and says what happens next.
enum Interrupts {
    static let count = Atomic<Int>(0)

    /// Installs the handlers; called before the run starts, so no Ctrl-C falls on the default
    /// action (which would kill the process without saving).
    static func install() {
        signal(SIGINT) { _ in _ = Interrupts.count.add(1, ordering: .relaxed) }
        signal(SIGTERM) { _ in _ = Interrupts.count.add(1, ordering: .relaxed) }
    }

    /// Turns counted signals into stop levels, with a message for each.
    static func watch(_ stop: StopSignal) async {
        var seen = 0
        while !Task.isCancelled {
            let now = count.load(ordering: .relaxed)
            while seen < now {
                seen += 1
                let level = stop.raise()
                Terminal.standardError(level == 1
                    ? "\nstopping: no new requests; waiting for those in flight (they are paid for). Ctrl-C again to abandon them.\n"
                    : "\nabandoning the requests in flight; they stay pending for the next run.\n")
            }
            try? await Task.sleep(for: .milliseconds(50))
        }
    }
}
