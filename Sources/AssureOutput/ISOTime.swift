import Foundation

/// A moment as the API writes it: ISO 8601 in UTC ("2016-11-04T09:30:00Z"), never the encoder's default of seconds
/// since 2001, which no client reads as a time.
package enum ISOTime {
    package static func string(_ date: Date) -> String { date.formatted(.iso8601) }
}
