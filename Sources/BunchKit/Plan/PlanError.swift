/// Why a stage cannot be planned. Lint reports the same problems with positions; this is what
/// plan and run say when asked to go on anyway.
public enum PlanError: Error, Sendable, Equatable, CustomStringConvertible {
    case unknownTemplate(String)
    case missingStage(Stage)
    case unknownModel(String)
    case expansion(ExpansionError)
    case overLimit(requests: Int, limit: Int)

    public var description: String {
        switch self {
        case .unknownTemplate(let name): "the campaign's template '\(name)' cannot be found"
        case .missingStage(let stage): "the campaign declares no \(stage.rawValue) stage"
        case .unknownModel(let name): "model '\(name)' is not in the model catalog"
        case .expansion(let error): error.description
        case .overLimit(let requests, let limit):
            "the campaign expands to \(Count.format(requests, "request")), more than its limit of \(Count.format(limit)); raise `limit` or narrow the matrix"
        }
    }
}
