"""Fake Kakao, GitHub and Google OAuth servers that speak the real authorization-code flow.

Each fake is a tiny Flask app. A test sets ``fake.account`` (who signs in at the provider)
and a few switches (``deny``, ``token_delay``, ``token_error``, ``id_token_fault``), serves
the fake with ``tests.fakes.serve`` and points the app's endpoint settings at its URL.
"""

import base64
import hashlib
import secrets
import threading
import time
from contextlib import contextmanager
from urllib.parse import urlencode, urlsplit

import requests
from flask import Flask, jsonify, redirect, request
from joserfc import jwt
from joserfc.jwk import KeySet, RSAKey

from . import serve

CLIENT_ID = "test-client-id"
CLIENT_SECRET = "test-client-secret"


class FakeProvider:
    """The shared half of a provider: authorize, token exchange and bearer checks."""

    authorize_path = "/authorize"
    token_path = "/token"

    def __init__(self):
        self.account = {}
        self.client_secret = CLIENT_SECRET  # None: a client without a secret
        self.deny = False
        self.token_delay = 0.0
        self.token_error = None
        self.authorize_requests = []
        self.token_requests = []
        self._codes = {}
        self._tokens = {}
        self._release = threading.Event()
        self.app = Flask(type(self).__name__)
        self.app.add_url_rule(self.authorize_path, "authorize", self._authorize)
        self.app.add_url_rule(self.token_path, "token", self._token, methods=["POST"])
        self.url = None

    @contextmanager
    def running(self):
        """Serve the fake on 127.0.0.1 for the block; ``self.url`` is its base URL."""
        with serve(self.app) as served:
            self.url = served.url
            try:
                yield self
            finally:
                self._release.set()  # let a deliberately slow token endpoint return

    # The authorization endpoint: the user is already signed in at the provider.
    def _authorize(self):
        args = request.args
        self.authorize_requests.append(args.to_dict())
        if args.get("client_id") != CLIENT_ID or args.get("response_type") != "code":
            return jsonify(error="invalid_request"), 400
        redirect_uri = args["redirect_uri"]
        if self.deny:
            query = {"error": "access_denied", "error_description": "User denied access"}
        else:
            code = secrets.token_urlsafe(12)
            self._codes[code] = {
                "redirect_uri": redirect_uri,
                "nonce": args.get("nonce"),
                "account": dict(self.account),
            }
            query = {"code": code}
        query["state"] = args.get("state", "")
        return redirect(f"{redirect_uri}?{urlencode(query)}")

    def _client_authenticated(self):
        form = request.form
        return form.get("client_id") == CLIENT_ID and form.get("client_secret") == self.client_secret

    def _token(self):
        form = request.form.to_dict()
        self.token_requests.append({"form": form, "headers": dict(request.headers)})
        if self.token_delay:
            self._release.wait(self.token_delay)
        if self.token_error:
            return self.token_error_response()
        if not self._client_authenticated():
            return jsonify(error="invalid_client"), 401
        grant = self._codes.pop(form.get("code", ""), None)
        if (
            form.get("grant_type") != "authorization_code"
            or grant is None
            or grant["redirect_uri"] != form.get("redirect_uri")
        ):
            return jsonify(error="invalid_grant"), 400
        access_token = secrets.token_urlsafe(16)
        self._tokens[access_token] = grant["account"]
        return self.token_response(access_token, grant)

    def token_response(self, access_token, grant):
        return jsonify(access_token=access_token, token_type="bearer", expires_in=3600)

    def token_error_response(self):
        return jsonify(error=self.token_error), 400

    def bearer_account(self):
        """The account behind the request's bearer token, or None."""
        scheme, _, value = request.headers.get("Authorization", "").partition(" ")
        if scheme.lower() != "bearer":
            return None
        return self._tokens.get(value)


class FakeKakao(FakeProvider):
    """kauth.kakao.com + kapi.kakao.com: ``account`` is the /v2/user/me JSON."""

    authorize_path = "/oauth/authorize"
    token_path = "/oauth/token"

    def __init__(self):
        super().__init__()
        self.account = {
            "id": 4242001,
            "kakao_account": {
                "email": "tea@example.kr",
                "profile": {
                    "nickname": "보리차",
                    "profile_image_url": "https://k.kakaocdn.net/dn/tea/img_640x640.jpg",
                },
            },
        }
        self.app.add_url_rule("/v2/user/me", "me", self._me)

    def _me(self):
        account = self.bearer_account()
        if account is None:
            return jsonify(msg="this access token does not exist", code=-401), 401
        return jsonify(account)


class FakeGitHub(FakeProvider):
    """github.com and api.github.com (under /api) in one server.

    ``account`` is the /user JSON; ``emails`` the /user/emails list.
    """

    authorize_path = "/login/oauth/authorize"
    token_path = "/login/oauth/access_token"

    def __init__(self):
        super().__init__()
        self.account = {
            "id": 583231,
            "login": "octo-tea",
            "name": "Octo Tea",
            "avatar_url": "https://avatars.githubusercontent.com/u/583231?v=4",
            "email": None,
        }
        self.emails = [
            {"email": "old@example.com", "primary": False, "verified": True, "visibility": None},
            {"email": "octo@example.com", "primary": True, "verified": True, "visibility": "private"},
        ]
        self.app.add_url_rule("/api/user", "user", self._user)
        self.app.add_url_rule("/api/user/emails", "emails", self._emails)

    @property
    def api_url(self):
        return self.url + "/api"

    def _token(self):
        # GitHub answers form-encoded unless asked for JSON, and reports errors with 200.
        if "application/json" not in request.headers.get("Accept", ""):
            return "error=unsupported_accept", 200, {"Content-Type": "application/x-www-form-urlencoded"}
        return super()._token()

    def token_response(self, access_token, grant):
        return jsonify(access_token=access_token, token_type="bearer", scope="read:user,user:email")

    def token_error_response(self):
        return jsonify(error=self.token_error, error_description="The code is wrong.")

    def _user(self):
        account = self.bearer_account()
        if account is None:
            return jsonify(message="Bad credentials"), 401
        return jsonify(account)

    def _emails(self):
        if self.bearer_account() is None:
            return jsonify(message="Bad credentials"), 401
        return jsonify(self.emails)


class FakeGoogle(FakeProvider):
    """An OpenID Connect provider: discovery, JWKS and RS256-signed ID tokens.

    ``account`` holds the ID token's user claims. ``id_token_fault`` may be
    "bad_signature" (signed by a stranger's key with our key id) or "bad_nonce".
    """

    def __init__(self):
        super().__init__()
        self.account = {
            "sub": "109876543210987654321",
            "email": "leaf@example.com",
            "email_verified": True,
            "name": "Leaf Green",
            "picture": "https://lh3.googleusercontent.com/a/leaf=s96-c",
        }
        self.id_token_fault = None
        self.key = RSAKey.generate_key(2048, parameters={"kid": "fake-google-1", "use": "sig"})
        self.app.add_url_rule("/.well-known/openid-configuration", "discovery", self._discovery)
        self.app.add_url_rule("/jwks", "jwks", self._jwks)

    @property
    def discovery_url(self):
        return self.url + "/.well-known/openid-configuration"

    def _discovery(self):
        base = self.url
        return jsonify(
            issuer=base,
            authorization_endpoint=base + self.authorize_path,
            token_endpoint=base + self.token_path,
            jwks_uri=base + "/jwks",
            response_types_supported=["code"],
            subject_types_supported=["public"],
            id_token_signing_alg_values_supported=["RS256"],
            token_endpoint_auth_methods_supported=["client_secret_post", "client_secret_basic"],
        )

    def _jwks(self):
        return jsonify(KeySet([self.key]).as_dict(private=False))

    def _client_authenticated(self):
        auth = request.authorization
        if auth is not None:
            return auth.username == CLIENT_ID and auth.password == self.client_secret
        return super()._client_authenticated()

    def token_response(self, access_token, grant):
        now = int(time.time())
        claims = {
            "iss": self.url,
            "aud": CLIENT_ID,
            "azp": CLIENT_ID,
            "iat": now,
            "exp": now + 3600,
            "nonce": grant["nonce"],
            "at_hash": _at_hash(access_token),
            **grant["account"],
        }
        key = self.key
        if self.id_token_fault == "bad_signature":
            key = RSAKey.generate_key(2048, parameters={"kid": "fake-google-1"})
        elif self.id_token_fault == "bad_nonce":
            claims["nonce"] = "not-the-nonce-we-were-given"
        id_token = jwt.encode({"alg": "RS256", "kid": "fake-google-1"}, claims, key)
        return jsonify(
            access_token=access_token,
            token_type="Bearer",
            expires_in=3599,
            scope="openid email profile",
            id_token=id_token,
        )


def _at_hash(access_token):
    digest = hashlib.sha256(access_token.encode()).digest()
    return base64.urlsafe_b64encode(digest[: len(digest) // 2]).rstrip(b"=").decode()


def visit_provider(start_response):
    """Follow our redirect to the fake provider over HTTP; return its redirect back to us.

    Returns the path and query of the app's callback URL.
    """
    assert start_response.status_code == 302, start_response.status_code
    answer = requests.get(start_response.location, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, (answer.status_code, answer.text)
    back = urlsplit(answer.headers["Location"])
    return f"{back.path}?{back.query}"


def sign_in(client, start_url):
    """Run the whole authorization-code round trip; return the app's callback response."""
    callback = visit_provider(client.get(start_url))
    return client.get(callback)
