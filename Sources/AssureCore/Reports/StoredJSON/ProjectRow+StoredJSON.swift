import Foundation

/// A published row read from its stored JSON by hand, field by field as `Codable` would read it (the same keys, the
/// same shapes, optional fields absent or null, unknown keys ignored), at a fraction of `JSONDecoder`'s cost.
/// `StoredJSONTests` holds it to `JSONDecoder`'s answer over the demo's and a generated portfolio's rows.
public extension ProjectRow {
    init(storedJSON text: String) throws {
        self = try JSONPullReader.read(text) { try ProjectRow(&$0) }
    }
}

/// A field `Codable` requires was absent.
struct MissingField: Error, CustomStringConvertible {
    let name: String
    var description: String { "stored JSON: no \(name)" }
}

private func required<T>(_ value: T?, _ name: String) throws -> T {
    guard let value else { throw MissingField(name: name) }
    return value
}

extension ProjectRow {
    init(_ reader: inout JSONPullReader) throws {
        var project: ProjectInfo?, itemLabel: String?, hasReturn: Bool?, reportedRating: RecordedRating?
        var effective: RatingLevel?, trend: TrendCell?, update: String?, mitigation: String?
        var milestones: [MilestoneRow]?, children: [ProjectRow]?, flags: [Flag]?, submittedBy: String?
        var carriedForward: CarriedForward?
        try reader.object { reader, key in
            switch key {
            case "project": project = try ProjectInfo(&reader)
            case "itemLabel": itemLabel = try reader.optional { try $0.string() }
            case "hasReturn": hasReturn = try reader.bool()
            case "reportedRating": reportedRating = try reader.optional { try RecordedRating(&$0) }
            case "effective": effective = try reader.optional { try RatingLevel(&$0) }
            case "trend": trend = try TrendCell(&reader)
            case "update": update = try reader.string()
            case "mitigation": mitigation = try reader.string()
            case "milestones": milestones = try reader.elements { try MilestoneRow(&$0) }
            case "children": children = try reader.elements { try ProjectRow(&$0) }
            case "flags": flags = try reader.elements { try Flag(&$0) }
            case "submittedBy": submittedBy = try reader.optional { try $0.string() }
            case "carriedForward": carriedForward = try reader.optional { try CarriedForward(&$0) }
            default: try reader.skip()
            }
        }
        self.init(
            project: try required(project, "project"), itemLabel: itemLabel,
            hasReturn: try required(hasReturn, "hasReturn"), reportedRating: reportedRating, effective: effective,
            trend: try required(trend, "trend"), update: try required(update, "update"),
            mitigation: try required(mitigation, "mitigation"), milestones: try required(milestones, "milestones"),
            children: try required(children, "children"), flags: try required(flags, "flags"),
            submittedBy: submittedBy, carriedForward: carriedForward)
    }
}

extension JSONPullReader {
    /// An array's elements, each read with `read`.
    mutating func elements<T>(_ read: (inout JSONPullReader) throws -> T) throws -> [T] {
        var result: [T] = []
        try array { result.append(try read(&$0)) }
        return result
    }

    /// A string naming a case of `T`.
    mutating func rawValue<T: RawRepresentable<String>>(_ type: T.Type) throws -> T {
        let text = try string()
        return try required(T(rawValue: text), "\(T.self) “\(text)”")
    }
}

extension ProjectInfo {
    init(_ reader: inout JSONPullReader) throws {
        var id: UUID?, programmeID: UUID?, parentID: UUID?, reference: String?, title: String?
        var description: String?, sro: String?, lead: String?, commencement: String?, projectPlan: String?
        var projectTimescale: String?
        func text(_ reader: inout JSONPullReader) throws -> String? { try reader.optional { try $0.string() } }
        func uuid(_ reader: inout JSONPullReader) throws -> UUID {
            let text = try reader.string()
            return try required(UUID(uuidString: text), "a UUID “\(text)”")
        }
        try reader.object { reader, key in
            switch key {
            case "id": id = try uuid(&reader)
            case "programmeID": programmeID = try uuid(&reader)
            case "parentID": parentID = try reader.optional { try uuid(&$0) }
            case "reference": reference = try text(&reader)
            case "title": title = try reader.string()
            case "description": description = try text(&reader)
            case "sro": sro = try text(&reader)
            case "lead": lead = try text(&reader)
            case "commencement": commencement = try text(&reader)
            case "projectPlan": projectPlan = try text(&reader)
            case "projectTimescale": projectTimescale = try text(&reader)
            default: try reader.skip()
            }
        }
        self.init(
            id: try required(id, "id"), programmeID: try required(programmeID, "programmeID"), parentID: parentID,
            reference: reference, title: try required(title, "title"), description: description, sro: sro,
            lead: lead, commencement: commencement, projectPlan: projectPlan, projectTimescale: projectTimescale)
    }
}

extension RatingLevel {
    init(_ reader: inout JSONPullReader) throws {
        var code: String?, label: String?, rank: Int?, meaning: String?
        try reader.object { reader, key in
            switch key {
            case "code": code = try reader.string()
            case "label": label = try reader.string()
            case "rank": rank = try reader.int()
            case "meaning": meaning = try reader.string()
            default: try reader.skip()
            }
        }
        self.init(
            code: try required(code, "code"), label: try required(label, "label"), rank: try required(rank, "rank"),
            meaning: try required(meaning, "meaning"))
    }
}

extension RecordedRating {
    init(_ reader: inout JSONPullReader) throws {
        var written: String?, level: RatingLevel?
        try reader.object { reader, key in
            switch key {
            case "written": written = try reader.string()
            case "level": level = try reader.optional { try RatingLevel(&$0) }
            default: try reader.skip()
            }
        }
        self.init(written: try required(written, "written"), level: level)
    }
}

extension TrendCell {
    init(_ reader: inout JSONPullReader) throws {
        var derived: Trend?, reported: Trend?
        try reader.object { reader, key in
            switch key {
            case "derived": derived = try reader.optional { try $0.rawValue(Trend.self) }
            case "reported": reported = try reader.optional { try $0.rawValue(Trend.self) }
            default: try reader.skip()
            }
        }
        self.init(derived: derived, reported: reported)
    }
}

extension MilestoneRow {
    init(_ reader: inout JSONPullReader) throws {
        var title: String?, date: DateText?, rating: RecordedRating?
        try reader.object { reader, key in
            switch key {
            case "title": title = try reader.string()
            case "date": date = try DateText(&reader)
            case "rating": rating = try reader.optional { try RecordedRating(&$0) }
            default: try reader.skip()
            }
        }
        self.init(title: try required(title, "title"), date: try required(date, "date"), rating: rating)
    }
}

extension DateText {
    init(_ reader: inout JSONPullReader) throws {
        var written: String?, reading: Reading?
        try reader.object { reader, key in
            switch key {
            case "written": written = try reader.string()
            case "reading": reading = try Reading(&reader)
            default: try reader.skip()
            }
        }
        self.init(written: try required(written, "written"), reading: try required(reading, "reading"))
    }
}

extension DateText.Reading {
    /// A case as `Codable` writes an enum with associated values: `{"date":{"_0":…}}`, `{"notADate":{"reason":…}}`,
    /// `{"blank":{}}`.
    init(_ reader: inout JSONPullReader) throws {
        var reading: Self?
        try reader.object { reader, key in
            guard reading == nil else { throw MissingField(name: "one case of a date's reading") }
            switch key {
            case "date":
                var date: ParsedDate?
                try reader.object { reader, key in
                    if key == "_0" { date = try ParsedDate(&reader) } else { try reader.skip() }
                }
                reading = .date(try required(date, "_0"))
            case "notADate":
                var reason: String?
                try reader.object { reader, key in
                    if key == "reason" { reason = try reader.string() } else { try reader.skip() }
                }
                reading = .notADate(reason: try required(reason, "reason"))
            case "blank":
                try reader.object { reader, _ in try reader.skip() }
                reading = .blank
            default: throw MissingField(name: "a known case of a date's reading, not “\(key)”")
            }
        }
        self = try required(reading, "a date's reading")
    }
}

extension ParsedDate {
    init(_ reader: inout JSONPullReader) throws {
        var start: CalendarDate?, end: CalendarDate?, precision: DatePrecision?, qualifier: String?
        try reader.object { reader, key in
            switch key {
            case "start": start = try CalendarDate(&reader)
            case "end": end = try CalendarDate(&reader)
            case "precision": precision = try reader.rawValue(DatePrecision.self)
            case "qualifier": qualifier = try reader.optional { try $0.string() }
            default: try reader.skip()
            }
        }
        self.init(
            start: try required(start, "start"), end: try required(end, "end"),
            precision: try required(precision, "precision"), qualifier: qualifier)
    }
}

extension CalendarDate {
    init(_ reader: inout JSONPullReader) throws {
        var year: Int?, month: Int?, day: Int?
        try reader.object { reader, key in
            switch key {
            case "year": year = try reader.int()
            case "month": month = try reader.int()
            case "day": day = try reader.int()
            default: try reader.skip()
            }
        }
        self.init(
            storedYear: try required(year, "year"), month: try required(month, "month"), day: try required(day, "day"))
    }
}

extension Flag {
    init(_ reader: inout JSONPullReader) throws {
        var kind: Kind?, message: String?
        try reader.object { reader, key in
            switch key {
            case "kind": kind = try reader.rawValue(Kind.self)
            case "message": message = try reader.string()
            default: try reader.skip()
            }
        }
        self.init(try required(kind, "kind"), try required(message, "message"))
    }
}

extension CarriedForward {
    init(_ reader: inout JSONPullReader) throws {
        var fromKey: String?, periods: Int?
        try reader.object { reader, key in
            switch key {
            case "fromKey": fromKey = try reader.optional { try $0.string() }
            case "periods": periods = try reader.int()
            default: try reader.skip()
            }
        }
        self.init(fromKey: fromKey)
        // As `Codable` reads it: the count as stored, not raised to one.
        self.periods = try required(periods, "periods")
    }
}

// MARK: - Writing

public extension ProjectRow {
    /// The row as stored: the text `JSONEncoder` (sorted keys) writes, written by hand (`StoredJSONTests`).
    var storedJSON: String {
        var writer = JSONTextWriter(capacity: 2_048)
        write(&writer)
        return writer.text
    }
}

extension ProjectRow {
    func write(_ w: inout JSONTextWriter) {
        w.object { w in
            w.field("carriedForward", carriedForward) { $1.write(&$0) }
            w.field("children") { $0.array(children) { $1.write(&$0) } }
            w.field("effective", effective) { $1.write(&$0) }
            w.field("flags") { $0.array(flags) { $1.write(&$0) } }
            w.field("hasReturn") { $0.bool(hasReturn) }
            w.field("itemLabel", itemLabel) { $0.string($1) }
            w.field("milestones") { $0.array(milestones) { $1.write(&$0) } }
            w.field("mitigation") { $0.string(mitigation) }
            w.field("project") { project.write(&$0) }
            w.field("reportedRating", reportedRating) { $1.write(&$0) }
            w.field("submittedBy", submittedBy) { $0.string($1) }
            w.field("trend") { trend.write(&$0) }
            w.field("update") { $0.string(update) }
        }
    }
}

extension ProjectInfo {
    func write(_ w: inout JSONTextWriter) {
        w.object { w in
            w.field("commencement", commencement) { $0.string($1) }
            w.field("description", description) { $0.string($1) }
            w.field("id") { $0.string(id.upperText) }
            w.field("lead", lead) { $0.string($1) }
            w.field("parentID", parentID) { $0.string($1.upperText) }
            w.field("programmeID") { $0.string(programmeID.upperText) }
            w.field("projectPlan", projectPlan) { $0.string($1) }
            w.field("projectTimescale", projectTimescale) { $0.string($1) }
            w.field("reference", reference) { $0.string($1) }
            w.field("sro", sro) { $0.string($1) }
            w.field("title") { $0.string(title) }
        }
    }
}

extension RatingLevel {
    func write(_ w: inout JSONTextWriter) {
        w.object { w in
            w.field("code") { $0.string(code) }
            w.field("label") { $0.string(label) }
            w.field("meaning") { $0.string(meaning) }
            w.field("rank") { $0.int(rank) }
        }
    }
}

extension RecordedRating {
    func write(_ w: inout JSONTextWriter) {
        w.object { w in
            w.field("level", level) { $1.write(&$0) }
            w.field("written") { $0.string(written) }
        }
    }
}

extension TrendCell {
    func write(_ w: inout JSONTextWriter) {
        w.object { w in
            w.field("derived", derived) { $0.string($1.rawValue) }
            w.field("reported", reported) { $0.string($1.rawValue) }
        }
    }
}

extension MilestoneRow {
    func write(_ w: inout JSONTextWriter) {
        w.object { w in
            w.field("date") { date.write(&$0) }
            w.field("rating", rating) { $1.write(&$0) }
            w.field("title") { $0.string(title) }
        }
    }
}

extension DateText {
    func write(_ w: inout JSONTextWriter) {
        w.object { w in
            w.field("reading") { reading.write(&$0) }
            w.field("written") { $0.string(written) }
        }
    }
}

extension DateText.Reading {
    func write(_ w: inout JSONTextWriter) {
        w.object { w in
            switch self {
            case .date(let date): w.field("date") { $0.object { $0.field("_0") { date.write(&$0) } } }
            case .notADate(let reason): w.field("notADate") { $0.object { $0.field("reason") { $0.string(reason) } } }
            case .blank: w.field("blank") { $0.object { _ in } }
            }
        }
    }
}

extension ParsedDate {
    func write(_ w: inout JSONTextWriter) {
        w.object { w in
            w.field("end") { end.write(&$0) }
            w.field("precision") { $0.string(precision.rawValue) }
            w.field("qualifier", qualifier) { $0.string($1) }
            w.field("start") { start.write(&$0) }
        }
    }
}

extension CalendarDate {
    func write(_ w: inout JSONTextWriter) {
        w.object { w in
            w.field("day") { $0.int(day) }
            w.field("month") { $0.int(month) }
            w.field("year") { $0.int(year) }
        }
    }
}

extension Flag {
    func write(_ w: inout JSONTextWriter) {
        w.object { w in
            w.field("kind") { $0.string(kind.rawValue) }
            w.field("message") { $0.string(message) }
        }
    }
}

extension CarriedForward {
    func write(_ w: inout JSONTextWriter) {
        w.object { w in
            w.field("fromKey", fromKey) { $0.string($1) }
            w.field("periods") { $0.int(periods) }
        }
    }
}
