import BunchKit
import BunchTestSupport
import Foundation
import Testing

@Suite("Lazy expansion")
struct ExpansionTests {
    static let template = """
        variables:
          product: {required: true}
          surface: {}
          aspect_ratio: {}
          locale: {}
          tagline: {}
        sections:
          subject: "{{product.name}} on {{surface}}"
          text: "{{tagline}} ({{locale}})"

        """

    private func resolve(_ campaign: String) throws -> (ResolvedCampaign, TemporaryProject) {
        let project = try TemporaryProject(files: ["templates/t.yaml": Self.template, "campaigns/c.yaml": campaign])
        let loaded = project.load()
        let result = try loaded.campaign(at: project.root.appendingPathComponent("campaigns/c.yaml"))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        return (try #require(result.campaign), project)
    }

    static let spring = """
        template: t
        matrix:
          product:
            - {name: perfume bottle, details: glass}
            - {name: lipstick, details: navy}
            - {name: face cream, details: jar}
          surface: [wet basalt, pink marble]
          aspect_ratio: ["4:5", "9:16"]
        linked:
          - locale: [en, de, ja]
            tagline: [Bloom bold, Blüh mutig, 大胆に咲こう]
        exclude:
          - {product: lipstick, surface: [wet basalt]}
        include:
          - {product: {name: gift set, details: gold box}, surface: gold foil, aspect_ratio: "1:1"}
        variants: 2
        stages:
          draft: {model: nano-banana-2, image_size: "512"}
          final: {model: nano-banana-pro, image_size: 2K}

        """

    @Test func countIsProductMinusExcludePlusInclude() throws {
        let (campaign, _) = try resolve(Self.spring)
        let counts = try Planner.counts(of: campaign)
        // 3 products × 2 surfaces × 2 ratios × 3 locales = 36; lipstick on basalt: 1 × 1 × 2 × 3 = 6;
        // the gift set is crossed with the 3 locales it does not name.
        #expect(counts.product == 36)
        #expect(counts.excluded == 6)
        #expect(counts.included == 3)
        #expect(counts.combinations == 33)
        #expect(counts.requests == 66)
        #expect(Array(CombinationSequence(space: campaign.space)).count == 33)
    }

    @Test func iterationIsDeterministicLastAxisFastest() throws {
        let (campaign, project) = try resolve(Self.spring)
        let plan = try Planner.plan(campaign, references: project.load().references)
        let requests = try plan.firstRequests(8, stage: .draft)
        let rows = requests.map { request in request.variables.map(\.label).joined(separator: "|") + "#\(request.variant)" }
        #expect(rows == [
            "perfume bottle|wet basalt|4:5|en|Bloom bold#1", "perfume bottle|wet basalt|4:5|en|Bloom bold#2",
            "perfume bottle|wet basalt|4:5|de|Blüh mutig#1", "perfume bottle|wet basalt|4:5|de|Blüh mutig#2",
            "perfume bottle|wet basalt|4:5|ja|大胆に咲こう#1", "perfume bottle|wet basalt|4:5|ja|大胆に咲こう#2",
            "perfume bottle|wet basalt|9:16|en|Bloom bold#1", "perfume bottle|wet basalt|9:16|en|Bloom bold#2",
        ])
        let all = try plan.allRequests(stage: .draft)
        #expect(!all.contains { $0.variables[0].label == "lipstick" && $0.variables[1].label == "wet basalt" })
        #expect(all.suffix(6).allSatisfy { $0.variables[0].label == "gift set" && $0.aspectRatio == "1:1" })
        #expect(Set(all.map(\.id)).count == all.count, "every request has its own id")
    }

    @Test func includeDoesNotDuplicateWhatTheProductAlreadyHas() throws {
        let (campaign, _) = try resolve("""
            template: t
            matrix:
              product: [{name: a}, {name: b}]
              surface: [x, y]
            include:
              - {product: a, surface: x}
              - {product: a, surface: z}
              - {product: a, surface: z}
            stages:
              draft: {model: nano-banana-2}

            """)
        let counts = try Planner.counts(of: campaign)
        #expect(counts.combinations == 5)
        #expect(Array(CombinationSequence(space: campaign.space)).count == 5)
    }

    @Test func includeReaddsAnExcludedCombination() throws {
        let (campaign, _) = try resolve("""
            template: t
            matrix:
              product: [{name: a}, {name: b}]
              surface: [x, y]
            exclude:
              - {product: a}
            include:
              - {product: a, surface: y}
            stages:
              draft: {model: nano-banana-2}

            """)
        #expect(try Planner.counts(of: campaign).combinations == 3)
        #expect(Array(CombinationSequence(space: campaign.space)).count == 3)
    }

    @Test func overlappingExcludesAreCountedOnce() throws {
        let (campaign, _) = try resolve("""
            template: t
            matrix:
              product: [{name: a}, {name: b}, {name: c}]
              surface: [x, y, z]
              aspect_ratio: ["1:1", "4:5"]
            exclude:
              - {product: a}
              - {surface: x}
              - {product: [a, b], aspect_ratio: "4:5"}
            stages:
              draft: {model: nano-banana-2}

            """)
        let counted = try Planner.counts(of: campaign).combinations
        #expect(counted == Array(CombinationSequence(space: campaign.space)).count)
        // 18 − (a: 6) − (b,c on x: 4) − (b on y,z at 4:5: 2) = 6
        #expect(counted == 6)
    }

    @Test func aTrillionCombinationsAreCountedWithoutMaterialising() throws {
        let axes = (1...12).map { "  a\($0): [" + (1...10).map(String.init).joined(separator: ", ") + "]" }
        let (campaign, _) = try resolve("template: t\nvars: {product: {name: p}}\nmatrix:\n" + axes.joined(separator: "\n")
            + "\nstages:\n  draft: {model: nano-banana-2}\n")
        let counts = try Planner.counts(of: campaign)
        #expect(counts.requests == 1_000_000_000_000)
        #expect(throws: PlanError.overLimit(requests: 1_000_000_000_000, limit: 10_000)) {
            try Planner.plan(campaign, references: ReferenceResolver(root: URL(fileURLWithPath: "/")))
        }
    }

    @Test func samplingIsDeterministicOrderedAndSeedDependent() throws {
        func sampled(seed: Int) throws -> [String] {
            let (campaign, project) = try resolve("""
                template: t
                matrix:
                  product: [{name: a}, {name: b}, {name: c}, {name: d}, {name: e}]
                  surface: [s1, s2, s3, s4, s5, s6, s7, s8]
                sample: {count: 6, seed: \(seed)}
                stages:
                  draft: {model: nano-banana-2}

                """)
            let plan = try Planner.plan(campaign, references: project.load().references)
            #expect(plan.counts.sampled == 6)
            return try plan.allRequests(stage: .draft).map { $0.variables.map(\.label).joined(separator: "/") }
        }
        let first = try sampled(seed: 7)
        #expect(first.count == 6)
        #expect(try sampled(seed: 7) == first)
        #expect(try sampled(seed: 8) != first)
        let order = ["a", "b", "c", "d", "e"].flatMap { p in (1...8).map { "\(p)/s\($0)" } }
        #expect(first == first.sorted { order.firstIndex(of: $0)! < order.firstIndex(of: $1)! })
    }

    @Test func samplingAHugeSpaceDrawsWithoutWalkingIt() throws {
        let axes = (1...9).map { "  a\($0): [" + (1...10).map(String.init).joined(separator: ", ") + "]" }
        let (campaign, _) = try resolve("template: t\nvars: {product: {name: p}}\nmatrix:\n" + axes.joined(separator: "\n")
            + "\nexclude:\n  - {a1: \"1\"}\nsample: {count: 50, seed: 3}\nstages:\n  draft: {model: nano-banana-2}\n")
        let chosen = try CombinationSampler.sample(campaign.space, count: 50, seed: 3)
        #expect(chosen.count == 50)
        #expect(Set(chosen).count == 50)
        #expect(!chosen.contains { $0[0] == 0 }, "excluded combinations are never drawn")
        #expect(try CombinationSampler.sample(campaign.space, count: 50, seed: 3) == chosen)
    }

    @Test func idsAreStableAndChangeWithWhatIsSent() throws {
        let (campaign, project) = try resolve(Self.spring)
        let references = project.load().references
        let first = try Planner.plan(campaign, references: references).firstRequests(1, stage: .draft)[0]
        // Pinned: the same campaign must give the same id on every run and machine.
        #expect(first.id == "c9939c0fc773074aa99298b224935b17")
        let (edited, project2) = try resolve(Self.spring.replacingOccurrences(of: "\"512\"", with: "1K"))
        let changed = try Planner.plan(edited, references: project2.load().references).firstRequests(1, stage: .draft)[0]
        #expect(changed.id != first.id)
        #expect(changed.prompt == first.prompt)
    }

    @Test func finalsCarryTheirDraftAndHashIt() throws {
        let (campaign, project) = try resolve(Self.spring)
        let plan = try Planner.plan(campaign, references: project.load().references)
        let draft = try plan.firstRequests(1, stage: .draft)[0]
        let final = try plan.firstRequests(1, stage: .final)[0]
        #expect(final.draftID == draft.id)
        #expect(final.imageSize == "2K")
        #expect(final.model == "gemini-3-pro-image")
        #expect(final.id != draft.id)
    }

    @Test func jsonLinesMatchTheMaterialisedRequests() throws {
        let (campaign, project) = try resolve(Self.spring)
        let plan = try Planner.plan(campaign, references: project.load().references)
        let renderer = try plan.renderer(for: .final)
        var scratch = RequestRenderer.Scratch()
        var out: [UInt8] = []
        renderer.appendJSONLine([1, 0, 1, 2], variant: 2, scratch: &scratch, to: &out)
        let decoded = try JSONSerialization.jsonObject(with: Data(out)) as? [String: Any]
        let request = renderer.request(for: [1, 0, 1, 2], variant: 2)
        #expect(decoded?["id"] as? String == request.id)
        #expect(decoded?["prompt"] as? String == request.prompt)
        #expect(decoded?["slug"] as? String == request.slug)
        #expect(decoded?["draft_id"] as? String == request.draftID)
        #expect((decoded?["vars"] as? [String: String])?["tagline"] == "大胆に咲こう")
        #expect(out.last == UInt8(ascii: "\n"))
        let viaCodable = try JSONDecoder().decode(PlannedRequest.self, from: Data(out))
        #expect(viaCodable.id == request.id && viaCodable.references == request.references)
        #expect(Set(viaCodable.variables) == Set(request.variables))
    }
}
