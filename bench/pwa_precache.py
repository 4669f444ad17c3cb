#!/usr/bin/env python3
"""How much the service worker stores on install: every precached URL, summed.

    python bench/pwa_precache.py

Runs the app in-process (temporary SQLite), reads the precache list from /sw.js and fetches
each URL. Prints bytes as stored (uncompressed) and as sent with gzip (text only, level 6
like nginx's default), by group.
"""
import gzip
import json
import os
import re
import sys
import tempfile
from urllib.parse import urlsplit

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from tarot import create_app  # noqa: E402

TEXT_TYPES = ("text/", "application/javascript", "image/svg+xml", "application/json")


def group_of(path):
    if path.startswith("/guide"):
        return "guide pages"
    if path.startswith("/static/cards/"):
        return "card art"
    if path == "/offline":
        return "offline page"
    return "app shell"


def main():
    with tempfile.TemporaryDirectory() as tmp:
        app = create_app({
            "SQLALCHEMY_DATABASE_URI": "sqlite:///" + os.path.join(tmp, "bench.sqlite"),
            "SECRET_KEY": "bench",
        })
        client = app.test_client()
        script = client.get("/sw.js").get_data(as_text=True)
        urls = json.loads(re.search(r"^const PRECACHE_URLS = (.*);$", script, re.M).group(1))
        groups = {}
        for url in urls:
            parts = urlsplit(url)
            response = client.get(parts.path, query_string=parts.query)
            assert response.status_code == 200, (url, response.status_code)
            body = response.get_data()
            sent = len(gzip.compress(body, 6)) if response.mimetype.startswith(TEXT_TYPES) else len(body)
            count, raw, wire = groups.get(group_of(parts.path), (0, 0, 0))
            groups[group_of(parts.path)] = (count + 1, raw + len(body), wire + sent)
    print(f"{'group':<14}{'files':>6}{'stored':>12}{'gzip':>12}")
    for name, (count, raw, wire) in sorted(groups.items()):
        print(f"{name:<14}{count:>6}{raw:>12,}{wire:>12,}")
    count, raw, wire = (sum(v[i] for v in groups.values()) for i in range(3))
    print(f"{'total':<14}{count:>6}{raw:>12,}{wire:>12,}")


if __name__ == "__main__":
    main()
