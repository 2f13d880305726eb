import Foundation

public extension UUID {
    /// A random (version 4) UUID from the system's secure generator (`getrandom` on Linux). Foundation's `UUID.random()` on
    /// Linux opens, reads and closes `/dev/urandom` for every one: an import of 10,000 rows makes some 60,000 ids,
    /// and those system calls took a sixth of it.
    static func random() -> UUID {
        var generator = SystemRandomNumberGenerator()
        var bytes = (generator.next() as UInt64, generator.next() as UInt64)
        return withUnsafeMutableBytes(of: &bytes) { raw in
            raw[6] = raw[6] & 0x0F | 0x40  // version 4
            raw[8] = raw[8] & 0x3F | 0x80  // the RFC 4122 variant
            return UUID(uuid: raw.load(as: uuid_t.self))
        }
    }
}
