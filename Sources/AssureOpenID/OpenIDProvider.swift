import AsyncHTTPClient
import Crypto
import Foundation
import JWTKit
import NIOCore
import NIOFoundationCompat
import NIOHTTP1

/// What a provider publishes at ISSUER/.well-known/openid-configuration that Assure uses.
public struct ProviderMetadata: Decodable, Sendable {
    public let issuer: String
    public let authorizationEndpoint: String
    public let tokenEndpoint: String
    public let jwksURI: String
    public let endSessionEndpoint: String?

    enum CodingKeys: String, CodingKey {
        case issuer
        case authorizationEndpoint = "authorization_endpoint"
        case tokenEndpoint = "token_endpoint"
        case jwksURI = "jwks_uri"
        case endSessionEndpoint = "end_session_endpoint"
    }
}

/// Who the provider vouches for, once the ID token has passed every check.
public struct VerifiedIdentity: Sendable, Equatable {
    public let subject: String
    /// Lower-cased.
    public let email: String
    public let name: String
    public let groups: [String]
}

/// Why a sign-in through a provider did not complete, in words for the person signing in (and the log).
public enum OpenIDError: Error, Equatable, CustomStringConvertible {
    /// The provider could not be reached or answered with something that is not what OpenID Connect says.
    case providerUnavailable(String)
    /// The provider refused to exchange the code (it said why).
    case refused(String)
    /// The ID token failed a check: signature, issuer, audience, expiry or nonce.
    case invalidToken(String)
    case noEmail
    case emailNotVerified

    public var description: String {
        switch self {
        case .providerUnavailable(let why): "The sign-in service could not be used: \(why)."
        case .refused(let why): "The sign-in service refused the sign-in: \(why)."
        case .invalidToken(let why): "The sign-in could not be trusted: the identity token \(why)."
        case .noEmail: "The sign-in service did not give an email address, which Assure needs to know who you are."
        case .emailNotVerified: "The sign-in service has not verified your email address, so Assure cannot use it."
        }
    }
}

/// One OpenID Connect provider, as a relying party sees it: discovery, the published keys (fetched again when a token
/// names a key not yet seen, which is how a key rotation arrives), the authorisation request with PKCE, the code
/// exchanged for an ID token, and every check on that token.
public actor OpenIDProvider {
    public nonisolated let settings: OpenIDProviderSettings
    private let http: HTTPClient
    private var metadata: (value: ProviderMetadata, fetchedAt: Date)?
    private var keys: (collection: JWTKeyCollection, kids: Set<String>, fetchedAt: Date)?
    /// Key ids looked for and not found, and when: at most a hundred remembered.
    private var unknownKids: [String: Date] = [:]

    /// Nothing the provider sends is read past this size, so a broken or hostile one cannot fill the server's memory.
    static let responseLimit = 1 << 20
    static let timeout = TimeAmount.seconds(10)
    /// How long the discovery document is trusted before it is read again.
    static let metadataLifetime: TimeInterval = 3600
    /// A token naming a key not yet seen makes the keys be read again at once (a rotation must work at once); a key
    /// still unknown after that is not looked for again for this long.
    static let unknownKeyPatience: TimeInterval = 60
    /// Signature algorithms accepted: asymmetric only, so neither "none" nor a shared-secret HMAC can pass.
    static let algorithms: Set<String> = ["RS256", "RS384", "RS512", "PS256", "PS384", "PS512", "ES256", "ES384"]
    /// Clock difference allowed between Assure and the provider.
    static let leeway: TimeInterval = 60

    public init(settings: OpenIDProviderSettings, http: HTTPClient) {
        self.settings = settings
        self.http = http
    }

    // MARK: The flow

    /// Where to send the browser: the provider's sign-in, asking for `openid email profile` with the state, the nonce
    /// and the PKCE challenge of this sign-in.
    public func authorizationURL(
        redirectURI: String, state: String, nonce: String, codeChallenge: String
    ) async throws
        -> String
    {
        let endpoint = try await discovered().authorizationEndpoint
        guard var components = URLComponents(string: endpoint) else {
            throw OpenIDError.providerUnavailable("its authorization endpoint \(endpoint) is not an address")
        }
        components.queryItems =
            (components.queryItems ?? []) + [
                URLQueryItem(name: "response_type", value: "code"),
                URLQueryItem(name: "client_id", value: settings.clientID),
                URLQueryItem(name: "redirect_uri", value: redirectURI),
                URLQueryItem(name: "scope", value: "openid email profile"),
                URLQueryItem(name: "state", value: state),
                URLQueryItem(name: "nonce", value: nonce),
                URLQueryItem(name: "code_challenge", value: codeChallenge),
                URLQueryItem(name: "code_challenge_method", value: "S256"),
            ]
        components.percentEncodedQuery = components.percentEncodedQuery?.replacingOccurrences(of: "+", with: "%2B")
        guard let url = components.string else {
            throw OpenIDError.providerUnavailable("its authorization endpoint \(endpoint) is not an address")
        }
        return url
    }

    /// The code the browser brought back, exchanged (with the PKCE verifier and the client's secret) for an ID token.
    public func redeem(code: String, verifier: String, redirectURI: String) async throws -> String {
        let endpoint = try await discovered().tokenEndpoint
        let form = [
            ("grant_type", "authorization_code"), ("code", code), ("redirect_uri", redirectURI),
            ("client_id", settings.clientID), ("client_secret", settings.clientSecret), ("code_verifier", verifier),
        ].map { "\($0)=\(Self.formEncoded($1))" }.joined(separator: "&")
        var request = HTTPClientRequest(url: endpoint)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: form))
        let (status, body) = try await send(request, what: "its token endpoint")
        struct Answer: Decodable {
            let idToken: String?
            let error: String?
            let errorDescription: String?
            enum CodingKeys: String, CodingKey {
                case idToken = "id_token", error, errorDescription = "error_description"
            }
        }
        let answer = try? JSONDecoder().decode(Answer.self, from: body)
        guard status == .ok else {
            let why = [answer?.error, answer?.errorDescription].compactMap { $0 }.joined(separator: ": ")
            throw OpenIDError.refused(why.isEmpty ? "HTTP \(status.code)" : why)
        }
        guard let token = answer?.idToken else {
            throw OpenIDError.providerUnavailable("its token endpoint gave no ID token")
        }
        return token
    }

    /// Every check OpenID Connect asks of a relying party on an ID token from the token endpoint: signed by a key
    /// the provider publishes with an asymmetric algorithm; issued by this provider; meant for this client; not expired
    /// nor issued in the future; carrying this sign-in's nonce (so a token from another sign-in cannot be replayed);
    /// and naming a verified email address.
    public func verify(idToken: String, nonce: String, now: Date) async throws -> VerifiedIdentity {
        let claims = try await signatureChecked(idToken)
        guard claims.issuer == settings.issuer else {
            throw OpenIDError.invalidToken("was issued by \(claims.issuer), not \(settings.issuer)")
        }
        guard claims.audience.contains(settings.clientID) else {
            throw OpenIDError.invalidToken(
                "is meant for \(claims.audience.joined(separator: ", ")), not this Assure (\(settings.clientID))")
        }
        if claims.audience.count > 1 || claims.authorizedParty != nil, claims.authorizedParty != settings.clientID {
            throw OpenIDError.invalidToken("was presented by \(claims.authorizedParty ?? "nobody"), not this Assure")
        }
        guard claims.expires.addingTimeInterval(Self.leeway) > now else {
            throw OpenIDError.invalidToken("expired at \(claims.expires.formatted(.iso8601))")
        }
        if let issued = claims.issuedAt, issued > now.addingTimeInterval(Self.leeway) {
            throw OpenIDError.invalidToken("says it was issued in the future (\(issued.formatted(.iso8601)))")
        }
        guard let given = claims.nonce, Self.same(given, nonce) else {
            throw OpenIDError.invalidToken(
                "does not carry this sign-in's nonce: it was made for another sign-in (replayed) or tampered with")
        }
        let email = (claims.email ?? "").trimmingCharacters(in: .whitespaces).lowercased()
        guard !email.isEmpty else { throw OpenIDError.noEmail }
        guard settings.trustEmailClaim || claims.emailVerified == true else { throw OpenIDError.emailNotVerified }
        let name = [claims.name, claims.preferredUsername].compactMap { $0?.trimmingCharacters(in: .whitespaces) }
            .first { !$0.isEmpty }
        return VerifiedIdentity(
            subject: claims.subject, email: email, name: name ?? email, groups: claims.lists[settings.groupsClaim] ?? []
        )
    }

    /// Where to send the browser to sign out of the provider too, if it offers RP-initiated sign-out.
    public func signOutURL(idToken: String?, returnTo: String) async -> String? {
        guard let endpoint = try? await discovered().endSessionEndpoint,
            var components = URLComponents(string: endpoint)
        else { return nil }
        components.queryItems =
            (components.queryItems ?? [])
            + [
                URLQueryItem(name: "client_id", value: settings.clientID),
                URLQueryItem(name: "post_logout_redirect_uri", value: returnTo),
            ] + (idToken.map { [URLQueryItem(name: "id_token_hint", value: $0)] } ?? [])
        return components.string
    }

    // MARK: Keys and discovery

    private func signatureChecked(_ token: String) async throws -> IDTokenClaims {
        let header = try TokenHeader(token: token)
        guard let alg = header.alg, Self.algorithms.contains(alg) else {
            throw OpenIDError.invalidToken(
                "is signed with \(header.alg ?? "no algorithm"), which Assure does not accept")
        }
        var current = try await publishedKeys(refresh: false)
        if let kid = header.kid, !current.kids.contains(kid) {
            // A key not seen yet: the provider may have rotated its keys. Read them again, unless this key was looked
            // for a moment ago.
            if unknownKids[kid].map({ Date().timeIntervalSince($0) >= Self.unknownKeyPatience }) ?? true {
                current = try await publishedKeys(refresh: true)
            }
            guard current.kids.contains(kid) else {
                if unknownKids.count >= 100 { unknownKids.removeAll() }
                unknownKids[kid] = Date()
                throw OpenIDError.invalidToken("is signed with a key (\(kid)) the provider does not publish")
            }
        }
        do {
            return try await current.collection.verify(token, as: IDTokenClaims.self, iteratingKeys: header.kid == nil)
        } catch let error as DecodingError {
            throw OpenIDError.invalidToken("lacks a claim it must have (\(error))")
        } catch {
            throw OpenIDError.invalidToken("has a signature that does not match the provider's published key")
        }
    }

    private func publishedKeys(
        refresh: Bool
    ) async throws -> (
        collection: JWTKeyCollection, kids: Set<String>, fetchedAt: Date
    ) {
        if !refresh, let keys { return keys }
        let uri = try await discovered().jwksURI
        let (status, body) = try await send(HTTPClientRequest(url: uri), what: "its keys (\(uri))")
        guard status == .ok, let jwks = try? JSONDecoder().decode(JWKS.self, from: body) else {
            throw OpenIDError.providerUnavailable("its keys at \(uri) could not be read (HTTP \(status.code))")
        }
        let collection = JWTKeyCollection()
        var kids: Set<String> = []
        for key in jwks.keys where key.keyType == .rsa || key.keyType == .ecdsa {
            // A key that cannot be used (an unknown curve) is left out rather than failing every sign-in.
            guard (try? await collection.add(jwk: key)) != nil else { continue }
            if let kid = key.keyIdentifier?.string { kids.insert(kid) }
        }
        keys = (collection, kids, Date())
        return keys!
    }

    private func discovered() async throws -> ProviderMetadata {
        if let metadata, Date().timeIntervalSince(metadata.fetchedAt) < Self.metadataLifetime { return metadata.value }
        let base = settings.issuer.hasSuffix("/") ? String(settings.issuer.dropLast()) : settings.issuer
        let url = base + "/.well-known/openid-configuration"
        let (status, body) = try await send(HTTPClientRequest(url: url), what: "its discovery document (\(url))")
        guard status == .ok, let found = try? JSONDecoder().decode(ProviderMetadata.self, from: body) else {
            throw OpenIDError.providerUnavailable("its discovery document at \(url) could not be read")
        }
        guard found.issuer == settings.issuer else {
            throw OpenIDError.providerUnavailable(
                "its discovery document names the issuer \(found.issuer), not \(settings.issuer)")
        }
        metadata = (found, Date())
        return found
    }

    private func send(_ request: HTTPClientRequest, what: String) async throws -> (HTTPResponseStatus, Data) {
        do {
            let response = try await http.execute(request, timeout: Self.timeout)
            let body = try await response.body.collect(upTo: Self.responseLimit)
            return (response.status, Data(buffer: body))
        } catch let error as OpenIDError {
            throw error
        } catch {
            throw OpenIDError.providerUnavailable("\(what) did not answer (\(error))")
        }
    }

    static func formEncoded(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? value
    }

    /// Compares in time that does not depend on where the two differ.
    static func same(_ a: String, _ b: String) -> Bool {
        let (x, y) = (Array(a.utf8), Array(b.utf8))
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }
}

/// The secrets of one sign-in: `state` ties the provider's answer to this browser, `nonce` ties the ID token to this
/// sign-in, and the PKCE verifier ties the code to this server (RFC 7636, S256).
public struct SignInSecrets: Codable, Sendable, Equatable {
    public let provider: String
    public let state: String
    public let nonce: String
    public let verifier: String
    public let startedAt: Date

    public init(provider: String, startedAt: Date) {
        self.provider = provider
        self.state = Self.random()
        self.nonce = Self.random()
        self.verifier = Self.random() + Self.random()
        self.startedAt = startedAt
    }

    /// S256: base64url of the SHA-256 of the verifier.
    public var codeChallenge: String { Data(SHA256.hash(data: Data(verifier.utf8))).base64URL }

    /// How long the provider's page may take: a sign-in started longer ago is refused on return.
    public static let lifetime: TimeInterval = 10 * 60

    static func random() -> String {
        var generator = SystemRandomNumberGenerator()
        return Data((0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }).base64URL
    }
}
