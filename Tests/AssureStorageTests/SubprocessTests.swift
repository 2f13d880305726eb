import AssureTestSupport
import Foundation
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The tests' runner of other programs (LibreOffice, python3, the cluster script): a program that never ends must fail
/// its test, not hold the whole run until CI's limit.
@Suite("Running another program from a test")
struct SubprocessTests {
    static let shell = URL(fileURLWithPath: "/bin/sh")

    /// Whether a process of that id is still alive (a zombie waiting for its parent counts as gone).
    static func isAlive(_ pid: pid_t) -> Bool {
        guard kill(pid, 0) == 0 else { return false }
        let state = (try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8)) ?? ""
        return !state.contains(") Z ")
    }

    @Test("A program that ends is waited for, with its output, errors and exit status")
    func finishes() async throws {
        let run = try await Subprocess.run(Self.shell, ["-c", "echo said; echo complained >&2; exit 3"])
        #expect(run.status == 3 && run.reason == .exit)
        #expect(run.output == "said\n" && run.errors == "complained\n")
    }

    @Test("A program that leaves a child holding its output open is done when it ends, not when the child does")
    func childHoldingOutput() async throws {
        let started = Date()
        let run = try await Subprocess.run(Self.shell, ["-c", "sleep 60 & echo $!"], timeLimit: 30)
        let child = try #require(pid_t(run.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        defer { kill(child, SIGKILL) }
        #expect(run.status == 0)
        #expect(Date().timeIntervalSince(started) < 30)
    }

    @Test("A program still running at its time limit is killed with everything it started, and the run says so")
    func timeLimit() async throws {
        // given a program that starts a child and then waits for ever
        let script = "sleep 300 & echo $!; wait"
        // when it is run with a one-second limit, then the run fails naming it, with what it had said
        let stuck = await #expect(throws: Subprocess.TimedOut.self) {
            try await Subprocess.run(Self.shell, ["-c", script], timeLimit: 1)
        }
        let error = try #require(stuck)
        #expect(error.description.hasPrefix("/bin/sh -c \(script) was still running after 1 s and was killed"))
        // and the child it started is gone too
        let child = try #require(pid_t(error.output.trimmingCharacters(in: .whitespacesAndNewlines)))
        var waited = 0
        while Self.isAlive(child), waited < 100 {
            try await Task.sleep(for: .milliseconds(50))
            waited += 1
        }
        #expect(!Self.isAlive(child))
    }
}
