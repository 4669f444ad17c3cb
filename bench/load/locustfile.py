"""Visitors of Tarot Milk Tea for locust: guide browsers, and readers who sign in to the
demo account, ask for a reading, and poll its answer like htmx does until it is written.

Each simulated visitor has its own address (X-Forwarded-For, with TAROT_PROXY_COUNT=1 as
behind nginx), so per-address limits apply per visitor. A reading that ends failed, or is
not written within READING_DEADLINE seconds, is reported as a failed "reading finished"
request; a finished one as a successful one, its time being the whole wait.

Run through bench/load/run.py, which starts the fake Gemini and gunicorn around it.
"""

import json
import os
import random
import re
import time

from locust import between, events, task
from locust.contrib.fasthttp import FastHttpUser

TOKEN = re.compile(r'name="csrf_token" value="([^"]+)"')
# The answer partial's hx-trigger: "load" (at once) or "load delay:<n>ms"; none when finished.
POLLING = re.compile(r'hx-trigger="load(?: delay:(\d+)ms)?"')
READING_DEADLINE = 90
CARDS = ["the-fool", "the-magician", "the-lovers", "wheel-of-fortune", "the-star", "ace-of-cups",
         "queen-of-swords", "ten-of-pentacles", "knight-of-wands", "the-moon"]
TOPICS = ["love", "money", "work", "study", "health", "today", "newyear"]
HX = {"HX-Request": "true"}


SAMPLES = {"pages": [], "polls": []}


@events.request.add_listener
def _record(request_type, name, response_time, **_):
    if request_type != "READING":
        SAMPLES["polls" if name.endswith("/answer") else "pages"].append(response_time)


@events.quitting.add_listener
def _write_summary(environment, **_):
    """p50/p95/p99 of pages and of answer polls, apart (LOAD_SUMMARY names the JSON file)."""
    path = os.environ.get("LOAD_SUMMARY")
    if not path:
        return
    summary = {}
    for bucket, times in SAMPLES.items():
        times = sorted(times)
        summary[bucket] = {"requests": len(times), **{
            f"p{q}": round(times[min(len(times) - 1, int(len(times) * q / 100))]) if times else None
            for q in (50, 95, 99)
        }}
    with open(path, "w") as fh:
        json.dump(summary, fh)


def _address():
    return f"10.{random.randint(0, 255)}.{random.randint(0, 255)}.{random.randint(1, 254)}"


class Visitor(FastHttpUser):
    abstract = True
    wait_time = between(1, 4)

    def on_start(self):
        self.headers = {"X-Forwarded-For": _address()}

    def get(self, path, name=None, **kwargs):
        return self.client.get(path, name=name or path, headers={**self.headers, **kwargs.pop("headers", {})}, **kwargs)

    def post(self, path, data, name=None, **kwargs):
        return self.client.post(path, data=data, name=name or path,
                                headers={**self.headers, **kwargs.pop("headers", {})}, **kwargs)

    def browse(self):
        self.get("/guide")
        self.get(f"/guide/cards/{random.choice(CARDS)}", name="/guide/cards/[slug]")


class GuideBrowser(Visitor):
    """Reads the home page, the guide and the map without signing in."""

    weight = 1

    @task(3)
    def guide(self):
        self.browse()

    @task(1)
    def home(self):
        self.get("/")

    @task(1)
    def map_page(self):
        self.get("/map")


class Reader(Visitor):
    """Signs in to the demo account, asks for readings and polls them to the end."""

    weight = 1

    def on_start(self):
        super().on_start()
        page = self.get("/login", name="/login")
        token = TOKEN.search(page.text or "")
        with self.client.post("/login/demo", data={"next": "/", "csrf_token": token.group(1) if token else ""},
                              headers=self.headers, name="/login/demo", allow_redirects=False,
                              catch_response=True) as response:
            if response.status_code != 302:
                response.failure(f"demo sign-in answered {response.status_code}")
                self.stop()  # a visitor who could not sign in does not go on to read

    @task(3)
    def reading(self):
        form = self.get("/reading", name="/reading (form)")
        token = TOKEN.search(form.text or "")
        if not token:
            return
        data = {"csrf_token": token.group(1)}
        self.post("/reading/deal", data, headers=HX)
        for slot in random.sample(range(30), 5):
            self.post("/reading/pick", {**data, "slot": slot}, headers=HX)
        concern = random.choice(["그 사람 마음이 궁금해요", "이직해도 될까요?", "", "시험 잘 볼 수 있을까요?"])
        with self.client.post("/reading", data={**data, "topic": random.choice(TOPICS), "concern": concern},
                              headers=self.headers, name="/reading (create)", allow_redirects=False,
                              catch_response=True) as response:
            path = response.headers.get("Location", "")
            if response.status_code != 303 or not path.startswith("/reading/") or "signin" in path:
                response.failure(f"create answered {response.status_code} {path}")
                return
        self.wait_for_answer(path)

    def wait_for_answer(self, path):
        started = time.monotonic()
        body = self.get(path, name="/reading/[id]").text or ""
        outcome = "timeout"
        while time.monotonic() - started < READING_DEADLINE:
            polling = POLLING.search(body)
            if polling is None:
                outcome = "done" if "is-done" in body else "failed"
                break
            time.sleep(int(polling[1] or 0) / 1000)
            body = self.get(f"{path}/answer", name="/reading/[id]/answer", headers=HX).text or ""
        events.request.fire(
            request_type="READING", name="reading finished", response_time=(time.monotonic() - started) * 1000,
            response_length=0, exception=None if outcome == "done" else RuntimeError(f"reading {outcome}"),
            context={},
        )

    @task(1)
    def archive_and_guide(self):
        self.get("/archive")
        self.browse()
