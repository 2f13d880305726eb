import ArgumentParser
import AssureCore
import AssureInterchange
import AssureOutput
import Foundation

/// Reads a file as an import would, with no database: what a PMO runs to see whether a file will read, and what the
/// memory test runs in a child process to measure what one upload costs.
struct CheckFileCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check-file",
        abstract:
            "Read a table (.txt/.tsv, .csv or .xlsx) as an import would, and say what it holds and what stops it. Writes nothing."
    )

    @Argument(help: "The file to read.") var file: String
    @ArgumentParser.Flag(
        help: "Also print the process's resident memory before reading and its peak after (Linux), in kB.")
    var memory = false

    func run() throws {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw ValidationError("\(file): cannot read it (\(error.localizedDescription))")
        }
        let before = memory ? PeakMemory.resetAndRead() : nil
        defer {
            if let before, let peak = PeakMemory.read()?.peak {
                print("memory: resident \(before.resident) kB before reading, peak \(peak) kB after")
            }
        }
        let contents: ImportFile.Contents
        do { contents = try ImportFile.read(data, filename: file) } catch {
            print("Refused:\n" + error.problems.map { "  \($0.description)" }.joined(separator: "\n"))
            return
        }
        contents.notes.forEach { print($0) }
        for table in contents.tables {
            let name = table.sheet.map { "Sheet \($0)" } ?? "The table"
            print("\(name): \(table.rows.count) rows with values, \(table.filledCells) filled cells.")
            guard let mapping = ImportMapping.guess(table) else { print("  No header row."); continue }
            let plan = ImportReader.read(
                table, mapping: mapping, context: ImportContext(scale: .threePoint, keepOffScaleRatings: false))
            print(
                "  Header row \(mapping.headerRow): \(mapping.headers.count) columns; \(plan.dataRows) data rows, "
                    + "\(plan.allProjects.count) projects and sub-items, \(plan.problems.filter(\.isBlocking).count) errors."
            )
            plan.problems.prefix(20).forEach { print("  \($0.description)") }
        }
    }
}

/// The process's resident memory and its high-water mark, from /proc/self/status (nil where there is none).
enum PeakMemory {
    /// Resets the high-water mark to the present (writing 5 to clear_refs), then reads.
    static func resetAndRead() -> (resident: Int, peak: Int)? {
        try? "5".write(toFile: "/proc/self/clear_refs", atomically: false, encoding: .utf8)
        return read()
    }

    static func read() -> (resident: Int, peak: Int)? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        func field(_ name: String) -> Int? {
            status.split(separator: "\n").first { $0.hasPrefix(name + ":") }
                .flatMap {
                    Int(
                        $0.dropFirst(name.count + 1).trimmingCharacters(in: .whitespaces).split(separator: " ").first
                            ?? "")
                }
        }
        guard let resident = field("VmRSS"), let peak = field("VmHWM") else { return nil }
        return (resident, peak)
    }
}
