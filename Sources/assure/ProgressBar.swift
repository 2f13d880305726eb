import Foundation

/// A one-line progress bar on standard error, redrawn in place.
enum ProgressBar {
    static func draw(done: Int, total: Int, label: String) {
        let width = 30
        let filled = total > 0 ? width * min(done, total) / total : width
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        FileHandle.standardError.write(Data("\r[\(bar)] \(label)".utf8))
    }

    static func finish() { FileHandle.standardError.write(Data("\n".utf8)) }
}
