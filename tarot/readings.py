"""A user's own readings, found by public id: the reading and archive views both ask here."""

from .extensions import db
from .models import Reading

# Built once: answer polls run it several times a second per reader.
_BY_PUBLIC_ID = db.select(Reading).where(Reading.public_id == db.bindparam("public_id"))


def get_owned(public_id, user):
    """The user's reading with this public id, or None (also when it is someone else's)."""
    reading = db.session.execute(_BY_PUBLIC_ID, {"public_id": public_id}).scalar_one_or_none()
    if reading is None or not user.is_authenticated or reading.user_id != user.id:
        return None
    return reading
