import AssureCore
import AssureOutput
import Foundation
import Vapor

extension Request {
    /// The download `?format=csv` or `?format=xlsx` asks for; nil when the page itself is wanted.
    func requestedDownload() throws -> TableDownload? {
        guard let text = try query.get(String?.self, at: "format"), text != "html" else { return nil }
        return TableDownload(rawValue: text)
    }

    /// The tables as an attachment named `name` plus the format's extension.
    func download(_ tables: [ReportTable], as format: TableDownload, name: String) throws -> Response {
        Response(
            status: .ok,
            headers: [
                "Content-Type": format.contentType,
                "Content-Disposition": "attachment; filename=\"\(name).\(format.rawValue)\"",
            ],
            body: .init(data: try format.data(tables)))
    }
}

/// "Download CSV · XLSX" for a page whose link takes ?format=.
func downloadLinks(_ base: String) -> HTMLNode {
    let separator = base.contains("?") ? "&" : "?"
    return el(
        "span", [("class", "downloads")],
        [
            txt("Download "), link(base + separator + "format=csv", "CSV"), txt(" · "),
            link(base + separator + "format=xlsx", "XLSX"),
        ])
}
