import NIOCore

/// One SMTP reply: a code and its text lines ("250-first", "250 last").
struct SMTPReply: Sendable {
    let code: Int
    let lines: [String]
    var text: String { lines.joined(separator: " ") }
}

/// Splits the bytes the server sends into replies and hands them to the conversation in order.
final class SMTPReplyReader: ChannelInboundHandler, @unchecked Sendable {
    typealias InboundIn = ByteBuffer

    let replies: AsyncThrowingStream<SMTPReply, Error>
    private let continuation: AsyncThrowingStream<SMTPReply, Error>.Continuation
    private var pending = ""
    private var lines: [String] = []

    init() {
        (replies, continuation) = AsyncThrowingStream.makeStream()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        var buffer = unwrapInboundIn(data)
        pending += buffer.readString(length: buffer.readableBytes) ?? ""
        while let end = pending.range(of: "\r\n") {
            let line = String(pending[..<end.lowerBound])
            pending = String(pending[end.upperBound...])
            guard line.count >= 3, let code = Int(line.prefix(3)) else { continue }
            lines.append(String(line.dropFirst(4)))
            // "250-" continues the reply; "250 " (or a bare code) ends it.
            if line.count == 3 || line[line.index(line.startIndex, offsetBy: 3)] != "-" {
                continuation.yield(SMTPReply(code: code, lines: lines))
                lines = []
            }
        }
    }

    func channelInactive(context: ChannelHandlerContext) {
        continuation.finish(throwing: SMTPError.connectionClosed)
        context.fireChannelInactive()
    }

    func errorCaught(context: ChannelHandlerContext, error: Error) {
        continuation.finish(throwing: error)
        context.close(promise: nil)
    }
}
