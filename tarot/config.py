"""Settings read from the environment (README.md, "Settings", lists them)."""

import os
import re
import secrets
import tempfile
from pathlib import Path
from urllib.parse import urlsplit

PROJECT_ROOT = Path(__file__).resolve().parent.parent

PROVIDERS = ("kakao", "github", "google")
ENVIRONMENTS = ("development", "production")
SECRET_KEY_MIN = 32
# A host name as URLs carry it (lower case; no IPv6 literals).
HOSTNAME = re.compile(r"[a-z0-9]([a-z0-9.-]{0,251}[a-z0-9])?")
KEY_ADVICE = "a long random string (python -c 'import secrets; print(secrets.token_hex(32))')"


class ConfigError(RuntimeError):
    """Raised when the environment cannot make a safe configuration."""


def _flag(value, default=False):
    if value is None or value == "":
        return default
    return value.strip().lower() in ("1", "true", "yes", "on")


def _int(env, name, default):
    raw = env.get(name)
    if raw in (None, ""):
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ConfigError(f"{name} must be a whole number, got {raw!r}") from exc


def _instance_secret(instance_path):
    """Return the development secret kept in the instance folder, creating it once."""
    path = Path(instance_path) / "secret_key"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w") as fh:
            fh.write(secrets.token_hex(32))
    return path.read_text().strip()


def _database_url(env, instance_path):
    url = env.get("DATABASE_URL")
    if not url:
        return "sqlite:///" + str(Path(instance_path) / "tarot.sqlite")
    if url.startswith("mysql://"):
        url = "mysql+pymysql://" + url[len("mysql://"):]
    if url.startswith("mysql+pymysql://") and "charset=" not in url:
        url += ("&" if "?" in url else "?") + "charset=utf8mb4"
    return url


def _environment_name(env):
    """TAROT_ENV: development (also when unset) or production; anything else is refused."""
    raw = env.get("TAROT_ENV") or ""
    name = raw.strip().lower() or "development"
    if name not in ENVIRONMENTS:
        # A typo such as "prod" must not quietly run in development mode with demo sign-in.
        raise ConfigError(f"TAROT_ENV must be development or production, got {raw!r}")
    return name


def _secret_key(env, production):
    """SECRET_KEY from the environment; production refuses none, or a short one."""
    secret = env.get("SECRET_KEY")
    if production and not secret:
        raise ConfigError(f"TAROT_ENV=production needs SECRET_KEY: set it to {KEY_ADVICE}.")
    if production and len(secret) < SECRET_KEY_MIN:
        raise ConfigError(
            f"SECRET_KEY must be at least {SECRET_KEY_MIN} characters in production, got "
            f"{len(secret)}: set it to {KEY_ADVICE}."
        )
    return secret


def _public_url(env, production):
    """TAROT_PUBLIC_URL as a bare origin (scheme, host, port), or None in development.

    Absolute URLs (Open Graph, canonical, the OAuth callback) are built from it, never from
    the request's Host header; production requires it, and it must be https there.
    """
    raw = (env.get("TAROT_PUBLIC_URL") or "").strip()
    if not raw:
        if production:
            raise ConfigError("TAROT_ENV=production needs TAROT_PUBLIC_URL: the site's address, "
                              "e.g. https://tarotmilktea.example")
        return None
    parts = urlsplit(raw)
    schemes = ("https",) if production else ("https", "http")
    try:
        port = parts.port
    except ValueError:
        port = -1
    if (parts.scheme not in schemes or not HOSTNAME.fullmatch(parts.hostname or "") or port == -1
            or parts.username or parts.password or parts.path not in ("", "/") or parts.query
            or parts.fragment):
        kind = "an https" if production else "an http(s)"
        raise ConfigError(f"TAROT_PUBLIC_URL must be {kind} origin without a path, such as "
                          f"https://tarotmilktea.example, got {raw!r}")
    return f"{parts.scheme}://{parts.hostname}" + (f":{port}" if port else "")


def check_environment(env=None):
    """Raise ConfigError for settings the app cannot start with; nothing is written.

    gunicorn.conf.py calls it in the master, before any worker starts.
    """
    with tempfile.TemporaryDirectory() as scratch:  # where a development secret would go
        load_settings(scratch, env)


def load_settings(instance_path, env=None):
    """Build the Flask config mapping from environment variables.

    ``env`` defaults to ``os.environ``; tests pass their own mapping. A setting that
    cannot make a safe configuration raises ConfigError with a one-line reason.
    """
    env = os.environ if env is None else env
    tarot_env = _environment_name(env)
    production = tarot_env == "production"
    settings = {}
    settings.update(_site_settings(env, instance_path, tarot_env, production))
    settings.update(_gemini_settings(env))
    settings.update(_sign_in_settings(env, production))
    settings.update(_map_settings(env))
    settings.update(_reading_settings(env))
    settings.update(_shared_store_settings(env, instance_path))
    settings.update(_share_settings(env, instance_path))
    return settings


def _site_settings(env, instance_path, tarot_env, production):
    """The environment, secrets, database, cookies and languages."""
    return {
        "TAROT_ENV": tarot_env,
        "PRODUCTION": production,
        "SECRET_KEY": _secret_key(env, production) or _instance_secret(instance_path),
        "PUBLIC_URL": _public_url(env, production),
        "SQLALCHEMY_DATABASE_URI": _database_url(env, instance_path),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True, "pool_recycle": 280},
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": production,
        "REMEMBER_COOKIE_HTTPONLY": True,
        "REMEMBER_COOKIE_SAMESITE": "Lax",
        "REMEMBER_COOKIE_SECURE": production,
        "PREFERRED_URL_SCHEME": "https" if production else "http",
        "MAX_CONTENT_LENGTH": 64 * 1024,
        "WTF_CSRF_TIME_LIMIT": None,
        "WTF_CSRF_SSL_STRICT": production,
        "BABEL_DEFAULT_LOCALE": "ko",
        "BABEL_DEFAULT_TIMEZONE": "Asia/Seoul",
        "LANGUAGES": ("ko", "en"),  # catalogues in tarot/translations
        "PROXY_COUNT": _int(env, "TAROT_PROXY_COUNT", 0),
        "CONTACT_EMAIL": env.get("TAROT_CONTACT_EMAIL") or None,
        "DECK_PATH": env.get("TAROT_DECK_PATH") or str(PROJECT_ROOT / "seed" / "cards.yaml"),
    }


def _gemini_settings(env):
    return {
        "GEMINI_API_KEY": env.get("GEMINI_API_KEY") or None,
        "GEMINI_MODEL": env.get("GEMINI_MODEL") or "gemini-2.5-flash",
        "GEMINI_BASE_URL": env.get("GEMINI_BASE_URL") or None,
        "GEMINI_TIMEOUT": _int(env, "GEMINI_TIMEOUT", 60),
        "GEMINI_THINKING_BUDGET": _int(env, "GEMINI_THINKING_BUDGET", None),
    }


def _sign_in_settings(env, production):
    """OAuth providers (a provider is on when its client id is set) and the demo sign-in."""
    providers = [p for p in PROVIDERS if env.get(f"{p.upper()}_CLIENT_ID")]
    demo_default = not providers and not production
    settings = {
        "OAUTH_PROVIDERS": providers,
        "DEMO_LOGIN": _flag(env.get("TAROT_DEMO_LOGIN"), demo_default) and not production,
        "KAKAO_AUTH_URL": env.get("KAKAO_AUTH_URL") or "https://kauth.kakao.com",
        "KAKAO_API_URL": env.get("KAKAO_API_URL") or "https://kapi.kakao.com",
        "GITHUB_URL": env.get("GITHUB_URL") or "https://github.com",
        "GITHUB_API_URL": env.get("GITHUB_API_URL") or "https://api.github.com",
        "GOOGLE_DISCOVERY_URL": env.get("GOOGLE_DISCOVERY_URL")
        or "https://accounts.google.com/.well-known/openid-configuration",
    }
    for provider in PROVIDERS:
        key = provider.upper()
        settings[f"{key}_CLIENT_ID"] = env.get(f"{key}_CLIENT_ID") or None
        settings[f"{key}_CLIENT_SECRET"] = env.get(f"{key}_CLIENT_SECRET") or None
    return settings


def _map_settings(env):
    return {
        # One Kakao app key for the Maps SDK and the share button; the old name still works.
        "KAKAO_JS_KEY": env.get("KAKAO_JS_KEY") or env.get("KAKAO_MAP_JS_KEY") or None,
        "KAKAO_REST_API_KEY": env.get("KAKAO_REST_API_KEY") or None,
        "KAKAO_LOCAL_URL": env.get("KAKAO_LOCAL_URL") or "https://dapi.kakao.com",
        "OVERPASS_URL": env.get("OVERPASS_URL") or "https://overpass-api.de/api/interpreter",
        "MAP_TILE_URL": env.get("MAP_TILE_URL") or "https://tile.openstreetmap.org/{z}/{x}/{y}.png",
        "OUTBOUND_TIMEOUT": _int(env, "OUTBOUND_TIMEOUT", 8),
    }


def _reading_settings(env):
    return {
        "READING_LEASE_SECONDS": _int(env, "READING_LEASE_SECONDS", 30),
        "READING_JOB_THREADS": _int(env, "READING_JOB_THREADS", 32),
        "READING_RATE_LIMIT": env.get("READING_RATE_LIMIT") or "20 per minute",
        "READINGS_PER_DAY": _int(env, "READINGS_PER_DAY", 10),
        "READING_RETRIES": _int(env, "READING_RETRIES", 3),
        "RETENTION_DAYS": _int(env, "RETENTION_DAYS", 30),
        "EXPORT_RATE_LIMIT": env.get("EXPORT_RATE_LIMIT") or "10 per hour",
    }


def _share_settings(env, instance_path):
    """Share links: how many one client may make, and where share images are kept."""
    return {
        "SHARE_RATE_LIMIT": env.get("SHARE_RATE_LIMIT") or "30 per hour",
        "SHARE_IMAGE_DIR": env.get("TAROT_SHARE_IMAGE_DIR")
        or str(Path(instance_path) / "share-images"),
    }


def _shared_store_settings(env, instance_path):
    """Rate-limit storage and cache: Redis when REDIS_URL is set, else this host's own."""
    redis_url = env.get("REDIS_URL") or None
    prefix = env.get("REDIS_KEY_PREFIX") or "tarot"
    settings = {
        "REDIS_URL": redis_url,
        "REDIS_KEY_PREFIX": prefix,
        # Without Redis the counts live in a SQLite file every worker of this host shares.
        "RATELIMIT_STORAGE_URI": redis_url or "tarot-sqlite://" + (
            env.get("TAROT_RATELIMIT_PATH") or str(Path(instance_path) / "ratelimits.sqlite")
        ),
        "RATELIMIT_KEY_PREFIX": prefix,
        "CACHE_KEY_PREFIX": prefix + ":",
        "CACHE_TYPE": "RedisCache" if redis_url else "SimpleCache",
        "CACHE_DEFAULT_TIMEOUT": 300,
    }
    if redis_url:
        settings["CACHE_REDIS_URL"] = redis_url
    return settings
