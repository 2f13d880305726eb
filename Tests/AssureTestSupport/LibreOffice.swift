import Foundation

/// LibreOffice Calc (Debian's libreoffice-calc-nogui; .ci/run installs it) as a second spreadsheet program: it opens
/// what Assure writes and saves it again as a user's office suite would. Without it the step is skipped, unless
/// ASSURE_REQUIRE_LIBREOFFICE=1 (as in CI) makes its absence a failure.
public enum LibreOffice {
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["ASSURE_REQUIRE_LIBREOFFICE"] == "1" }

    public static var path: String? {
        ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"].first(
            where: FileManager.default.isExecutableFile)
    }

    public static var isAvailable: Bool { path != nil }

    /// Opens an XLSX in headless LibreOffice and saves it as XLSX again (`soffice --convert-to xlsx`). A conversion
    /// that has not finished in four minutes (it takes seconds; LibreOffice is known to hang now and then at start) is
    /// killed and tried once more, with a fresh profile.
    public static func resave(_ workbook: Data) async throws -> Data {
        do {
            return try await resaveOnce(workbook, timeLimit: 240)
        } catch let stuck as Subprocess.TimedOut {
            print("LibreOffice: \(stuck); trying once more")
            return try await resaveOnce(workbook, timeLimit: 240)
        }
    }

    private static func resaveOnce(_ workbook: Data, timeLimit: TimeInterval) async throws -> Data {
        guard let path else { throw Openpyxl.TestFailure(description: "LibreOffice (soffice) is not installed") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assure-lo-\(UUID().uuidString)")
        let output = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("returns.xlsx")
        try workbook.write(to: input)
        // A profile of its own, so that a LibreOffice already running (or another test) does not take the file.
        let finished = try await Subprocess.run(
            URL(fileURLWithPath: path),
            [
                "-env:UserInstallation=file://\(directory.path)/profile", "--headless", "--norestore",
                "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", output.path, input.path,
            ], timeLimit: timeLimit)
        let result = output.appendingPathComponent("returns.xlsx")
        guard finished.status == 0, let data = try? Data(contentsOf: result) else {
            throw Openpyxl.TestFailure(description: "soffice failed (\(finished.status)): \(finished.errors)")
        }
        return data
    }
}
