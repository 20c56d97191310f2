import BunchKit
import Foundation
import Testing

@Suite("Model catalog")
struct CatalogTests {
    let catalog = ModelCatalog.builtIn

    @Test func aliasesResolveToTheirIds() {
        #expect(catalog.model(named: "nano-banana")?.id == "gemini-2.5-flash-image")
        #expect(catalog.model(named: "nano-banana-2")?.id == "gemini-3.1-flash-image")
        #expect(catalog.model(named: "nano-banana-pro")?.id == "gemini-3-pro-image")
        #expect(catalog.model(named: "gemini-3-pro-image-preview")?.retires == "2026-06-25")
        #expect(catalog.model(named: "nano-banana-3") == nil)
    }

    @Test func pixelTablesMatchTheReference() throws {
        let pro = try #require(catalog.model(named: "nano-banana-pro"))
        #expect(pro.pixelSize(ratio: "21:9", size: "4K") == PixelSize(width: 6336, height: 2688))
        #expect(pro.pixelSize(ratio: "1:1", size: nil) == PixelSize(width: 1024, height: 1024), "1K is the default")
        let flash2 = try #require(catalog.model(named: "nano-banana-2"))
        #expect(flash2.pixelSize(ratio: "8:1", size: "512") == PixelSize(width: 1536, height: 192))
        #expect(flash2.pixelSize(ratio: "1:8", size: "4K") == PixelSize(width: 1536, height: 12288))
        let flash = try #require(catalog.model(named: "nano-banana"))
        #expect(flash.pixelSize(ratio: "9:16", size: "4K") == PixelSize(width: 768, height: 1344), "single-size model")
        #expect(flash.imageSizes.isEmpty)
        let preview = try #require(catalog.model(named: "gemini-3.1-flash-image-preview"))
        #expect(preview.pixels == flash2.pixels, "preview ids share the GA figures")
    }

    @Test(arguments: [
        ("nano-banana", nil as String?, 0.0387), ("nano-banana-pro", "1K", 0.1344), ("nano-banana-pro", "4K", 0.24),
        ("nano-banana-2", "512", 0.04482), ("nano-banana-2", "1K", 0.0672), ("nano-banana-2", "2K", 0.1008),
        ("nano-banana-2", "4K", 0.1512),
    ])
    func imageCostsMatchThePublishedFigures(model name: String, size: String?, usd: Double) throws {
        let model = try #require(catalog.model(named: name))
        let tokens = try #require(model.tokensPerImage(size: size))
        let cost = CostEstimator.cost(of: TokenUsage(promptTokens: 0, candidatesTokens: tokens, thoughtsTokens: 0,
                                                     imageTokens: tokens), model: model)
        #expect(abs(cost - usd) < 0.00001)
    }

    @Test func actualCostCountsTextThinkingAndInput() throws {
        let model = try #require(catalog.model(named: "gemini-3.1-flash-image"))
        // The verbatim usage of a real call (api-reference §1.6).
        let usage = TokenUsage(promptTokens: 9, candidatesTokens: 1466, thoughtsTokens: 337, imageTokens: 1120)
        let image: Double = 1120 * 60
        let text: Double = Double(1466 - 1120 + 337) * 3
        let input: Double = 9 * 0.5
        let expected = (image + text + input) / 1_000_000
        #expect(abs(CostEstimator.cost(of: usage, model: model) - expected) < 1e-12)
    }

    @Test func aBrokenCatalogFileIsRefusedWithItsPath() {
        #expect(throws: CatalogError.self) {
            try ModelCatalog.decode(Data(#"{"models": [{"id": "x", "tier": "pro"}]}"#.utf8), source: "m.json")
        }
        do {
            _ = try ModelCatalog.decode(Data(#"{"models": [{"id": "x", "tier": "pro"}]}"#.utf8), source: "m.json")
        } catch {
            #expect(error.message.hasPrefix("m.json: "))
        }
    }
}
