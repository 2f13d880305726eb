import Foundation

/// LibreOffice Calc (Debian's libreoffice-calc-nogui; .ci/run installs it) as a second spreadsheet program: it opens
/// what Assure writes and saves it again as a user's office suite would. Without it the step is skipped, unless
/// ASSURE_REQUIRE_LIBREOFFICE=1 (as in CI) makes its absence a failure.
public enum LibreOffice {
    public static var isRequired: Bool { ProcessInfo.processInfo.environment["ASSURE_REQUIRE_LIBREOFFICE"] == "1" }

    public static var path: String? {
        ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/lib/libreoffice/program/soffice"].first(where: FileManager.default.isExecutableFile)
    }

    public static var isAvailable: Bool { path != nil }

    /// Opens an XLSX in headless LibreOffice and saves it as XLSX again (`soffice --convert-to xlsx`).
    public static func resave(_ workbook: Data) throws -> Data {
        guard let path else { throw Openpyxl.TestFailure(description: "LibreOffice (soffice) is not installed") }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("assure-lo-\(UUID().uuidString)")
        let output = directory.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let input = directory.appendingPathComponent("returns.xlsx")
        try workbook.write(to: input)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: path)
        // A profile of its own, so that a LibreOffice already running (or another test) does not take the file.
        process.arguments = ["-env:UserInstallation=file://\(directory.path)/profile", "--headless", "--norestore",
                             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir", output.path, input.path]
        let errors = Pipe()
        process.standardOutput = Pipe()
        process.standardError = errors
        try process.run()
        let errorText = String(decoding: errors.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        let result = output.appendingPathComponent("returns.xlsx")
        guard process.terminationStatus == 0, let data = try? Data(contentsOf: result) else {
            throw Openpyxl.TestFailure(description: "soffice failed (\(process.terminationStatus)): \(errorText)")
        }
        return data
    }
}
