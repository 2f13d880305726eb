import Foundation

extension Date {
    /// A moment as a UK reader expects it, in UK time and saying which ("1 Nov 2016 at 11:34 GMT"), whatever the
    /// server's own zone and language: the same page reads the same on every server.
    var ukMoment: String { formatted(Self.ukMomentStyle) }

    /// Just the time of day, in UK time ("11:34 GMT").
    var ukTime: String { formatted(Self.ukTimeStyle) }

    private static let london = TimeZone(identifier: "Europe/London") ?? .gmt
    private static let britishEnglish = Locale(identifier: "en_GB")
    private static let ukMomentStyle = Date.FormatStyle(locale: britishEnglish, timeZone: london).day().month(
        .abbreviated
    ).year().hour(.twoDigits(amPM: .omitted)).minute().timeZone(.specificName(.short))
    private static let ukTimeStyle = Date.FormatStyle(locale: britishEnglish, timeZone: london).hour(
        .twoDigits(amPM: .omitted)
    ).minute().timeZone(.specificName(.short))
}
