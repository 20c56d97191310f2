import Foundation

/// What `bunch plan` shows: counts, per-stage estimates, the first requests and one prompt.
public struct PlanReport: Sendable, Encodable {
    /// The campaign's name.
    public var campaign: String
    /// The campaign file.
    public var file: String
    /// The template's name.
    public var template: String
    /// The brand kit's name, if any.
    public var brand: String?
    /// How the count came about.
    public var counts: CampaignPlan.Counts
    /// One estimate per declared stage.
    public var stages: [CampaignPlan.StageEstimate]
    /// The first requests of the first stage.
    public var requests: [PlannedRequest]
    /// The fixed vars, by name, as labels.
    public var vars: [String: String]

    /// Builds the report of a plan.
    public init(plan: CampaignPlan, firstRows: Int) throws(PlanError) {
        let campaign = plan.campaign
        self.campaign = campaign.spec.name.value
        file = campaign.spec.file.path
        template = campaign.composed?.template.name.value ?? campaign.spec.template?.value ?? ""
        brand = campaign.composed?.brand?.name.value
        counts = plan.counts
        var stages: [CampaignPlan.StageEstimate] = []
        for stage in campaign.stages { stages.append(try plan.estimate(stage.stage)) }
        self.stages = stages
        requests = try campaign.stages.first.map { stage throws(PlanError) in
            try plan.firstRequests(firstRows, stage: stage.stage)
        } ?? []
        vars = campaign.fixed.filter(\.value.isCampaignVar).mapValues(\.value.label)
    }

    enum CodingKeys: String, CodingKey {
        case campaign, file, template, brand, counts, stages, requests, vars
    }

    /// Pretty JSON with sorted keys.
    public func json() -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: (try? encoder.encode(self)) ?? Data(), as: UTF8.self) + "\n"
    }

    /// The human table.
    public func table() -> String {
        var out = "campaign \(campaign) (\(file))\n"
        out += "template \(template)" + (brand.map { " + brand \($0)" } ?? "") + "\n\n"
        var how = "\(counts.product) in the product"
        if counts.excluded > 0 { how += " − \(counts.excluded) excluded" }
        if counts.included > 0 { how += " + \(counts.included) included" }
        out += "combinations  \(counts.combinations) (\(how))\n"
        if let sampled = counts.sampled { out += "sampled       \(sampled)\n" }
        out += "variants      \(counts.variants)\n"
        out += "requests      \(counts.requests) per stage\n\n"
        var rows = [["stage", "model", "requests", "image tokens", "usd"]]
        for stage in stages {
            rows.append([stage.stage.rawValue, stage.model,
                         (stage.isUpperBound ? "≤ " : "") + "\(stage.requests)",
                         "\(stage.imageTokens)", (stage.isUpperBound ? "≤ " : "") + USD.format(stage.usd)])
        }
        out += Self.grid(rows, rightAligned: [2, 3, 4])
        if stages.contains(where: \.isUpperBound) {
            out += "(finals are gated on approved drafts: the figures are the most they can be)\n"
        }
        guard let first = requests.first else { return out }
        out += "\nfirst \(requests.count) \(first.stage.rawValue) requests\n"
        let shown = first.variables.indices.filter {
            !ResolvedCampaign.requestParameters.contains(first.variables[$0].name)
        }
        var table = [["id"] + shown.map { first.variables[$0].name } + ["ratio", "size", "variant"]]
        for request in requests {
            table.append([String(request.id.prefix(8))] + shown.map { request.variables[$0].label }
                + [request.aspectRatio, request.imageSize ?? "-", "\(request.variant)"])
        }
        out += Self.grid(table, rightAligned: [table[0].count - 1])
        out += "\nprompt of \(first.id.prefix(8)):\n"
        out += first.prompt.split(separator: "\n", omittingEmptySubsequences: false).map { "  " + $0 }
            .joined(separator: "\n")
        return out + "\n"
    }

    private static func grid(_ rows: [[String]], rightAligned: Set<Int>) -> String {
        let widths = (0..<(rows.first?.count ?? 0)).map { column in
            rows.map { min(33, DisplayWidth.of($0[column])) }.max() ?? 0
        }
        return rows.map { row in
            row.enumerated().map { column, cell in
                let clipped = cell.count > 32 ? String(cell.prefix(31)) + "…" : cell
                let pad = String(repeating: " ", count: max(0, widths[column] - DisplayWidth.of(clipped)))
                return rightAligned.contains(column) ? pad + clipped : clipped + pad
            }.joined(separator: "  ").replacingOccurrences(of: "\\s+$", with: "", options: .regularExpression)
        }.joined(separator: "\n") + "\n"
    }
}
