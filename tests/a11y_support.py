"""Helpers for the accessibility and layout browser tests.

axe-core comes from the npm package pinned in tests/a11y/package.json (``npm ci --prefix
tests/a11y``). Without it the axe tests skip with that instruction, except in CI, where
``.ci/run`` sets TAROT_REQUIRE_A11Y=1 and a missing axe-core fails them instead.
"""

import json
import os
from pathlib import Path

import pytest

AXE_PACKAGE = Path(__file__).parent / "a11y"
AXE_SCRIPT = AXE_PACKAGE / "node_modules" / "axe-core" / "axe.min.js"


def axe_script():
    """The path of axe.min.js, or skip (fail when TAROT_REQUIRE_A11Y is set) without it."""
    if AXE_SCRIPT.exists():
        return AXE_SCRIPT
    message = "axe-core is not installed: run `npm ci --prefix tests/a11y`"
    if os.environ.get("TAROT_REQUIRE_A11Y"):
        pytest.fail(message + " (TAROT_REQUIRE_A11Y is set)")
    pytest.skip(message)


def pinned_axe_version():
    """The axe-core version tests/a11y/package.json pins."""
    return json.loads((AXE_PACKAGE / "package.json").read_text())["dependencies"]["axe-core"]


REVEAL_AND_SETTLE = """async () => {
  // Scroll through the page so every scroll-revealed element is shown, as a reader would.
  const step = Math.max(200, window.innerHeight * 0.6);
  for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
    window.scrollTo(0, y);
    await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 30)));
  }
  window.scrollTo(0, 0);
  await new Promise((resolve) => requestAnimationFrame(resolve));
  // Jump every finite animation and transition to its end state; endless ones (steam, the
  // waiting spinner) are decorative and stay as they are.
  for (const animation of document.getAnimations()) {
    if (animation.effect && animation.effect.getComputedTiming().endTime !== Infinity) {
      animation.finish();
    }
  }
}"""


def reveal_and_settle(page):
    """Reveal every scroll-revealed element and finish finite animations, so colours are final."""
    page.evaluate(REVEAL_AND_SETTLE)


def run_axe(page):
    """Inject axe-core and run it on the whole page; returns its violations."""
    page.add_script_tag(path=str(axe_script()))
    return page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")["violations"]


def describe(violations):
    """One line per violation and node, for assertion messages."""
    lines = []
    for violation in violations:
        for node in violation["nodes"][:5]:
            summary = (node.get("failureSummary") or "").replace("\n", " ")
            lines.append(f"{violation['impact']} {violation['id']}: {node['target']} {summary[:240]}")
    return lines
