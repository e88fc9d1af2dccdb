"""The link to one sentence, in a real browser: hidden until wanted, shifting nothing, copying the address."""

from __future__ import annotations

import pytest
from browser_support import PHONE, horizontal_overflow, run_axe
from test_browser import base_url, browser, new_context  # noqa: F401  (fixtures shared with the browser tests)

pytestmark = pytest.mark.browser

_BOXES = """(el) => [...el.closest('article').querySelectorAll('p, li, td')].slice(0, 40)
    .map(b => { const r = b.getBoundingClientRect(); return [r.x, r.y + window.scrollY, r.width, r.height].join(','); })"""


def test_a_reader_on_a_phone_copies_a_link_to_one_sentence_and_it_opens_marked(browser, base_url):  # noqa: F811
    context, traffic = new_context(browser, base_url, viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    page.goto("sanctions/")
    page.wait_for_load_state("load")
    claim = page.locator("article .claim").nth(3)
    anchor = claim.get_attribute("id")
    link = claim.locator("a.claim-link")
    assert link.get_attribute("href") == f"#{anchor}" and link.get_attribute("aria-label") == "Link to this sentence"
    assert link.evaluate("el => getComputedStyle(el).opacity") == "0", "hidden until hovered or focused"
    before = claim.evaluate(_BOXES)

    link.focus()
    assert link.evaluate("el => getComputedStyle(el).opacity") == "1", "shown on keyboard focus"
    assert claim.evaluate(_BOXES) == before, "showing the link moved the text"

    link.click()
    page.wait_for_function("() => document.querySelector('.claim-status')?.textContent.length > 0")
    assert page.evaluate("() => location.hash") == f"#{anchor}"
    assert page.evaluate("() => navigator.clipboard.readText()") == f"{base_url.rstrip('/')}/sanctions/#{anchor}"
    assert page.locator(".claim-status").get_attribute("role") == "status"
    marked = claim.evaluate("el => getComputedStyle(el).backgroundColor")
    assert marked not in ("rgba(0, 0, 0, 0)", "transparent"), "the linked sentence is marked"
    assert horizontal_overflow(page) is None
    assert claim.evaluate(_BOXES) == before, "copying moved the text"

    fresh = context.new_page()  # the copied link opens the page at that sentence, marked
    fresh.goto(f"sanctions/#{anchor}")
    fresh.wait_for_load_state("load")
    assert fresh.locator(f"[id='{anchor}']").evaluate("el => el.matches(':target')")
    assert run_axe(fresh) == []
    context.close()
    assert not traffic.outside, traffic.outside
