import Foundation

extension Encodable {
    /// A typed draft as the text its form was filled with, to give a refused form back as it was sent.
    var formValues: [String: String] {
        guard let data = try? JSONEncoder().encode(self),
            let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { return [:] }
        return object.compactMapValues { $0 as? String }
    }
}
