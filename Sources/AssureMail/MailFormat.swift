import AssureCore
import Foundation

/// Turns a message into RFC 5322 text. Header values come from user data (project titles, names), so line breaks
/// are removed from them: nobody can add a header through a project's title.
enum MailFormat {
    static func render(
        _ message: MailMessage, fromAddress: String, fromName: String,
        date: Date = Date(), messageID: UUID = UUID.random()
    ) throws -> String {
        try checkAddress(message.toAddress)
        try checkAddress(fromAddress)
        let domain = fromAddress.split(separator: "@").last.map(String.init) ?? "assure"
        let headers = [
            "From: \(encodedWord(fromName)) <\(fromAddress)>",
            "To: \(encodedWord(message.toName)) <\(message.toAddress)>",
            "Subject: \(encodedWord(message.subject))",
            "Date: \(rfc5322(date))",
            "Message-ID: <\(messageID.uuidString.lowercased())@\(domain)>",
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=utf-8",
            "Content-Transfer-Encoding: base64",
        ]
        // Base64 lines never start with a dot, so the body needs no dot-stuffing.
        let body = Data(
            message.body.replacingOccurrences(of: "\r\n", with: "\n")
                .replacingOccurrences(of: "\n", with: "\r\n").utf8
        ).base64EncodedString(options: [.lineLength76Characters, .endLineWithCarriageReturn, .endLineWithLineFeed])
        return headers.joined(separator: "\r\n") + "\r\n\r\n" + body
    }

    static func checkAddress(_ address: String) throws {
        let parts = address.split(separator: "@", omittingEmptySubsequences: false)
        let forbidden = CharacterSet(charactersIn: "<>\r\n \t,;\"")
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."),
            address.unicodeScalars.allSatisfy({ !forbidden.contains($0) })
        else { throw SMTPError.badAddress(address) }
    }

    /// A header value on one line; non-ASCII text as an RFC 2047 encoded word.
    static func encodedWord(_ text: String) -> String {
        let oneLine = text.components(separatedBy: .newlines).joined(separator: " ")
        guard oneLine.unicodeScalars.allSatisfy({ $0.isASCII && $0.value >= 32 }) else {
            return "=?UTF-8?B?\(Data(oneLine.utf8).base64EncodedString())?="
        }
        return oneLine
    }

    static func rfc5322(_ date: Date) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss '+0000'"
        return formatter.string(from: date)
    }
}
