import BunchKit
import Foundation

/// `journal.jsonl`: appended one record a line. A durable record is on disk (fsync) before
/// `append` returns, and so is every record written before it; a request counts as done only
/// once its durable `finished` record is. Records written while a flush runs share the next one
/// (group commit), so many workers finishing together cost one fsync, not one each. Reading
/// tolerates a torn last line (a crash mid-write).
public actor Journal {
    private let handle: FileHandle
    private let encoder: JSONEncoder
    private var written = 0
    private var flushed = 0
    private var flushing = false
    private var flushError: (any Error)?
    private var waiters: [(line: Int, continuation: CheckedContinuation<Void, any Error>)] = []

    /// Opens (creating) the journal for appending.
    public init(url: URL) throws {
        if !FileManager.default.fileExists(atPath: url.path) {
            guard FileManager.default.createFile(atPath: url.path, contents: nil) else {
                throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: url.path])
            }
        }
        handle = try FileHandle(forWritingTo: url)
        try handle.seekToEnd()
        encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
    }

    /// Appends one record; a durable one is on disk when this returns.
    public func append(_ record: JournalRecord, durable: Bool = true) async throws {
        var line = try encoder.encode(record)
        line.append(UInt8(ascii: "\n"))
        try handle.write(contentsOf: line)
        written += 1
        guard durable else { return }
        let mine = written
        try await withCheckedThrowingContinuation { continuation in
            waiters.append((mine, continuation))
            startFlushIfIdle()
        }
    }

    /// Flushes everything written so far, off the actor, then wakes the records it covered.
    private func startFlushIfIdle() {
        guard !flushing, !waiters.isEmpty else { return }
        flushing = true
        let target = written
        let descriptor = handle.fileDescriptor
        Task.detached {
            let failed = fsync(descriptor) != 0
            await self.flushed(upTo: target, failed: failed)
        }
    }

    private func flushed(upTo target: Int, failed: Bool) {
        flushing = false
        if failed { flushError = CocoaError(.fileWriteUnknown) }
        flushed = max(flushed, target)
        var remaining: [(line: Int, continuation: CheckedContinuation<Void, any Error>)] = []
        for waiter in waiters {
            if let flushError {
                waiter.continuation.resume(throwing: flushError)
            } else if waiter.line <= flushed {
                waiter.continuation.resume()
            } else {
                remaining.append(waiter)
            }
        }
        waiters = remaining
        startFlushIfIdle()
    }

    /// Closes the file.
    public func close() {
        try? handle.close()
    }

    /// Every readable record of a journal, and how many lines could not be read (a torn tail).
    public static func read(_ url: URL) -> (records: [JournalRecord], unreadable: Int) {
        guard let data = try? Data(contentsOf: url) else { return ([], 0) }
        let decoder = JSONDecoder()
        var records: [JournalRecord] = []
        var unreadable = 0
        for line in data.split(separator: UInt8(ascii: "\n")) where !line.isEmpty {
            if let record = try? decoder.decode(JournalRecord.self, from: Data(line)) {
                records.append(record)
            } else {
                unreadable += 1
            }
        }
        return (records, unreadable)
    }

    /// The latest final outcome of each request, by id.
    public static func outcomes(_ records: [JournalRecord]) -> [String: RequestRecord] {
        var latest: [String: RequestRecord] = [:]
        for record in records where record.event == .finished {
            if let result = record.result { latest[result.request.id] = result }
        }
        return latest
    }
}

/// ISO 8601 timestamps in UTC with milliseconds.
public enum Timestamp {
    /// Now.
    public static func now() -> String {
        Date().formatted(.iso8601.year().month().day().dateSeparator(.dash).time(includingFractionalSeconds: true)
            .timeSeparator(.colon).timeZone(separator: .omitted))
    }
}
