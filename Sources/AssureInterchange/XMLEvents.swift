import AssureCore
import Foundation

#if canImport(FoundationXML)
import FoundationXML
#endif

/// A streaming reader over one XML part: the callbacks see each element's start (with attributes), its end, and its
/// text. Workbook parts can be large, so nothing is built into a tree.
final class XMLEvents: NSObject, XMLParserDelegate {
    var onStart: (String, [String: String]) -> Void = { _, _ in }
    var onEnd: (String) -> Void = { _ in }
    var onText: (String) -> Void = { _ in }
    private var failure: String?
    private var stop: () -> Bool = { false }
    private var stopped = false

    /// Parses the whole part, or until `stop` says the reader has seen enough (a limit reached, which the reader
    /// reports); a malformed part is an error naming it.
    func parse(_ data: Data, part: String, stop: @escaping () -> Bool = { false }) throws(ImportProblems) {
        // Fed as a stream: given a part over 10 MB as one piece, FoundationXML's parser reads every element, then
        // reports error 1 (a 14 MB sheet of 300,000 rows was refused as damaged).
        let parser = XMLParser(stream: InputStream(data: data))
        parser.delegate = self
        parser.shouldProcessNamespaces = false
        parser.shouldResolveExternalEntities = false
        self.stop = stop
        let parsed = parser.parse()
        if stopped { return }
        if !parsed || failure != nil {
            let reason = failure ?? parser.parserError.map { "\($0.localizedDescription)" } ?? "unreadable XML"
            throw ImportProblems([ImportProblemFactory.file("The workbook's part \(part) is damaged (\(reason)).")])
        }
    }

    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        onStart(Self.local(name), attributes)
        checkStop(parser)
    }

    private func checkStop(_ parser: XMLParser) {
        if !stopped, stop() {
            stopped = true
            parser.abortParsing()
        }
    }

    func parser(_ parser: XMLParser, didEndElement name: String, namespaceURI: String?, qualifiedName: String?) {
        onEnd(Self.local(name))
        checkStop(parser)
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) { onText(string) }

    func parser(_ parser: XMLParser, parseErrorOccurred parseError: any Error) {
        failure = failure ?? "\(parseError.localizedDescription)"
    }

    /// "x:row" → "row": some writers prefix SpreadsheetML elements.
    static func local(_ name: String) -> String {
        guard let colon = name.lastIndex(of: ":") else { return name }
        return String(name[name.index(after: colon)...])
    }
}

enum ImportProblemFactory {
    static func file(_ message: String) -> ImportProblem { ImportProblem(row: nil, column: nil, message) }
}
