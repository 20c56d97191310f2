import APIDouble
import BunchHTTP
import BunchKit
import BunchRunner
import BunchTestSupport
import Foundation

/// A small project, the loopback double and a runner wired together for one test.
final class RunHarness: @unchecked Sendable {
    static let template = """
        name: shot
        variables:
          product: {required: true}
          surface: {required: true}
        sections:
          subject: "Main subject: {{product.name}}, {{product.details}}"
          scene: "Surface: {{surface}}"
        references: [{path: refs/board.png}]

        """

    static func campaign(products: Int = 3, surfaces: Int = 2, variants: Int = 1, extra: String = "") -> String {
        let names = (0..<products).map { "{name: product \($0), details: finish \($0)}" }.joined(separator: ", ")
        let surfaceList = (0..<surfaces).map { "surface \($0)" }.joined(separator: ", ")
        return """
            template: shot
            matrix:
              product: [\(names)]
              surface: [\(surfaceList)]
            variants: \(variants)
            stages:
              draft: {model: nano-banana-2, image_size: "512"}
              final: {model: nano-banana-pro, image_size: 2K}
            \(extra)
            """
    }

    let project: TemporaryProject
    let double: APIDouble
    let transport = AsyncHTTPTransport()
    let clock = VirtualClock()

    init(campaign: String = RunHarness.campaign(), script: @escaping APIDouble.Script) async throws {
        project = try TemporaryProject(files: ["templates/shot.yaml": Self.template, "campaigns/c.yaml": campaign])
        try project.write("templates/refs/board.png", bytes: PreviewGenerator.samplePNG)
        double = try await APIDouble.start(script: script)
    }

    func plan() throws -> CampaignPlan {
        let loaded = project.load()
        let result = try loaded.campaign(at: project.root.appendingPathComponent("campaigns/c.yaml"))
        guard let campaign = result.campaign, !result.diagnostics.hasErrors else {
            throw CocoaError(.fileReadCorruptFile, userInfo: [NSLocalizedDescriptionKey: "\(result.diagnostics)"])
        }
        return try Planner.plan(campaign, references: loaded.references)
    }

    var store: OutputStore { OutputStore(outputRoot: project.root.appendingPathComponent("out"), campaign: "c") }

    func runner(_ options: RunOptions = RunOptions(), stop: StopSignal = StopSignal(), clock: (any RunClock)? = nil) throws
        -> CampaignRunner {
        CampaignRunner(plan: try plan(), store: store,
                       generator: GeminiGenerator(apiKey: "test-key-123", baseURL: double.baseURL, transport: transport,
                                                  timeout: .seconds(20)),
                       loader: ReferenceLoader(mode: .inline, root: project.root, transport: transport),
                       options: options, clock: clock ?? self.clock, version: "test", stop: stop)
    }

    func run(_ options: RunOptions = RunOptions()) async throws -> RunSummary {
        try await runner(options).run()
    }

    var records: [JournalRecord] { Journal.read(store.journalURL).records }

    func close() async {
        await transport.shutdown()
        await double.stop()
    }
}

extension PreviewGenerator {
    /// A small real PNG for reference images in tests.
    static var samplePNG: [UInt8] {
        PNGEncoder.encode(size: PixelSize(width: 16, height: 8)) { y, row in
            for index in row.indices { row[index] = UInt8((index * 7 + y * 13) & 0xFF) }
        }
    }
}
