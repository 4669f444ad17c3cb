"""OAuth clients for Kakao, GitHub and Google, and the profile each one hands back.

Each app gets its own Authlib registry (not a process-wide one): the clients are built from
that app's settings, so two apps in one process (tests) never share endpoints or metadata.
The registry is built, and Authlib with requests and cryptography imported (about 16 MB),
when a worker first starts or finishes a sign-in with a provider: most requests never need
them (bench/README.md, "Worker memory").
"""

import threading
from dataclasses import dataclass
from urllib.parse import urlsplit

from flask import current_app

from ..config import HOSTNAME, PROVIDERS

REGISTRY_KEY = "tarot.oauth"
AVATAR_URL_MAX = 500
EMAIL_MAX = 320
PROVIDER_USER_ID_MAX = 191
GITHUB_ACCEPT = {"Accept": "application/vnd.github+json"}


class ProviderError(Exception):
    """The provider answered, but not with something we can sign a user in with."""


_registry_lock = threading.Lock()


def sign_in_errors():
    """Everything that can go wrong between the callback and a usable profile."""
    import requests
    from authlib.common.errors import AuthlibBaseError
    from joserfc.errors import JoseError

    return (AuthlibBaseError, JoseError, requests.RequestException, ProviderError, ValueError)


@dataclass(frozen=True)
class Profile:
    """Who the provider says signed in. Only ``provider_user_id`` is required."""

    provider: str
    provider_user_id: str
    nickname: str | None = None
    avatar_url: str | None = None
    email: str | None = None


def init_app(app):
    """Note every provider whose client id is set; their clients are registered on first use."""
    names = [name for name in PROVIDERS if app.config.get(f"{name.upper()}_CLIENT_ID")]
    app.extensions[REGISTRY_KEY] = {"registry": None, "providers": names}


def _registry():
    """The app's Authlib registry with a client for every configured provider."""
    state = current_app.extensions[REGISTRY_KEY]
    with _registry_lock:
        if state["registry"] is None:
            from authlib.integrations.flask_client import OAuth

            app = current_app._get_current_object()
            registry = OAuth(app)
            for name in state["providers"]:
                registry.register(name, **_client_settings(name, app.config))
            state["registry"] = registry
    return state["registry"]


def _client_settings(name, config):
    key = name.upper()
    secret = config.get(f"{key}_CLIENT_SECRET")
    client_kwargs = {"default_timeout": config["OUTBOUND_TIMEOUT"]}
    settings = {"client_id": config[f"{key}_CLIENT_ID"], "client_secret": secret}
    if name == "kakao":
        base = config["KAKAO_AUTH_URL"].rstrip("/")
        settings["authorize_url"] = base + "/oauth/authorize"
        settings["access_token_url"] = base + "/oauth/token"
        # Kakao's client secret is optional; without one only the client id is sent.
        client_kwargs["token_endpoint_auth_method"] = "client_secret_post" if secret else "none"
    elif name == "github":
        base = config["GITHUB_URL"].rstrip("/")
        settings["authorize_url"] = base + "/login/oauth/authorize"
        settings["access_token_url"] = base + "/login/oauth/access_token"
        client_kwargs["scope"] = "read:user user:email"
        client_kwargs["token_endpoint_auth_method"] = "client_secret_post"  # noqa: S105 - a method name
    else:
        settings["server_metadata_url"] = config["GOOGLE_DISCOVERY_URL"]
        client_kwargs["scope"] = "openid email profile"
    settings["client_kwargs"] = client_kwargs
    return settings


def enabled_providers():
    """Names of the configured providers, in the order the sign-in page shows them."""
    return list(current_app.extensions[REGISTRY_KEY]["providers"])


def client(name):
    """The app's OAuth client for ``name``, or None when that provider is not configured."""
    if name not in enabled_providers():
        return None
    return _registry().create_client(name)


def authorized_profile(name):
    """Finish the authorization-code flow on the callback request and read the profile.

    Raises one of SIGN_IN_ERRORS when the provider refuses, the state does not match,
    a call fails or times out, or the answer is unusable.
    """
    oauth_client = client(name)
    token = oauth_client.authorize_access_token()
    return PROFILE_READERS[name](oauth_client, token)


def _kakao_profile(oauth_client, token):
    response = oauth_client.get(_api_url("KAKAO_API_URL", "/v2/user/me"), token=token)
    data = _json_object(response)
    account = _object(data.get("kakao_account"))
    profile = _object(account.get("profile"))
    avatar = None if profile.get("is_default_image") else profile.get("profile_image_url")
    email = account.get("email")
    if account.get("is_email_valid") is False or account.get("is_email_verified") is False:
        email = None
    return Profile(
        provider="kakao",
        provider_user_id=_user_id(data.get("id")),
        nickname=_text(profile.get("nickname")),
        avatar_url=_avatar_url(avatar),
        email=_email(email),
    )


def _github_profile(oauth_client, token):
    response = oauth_client.get(_api_url("GITHUB_API_URL", "/user"), token=token, headers=GITHUB_ACCEPT)
    data = _json_object(response)
    email = data.get("email") or _github_primary_email(oauth_client, token)
    return Profile(
        provider="github",
        provider_user_id=_user_id(data.get("id")),
        nickname=_text(data.get("name")) or _text(data.get("login")),
        avatar_url=_avatar_url(data.get("avatar_url")),
        email=_email(email),
    )


def _github_primary_email(oauth_client, token):
    """The primary verified address when /user hides a private one; None if unavailable."""
    try:
        response = oauth_client.get(
            _api_url("GITHUB_API_URL", "/user/emails"), token=token, headers=GITHUB_ACCEPT
        )
        response.raise_for_status()
        emails = response.json()
    except (_requests().RequestException, ValueError):
        current_app.logger.info("github: no e-mail list; signing in without an e-mail")
        return None
    for entry in emails if isinstance(emails, list) else []:
        if isinstance(entry, dict) and entry.get("primary") and entry.get("verified"):
            return entry.get("email")
    return None


def _google_profile(oauth_client, token):
    # Authlib has already checked the ID token's signature, issuer, audience, expiry and nonce.
    claims = token.get("userinfo")
    if not claims:
        raise ProviderError("google: the token response has no ID token")
    email = claims.get("email") if claims.get("email_verified") else None
    return Profile(
        provider="google",
        provider_user_id=_user_id(claims.get("sub")),
        nickname=_text(claims.get("name")),
        avatar_url=_avatar_url(claims.get("picture")),
        email=_email(email),
    )


PROFILE_READERS = {"kakao": _kakao_profile, "github": _github_profile, "google": _google_profile}


def _requests():
    import requests

    return requests


def _api_url(setting, path):
    return current_app.config[setting].rstrip("/") + path


def _json_object(response):
    response.raise_for_status()
    data = response.json()
    if not isinstance(data, dict):
        raise ProviderError("the profile is not a JSON object")
    return data


def _object(value):
    return value if isinstance(value, dict) else {}


def _text(value):
    return value if isinstance(value, str) and value.strip() else None


def _user_id(value):
    if isinstance(value, bool) or not isinstance(value, (int, str)):
        raise ProviderError("the profile has no user id")
    text = str(value).strip()
    if not text or len(text) > PROVIDER_USER_ID_MAX:
        raise ProviderError("the profile's user id is empty or too long")
    return text


def _avatar_url(value):
    """An http(s) image URL that fits the column, else None (our default avatar)."""
    if not isinstance(value, str) or len(value) > AVATAR_URL_MAX:
        return None
    value = value.strip()
    if any(ch.isspace() or ch in "\"'<>\\" for ch in value):
        return None
    parts = urlsplit(value)
    try:
        parts.port  # noqa: B018 - raises ValueError for a malformed port
    except ValueError:
        return None
    if (
        parts.scheme not in ("http", "https")
        or not HOSTNAME.fullmatch(parts.hostname or "")
        or parts.username is not None
    ):
        return None
    return value


def _email(value):
    if not isinstance(value, str):
        return None
    value = value.strip()
    if "@" not in value or len(value) > EMAIL_MAX or any(ch.isspace() for ch in value):
        return None
    return value


def avatar_origin(url):
    """``scheme://host[:port]`` of an avatar URL, for the page's Content-Security-Policy."""
    parts = urlsplit(url)
    port = f":{parts.port}" if parts.port else ""
    return f"{parts.scheme}://{parts.hostname}{port}"

