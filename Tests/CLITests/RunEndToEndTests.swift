import APIDouble
import BunchKit
import BunchRunner
import BunchTestSupport
import Foundation
import Testing

/// `bunch run`, `approve` and `status` as a user runs them, against the loopback double.
@Suite("bunch run, end to end", .serialized)
struct RunEndToEndTests {
    static let key = "AIzaE2E-secret-key-0042"

    static func project(products: Int, surfaces: Int) throws -> TemporaryProject {
        let names = (0..<products).map { "{name: product \($0), details: finish \($0)}" }.joined(separator: ", ")
        let surfaceList = (0..<surfaces).map { "surface \($0)" }.joined(separator: ", ")
        return try TemporaryProject(files: [
            "templates/shot.yaml": """
                variables:
                  product: {required: true}
                  surface: {required: true}
                sections:
                  subject: "Main subject: {{product.name}}, {{product.details}}"
                  scene: "Surface: {{surface}}"

                """,
            "campaigns/c.yaml": """
                template: shot
                matrix:
                  product: [\(names)]
                  surface: [\(surfaceList)]
                stages:
                  draft: {model: nano-banana-2, image_size: "512"}
                  final: {model: nano-banana-pro, image_size: 2K}

                """,
        ])
    }

    static func environment(_ double: APIDouble) -> [String: String] {
        ["GEMINI_BASE_URL": double.baseURL, "GEMINI_API_KEY": key]
    }

    @Test func draftsApprovalFinalsAndStatusAgree() async throws {
        let project = try Self.project(products: 3, surfaces: 2)
        let double = try await APIDouble.start { request in
            .geminiImages(size: request.uri.contains("pro") ? PixelSize(width: 2048, height: 2048) : PixelSize(width: 512, height: 512))
        }
        let env = Self.environment(double)
        let drafts = try BunchBinary.run(["run", "c"], in: project.root, environment: env)
        #expect(drafts.status == 0, "\(drafts.stderr)")
        #expect(drafts.stderr.contains("generator: gemini at 127.0.0.1"))
        #expect(drafts.stderr.contains("draft: 6 succeeded; 6 sends"))
        let approve = try BunchBinary.run(["approve", "c", "--where", "product=product 1"], in: project.root, environment: env)
        #expect(approve.status == 0, "\(approve.stderr)")
        #expect(approve.stdout == "approved 2 drafts (2 drafts approved in all)\n")
        let finals = try BunchBinary.run(["run", "c", "--stage", "final"], in: project.root, environment: env)
        #expect(finals.status == 0, "\(finals.stderr)")
        #expect(finals.stderr.contains("final: 2 succeeded"))
        #expect(finals.stderr.contains("4 finals not rendered: their drafts are not approved"))
        let proRequests = await double.ledger.requests.filter { $0.uri.contains("gemini-3-pro-image") }
        #expect(proRequests.count == 2)
        #expect(proRequests.allSatisfy { $0.prompt?.contains("product 1") == true })
        let status = try BunchBinary.run(["status", "c", "--format", "json"], in: project.root, environment: env)
        let totals = try JSONDecoder().decode([String: RunManifest.StageTotals].self, from: Data(status.stdout.utf8))
        #expect(totals["draft"]?.succeeded == 6 && totals["draft"]?.approved == 2)
        #expect(totals["final"]?.succeeded == 2 && totals["final"]?.requests == 2)
        let text = try BunchBinary.run(["status", "c"], in: project.root, environment: env)
        #expect(text.stdout.contains("draft: 6 requests — 6 succeeded, 0 refused, 0 blocked, 0 failed, 0 pending, 2 approved; 6 images"))
        for output in [drafts, approve, finals, status, text] {
            #expect(!output.stdout.contains(Self.key) && !output.stderr.contains(Self.key))
        }
        let journal = try String(contentsOf: project.root.appendingPathComponent("out/c/journal.jsonl"), encoding: .utf8)
        #expect(!journal.contains(Self.key))
        await double.stop()
    }

    @Test func killedAtRandomMomentsItResumesWithoutPayingTwice() async throws {
        let project = try Self.project(products: 8, surfaces: 6)
        let double = try await APIDouble.start { request in
            var random = SeededRandom(seed: UInt64(request.number))
            return .delayed(.milliseconds(Int64(60 + random.below(200))), .geminiImages())
        }
        let env = Self.environment(double)
        var random = SeededRandom(seed: 4242)
        var kills = 0
        for _ in 0..<8 {
            let process = try BunchBinary.start(["run", "c", "--concurrency", "4"], in: project.root, environment: env)
            try await Task.sleep(for: .milliseconds(Int64(150 + random.below(500))))
            if process.isRunning {
                kill(process.processIdentifier, SIGKILL)
                kills += 1
            }
            process.waitUntilExit()
        }
        let last = try BunchBinary.run(["run", "c", "--concurrency", "4"], in: project.root, environment: env)
        #expect(last.status == 0, "\(last.stderr)")
        #expect(kills >= 3, "the test must actually kill runs")

        let store = OutputStore(outputRoot: project.root.appendingPathComponent("out"), campaign: "c")
        let records = Journal.read(store.journalURL).records
        let outcomes = Journal.outcomes(records)
        #expect(outcomes.count == 48)
        #expect(outcomes.values.allSatisfy { $0.status == "succeeded" })
        // Once a request's success is on disk, it is never sent again.
        var done: Set<String> = []
        for record in records {
            if record.event == .sent, let id = record.id { #expect(!done.contains(id), "\(id) was sent after it succeeded") }
            if record.event == .finished, let result = record.result, result.isDone { done.insert(result.request.id) }
        }
        // Every request has exactly its images, whole; no temporary file is left.
        let walker = FileManager.default.enumerator(atPath: store.root.path)?.allObjects.compactMap { $0 as? String } ?? []
        #expect(!walker.contains { $0.hasSuffix(".tmp") })
        let imageFiles = Set(walker.filter { $0.hasSuffix(".png") })
        let recorded = Set(outcomes.values.flatMap(\.files).map(\.path))
        #expect(recorded.isSubset(of: imageFiles))
        for file in outcomes.values.flatMap(\.files) {
            #expect(store.read(file).map(OutputStore.sha256) == file.sha256)
        }
        // The server completed each request once, plus at most the ones in flight at a kill.
        let completions = await double.ledger.completions
        #expect(completions.count == 48)
        #expect(completions.values.allSatisfy { $0 <= 1 + kills })
        #expect(completions.values.reduce(0, +) <= 48 + kills * 4)
        await double.stop()
    }

    @Test func ctrlCStopsLaunchingLetsInFlightFinishAndExits130() async throws {
        let project = try Self.project(products: 4, surfaces: 3)
        let double = try await APIDouble.start { _ in .delayed(.milliseconds(1_500), .geminiImages()) }
        let env = Self.environment(double)
        let process = try BunchBinary.start(["run", "c", "--concurrency", "2"], in: project.root, environment: env)
        for _ in 0..<250 where await double.ledger.requestCount < 2 { try await Task.sleep(for: .milliseconds(20)) }
        kill(process.processIdentifier, SIGINT)
        process.waitUntilExit()
        #expect(process.terminationStatus == 130)
        let store = OutputStore(outputRoot: project.root.appendingPathComponent("out"), campaign: "c")
        let finished = Journal.outcomes(Journal.read(store.journalURL).records)
        #expect(finished.count == 2, "the two in flight were waited for and recorded")
        #expect(await double.ledger.requestCount == 2, "nothing new was launched")
        let rest = try BunchBinary.run(["run", "c"], in: project.root, environment: env)
        #expect(rest.status == 0)
        #expect(rest.stderr.contains("draft: 10 succeeded; 10 sends"))
        #expect(await double.ledger.requestCount == 12)
        await double.stop()
    }

    @Test func overBudgetRefusesWithTheFiguresAndExitsThree() async throws {
        let project = try Self.project(products: 3, surfaces: 2)
        let double = try await APIDouble.start { _ in .geminiImages() }
        let result = try BunchBinary.run(["run", "c", "--max-usd", "0.05"], in: project.root, environment: Self.environment(double))
        #expect(result.status == 3)
        #expect(result.stderr.contains("error: the 6 pending requests would cost about $0.2690, more than max_usd $0.0500; nothing was sent"))
        #expect(await double.ledger.requestCount == 0)
        await double.stop()
    }

    @Test func previewIsTheDefaultWithoutAKeyAndSaysSo() throws {
        let project = try Self.project(products: 2, surfaces: 1)
        let result = try BunchBinary.run(["run", "c"], in: project.root, environment: ["GEMINI_API_KEY": ""])
        #expect(result.status == 0)
        #expect(result.stderr.hasPrefix("generator: preview (offline placeholder images, no model is called"))
        let image = project.root.appendingPathComponent("out/c/draft")
        #expect((try FileManager.default.contentsOfDirectory(atPath: image.path)).count == 2)
    }

    @Test func ttapiWithALocalReferenceIsAClearInputError() throws {
        let project = try Self.project(products: 1, surfaces: 1)
        try project.write("templates/refs/board.png", bytes: PreviewGenerator.samplePNG)
        try project.write("templates/shot.yaml", """
            variables:
              product: {required: true}
              surface: {required: true}
            sections:
              subject: "{{product.name}} on {{surface}}"
            references: [{path: refs/board.png}]

            """)
        let result = try BunchBinary.run(["run", "c", "--generator", "ttapi"], in: project.root,
                                         environment: ["TTAPI_API_KEY": "tt-secret", "TTAPI_BASE_URL": "http://127.0.0.1:9"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("templates/shot.yaml:6:21: error: reference refs/board.png is a local file, but TTAPI takes only https URLs"))
        #expect(!result.stderr.contains("tt-secret"))
    }
}

extension PreviewGenerator {
    static var samplePNG: [UInt8] {
        PNGEncoder.encode(size: PixelSize(width: 8, height: 8)) { _, row in
            for index in row.indices { row[index] = 200 }
        }
    }
}
