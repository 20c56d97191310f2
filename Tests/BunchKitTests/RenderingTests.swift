import BunchKit
import BunchTestSupport
import Foundation
import Testing

@Suite("Prompt rendering")
struct RenderingTests {
    private func firstPrompt(_ files: [String: String]) throws -> String {
        let project = try TemporaryProject(files: files)
        let loaded = project.load()
        let result = try loaded.campaign(at: project.root.appendingPathComponent("campaigns/c.yaml"))
        #expect(!result.diagnostics.hasErrors, "\(result.diagnostics)")
        let campaign = try #require(result.campaign)
        return try Planner.plan(campaign, references: loaded.references).firstRequests(1, stage: .draft)[0].prompt
    }

    static let campaign = "template: t\nvars: {product: {name: mug, details: cream glaze}}\nstages:\n  draft: {model: nano-banana-2}\n"

    @Test func structuredPromptsHaveHeadingsListsAndAnAvoidLine() throws {
        let prompt = try firstPrompt([
            "templates/t.yaml": """
                variables: {product: {}}
                sections:
                  goal: Create one image.
                  subject: ["Main subject: {{product.name}}", "Details: {{product.details}}"]
                  key_message: "Costs $19.99, {{ '{{' }}literal}}"
                avoid: [blurry, extra fingers]

                """,
            "campaigns/c.yaml": Self.campaign,
        ])
        #expect(prompt == """
            [GOAL]
            Create one image.

            [SUBJECT]
            - Main subject: mug
            - Details: cream glaze

            [KEY MESSAGE]
            Costs $19.99, {{literal}}

            [AVOID] blurry, extra fingers
            """)
    }

    @Test func proseJoinsSectionsIntoSentences() throws {
        let prompt = try firstPrompt([
            "templates/t.yaml": """
                render: prose
                variables: {product: {}}
                sections:
                  subject: ["A {{product.name}}", "glazed in {{product.details}}!"]
                  style: Soft light.
                avoid: [blur]

                """,
            "campaigns/c.yaml": Self.campaign,
        ])
        #expect(prompt == "A mug. glazed in cream glaze! Soft light. Avoid: blur.")
    }

    @Test func childOverridesParentInPlaceAndBrandLinesComeLast() throws {
        let prompt = try firstPrompt([
            "templates/base.yaml": "name: base\nsections:\n  subject:\n  style: Matte.\n  lighting: Hard light.\navoid: [blur]\n",
            "templates/t.yaml": """
                extends: base
                variables: {product: {}}
                sections:
                  lighting: Soft light.
                  subject: "{{product.name}}"
                  camera: 50mm
                avoid: [noise, blur]

                """,
            "templates/brands/b.yaml": "kind: brand\nname: b\nsections:\n  style: [Navy and gold]\n  mood: [Confident]\navoid: [clutter]\n",
            "campaigns/c.yaml": Self.campaign.replacingOccurrences(of: "template: t\n", with: "template: t\nbrand: b\n"),
        ])
        #expect(prompt == """
            [SUBJECT]
            mug

            [STYLE]
            - Matte.
            - Navy and gold

            [LIGHTING]
            Soft light.

            [CAMERA]
            50mm

            [MOOD]
            - Confident

            [AVOID] blur, noise, clutter
            """)
    }

    @Test func slugsAreSanitizedAndBounded() {
        #expect(SlugSanitizer.sanitize("../../etc/passwd") == "etc-passwd")
        #expect(SlugSanitizer.sanitize("Perfume Bottle — Wet Basalt 4:5") == "perfume-bottle-wet-basalt-4-5")
        #expect(SlugSanitizer.sanitize("a..b\u{0}c") == "a.b-c")
        #expect(SlugSanitizer.sanitize("🍌🍌") == "request")
        #expect(SlugSanitizer.sanitize(String(repeating: "x", count: 500)).count == SlugSanitizer.maximumLength)
        #expect(!SlugSanitizer.sanitize(".hidden").hasPrefix("."))
    }
}
