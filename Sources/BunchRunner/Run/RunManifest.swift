import BunchKit
import Foundation

/// `manifest.json`: the whole state of a campaign's output, rebuilt at any time from the journal,
/// the current plan and the approvals (its JSON Schema is `docs/manifest.schema.json`).
public struct RunManifest: Codable, Sendable {
    /// The tool that wrote it.
    public struct Tool: Codable, Sendable {
        public var name = "bunch"
        public var version: String
    }

    /// A source file and its hash.
    public struct SourceHash: Codable, Sendable {
        public var path: String
        public var sha256: String
    }

    /// Who rendered (never a key).
    public struct GeneratorInfo: Codable, Sendable {
        public var name: String
        public var host: String?
    }

    /// Counts and spend of one stage.
    public struct StageTotals: Codable, Sendable, Equatable {
        public var requests = 0
        public var pending = 0
        public var succeeded = 0
        public var refused = 0
        public var blocked = 0
        public var failed = 0
        public var failedByReason: [String: Int] = [:]
        public var approved = 0
        public var images = 0
        public var costUSD = 0.0

        /// Empty totals.
        public init() {}

        enum CodingKeys: String, CodingKey {
            case requests, pending, succeeded, refused, blocked, failed, approved, images
            case failedByReason = "failed_by_reason"
            case costUSD = "cost_usd"
        }
    }

    /// One request: what was asked and, once answered, what came back and what it cost.
    public struct Entry: Codable, Sendable {
        public var id: String
        public var stage: Stage
        public var vars: [String: String]
        public var prompt: String
        public var model: String
        public var aspectRatio: String
        public var imageSize: String?
        public var variant: Int
        public var references: [ReferenceDigest]
        public var draftID: String?
        public var status: String
        /// True for outputs of requests the current campaign no longer plans (an edited line
        /// changed their id); kept, never deleted.
        public var superseded: Bool
        public var approved: Bool
        public var attempts: Int
        public var reason: String?
        public var texts: [String]
        public var files: [FileRecord]
        public var usage: TokenUsage?
        public var costUSD: Double
        public var latencyMS: Int?
        public var started: String?
        public var finished: String?

        enum CodingKeys: String, CodingKey {
            case id, stage, vars, prompt, model, variant, references, status, superseded, approved, attempts, reason
            case texts, files, usage, started, finished
            case aspectRatio = "aspect_ratio"
            case imageSize = "image_size"
            case draftID = "draft_id"
            case costUSD = "cost_usd"
            case latencyMS = "latency_ms"
        }
    }

    public var tool: Tool
    public var campaign: String
    public var campaignFile: SourceHash
    public var templateFiles: [SourceHash]
    public var generator: GeneratorInfo?
    public var updated: String
    public var totals: [String: StageTotals]
    public var requests: [Entry]

    enum CodingKeys: String, CodingKey {
        case tool, campaign, generator, updated, totals, requests
        case campaignFile = "campaign_file"
        case templateFiles = "template_files"
    }

    /// Builds the manifest: every planned request (pending until answered), then every answered
    /// request the plan no longer holds (superseded).
    public static func build(version: String, campaign: ResolvedCampaign, planned: [PlannedRequest],
                             journal: [JournalRecord], approvals: Approvals) -> RunManifest {
        let outcomes = Journal.outcomes(journal)
        var attempts: [String: Int] = [:]
        for record in journal where record.event == .sent { if let id = record.id { attempts[id, default: 0] += 1 } }
        let plannedIDs = Set(planned.map(\.id))
        var entries = planned.map { entry($0, outcome: outcomes[$0.id], attempts: attempts[$0.id], superseded: false,
                                          approvals: approvals) }
        let superseded = outcomes.values.filter { !plannedIDs.contains($0.request.id) }
            .sorted { ($0.request.stage.rawValue, $0.finished) < ($1.request.stage.rawValue, $1.finished) }
        entries += superseded.map { entry($0.request, outcome: $0, attempts: attempts[$0.request.id], superseded: true,
                                          approvals: approvals) }
        var totals: [String: StageTotals] = [:]
        for stage in Stage.allCases { totals[stage.rawValue] = StageTotals() }
        for entry in entries {
            var stage = totals[entry.stage.rawValue] ?? StageTotals()
            stage.costUSD += entry.costUSD
            if !entry.superseded {
                stage.requests += 1
                switch entry.status {
                case "pending": stage.pending += 1
                case "succeeded": stage.succeeded += 1
                case "refused": stage.refused += 1
                case "blocked": stage.blocked += 1
                default:
                    stage.failed += 1
                    stage.failedByReason[FailureReason.category(entry.reason), default: 0] += 1
                }
                stage.images += entry.files.count
                if entry.approved { stage.approved += 1 }
            }
            totals[entry.stage.rawValue] = stage
        }
        let generator = journal.last { $0.event == .runStarted }.map { GeneratorInfo(name: $0.generator ?? "", host: $0.host) }
        return RunManifest(
            tool: Tool(version: version), campaign: campaign.spec.name.value,
            campaignFile: SourceHash(path: campaign.spec.file.path, sha256: OutputStore.sha256(Array(campaign.spec.file.text.utf8))),
            templateFiles: ((campaign.composed?.chain ?? []) + [campaign.composed?.brand].compactMap { $0 }).map {
                SourceHash(path: $0.file.path, sha256: OutputStore.sha256(Array($0.file.text.utf8)))
            },
            generator: generator, updated: Timestamp.now(), totals: totals, requests: entries)
    }

    /// Builds the manifest of a plan as it stands: drafts, and the finals its approvals let through.
    public static func build(version: String, plan: CampaignPlan, journal: [JournalRecord],
                             approvals: Approvals) -> RunManifest {
        build(version: version, campaign: plan.campaign, planned: StagePlan.manifestRequests(plan, approvals: approvals),
              journal: journal, approvals: approvals)
    }

    private static func entry(_ request: PlannedRequest, outcome: RequestRecord?, attempts: Int?, superseded: Bool,
                              approvals: Approvals) -> Entry {
        Entry(id: request.id, stage: request.stage,
              vars: Dictionary(request.variables.map { ($0.name, $0.label) }, uniquingKeysWith: { first, _ in first }),
              prompt: request.prompt, model: request.model, aspectRatio: request.aspectRatio, imageSize: request.imageSize,
              variant: request.variant, references: request.references, draftID: request.draftID,
              status: outcome?.status ?? "pending", superseded: superseded,
              approved: request.stage == .draft && approvals.contains(request.id), attempts: attempts ?? 0,
              reason: outcome?.reason, texts: outcome?.texts ?? [], files: outcome?.files ?? [], usage: outcome?.usage,
              costUSD: outcome?.costUSD ?? 0, latencyMS: outcome?.latencyMS, started: outcome?.started,
              finished: outcome?.finished)
    }

    /// Pretty JSON with sorted keys.
    public func encoded() throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(self)) + [UInt8(ascii: "\n")]
    }

    /// Writes it atomically into the store.
    public func write(to store: OutputStore) throws {
        try OutputStore.writeAtomically(try encoded(), to: store.manifestURL)
    }
}

/// Groups failure reasons for status: "HTTP 503", "timeout", "connection", "no quota" …
public enum FailureReason {
    /// A short category for a failure reason.
    public static func category(_ reason: String?) -> String {
        guard let reason else { return "unknown" }
        if reason.hasPrefix("HTTP ") || reason.hasPrefix("TTAPI HTTP ") {
            let words = reason.split(separator: " ")
            let code = reason.hasPrefix("TTAPI") ? words.dropFirst(2).first : words.dropFirst().first
            return "HTTP \(code.map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ":")) } ?? "?")"
        }
        if reason.contains("timeout") { return "timeout" }
        if reason.hasPrefix("connection") { return "connection" }
        if reason.contains("quota") { return "no quota" }
        if reason.contains("not complete JSON") { return "truncated answer" }
        if reason.contains("unknown or retired model") { return "HTTP 404" }
        return String(reason.prefix(40))
    }
}
