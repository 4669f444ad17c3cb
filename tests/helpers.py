"""Small helpers shared by tests: users, readings, waiting for jobs (signing in: the auth
fixture in tests/conftest.py)."""

import time

from tarot.extensions import db
from tarot.models import Reading, User


def make_user(app, nickname="홍차밀크티12345", provider="demo", provider_user_id=None):
    """Create a user row and return its id."""
    with app.app_context():
        user = User(
            provider=provider,
            provider_user_id=provider_user_id or nickname,
            nickname=nickname,
        )
        db.session.add(user)
        db.session.commit()
        return user.id


def wait_for_reading(app, public_id, statuses=("done", "failed"), timeout=15.0, client=None):
    """Poll (through the answer URL when a client is given) until the reading finishes."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if client is not None:
            client.get(f"/reading/{public_id}/answer")
        with app.app_context():
            reading = db.session.execute(db.select(Reading).filter_by(public_id=public_id)).scalar_one()
            if reading.status in statuses:
                db.session.expunge(reading)
                return reading
        time.sleep(0.05)
    raise AssertionError(f"reading {public_id} did not reach {statuses} in {timeout}s")


HX = {"HX-Request": "true"}


def start_reading(client, topic="love", concern="그 사람 마음이 궁금해요", slots=range(5), token=None):
    """Shuffle, pick five and ask for the reading; return the response to the POST.

    ``token`` is the page's CSRF token, for apps with CSRF protection on.
    """
    extra = {"csrf_token": token} if token else {}
    client.post("/reading/deal", data=extra, headers=HX)
    for slot in slots:
        client.post("/reading/pick", data={"slot": slot, **extra}, headers=HX)
    return client.post("/reading", data={"topic": topic, "concern": concern, **extra})


def public_id_of(response):
    """The reading's public id from the 303 that created it."""
    assert response.status_code == 303, response.status_code
    return response.headers["Location"].rsplit("/", 1)[1]
