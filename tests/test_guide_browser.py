"""The card guide in a real browser: hover and focus, search while typing, keys and swipes."""

import pytest

from tests.browser_support import console_errors

pytestmark = pytest.mark.browser

ROW_HIGHLIGHT = "rgb(253, 241, 210)"  # .major-table row :hover / :focus-within
RANK_HIGHLIGHT = "rgb(253, 246, 228)"  # .minor-grid rank row while a cell is hovered or focused
COUNT_KEY_LISTENERS = """
window.keyListeners = 0;
const add = document.addEventListener.bind(document);
document.addEventListener = (type, listener, options) => {
  if (type === "keydown") window.keyListeners += 1;
  return add(type, listener, options);
};
"""


def test_hovering_a_major_row_and_focusing_a_minor_cell_show_the_meanings(live_server, page):
    from playwright.sync_api import expect

    errors = console_errors(page)
    page.goto(live_server.url + "/guide")

    row = page.locator(".major-table tbody tr").filter(
        has=page.locator('a[href="/guide/cards/the-lovers"]')
    )
    expect(row).not_to_have_css("background-color", ROW_HIGHLIGHT)
    row.hover()
    expect(row).to_have_css("background-color", ROW_HIGHLIGHT)
    expect(row.locator(".major-upright")).to_contain_text("사랑과 조화")
    expect(row.locator(".major-reversed")).to_contain_text("엇갈린 마음")

    cell = page.locator('.minor-link[href="/guide/cards/three-of-cups"]')
    label = cell.locator(".minor-label")
    expect(label).to_have_css("opacity", "0")
    page.locator('.minor-link[href="/guide/cards/two-of-cups"]').focus()
    page.keyboard.press("Tab")
    expect(cell).to_be_focused()
    expect(label).to_have_css("opacity", "1")
    expect(label).to_have_text("컵 3")
    expect(cell.locator(".minor-keywords")).to_contain_text("우정")
    expect(page.locator(".minor-rank-head.rank-3")).to_have_css("background-color", RANK_HIGHLIGHT)

    # The whole major row is the link: a click at its far right, on the reversed meanings,
    # lands on the name's stretched link and opens the card.
    box = row.bounding_box()
    row.click(position={"x": box["width"] - 30, "y": box["height"] / 2})
    page.wait_for_url(live_server.url + "/guide/cards/the-lovers")
    expect(page.locator("h1")).to_have_text("6번 연인")
    assert errors == []


def test_search_answers_while_typing(live_server, page):
    from playwright.sync_api import expect

    errors = console_errors(page)
    page.goto(live_server.url + "/guide")
    page.locator("#guide-q").press_sequentially("희망", delay=30)
    expect(page.locator('#search-results a[href="/guide/cards/the-star"]')).to_be_visible()
    expect(page).to_have_url(live_server.url + "/guide?q=%ED%9D%AC%EB%A7%9D")
    page.locator("#guide-q").fill("lovers")
    expect(page.locator('#search-results a[href="/guide/cards/the-lovers"]')).to_be_visible()
    expect(page.locator('#search-results a[href="/guide/cards/the-star"]')).to_have_count(0)
    assert errors == []


def test_arrow_keys_and_swipes_turn_the_cards(live_server, page):
    from playwright.sync_api import expect

    errors = console_errors(page)
    page.add_init_script(COUNT_KEY_LISTENERS)
    page.goto(live_server.url + "/guide/cards/the-world")
    listeners = page.evaluate("window.keyListeners")
    title = page.locator("h1")
    page.keyboard.press("ArrowRight")
    expect(title).to_have_text("완드 에이스")
    page.keyboard.press("ArrowLeft")
    expect(title).to_have_text("21번 세계")
    page.keyboard.press("ArrowLeft")
    expect(title).to_have_text("20번 심판")
    page.keyboard.press("ArrowRight")
    expect(title).to_have_text("21번 세계")
    # Each boosted page brings guide.js along again; its listeners must not pile up.
    assert page.evaluate("window.keyListeners") == listeners
    expect(page).to_have_url(live_server.url + "/guide/cards/the-world")

    area = page.locator("[data-card-page]")
    area.dispatch_event("pointerdown", {"pointerType": "touch", "clientX": 300, "clientY": 400, "isPrimary": True})
    area.dispatch_event("pointerup", {"pointerType": "touch", "clientX": 120, "clientY": 410, "isPrimary": True})
    expect(title).to_have_text("완드 에이스")
    area = page.locator("[data-card-page]")
    area.dispatch_event("pointerdown", {"pointerType": "touch", "clientX": 100, "clientY": 400, "isPrimary": True})
    area.dispatch_event("pointerup", {"pointerType": "touch", "clientX": 300, "clientY": 400, "isPrimary": True})
    expect(title).to_have_text("21번 세계")
    assert errors == []


def test_phones_get_suit_sections_not_a_squashed_grid(live_server, page):
    from playwright.sync_api import expect

    page.set_viewport_size({"width": 375, "height": 800})
    page.goto(live_server.url + "/guide")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    expect(page.locator(".minor-suit-title")).to_have_count(4)
    expect(page.locator(".minor-suit-title").first).to_be_visible()
    widths = page.locator(".minor-link").evaluate_all("links => links.map(a => a.getBoundingClientRect().width)")
    assert len(widths) == 56 and min(widths) >= 140
    expect(page.locator('.minor-link[href="/guide/cards/ace-of-cups"] .minor-label')).to_have_css("opacity", "1")

    page.goto(live_server.url + "/guide/cards/queen-of-cups")
    assert page.evaluate("document.documentElement.scrollWidth") <= 375
    page.get_by_text("모든 카드 보기").click()
    index_link = page.locator('.card-index-panel a[href="/guide/cards/the-hermit"]')
    expect(index_link).to_be_visible()
    index_link.click()
    expect(page.locator("h1")).to_have_text("9번 은둔자")
