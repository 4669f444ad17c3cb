"""Security headers on every response."""

from flask import g

BASE_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "manifest-src": ["'self'"],
    "worker-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}


def allow(directive, *sources):
    """Let the current response's CSP allow extra sources (e.g. the map's tile host)."""
    extra = g.setdefault("csp_extra", {})
    extra.setdefault(directive, []).extend(sources)


def allow_popups():
    """Let the current page open pop-ups that keep their opener (the Kakao share picker):
    Cross-Origin-Opener-Policy ``same-origin-allow-popups`` instead of ``same-origin``."""
    g.opener_policy = "same-origin-allow-popups"


def content_security_policy(extra=None):
    policy = {k: list(v) for k, v in BASE_POLICY.items()}
    for directive, sources in (extra or {}).items():
        policy.setdefault(directive, [])
        policy[directive].extend(s for s in sources if s not in policy[directive])
    return "; ".join(f"{k} {' '.join(v)}" for k, v in policy.items())


def init_app(app):
    @app.after_request
    def set_security_headers(response):
        headers = response.headers
        headers.setdefault("Content-Security-Policy", content_security_policy(g.get("csp_extra")))
        headers.setdefault("X-Content-Type-Options", "nosniff")
        headers.setdefault("Referrer-Policy", "strict-origin-when-cross-origin")
        headers.setdefault("X-Frame-Options", "DENY")
        headers.setdefault("Permissions-Policy", "camera=(), microphone=(), geolocation=(self)")
        headers.setdefault("Cross-Origin-Opener-Policy", g.get("opener_policy", "same-origin"))
        if app.config["PRODUCTION"]:
            headers.setdefault("Strict-Transport-Security", "max-age=31536000; includeSubDomains")
        return response
