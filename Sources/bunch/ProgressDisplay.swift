import BunchKit
import BunchRunner
import Foundation
import Synchronization

/// Shows a run's progress on stderr: a live bar on a terminal, a plain line every few seconds
/// otherwise (logs, CI).
final class ProgressDisplay: Sendable {
    private let isTerminal: Bool
    private let state = Mutex<(last: RunProgress?, printedAt: ContinuousClock.Instant?)>((nil, nil))

    init(isTerminal: Bool) {
        self.isTerminal = isTerminal
    }

    func update(_ progress: RunProgress) {
        let line: String? = state.withLock { state in
            let now = ContinuousClock.now
            state.last = progress
            let every: Duration = isTerminal ? .milliseconds(100) : .seconds(5)
            if let printed = state.printedAt, now - printed < every, progress.done < progress.total { return nil }
            state.printedAt = now
            return Self.describe(progress, bar: isTerminal)
        }
        guard let line else { return }
        Terminal.standardError(isTerminal ? "\r\u{1B}[2K" + line : line + "\n")
    }

    func finish() {
        let last = state.withLock { $0.last }
        guard let last else { return }
        Terminal.standardError(isTerminal ? "\r\u{1B}[2K" + Self.describe(last, bar: true) + "\n" : "")
    }

    static func describe(_ progress: RunProgress, bar: Bool) -> String {
        let seconds = max(0.001, progress.elapsed.inSeconds)
        let rate = Double(progress.done) / seconds
        let remaining = progress.total - progress.done
        let eta = rate > 0 ? Int(Double(remaining) / rate) : nil
        var text = "\(progress.done)/\(progress.total)"
        if bar {
            let width = 24
            let filled = progress.total == 0 ? width : width * progress.done / progress.total
            text = "[" + String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled) + "] " + text
        }
        text += String(format: "  %.1f/s", rate)
        if let eta { text += "  ETA \(eta / 60)m\(String(format: "%02d", eta % 60))s" }
        text += "  \(USD.format(progress.spentUSD))  in flight \(progress.inFlight)"
        if progress.retries > 0 { text += "  retries \(progress.retries)" }
        if progress.failed > 0 { text += "  failed \(progress.failed)" }
        return text
    }
}

/// The lines printed when a run ends.
enum RunReport {
    static func text(_ summary: RunSummary, stage: Stage, store: OutputStore, project: Project) -> String {
        let folder = project.displayPath(of: store.root)
        if summary.end == .dryRun {
            var out = "dry run: \(Count.format(summary.pending, "\(stage.rawValue) request")) would be sent, "
                + "about \(USD.format(summary.estimateUSD))"
            if summary.campaignSpentUSD > 0 { out += " (\(USD.format(summary.campaignSpentUSD)) already spent)" }
            if summary.unapproved > 0 { out += "; \(Count.format(summary.unapproved, "final")) left out: draft not approved" }
            return out + "\n"
        }
        var out = "\(stage.rawValue): \(summary.succeeded) succeeded"
        if summary.refused > 0 { out += ", \(summary.refused) refused" }
        if summary.blocked > 0 { out += ", \(summary.blocked) blocked" }
        if summary.failed > 0 { out += ", \(summary.failed) failed" }
        if summary.stillPending > 0 { out += ", \(summary.stillPending) still pending" }
        out += "; \(Count.format(summary.sends, "send"))"
        if summary.retries > 0 { out += " (\(summary.retries) retries)" }
        out += "; spent \(USD.format(summary.spentUSD)) (campaign \(USD.format(summary.campaignSpentUSD)))\n"
        if summary.unapproved > 0 {
            out += "\(Count.format(summary.unapproved, "final")) not rendered: their drafts are not approved (bunch approve)\n"
        }
        switch summary.end {
        case .budget: out += "stopped: \(summary.stopReason ?? "budget reached")\n"
        case .quota: out += "stopped: \(summary.stopReason ?? "no quota")\n"
        case .interrupted: out += "interrupted: the rest stays pending; run the same command to go on\n"
        case .abandoned: out += "abandoned the requests in flight; run the same command to go on\n"
        case .completed, .dryRun: break
        }
        if summary.pending == 0 { out += "nothing to do: every \(stage.rawValue) request is done (--retry-failed sends failed ones again)\n" }
        return out + "output: \(folder)/ (manifest.json, journal.jsonl)\n"
    }
}
