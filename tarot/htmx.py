"""htmx requests: which of them ask for a fragment of a page rather than the whole page."""

from flask import request


def wants_fragment():
    """True for an htmx request that swaps a part of the page it came from.

    Boosted links and forms load whole pages, and so does a history restore: when its
    history cache misses, htmx 2 asks for the page again with ``HX-Request`` set, and swaps
    the answer in as the whole body.
    """
    headers = request.headers
    return (
        headers.get("HX-Request") == "true"
        and headers.get("HX-Boosted") != "true"
        and headers.get("HX-History-Restore-Request") != "true"
    )
