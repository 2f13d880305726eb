import AssureTestSupport
import Foundation
import Testing

/// Issue 15, part 2: a file built to cost memory (a cell at column XFD in every row, 200,000 columns, a shared string
/// repeated in every cell, 24 MB of commas, a million rows) is read in bounded memory, or refused naming its cell.
/// Each is read by `assure check-file --memory` in a child process, which reports its own resident memory before
/// reading and its peak after, so that no other test's memory is counted.
@Suite("Hostile uploads are read in bounded memory", .serialized)
struct HostileUploadMemoryTests {
    /// Allowed on top of 20 × the file: the process's own work for any file (the zip library, the XML parser, the
    /// allocator's arenas), measured at 2–5 MB for a 30 KB workbook.
    static let fixedAllowance = 8 * 1024 * 1024
    static let ceiling = 256 * 1024 * 1024

    struct Probe: Sendable, CustomStringConvertible {
        let name: String
        let bytes: Int
        let unzipped: Int
        let outcome: String
        var description: String { name }
    }

    /// The probe's files, made once by scripts/hostile-uploads.
    static let files: (directory: URL, probes: [Probe])? = {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent(
            "assure-hostile-\(UUID().uuidString)")
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent()
            .appendingPathComponent("scripts/hostile-uploads")
        guard
            let made = try? Subprocess.runBlocking(
                URL(fileURLWithPath: "/usr/bin/env"), ["python3", script.path, directory.path]),
            made.status == 0,
            let manifest = try? String(contentsOf: directory.appendingPathComponent("manifest.tsv"), encoding: .utf8)
        else { return nil }
        let probes = manifest.split(separator: "\n").map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Probe(name: fields[0], bytes: Int(fields[1])!, unzipped: Int(fields[2])!, outcome: fields[3])
        }
        return (directory, probes)
    }()

    @Test(
        "No upload the size limit accepts raises peak memory by more than 20 × its unzipped size or 256 MB, whichever is less",
        arguments: HostileUploadMemoryTests.files?.probes ?? [])
    func boundedMemory(probe: Probe) async throws {
        let directory = try #require(Self.files?.directory)
        // given a file a hostile user uploads, at most 25 MB on the wire
        #expect(probe.bytes <= 25 * 1024 * 1024)
        // when it is read as an import reads it
        let read = try await Subprocess.run(
            try Child.executable, ["check-file", directory.appendingPathComponent(probe.name).path, "--memory"])
        #expect(read.status == 0, "\(read.errors)")
        // then reading says what it found, or refuses it naming the cell
        #expect(read.output.contains(probe.outcome), "\(read.output.prefix(600))")
        // and the memory it took is in proportion to the file
        let line = try #require(read.output.split(separator: "\n").first { $0.hasPrefix("memory:") })
        let numbers = line.split(separator: " ").compactMap { Int($0) }
        let (before, peak) = (numbers[0] * 1024, numbers[1] * 1024)
        let bound = min(20 * probe.unzipped, Self.ceiling) + Self.fixedAllowance
        print(
            "Upload \(probe.name): \(probe.bytes / 1024) KB (\(probe.unzipped / 1024) KB unzipped) raised peak memory by \((peak - before) / 1024 / 1024) MB; bound \(bound / 1024 / 1024) MB."
        )
        #expect(peak - before <= bound)
    }
}
