"""Every route of the app, and how the reliability tests exercise it.

One entry per (endpoint, method) of ``app.url_map``. The tests that use this table fail
when a route has no entry, so a new route cannot be forgotten: add it here with

- ``path``: the URL with ``{id}`` standing for the owner's reading public id and ``{share}``
  for the token of a share link of that reading (``concrete()`` fills both in);
- ``params``: the query (GET) or form (POST) fields the view reads, which the hostile-input
  test fills with arbitrary text;
- ``path_params``: the URL's variable parts, which the hostile-input test also fuzzes;
- ``anon``, ``owner``, ``other``: what a visitor who is not signed in, the signed-in owner of
  the reading, and another signed-in user get. An int is the status code; ``LOGIN`` is a
  redirect to the sign-in page;
- ``stores``: whether a request may change stored rows at all (sign-in, logout, a rename,
  a deletion). A route with ``stores=False`` must never change the database, whatever it is
  sent; one with ``stores=True`` may only when it accepts the request (status below 400,
  and for hostile input never when it refuses).
"""

from dataclasses import dataclass, field

LOGIN = "login"


@dataclass(frozen=True)
class Route:
    path: str
    params: tuple = ()
    path_params: dict = field(default_factory=dict)
    anon: object = 200
    owner: object = 200
    other: object = 200
    stores: bool = False
    data: dict = field(default_factory=dict)  # what the access test sends


ROUTES = {
    ("main.home", "GET"): Route("/"),
    ("main.healthz", "GET"): Route("/healthz"),
    # The language switch sets a cookie only; the account's language is saved on My page.
    ("main.choose_language", "GET"): Route(
        "/lang/en", params=("next",), path_params={"code": "/lang/{}"},
        anon=303, owner=303, other=303,
    ),
    ("guide.index", "GET"): Route("/guide", params=("q",)),
    ("guide.card", "GET"): Route(
        "/guide/cards/the-fool", path_params={"slug": "/guide/cards/{}"}
    ),
    ("auth.login", "GET"): Route("/login", params=("next",), owner=302, other=302),
    # No OAuth provider is configured in these tests: their URLs are 404 for everyone
    # (tests/test_auth_oauth.py covers them with fake providers).
    ("auth.start", "GET"): Route(
        "/login/kakao", params=("next",), path_params={"provider": "/login/{}"},
        anon=404, owner=404, other=404,
    ),
    ("auth.callback", "GET"): Route(
        "/auth/kakao/callback", params=("code", "state", "error"),
        path_params={"provider": "/auth/{}/callback"}, anon=404, owner=404, other=404,
    ),
    ("auth.demo", "POST"): Route(
        "/login/demo", params=("next",), anon=302, owner=302, other=302, stores=True
    ),
    ("auth.logout", "POST"): Route("/logout", anon=302, owner=302, other=302, stores=True),
    ("auth.me", "GET"): Route("/me", anon=LOGIN),
    ("auth.me", "POST"): Route(
        "/me", params=("nickname",), anon=LOGIN, owner=303, other=303, stores=True,
        data={"nickname": "새 닉네임"},
    ),
    ("auth.set_language", "POST"): Route(
        "/me/language", params=("locale",), anon=LOGIN, owner=303, other=303, stores=True,
        data={"locale": "en"},
    ),
    ("auth.delete_account", "POST"): Route(
        "/me/delete", params=("confirm",), anon=LOGIN, owner=303, other=303, stores=True,
        data={"confirm": "yes"},
    ),
    ("auth.privacy", "GET"): Route("/privacy"),
    ("auth.terms", "GET"): Route("/terms"),
    ("reading.new", "GET"): Route("/reading", params=("topic", "concern", "spread")),
    ("reading.signin", "GET"): Route(
        "/reading/signin", params=("topic", "concern"), anon=LOGIN, owner=LOGIN, other=LOGIN
    ),
    ("reading.deal", "POST"): Route(
        "/reading/deal", params=("topic", "concern", "spread"), anon=303, owner=303, other=303
    ),
    ("reading.pick", "POST"): Route(
        "/reading/pick", params=("slot", "topic", "concern", "spread"), anon=303, owner=303, other=303,
        data={"slot": "0"},
    ),
    # Without a complete deal in the session a signed-in user's form is refused (422).
    ("reading.create", "POST"): Route(
        "/reading", params=("topic", "concern", "deal_id", "spread"), anon=303, owner=422, other=422,
        stores=True, data={"topic": "love", "concern": "궁금해요"},
    ),
    # A reading of one's own deck (issue 20): signed-in users only; a form without cards is 422.
    ("reading.manual_form", "GET"): Route(
        "/reading/manual", params=("spread", "topic", "concern", "card", "reversed", "form_id"),
        anon=LOGIN,
    ),
    ("reading.manual_create", "POST"): Route(
        "/reading/manual", params=("spread", "topic", "concern", "card", "reversed", "form_id"),
        anon=LOGIN, owner=422, other=422, stores=True, data={"topic": "love", "concern": "궁금해요"},
    ),
    ("reading.show", "GET"): Route(
        "/reading/{id}", path_params={"public_id": "/reading/{}"}, anon=LOGIN, other=404
    ),
    ("reading.answer", "GET"): Route(
        "/reading/{id}/answer", path_params={"public_id": "/reading/{}/answer"},
        anon=LOGIN, other=404,
    ),
    ("reading.save", "POST"): Route(
        "/reading/{id}/save", path_params={"public_id": "/reading/{}/save"},
        anon=LOGIN, owner=303, other=404, stores=True,
    ),
    ("reading.retry", "POST"): Route(
        "/reading/{id}/retry", path_params={"public_id": "/reading/{}/retry"},
        anon=LOGIN, owner=303, other=404, stores=True,
    ),
    # Follow-up questions (issue 22 item 1): only the owner asks, about a finished reading.
    ("reading.followups_part", "GET"): Route(
        "/reading/{id}/followups", path_params={"public_id": "/reading/{}/followups"},
        anon=LOGIN, other=404,
    ),
    ("reading.ask", "POST"): Route(
        "/reading/{id}/followups", params=("question",),
        path_params={"public_id": "/reading/{}/followups"},
        anon=LOGIN, owner=303, other=404, stores=True, data={"question": "그럼 언제쯤 연락하면 좋을까요?"},
    ),
    ("archive.index", "GET"): Route(
        "/archive", params=("topic", "cursor", "card", "mood", "q"), anon=LOGIN
    ),
    ("archive.confirm_delete", "GET"): Route(
        "/archive/{id}/delete", params=("topic", "card", "mood", "q"),
        path_params={"public_id": "/archive/{}/delete"}, anon=LOGIN, other=404,
    ),
    ("archive.delete", "POST"): Route(
        "/archive/{id}/delete", params=("topic", "card", "mood", "q"),
        path_params={"public_id": "/archive/{}/delete"},
        anon=LOGIN, owner=303, other=404, stores=True,
    ),
    # Sharing a reading (tarot/share/): only the owner lists, makes and revokes links; anyone
    # may open a link's page and image, and an unknown or revoked link is a 404 for everyone
    # (tests/test_share.py).
    ("share.links", "GET"): Route(
        "/reading/{id}/share", path_params={"public_id": "/reading/{}/share"},
        anon=LOGIN, owner=303, other=404,
    ),
    ("share.create", "POST"): Route(
        "/reading/{id}/share", params=("show_concern", "show_nickname", "indexable"),
        path_params={"public_id": "/reading/{}/share"}, anon=LOGIN, owner=303, other=404,
        stores=True, data={"show_concern": "1"},
    ),
    ("share.revoke", "POST"): Route(
        "/reading/{id}/share/{share}/revoke", path_params={"token": "/reading/{id}/share/{}/revoke"},
        anon=LOGIN, owner=303, other=404, stores=True,
    ),
    ("share.page", "GET"): Route("/s/{share}", path_params={"token": "/s/{}"}),
    ("share.image", "GET"): Route("/s/{share}/image.png", path_params={"token": "/s/{}/image.png"}),
    # The journal (issue 21): notes on saved readings, my cards, export. Only the owner
    # writes a note; the stats and the exports are the signed-in user's own.
    ("journal.save_note", "POST"): Route(
        "/reading/{id}/note", params=("note", "mood"),
        path_params={"public_id": "/reading/{}/note"},
        anon=LOGIN, owner=303, other=404, stores=True, data={"note": "연락이 왔어요", "mood": "calm"},
    ),
    ("journal.delete_note", "POST"): Route(
        "/reading/{id}/note/delete", path_params={"public_id": "/reading/{}/note/delete"},
        anon=LOGIN, owner=303, other=404, stores=True,
    ),
    ("journal.stats", "GET"): Route("/archive/stats", anon=LOGIN),
    ("journal.export_json", "GET"): Route("/archive/export.json", anon=LOGIN),
    ("journal.export_html", "GET"): Route("/archive/export.html", anon=LOGIN),
    ("map.page", "GET"): Route("/map"),
    ("map.shops", "GET"): Route(
        "/map/shops.json?lat=37.5563&lng=126.9236", params=("lat", "lng", "radius")
    ),
    # The card of the day (오늘의 카드, tarot/daily/): a visitor's card is in a sealed cookie
    # (nothing stored), a signed-in user's in daily_cards; the note is a signed-in user's.
    ("daily.page", "GET"): Route("/daily"),
    ("daily.draw", "POST"): Route("/daily/draw", anon=303, owner=303, other=303, stores=True),
    ("daily.note", "GET"): Route("/daily/note", anon=LOGIN),
    ("daily.retry_note", "POST"): Route(
        "/daily/note/retry", anon=LOGIN, owner=303, other=303, stores=True
    ),
    ("pwa.manifest", "GET"): Route("/manifest.webmanifest"),
    ("pwa.service_worker", "GET"): Route("/sw.js"),
    ("pwa.offline", "GET"): Route("/offline"),
    ("static", "GET"): Route(
        "/static/css/site.css", path_params={"filename": "/static/{}"}
    ),
}


def concrete(path, site):
    """``path`` with ``{id}`` and ``{share}`` replaced by the site's reading and share link."""
    return path.replace("{id}", site.reading).replace("{share}", site.share)


def rules_of(app):
    """The (endpoint, method) pairs the app answers, HEAD and OPTIONS aside."""
    return {
        (rule.endpoint, method)
        for rule in app.url_map.iter_rules()
        for method in rule.methods - {"HEAD", "OPTIONS"}
    }
