"""Every page on a 360 px phone: nothing wider than the screen, controls big enough to tap, and
images below the first screen loaded lazily.

Touch targets: the primary controls (everything in the header, form controls and anything
styled as a button) must be at least 44 × 44 CSS px (WCAG 2.5.5's size, Apple's and
Material's guidance). Every other link or button must be at least 24 × 24 px (WCAG 2.5.8's
minimum), except links inside a sentence, which 2.5.8 exempts.
"""

import pytest

from tests.browser_support import serve_app
from tests.site_tour import STOPS, tour

pytestmark = pytest.mark.browser
sync_api = pytest.importorskip("playwright.sync_api", reason="Playwright is not installed")
expect = sync_api.expect

PHONE = {"width": 360, "height": 740}

# Sideways overflow: the page wider than the screen, or anything in <main> sticking out of
# main's content box (which shows as a lopsided margin). Things inside a box that scrolls or
# clips sideways (the map, the topic chips' swipeable row) are left alone.
OVERFLOW = """() => {
  const width = document.documentElement.clientWidth;
  const main = document.querySelector('main');
  const ms = getComputedStyle(main), mr = main.getBoundingClientRect();
  const left = mr.left + parseFloat(ms.paddingLeft), right = mr.right - parseFloat(ms.paddingRight);
  const contained = (el) => {
    for (let p = el; p && p !== main; p = p.parentElement) {
      if (getComputedStyle(p).overflowX !== 'visible') return true;
    }
    return false;
  };
  const wide = [];
  for (const el of main.querySelectorAll('*')) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || (r.right <= right + 1 && r.left >= left - 1) || contained(el)) continue;
    wide.push(el.tagName.toLowerCase() + '.' + String(el.className).split(' ')[0]
              + ` ${Math.round(r.left)}..${Math.round(r.right)} in ${Math.round(left)}..${Math.round(right)}`);
  }
  return {scrollWidth: document.documentElement.scrollWidth, width, wide: wide.slice(0, 5)};
}"""

SMALL_TARGETS = """() => {
  for (const animation of document.getAnimations()) {  // measure cards after they land
    if (animation.effect && animation.effect.getComputedTiming().endTime !== Infinity) animation.finish();
  }
  const primary = '.site-header a, .site-header button, form button, form input, form textarea, '
    + 'form select, .button';
  const small = [];
  for (const el of document.querySelectorAll(
      'a[href], button, input:not([type=hidden]), select, textarea, summary, [role=button]')) {
    const style = getComputedStyle(el);
    let box = el.getBoundingClientRect();
    if (box.width === 0 || box.height === 0 || style.visibility === 'hidden') continue;
    if (el.closest('.visually-hidden, .skip-link')) continue;
    if (el.matches('input') && parseFloat(style.opacity) === 0) {
      box = el.parentElement.getBoundingClientRect();  // a hidden radio covers its chip
    } else if (el.labels && el.labels.length) {  // a tap on the label works the control too
      const label = el.labels[0].getBoundingClientRect();
      const left = Math.min(box.left, label.left), top = Math.min(box.top, label.top);
      box = {width: Math.max(box.right, label.right) - left,
             height: Math.max(box.bottom, label.bottom) - top};
    }
    const isPrimary = el.matches(primary);
    if (!isPrimary && style.display === 'inline') {
      const block = el.parentElement.closest('p, li, dd, td, span, div');
      if (block && block.textContent.trim().length > el.textContent.trim().length) continue;
    }
    const least = isPrimary ? 44 : 24;
    if (box.width < least - 0.5 || box.height < least - 0.5) {
      const label = (el.getAttribute('aria-label') || el.textContent || '').trim().slice(0, 30);
      small.push(`${el.tagName.toLowerCase()}.${String(el.className).split(' ')[0]} "${label}" `
                 + `${Math.round(box.width)}x${Math.round(box.height)} (needs ${least})`);
    }
  }
  return small;
}"""


# Images on the page as first shown (scrolled to the top): below the fold means lower than
# the first screen; those must load lazily. Every image must say its size.
IMAGES = """() => [...document.images].filter((img) => !img.closest('.leaflet-container')).map((img) => {
  const top = img.getBoundingClientRect().top + window.scrollY;
  return {src: img.getAttribute('src').split('?')[0], below: top > window.innerHeight,
          lazy: img.loading === 'lazy', sized: img.hasAttribute('width') && img.hasAttribute('height')};
})"""


def test_on_a_360_px_phone_nothing_overflows_targets_are_big_and_images_lazy(tour_site, browser):
    app, base = tour_site
    wide, small, eager, visited = {}, {}, {}, []
    for name, page in tour(browser, app, base, viewport=PHONE):
        visited.append(name)
        if page.evaluate("() => window.scrollY") == 0:
            images = page.evaluate(IMAGES)
            wrong = [i["src"] for i in images if (i["below"] and not i["lazy"]) or not i["sized"]]
            if wrong:
                eager[name] = wrong
        found = page.evaluate(OVERFLOW)
        if found["scrollWidth"] > found["width"] or found["wide"]:
            wide[name] = found
        if name == "home":  # the folded menu: open it and measure its links too
            page.get_by_role("button", name="메뉴 열기").click()
            expect(page.locator("#nav-menu")).to_be_visible()
        targets = page.evaluate(SMALL_TARGETS)
        if targets:
            small[name] = targets
    assert visited == STOPS
    assert wide == {}
    assert eager == {}, "images below the fold without loading=lazy, or without a size"
    assert small == {}, "\n".join(f"{name}: {line}" for name, lines in small.items() for line in lines)


def test_the_checks_see_a_wide_page_and_a_small_button(app, browser):
    """Both checks can fail: a page made too wide and a button made too small are reported."""
    context = browser.new_context(viewport=PHONE, bypass_csp=True, locale="ko-KR")
    try:
        with serve_app(app) as base:
            page = context.new_page()
            page.goto(base + "/login")
            page.add_style_tag(content=".auth-card, main { min-width: 500px; }"
                                       " .site-header .brand { min-height: 0; height: 30px; }")
            found = page.evaluate(OVERFLOW)
            targets = page.evaluate(SMALL_TARGETS)
    finally:
        context.close()
    assert found["scrollWidth"] > found["width"]
    assert any(line.startswith("a.brand") for line in targets), targets
