"""An OpenID Connect provider on loopback, for Assure's sign-in tests: built on authlib's authorisation server (the
authorisation code grant with its OpenID Connect and PKCE extensions), with a sign-in page of its own, discovery, a
JWKS, and RP-initiated sign-out. Nothing of Assure's is in here: Assure reaches it over HTTP as it would Entra ID.

Usage: python3 scripts/test-openid-provider.py PORT --client ID:SECRET:REDIRECT_URI[,POST_LOGOUT_URI]
           [--user EMAIL:PASSWORD:NAME[:GROUP,GROUP…][:unverified]] …
Prints "ready ISSUER" once it is listening.

What a test needs of a provider that misbehaves, it asks for on a control endpoint (loopback only, like the rest):
  POST /control/rotate              a new signing key; the old one leaves the JWKS
  POST /control/next?mode=MODE      the next ID token is spoilt: wrong-audience, expired, wrong-nonce, bad-signature,
                                    replay (the previous ID token again), wrong-issuer
  GET  /control/signed-out          how many sign-outs the provider has seen
"""

import argparse
import html
import os
import secrets
import signal
import time

from authlib.integrations.flask_oauth2 import AuthorizationServer
from authlib.oauth2.rfc6749 import ClientMixin
from authlib.oauth2.rfc6749 import grants
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import UserInfo
from authlib.oidc.core import grants as oidc_grants
from authlib.oidc.core.models import AuthorizationCodeMixin
from flask import Flask, jsonify, redirect, request, session
from joserfc import jwt
from joserfc.jwk import RSAKey

parser = argparse.ArgumentParser()
parser.add_argument("port", type=int)
parser.add_argument("--client", action="append", default=[])
parser.add_argument("--user", action="append", default=[])
args = parser.parse_args()
issuer = f"http://127.0.0.1:{args.port}"


class Client(ClientMixin):
    def __init__(self, spec):
        self.client_id, self.secret, uris = spec.split(":", 2)
        self.redirect_uri, _, self.post_logout_uri = uris.partition(",")

    def get_client_id(self):
        return self.client_id

    def get_default_redirect_uri(self):
        return self.redirect_uri

    def get_allowed_scope(self, scope):
        return " ".join(s for s in (scope or "").split() if s in ("openid", "email", "profile"))

    def check_redirect_uri(self, redirect_uri):
        return redirect_uri == self.redirect_uri

    def check_client_secret(self, client_secret):
        return secrets.compare_digest(client_secret, self.secret)

    def check_endpoint_auth_method(self, method, endpoint):
        return method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type):
        return response_type == "code"

    def check_grant_type(self, grant_type):
        return grant_type == "authorization_code"


class User:
    def __init__(self, spec):
        parts = spec.split(":")
        self.email, self.password, self.name = parts[0], parts[1], parts[2]
        self.groups = [g for g in (parts[3] if len(parts) > 3 else "").split(",") if g]
        self.verified = not (len(parts) > 4 and parts[4] == "unverified")
        self.sub = "sub-" + self.email.split("@")[0]


class Code(AuthorizationCodeMixin):
    def __init__(self, **fields):
        self.__dict__.update(fields)

    def get_redirect_uri(self):
        return self.redirect_uri

    def get_scope(self):
        return self.scope

    def get_nonce(self):
        return self.nonce

    def get_auth_time(self):
        return self.auth_time


clients = {c.client_id: c for c in map(Client, args.client)}
users = {u.email: u for u in map(User, args.user)}
codes = {}
state = {"keys": [RSAKey.generate_key(2048, parameters={"kid": "key-1", "use": "sig", "alg": "RS256"})],
         "next": None, "last_id_token": None, "signed_out": 0}


def signing_key():
    return state["keys"][-1]


class CodeGrant(grants.AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

    def save_authorization_code(self, code, request):
        data = request.payload.data
        codes[code] = Code(code=code, client_id=request.client.client_id, redirect_uri=request.payload.redirect_uri,
                           scope=request.scope, user=request.user, nonce=data.get("nonce"),
                           code_challenge=data.get("code_challenge"),
                           code_challenge_method=data.get("code_challenge_method"), auth_time=int(time.time()))

    def query_authorization_code(self, code, client):
        item = codes.get(code)
        return item if item and item.client_id == client.client_id else None

    def delete_authorization_code(self, authorization_code):
        codes.pop(authorization_code.code, None)

    def authenticate_user(self, authorization_code):
        return authorization_code.user


class OpenIDCode(oidc_grants.OpenIDCode):
    def exists_nonce(self, nonce, request):
        return any(c.nonce == nonce and c.client_id == request.payload.client_id for c in codes.values())

    def resolve_client_private_key(self, client):
        return signing_key()

    def get_client_algorithm(self, client):
        return "RS256"

    def get_encode_header(self, client):
        return {"alg": "RS256", "kid": signing_key().kid}

    def get_client_claims(self, client):
        return {"iss": issuer, "aud": [client.get_client_id()], "exp": int(time.time()) + 300}

    def generate_user_info(self, user, scope):
        return UserInfo(sub=user.sub, name=user.name, email=user.email, email_verified=user.verified,
                        groups=user.groups)

    def encode_id_token(self, token, request):
        made = super().encode_id_token(token, request)
        mode, state["next"] = state["next"], None
        if mode == "replay" and state["last_id_token"]:
            return state["last_id_token"]
        state["last_id_token"] = made
        if not mode:
            return made
        claims = jwt.decode(made, signing_key()).claims
        key = signing_key()
        if mode == "wrong-audience":
            claims["aud"] = ["someone-else"]
        elif mode == "expired":
            claims["iat"], claims["exp"] = int(time.time()) - 3600, int(time.time()) - 1800
        elif mode == "wrong-nonce":
            claims["nonce"] = "not-the-nonce-asked-for"
        elif mode == "wrong-issuer":
            claims["iss"] = "http://127.0.0.1:1"
        elif mode == "bad-signature":  # signed by a key the JWKS does not hold, under the published key's id
            key = RSAKey.generate_key(2048, parameters={"kid": signing_key().kid})
        return jwt.encode({"alg": "RS256", "kid": signing_key().kid}, claims, key)


app = Flask(__name__)
app.secret_key = secrets.token_hex(16)
server = AuthorizationServer(app, query_client=clients.get, save_token=lambda token, request: None)
server.register_grant(CodeGrant, [OpenIDCode(require_nonce=True), CodeChallenge(required=True)])


@app.get("/.well-known/openid-configuration")
def discovery():
    return jsonify(issuer=issuer, authorization_endpoint=f"{issuer}/authorize", token_endpoint=f"{issuer}/token",
                   jwks_uri=f"{issuer}/jwks", end_session_endpoint=f"{issuer}/logout",
                   response_types_supported=["code"], subject_types_supported=["public"],
                   id_token_signing_alg_values_supported=["RS256"], scopes_supported=["openid", "email", "profile"],
                   token_endpoint_auth_methods_supported=["client_secret_basic", "client_secret_post"],
                   code_challenge_methods_supported=["S256"], claims_supported=["sub", "email", "email_verified",
                                                                               "name", "groups", "nonce"])


@app.get("/jwks")
def jwks():
    return jsonify(keys=[key.as_dict(private=False) for key in state["keys"]])


PAGE = """<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Test provider: sign in</title></head>
<body><h1>Test identity provider</h1><p>Signing in to <strong>{client}</strong>.</p>{error}
<form method="post"><label>Email <input name="email" id="email" value="{email}"></label>
<label>Password <input name="password" id="password" type="password"></label>
<button type="submit" id="provider-sign-in">Sign in</button></form></body></html>"""


@app.route("/authorize", methods=["GET", "POST"])
def authorize():
    # PKCE with S256 is required of every client here, as Entra ID requires it of single-page apps: Assure must send it.
    if request.values.get("code_challenge_method") != "S256" or not request.values.get("code_challenge"):
        return "PKCE (code_challenge with S256) is required", 400
    try:
        grant = server.get_consent_grant(end_user=None)
    except Exception as error:  # an unknown client or redirect address: never redirect to it
        return f"bad authorisation request: {html.escape(str(error))}", 400
    client = grant.client.client_id
    if request.method == "GET":
        return PAGE.format(client=html.escape(client), error="", email="")
    user = users.get(request.form.get("email", ""))
    if not user or not secrets.compare_digest(user.password, request.form.get("password", "")):
        page = PAGE.format(client=html.escape(client), error="<p role=alert>Wrong email or password.</p>",
                           email=html.escape(request.form.get("email", "")))
        return page, 401
    session["email"] = user.email
    return server.create_authorization_response(grant_user=user)


@app.post("/token")
def token():
    return server.create_token_response()


@app.get("/logout")
def logout():
    session.clear()
    state["signed_out"] += 1
    target = request.args.get("post_logout_redirect_uri")
    if target and any(c.post_logout_uri == target for c in clients.values()):
        return redirect(target)
    return "<!doctype html><title>Signed out</title><h1>You are signed out of the test provider</h1>"


@app.post("/control/rotate")
def rotate():
    number = len(state["keys"]) + 1
    state["keys"] = [RSAKey.generate_key(2048, parameters={"kid": f"key-{number}", "use": "sig", "alg": "RS256"})]
    return jsonify(kid=signing_key().kid)


@app.post("/control/next")
def spoil_next():
    state["next"] = request.args["mode"]
    return jsonify(next=state["next"])


@app.get("/control/signed-out")
def signed_out():
    return jsonify(count=state["signed_out"])


if __name__ == "__main__":
    import logging
    logging.getLogger("werkzeug").setLevel(logging.WARNING)
    # A test process may start this with SIGTERM blocked (its threads block signals, and children inherit the mask):
    # unblock it, and stop at once when the test is done.
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    print(f"ready {issuer}", flush=True)
    app.run(host="127.0.0.1", port=args.port, threaded=True)
