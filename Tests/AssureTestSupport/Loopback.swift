import Foundation

/// Ports on this machine for the real programs a test starts (an SMTP server, an OpenID provider, Assure itself).
public enum Loopback {
    /// A port nobody listens on, from 10000–19999: below the kernel's ephemeral range (32768 up), from which every
    /// outgoing connection (to PostgreSQL, say) takes its local port, so none can take this one between the check and
    /// the listen; and below the 20000–40000 that browser tests give chromedriver.
    public static func freePort() throws -> Int {
        for _ in 0..<200 {
            let port = Int.random(in: 10_000..<20_000)
            if isFree(port) { return port }
        }
        throw TestDatabaseError(description: "no free port on loopback")
    }

    /// Whether a listener could bind this port on 127.0.0.1 now.
    static func isFree(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        return withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }

    /// A script of the repository's `scripts` folder.
    public static func script(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/\(name)").path
    }
}
