import AssureCore
import FluentKit
import Foundation
import SQLKit

package extension PeriodRecord {
    /// Refuses any write into a published period.
    package static func requireWritable(_ db: Database, periodID: UUID) async throws -> PeriodRecord {
        guard let period = try await PeriodRecord.find(periodID, on: db) else {
            throw DomainError.notFound("reporting period")
        }
        if period.status == PeriodStatus.published.rawValue { throw DomainError.frozen("Period \(period.label)") }
        return period
    }
}
