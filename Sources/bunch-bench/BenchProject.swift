import BunchKit
import Foundation

/// Generated projects the benchmarks run on, written to a temporary folder.
struct BenchProject {
    let root: URL

    init() throws {
        root = FileManager.default.temporaryDirectory.appendingPathComponent("bunch-bench-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("campaigns"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("templates"), withIntermediateDirectories: true)
        try write("templates/studio.yaml", Self.template)
    }

    static let template = """
        name: studio
        variables:
          product: {required: true}
          surface: {required: true}
        sections:
          goal: Create a single image that matches the following.
          subject: ["Main subject: {{product.name}}", "Keep subject consistent: {{product.details}}"]
          scene: ["Surface: {{surface}}", "Background: clean and minimal"]
          camera: 3/4 hero angle, 85mm lens, shallow depth of field
          lighting: Softbox key light, crisp reflections
          style: Premium commercial look, photorealistic
          constraints: [No text unless requested, No logos or watermarks in-scene]
        avoid: [blurry, distorted proportions]

        """

    /// A campaign of `products × surfaces × variants` requests.
    func writeCampaign(name: String, products: Int, surfaces: Int, variants: Int) throws {
        var text = "template: studio\nmatrix:\n  product:\n"
        for index in 0..<products {
            text += "    - {name: product \(index), details: \"faceted glass, gold cap, batch \(index)\"}\n"
        }
        text += "  surface: [" + (0..<surfaces).map { "surface \($0)" }.joined(separator: ", ") + "]\n"
        text += "variants: \(variants)\nlimit: \(products * surfaces * variants)\n"
        text += "stages:\n  draft: {model: nano-banana-2, image_size: \"512\"}\n"
        try write("campaigns/\(name).yaml", text)
    }

    /// `count` files, half templates and half campaigns, with a few problems sprinkled in.
    func writeLintCorpus(count: Int) throws {
        for index in 0..<(count / 2) {
            try write("templates/gen/t\(index).yaml", """
                name: t\(index)
                variables:
                  product: {required: true}
                  mood: {default: calm, values: [calm, bold]}
                sections:
                  subject: ["Main subject: {{product.name}}", "Mood: {{mood}}"]
                  scene: [Background {{product.details}}]
                  lighting: Softbox key light
                avoid: [blurry]

                """)
            try write("campaigns/c\(index).yaml", """
                template: t\(index)
                matrix:
                  product: [{name: a, details: b}, {name: c, details: d}]
                  mood: [calm, \(index % 10 == 0 ? "angry" : "bold")]
                  aspect_ratio: ["1:1", "4:5"]
                stages:
                  draft: {model: nano-banana-2, image_size: \(index % 7 == 0 ? "1k" : "1K")}
                  final: {model: nano-banana-pro, image_size: 2K}

                """)
        }
    }

    func write(_ path: String, _ text: String) throws {
        let url = root.appendingPathComponent(path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: url)
    }

    func remove() {
        try? FileManager.default.removeItem(at: root)
    }
}
