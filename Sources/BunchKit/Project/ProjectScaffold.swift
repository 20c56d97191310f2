import Foundation

/// The files `bunch init` writes: a template, a brand kit with a reference image, a campaign.
public enum ProjectScaffold {
    /// One file to write.
    public struct File: Sendable {
        /// Project-relative path.
        public var path: String
        /// Its bytes.
        public var contents: Data
    }

    /// The example campaign's name.
    public static let campaignName = "first-campaign"

    /// Every file, in the order written.
    public static var files: [File] {
        [
            File(path: "templates/product-shot.yaml", contents: Data(template.utf8)),
            File(path: "templates/brands/house.yaml", contents: Data(brand.utf8)),
            File(path: "templates/brands/refs/house-board.png", contents: Data(base64Encoded: houseBoardPNG)!),
            File(path: "campaigns/\(campaignName).yaml", contents: Data(campaign.utf8)),
        ]
    }

    /// A 96×32 PNG of the house palette in three bands.
    static let houseBoardPNG = "iVBORw0KGgoAAAANSUhEUgAAAGAAAAAgCAIAAABiouoDAAAAVklEQVR42u3QMQ0AIAwAsPnACRZwgk508O8kQQAqdpA0qYJG66NUrlnqnl0qBAkSJEiQIEGCBAkSJEiQIEGCBAkSJEiQIEGCBAkSJEiQIEGCBAn6N+gBuK7pPJmpmasAAAAASUVORK5CYII="

    static let template = """
        # A structured prompt: each section becomes a [HEADING] block, in this order.
        name: product-shot
        description: Clean product photograph for listings and ads
        variables:
          product:
            description: The product; a map with name and details
            required: true
          surface:
            default: white seamless paper
            values: [white seamless paper, light oak, slate]
        sections:
          goal: Create a single photograph that matches the following.
          subject:
            - "Main subject: {{product.name}}"
            - "Keep the product exactly as described: {{product.details}}"
          scene: ["Surface: {{surface}}", "Background: clean and minimal"]
          camera: 3/4 hero angle, 85mm lens, shallow depth of field
          lighting: Large softbox key light, gentle fill, crisp reflections
          style: Premium commercial product photography, photorealistic
          constraints: [No logos or watermarks in the scene]
        avoid: [blurry, distorted proportions, extra objects]

        """

    static let brand = """
        kind: brand
        name: house
        palette: ["#1B3A4B", "#E9C46A", "#F4F1DE"]
        sections:
          style: ["Colour palette: deep teal, saffron, warm cream", "Tone: calm and confident"]
        references:
          - path: refs/house-board.png

        """

    static let campaign = """
        campaign: first-campaign
        template: product-shot
        brand: house
        matrix:
          product:
            - {name: ceramic mug, details: "matte cream glaze, teal rim"}
            - {name: linen tote, details: "natural linen, saffron stitching"}
          surface: [white seamless paper, light oak]
          aspect_ratio: ["1:1", "4:5"]
        variants: 1
        stages:
          draft: {model: nano-banana-2, image_size: "512"}
          final: {model: nano-banana-pro, image_size: 2K}
        budget:
          max_usd: 5

        """
}
