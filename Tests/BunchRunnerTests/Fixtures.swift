import BunchKit
import BunchRunner
import Foundation

/// Requests and images the runner tests share.
enum Fixtures {
    static let catalog = ModelCatalog.builtIn

    static func request(model: String = "gemini-3.1-flash-image", ratio: String = "4:5", size: String? = "1K",
                        prompt: String = "[SUBJECT]\nA ceramic mug \"Aurora\"\n\n[AVOID] blur") -> PlannedRequest {
        PlannedRequest(id: "0123456789abcdef0123456789abcdef", stage: .draft, model: model, aspectRatio: ratio,
                       imageSize: size, variant: 1, variables: [.init(name: "product", label: "mug")], slug: "mug",
                       prompt: prompt, references: [], draftID: nil, combination: [0])
    }

    static func job(_ request: PlannedRequest, references: [ReferenceImage] = [], palette: [String] = []) -> GenerationJob {
        GenerationJob(request: request, references: references, palette: palette,
                      model: catalog.model(named: request.model)!)
    }

    /// A 1×1 PNG (the one the SDK capture in api-reference §1.3 sends).
    static let tinyPNG = [UInt8](Data(base64Encoded:
        "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==")!)
    static var tinyPNGBase64: String { Data(tinyPNG).base64EncodedString() }
}
