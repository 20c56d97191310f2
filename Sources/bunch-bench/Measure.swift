import BunchRunner
import Foundation

/// Timing and memory readings for the benchmarks.
enum Measure {
    /// Seconds a closure takes, by the monotonic clock.
    static func seconds(_ body: () throws -> Void) rethrows -> Double {
        let clock = ContinuousClock()
        return try clock.measure(body).inSeconds
    }

    /// Runs a program with stdout to /dev/null; returns wall seconds, exit status and the peak
    /// resident set of that child alone, in MiB (read with wait4, not the max over all children).
    static func child(_ executable: URL, _ arguments: [String], in folder: URL) throws
        -> (seconds: Double, status: Int32, peakMiB: Double) {
        var pid: pid_t = 0
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 1, "/dev/null", O_WRONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable.path] + arguments + ["--project", folder.path]).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        let start = ContinuousClock.now
        guard posix_spawn(&pid, executable.path, &actions, nil, argv, environ) == 0 else {
            throw CocoaError(.executableLoad)
        }
        var status: Int32 = 0
        var usage = rusage()
        _ = wait4(pid, &status, 0, &usage)
        let seconds = (ContinuousClock.now - start).inSeconds
        return (seconds, (status >> 8) & 0xFF, Double(usage.ru_maxrss) / 1024)
    }

    /// This process's peak resident set, in MiB.
    static var ownPeakMiB: Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024
    }
}
