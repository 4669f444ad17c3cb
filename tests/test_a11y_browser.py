"""Accessibility in Chromium: axe-core on every page, a keyboard-only reading, visible focus,
the page language, the answer's live region and reduced motion.

axe-core is the npm package pinned in tests/a11y/package.json (see tests/a11y_support.py).
The site's CSP forbids inline scripts, so the axe runs use browser contexts with
``bypass_csp=True``; every other test here runs under the real CSP.
"""

import re
from datetime import timedelta

import pytest

from tarot.extensions import db
from tarot.models import Reading, utcnow
from tarot.spreads import POSITIONS
from tests.a11y_support import describe, pinned_axe_version, reveal_and_settle, run_axe
from tests.browser_support import console_errors, serve_app, sign_in_demo
from tests.site_tour import STOPS, tour

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
expect = sync_api.expect

SERIOUS = {"serious", "critical"}

# Where focus is now, and whether it is drawn: an outline of at least 2 px on the control, or
# a change of outline, box-shadow or border between focused and not (the guide's table rows
# and minor cards draw their own ring). A visually hidden radio is drawn by its label text.
FOCUS_STATE = """() => {
  const el = document.activeElement;
  if (!el || el === document.body) return null;
  const hidden = el.matches('input') && parseFloat(getComputedStyle(el).opacity) === 0;
  const drawn = (hidden ? el.nextElementSibling : el) || el;
  const nodes = [drawn, el.closest('tr, li')].filter(Boolean);
  const props = ['outlineStyle', 'outlineWidth', 'outlineColor', 'boxShadow',
                 'borderTopColor', 'borderBottomColor', 'borderLeftColor'];
  const settle = () => document.getAnimations().forEach((a) => {
    if (a.effect && a.effect.getComputedTiming().endTime !== Infinity) a.finish();
  });
  const snapshot = () => {
    settle();
    return nodes.map((n) => props.map((p) => getComputedStyle(n)[p]).join('|')).join('||');
  };
  const s = getComputedStyle(drawn);
  const ring = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 2
    && s.outlineColor !== 'rgba(0, 0, 0, 0)';
  const focused = snapshot();
  el.blur();
  const unfocused = snapshot();
  el.focus({preventScroll: true});
  const box = drawn.getBoundingClientRect();
  const label = (el.getAttribute('aria-label') || el.textContent || el.value || el.id || '')
    .trim().replace(/\\s+/g, ' ').slice(0, 40);
  return {
    key: el.tagName + '#' + el.id + '.' + el.className + ':' + label + ':' + (el.value || ''),
    what: el.tagName.toLowerCase() + (el.className ? '.' + String(el.className).split(' ')[0] : '') + ' "' + label + '"',
    visible: ring || focused !== unfocused,
    onScreen: box.width > 0 && box.height > 0 && box.bottom > 0 && box.right > 0
      && box.top < window.innerHeight && box.left < window.innerWidth,
  };
}"""


def focus_state(page):
    return page.evaluate(FOCUS_STATE)


def tab_to(page, matches, limit=60, backwards=False):
    """Press Tab (Shift+Tab backwards) until ``matches(state)``; every stop must show focus."""
    for _ in range(limit):
        page.keyboard.press("Shift+Tab" if backwards else "Tab")
        state = focus_state(page)
        if state is None:
            continue
        assert state["visible"], f"no visible focus on {state['what']}"
        if matches(state):
            return state
    raise AssertionError("focus never reached the control")


def test_axe_finds_no_serious_or_critical_violation_on_any_page(tour_site, browser):
    app, base = tour_site
    found, languages, visited = {}, {}, []
    for name, page in tour(browser, app, base, bypass_csp=True):
        visited.append(name)
        languages[name] = page.evaluate("() => document.documentElement.lang")
        reveal_and_settle(page)
        violations = run_axe(page)
        if name == "home":
            assert page.evaluate("() => axe.version") == pinned_axe_version()
        serious = [v for v in violations if v["impact"] in SERIOUS]
        if serious:
            found[name] = describe(serious)
    assert visited == STOPS
    assert found == {}, "\n".join(f"{name}: {line}" for name, lines in found.items() for line in lines)
    assert set(languages.values()) == {"ko"}, languages


def test_axe_would_catch_a_contrast_failure(tour_site, browser):
    """The check can fail: text made too faint on purpose is reported as serious."""
    app, base = tour_site
    context = browser.new_context(bypass_csp=True, locale="ko-KR")
    try:
        page = context.new_page()
        page.goto(base + "/login")
        page.add_style_tag(content="h1 { color: #ddd !important; }")
        ids = {v["id"] for v in run_axe(page) if v["impact"] in SERIOUS}
        assert "color-contrast" in ids
    finally:
        context.close()


def test_a_whole_reading_by_keyboard_alone(tour_site, page):
    """Tab, Enter and Space only: topic, concern, shuffle, five cards, 운세보기, 저장하기."""
    app, base = tour_site
    errors = console_errors(page)
    sign_in_demo(page.context, app, base)
    page.goto(base + "/reading")

    first = tab_to(page, lambda s: s["what"].startswith("a.skip-link"), limit=1)
    assert first["onScreen"], "the skip link shows when focused"
    tab_to(page, lambda s: s["key"].startswith("INPUT#."))  # the first topic radio
    page.keyboard.press("Space")
    expect(page.locator('input[name="topic"]').first).to_be_checked()
    tab_to(page, lambda s: s["key"].startswith("TEXTAREA#concern"))
    page.keyboard.type("키보드로만 보는 운세예요")

    tab_to(page, lambda s: s["key"].startswith("BUTTON#shuffle-button"))
    page.keyboard.press("Enter")
    expect(page.locator(".deal-card")).to_have_count(30)
    # htmx puts focus back on the button it replaced
    expect(page.locator("#shuffle-button")).to_be_focused()
    for picked in range(1, 6):
        tab_to(page, lambda s: s["key"].startswith("BUTTON#deal-card-") and "is-picked" not in s["key"])
        page.keyboard.press("Space" if picked % 2 else "Enter")
        expect(page.locator(".deal-card.is-picked")).to_have_count(picked)
        expect(page.locator(".deal-card:focus")).to_have_count(1)
    expect(page.locator(".spread-place.is-filled")).to_have_count(5)

    tab_to(page, lambda s: s["key"].startswith("BUTTON#read-button"), backwards=True)
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"/reading/[A-Za-z0-9_-]{20,}$"))

    # The answer arrives inside a polite live region.
    region = page.locator(".answer-region")
    expect(region).to_have_attribute("aria-live", "polite")
    expect(region.locator("#answer.is-done")).to_be_visible()
    expect(region.locator("h3")).to_have_count(6)

    tab_to(page, lambda s: s["key"].startswith("BUTTON") and "저장하기" in s["key"])
    page.keyboard.press("Enter")
    expect(page.get_by_text("보관함에 저장했어요")).to_be_visible()
    expect(page.locator(".save-message[role=status]")).to_be_visible()
    with app.app_context():
        assert db.session.execute(db.select(Reading.saved_at)).scalar_one() is not None
    assert errors == []


FOCUS_PAGES = ["home", "guide", "card", "login", "reading-dealt", "reading-shared", "archive",
               "shared", "me", "map", "offline", "not-found"]


def test_every_focusable_control_shows_focus(tour_site, browser):
    """Tab through each page (up to 60 stops): every stop is on screen and shows focus."""
    app, base = tour_site
    problems = []
    for name, page in tour(browser, app, base, stops=FOCUS_PAGES):
        page.evaluate("() => { window.scrollTo(0, 0); document.activeElement.blur(); }")
        seen = set()
        # 60 stops reach past the header, the guide's contents and whole major table into
        # the minor grid and the offline page's list, whose links share one style each.
        for _ in range(60):
            page.keyboard.press("Tab")
            state = focus_state(page)
            if state is None or state["key"] in seen:
                break
            seen.add(state["key"])
            if not state["visible"] or not state["onScreen"]:
                problems.append(f"{name}: {state['what']} (outline {state['visible']}, on screen {state['onScreen']})")
        assert len(seen) >= 5, f"{name}: only {len(seen)} focus stops"
    assert problems == [], "\n".join(problems)


def test_the_answer_region_is_polite_and_holds_the_pending_answer(app, page):
    """While the answer is written, it sits in the aria-live="polite" region, marked busy."""
    with serve_app(app) as base:
        user_id = sign_in_demo(page.context, app, base)
        public_id = _running_reading(app, user_id)
        page.goto(f"{base}/reading/{public_id}")
        region = page.locator(".answer-region")
        expect(region).to_have_attribute("aria-live", "polite")
        expect(region.locator("#answer.is-pending[aria-busy=true]")).to_be_visible()
        expect(region.locator(".answer-greeting")).to_contain_text("천천히 읽어 볼게요")


def _running_reading(app, user_id):
    """A reading mid-answer whose job (elsewhere) holds a long lease, so no poll takes it over."""
    with app.app_context():
        reading = Reading(
            user_id=user_id, topic="love", status="running",
            cards=[{"card": n, "reversed": n == 3, "position": p} for n, p in
                   zip((0, 1, 2, 3, 4), POSITIONS, strict=True)],
            partial_text="[[greeting]]\n안녕하세요. 천천히 읽어 볼게요.",
            lease_until=utcnow() + timedelta(minutes=10),
        )
        db.session.add(reading)
        db.session.commit()
        return reading.public_id


RUNNING_ANIMATIONS = """() => document.getAnimations()
  .filter((a) => a.playState === 'running')
  .map((a) => (a.animationName || a.transitionProperty || 'animation') + ' on '
       + (a.effect && a.effect.target ? a.effect.target.className : '?'))"""


@pytest.mark.parametrize("motion", ["reduce", "no-preference"])
def test_reduced_motion_turns_animations_off(app, browser, motion):
    """With prefers-reduced-motion the home page, the deal and a pending answer stand still."""
    with serve_app(app) as base:
        context = browser.new_context(locale="ko-KR", reduced_motion=motion,
                                      viewport={"width": 1280, "height": 900})
        try:
            page = context.new_page()
            user_id = sign_in_demo(context, app, base)
            running = {}
            page.goto(base + "/")
            page.wait_for_timeout(150)
            running["home"] = page.evaluate(RUNNING_ANIMATIONS)
            last = page.locator(".reveal").last
            revealed = last.evaluate("(el) => getComputedStyle(el).opacity") == "1"

            page.goto(base + "/reading")
            page.get_by_role("button", name="카드 섞기").click()
            expect(page.locator(".deal-card")).to_have_count(30)
            running["deal"] = page.evaluate(RUNNING_ANIMATIONS)

            page.goto(f"{base}/reading/{_running_reading(app, user_id)}")
            page.wait_for_timeout(150)
            running["pending answer"] = page.evaluate(RUNNING_ANIMATIONS)
        finally:
            context.close()
    if motion == "reduce":
        assert running == {"home": [], "deal": [], "pending answer": []}
        assert revealed, "scroll-revealed text is shown at once"
    else:  # the same checks see the motion when it is wanted
        assert running["home"] and running["pending answer"]
        assert not revealed


def test_the_focus_check_sees_a_missing_ring(app, browser):
    """With every focus style taken away, the check above reports the header's controls."""
    context = browser.new_context(bypass_csp=True, locale="ko-KR")  # for the injected style
    try:
        with serve_app(app) as base:
            page = context.new_page()
            page.goto(base + "/login")
            page.add_style_tag(content="*:focus, *:focus-visible { outline: none !important; }")
            page.keyboard.press("Tab")  # the skip link
            page.keyboard.press("Tab")  # the brand link
            state = focus_state(page)
    finally:
        context.close()
    assert state["what"].startswith("a.brand")
    assert not state["visible"]
