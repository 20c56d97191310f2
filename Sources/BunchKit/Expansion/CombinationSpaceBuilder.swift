/// Builds a campaign's combination space from its `matrix`, `linked`, `exclude` and `include`,
/// reporting unknown axes, unknown values and linked groups of unequal length.
struct CombinationSpaceBuilder {
    let spec: CampaignSpec
    var diagnostics: [Diagnostic] = []
    private var dimensions: [Dimension] = []
    /// Variable name → (dimension, member).
    private var axisIndex: [String: (dimension: Int, member: Int)] = [:]

    init(spec: CampaignSpec) {
        self.spec = spec
    }

    mutating func build() -> CombinationSpace {
        let file = spec.file
        for axis in spec.matrix where declare(axis.name, dimension: dimensions.count, member: 0) {
            dimensions.append(Dimension(variables: [axis.name.value], rows: axis.values.map { [$0.value] },
                                        location: file.location(axis.name.position)))
        }
        for group in spec.linked {
            let lengths = group.axes.map(\.values.count)
            if Set(lengths).count > 1 {
                let described = group.axes.map { "\($0.name.value) has \($0.values.count)" }.joined(separator: ", ")
                diagnostics.append(Diagnostic(
                    .error, code: "linked-length-mismatch",
                    "linked axes must have the same number of values: \(described)",
                    at: file.location(group.position)))
            }
            let length = lengths.min() ?? 0
            var members: [AxisSpec] = []
            for axis in group.axes where declare(axis.name, dimension: dimensions.count, member: members.count) {
                members.append(axis)
            }
            guard !members.isEmpty else { continue }
            let rows = (0..<length).map { row in members.map { $0.values[row].value } }
            dimensions.append(Dimension(variables: members.map(\.name.value), rows: rows,
                                        location: file.location(group.position)))
        }
        let excludes = spec.exclude.compactMap { box(for: $0, what: "exclude", mayAddRows: false) }
        let includes = spec.include.compactMap { box(for: $0, what: "include", mayAddRows: true) }
        return CombinationSpace(dimensions: dimensions, excludes: excludes, includes: includes)
    }

    /// The variable names that are axes, for lookups.
    var axisVariables: [String: (dimension: Int, member: Int)] { axisIndex }

    private mutating func declare(_ name: Located<String>, dimension: Int, member: Int) -> Bool {
        if axisIndex[name.value] != nil {
            diagnostics.append(Diagnostic(.error, code: "duplicate-variable",
                                          "axis '\(name.value)' is declared twice", at: spec.file.location(name.position)))
            return false
        }
        if let fixed = spec.vars.first(where: { $0.name.value == name.value }) {
            diagnostics.append(Diagnostic(
                .error, code: "duplicate-variable",
                "'\(name.value)' is both a matrix axis and a fixed var", at: spec.file.location(name.position),
                notes: [Diagnostic.Note("fixed here", at: spec.file.location(fixed.name.position))]))
        }
        axisIndex[name.value] = (dimension, member)
        return true
    }

    private mutating func box(for selector: SelectorSpec, what: String, mayAddRows: Bool) -> CombinationBox? {
        let file = spec.file
        var rows: [[Int]?] = Array(repeating: nil, count: dimensions.count)
        var byDimension: [Int: [(member: Int, constraint: SelectorSpec.Constraint)]] = [:]
        for constraint in selector.constraints {
            guard let (dimension, member) = axisIndex[constraint.axis.value] else {
                var message = "\(what) names '\(constraint.axis.value)', which is not a matrix or linked axis"
                if let suggestion = KeySuggester.suggestion(for: constraint.axis.value, among: Array(axisIndex.keys)) {
                    message += "; did you mean '\(suggestion)'?"
                }
                diagnostics.append(Diagnostic(.error, code: "unknown-axis", message,
                                              at: file.location(constraint.axis.position)))
                return nil
            }
            byDimension[dimension, default: []].append((member, constraint))
        }
        for (dimension, constraints) in byDimension.sorted(by: { $0.key < $1.key }) {
            let isSingle = dimensions[dimension].variables.count == 1
            var allowed = Set(0..<(mayAddRows ? dimensions[dimension].rows.count : dimensions[dimension].productCount))
            for (member, constraint) in constraints {
                var matching: Set<Int> = []
                for value in constraint.values {
                    var found = dimensions[dimension].rows.indices.filter {
                        dimensions[dimension].rows[$0][member].isNamed(by: value.value)
                    }
                    if found.isEmpty && mayAddRows && isSingle {
                        dimensions[dimension].rows.append([value.value])
                        allowed.insert(dimensions[dimension].rows.count - 1)
                        found = [dimensions[dimension].rows.count - 1]
                    }
                    if found.isEmpty && !mayAddRows {
                        diagnostics.append(Diagnostic(
                            .warning, code: "unknown-value",
                            "\(what) names '\(value.value.label)', which axis '\(constraint.axis.value)' does not have",
                            at: file.location(value.position)))
                    }
                    matching.formUnion(found)
                }
                allowed.formIntersection(matching)
            }
            if allowed.isEmpty && mayAddRows {
                guard let added = addRow(dimension: dimension, constraints: constraints, at: selector.position) else {
                    return nil
                }
                allowed = added
            }
            rows[dimension] = allowed.sorted()
        }
        return CombinationBox(rows: rows)
    }

    /// Adds the row an include entry names but a linked group lacks: every axis of the group must
    /// be named, with one value each, so the new row is complete.
    private mutating func addRow(dimension: Int, constraints: [(member: Int, constraint: SelectorSpec.Constraint)],
                                 at position: SourcePosition) -> Set<Int>? {
        let variables = dimensions[dimension].variables
        let named = Dictionary(constraints.map { ($0.member, $0.constraint) }, uniquingKeysWith: { first, _ in first })
        guard named.count == variables.count, named.values.allSatisfy({ $0.values.count == 1 }) else {
            diagnostics.append(Diagnostic(
                .error, code: "unknown-value",
                "include names a row that linked group (\(variables.joined(separator: ", "))) does not have; "
                    + "give one value for each of its axes to add a row",
                at: spec.file.location(position)))
            return nil
        }
        let row = variables.indices.map { named[$0]!.values[0].value }
        if let existing = dimensions[dimension].rows.firstIndex(of: row) { return [existing] }
        dimensions[dimension].rows.append(row)
        return [dimensions[dimension].rows.count - 1]
    }
}
