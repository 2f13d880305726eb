import Foundation
import JWTKit

/// The claims of an ID token that Assure reads. Its signature is checked by JWTKit against the provider's published
/// keys; the claims themselves (issuer, audience, expiry, nonce) by `OpenIDProvider`, on the app's clock.
struct IDTokenClaims: JWTPayload {
    let issuer: String
    let audience: [String]
    let authorizedParty: String?
    let expires: Date
    let issuedAt: Date?
    let nonce: String?
    let subject: String
    let email: String?
    let emailVerified: Bool?
    let name: String?
    let preferredUsername: String?
    /// Every claim that holds a list of strings (groups, roles), by name: which one carries groups is a setting.
    let lists: [String: [String]]

    struct Key: CodingKey {
        let stringValue: String
        init(_ name: String) { stringValue = name }
        init?(stringValue: String) { self.stringValue = stringValue }
        var intValue: Int? { nil }
        init?(intValue: Int) { nil }
    }

    init(from decoder: any Decoder) throws {
        let claims = try decoder.container(keyedBy: Key.self)
        func text(_ name: String) -> String? { try? claims.decodeIfPresent(String.self, forKey: Key(name)) }
        func time(_ name: String) -> Date? {
            (try? claims.decodeIfPresent(Double.self, forKey: Key(name))).flatMap { $0 }.map(
                Date.init(timeIntervalSince1970:))
        }
        guard let issuer = text("iss"), let subject = text("sub"), let expires = time("exp") else {
            throw DecodingError.dataCorrupted(.init(codingPath: [], debugDescription: "iss, sub or exp is missing"))
        }
        self.issuer = issuer
        self.subject = subject
        self.expires = expires
        if let one = text("aud") {
            audience = [one]
        } else {
            audience = (try? claims.decodeIfPresent([String].self, forKey: Key("aud"))).flatMap { $0 } ?? []
        }
        authorizedParty = text("azp")
        issuedAt = time("iat")
        nonce = text("nonce")
        email = text("email")
        // Some providers send "true" as a string.
        emailVerified =
            (try? claims.decodeIfPresent(Bool.self, forKey: Key("email_verified"))).flatMap { $0 }
            ?? text("email_verified").map { $0 == "true" }
        name = text("name")
        preferredUsername = text("preferred_username")
        var lists: [String: [String]] = [:]
        for key in claims.allKeys {
            if let list = try? claims.decode([String].self, forKey: key) { lists[key.stringValue] = list }
        }
        self.lists = lists
    }

    func encode(to encoder: any Encoder) throws {
        var claims = encoder.container(keyedBy: Key.self)
        try claims.encode(issuer, forKey: Key("iss"))
        try claims.encode(audience, forKey: Key("aud"))
        try claims.encode(subject, forKey: Key("sub"))
        try claims.encode(expires.timeIntervalSince1970, forKey: Key("exp"))
        try claims.encodeIfPresent(nonce, forKey: Key("nonce"))
        try claims.encodeIfPresent(email, forKey: Key("email"))
    }

    /// Nothing here: the claims are checked against the provider's settings and the app's clock by `OpenIDProvider`.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}

/// The header of a compact JWS, read before its signature is checked, to choose the key.
struct TokenHeader: Decodable {
    let alg: String?
    let kid: String?

    init(token: String) throws {
        guard let part = token.split(separator: ".", omittingEmptySubsequences: false).first,
            token.split(separator: ".", omittingEmptySubsequences: false).count == 3,
            let data = Data(base64URL: String(part))
        else { throw OpenIDError.invalidToken("it is not a signed token (three parts in base64url)") }
        self = try JSONDecoder().decode(TokenHeader.self, from: data)
    }
}

extension Data {
    init?(base64URL text: String) {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        self.init(base64Encoded: base64)
    }

    var base64URL: String {
        base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
