import Foundation

/// `approvals.json`: the ids of the drafts a person approved for finals.
public struct Approvals: Codable, Sendable, Equatable {
    /// Approved draft ids, sorted.
    public private(set) var approved: [String]

    /// No approvals.
    public init(approved: [String] = []) {
        self.approved = Array(Set(approved)).sorted()
    }

    /// Whether a draft is approved.
    public func contains(_ id: String) -> Bool {
        approved.contains(id)
    }

    /// Adds ids.
    public mutating func approve(_ ids: some Sequence<String>) {
        approved = Array(Set(approved).union(ids)).sorted()
    }

    /// Removes ids.
    public mutating func revoke(_ ids: some Sequence<String>) {
        approved = Array(Set(approved).subtracting(ids)).sorted()
    }

    /// Reads a store's approvals (none when the file is absent).
    public static func load(from store: OutputStore) throws -> Approvals {
        guard let data = try? Data(contentsOf: store.approvalsURL) else { return Approvals() }
        return try JSONDecoder().decode(Approvals.self, from: data)
    }

    /// Writes them atomically.
    public func save(to store: OutputStore) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
        try FileManager.default.createDirectory(at: store.root, withIntermediateDirectories: true)
        try OutputStore.writeAtomically([UInt8](try encoder.encode(self)) + [UInt8(ascii: "\n")], to: store.approvalsURL)
    }
}
