import Foundation

/// axe-core, the accessibility engine, run inside the browser tests on every page they visit. Its JavaScript is read
/// from the copy the PyPI package `axe-playwright-python` ships (.ci/run installs it, without Playwright), or from
/// ASSURE_AXE_JS; never from a CDN.
public enum Axe {
    public static let source: String? = {
        if let path = ProcessInfo.processInfo.environment["ASSURE_AXE_JS"] {
            return try? String(contentsOfFile: path, encoding: .utf8)
        }
        let script = """
            import os, axe_playwright_python as a
            print(os.path.join(os.path.dirname(a.__file__), 'axe.min.js'))
            """
        guard let found = try? Subprocess.runBlocking(Openpyxl.python, ["python3", "-c", script]), found.status == 0
        else { return nil }
        return try? String(
            contentsOfFile: found.output.trimmingCharacters(in: .whitespacesAndNewlines), encoding: .utf8)
    }()
}
