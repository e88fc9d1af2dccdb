"""The reader's experience, proven in a real browser (Debian's Chromium through Playwright).

A reader arrives on a phone from a news link: every page must load from this
site alone, read without sideways scrolling at 375 px, pass axe-core with no
serious or critical violation in the light and the dark scheme, and let the
reader go from any footnote to the highlighted passage of its source.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

import pytest
import yaml
from browser_support import (
    DESKTOP,
    PHONE,
    SEARCH_INDEX,
    Network,
    guard,
    horizontal_overflow,
    is_archive,
    normalized,
    page_urls,
    run_axe,
    screenshots_dir,
    serve,
    write_json,
)
from bs4 import BeautifulSoup
from conftest import ROOT, BuiltSite

pytestmark = pytest.mark.browser

PROFILE = "people/osiris-luna-meza/"
TIMELINE = "truces/"
SCREENSHOT_PAGES = {"home": "", "profile": PROFILE, "timeline": TIMELINE}
PAGE_WEIGHT_BUDGET = 1_000_000  # bytes per explainer page, search index excluded
MIN_FONT_PX = 14


# --- fixtures: one server, one browser per session -------------------------------------

@pytest.fixture(scope="session")
def base_url(site: BuiltSite):
    with serve(site.path) as url:
        yield url


@pytest.fixture(scope="session")
def pages(site: BuiltSite) -> list[str]:
    urls = page_urls(site.path)
    assert PROFILE in urls and TIMELINE in urls and "" in urls, urls
    return urls


def new_context(browser, base_url: str, viewport=DESKTOP, scheme: str = "light"):
    context = browser.new_context(viewport=viewport, color_scheme=scheme, base_url=base_url,
                                  reduced_motion="reduce", service_workers="block")
    traffic = guard(context, base_url)
    return context, traffic


@pytest.fixture()
def desktop(browser, base_url):
    context, traffic = new_context(browser, base_url)
    yield context.new_page()
    context.close()
    assert not traffic.outside, f"requests left the site: {traffic.outside}"


@pytest.fixture()
def phone(browser, base_url):
    context, traffic = new_context(browser, base_url, viewport=PHONE)
    yield context.new_page()
    context.close()
    assert not traffic.outside, f"requests left the site: {traffic.outside}"


def report(capsys, text: str) -> None:
    """Print to the terminal even when pytest captures output."""
    with capsys.disabled():
        print("\n" + text)


# --- every page, as a first visit: where requests go, what they weigh, what axe finds ----------

@dataclass
class Load:
    status: int | None
    outside: list[str]
    errors: list[str]
    bytes: int


@dataclass
class DesktopCheck:
    load: Load
    violations: list[dict]


@pytest.fixture(scope="session")
def desktop_light(browser, base_url, pages) -> dict[str, DesktopCheck]:
    """Every page at desktop width in the light scheme, each loaded as a first visit, with the guard on and its
    requests measured; then every axe rule on it.

    A first visit without a new context per page: the browser's cache is off for the whole pass (every request
    goes to the server, as with nothing cached) and the site's cookies and storage are cleared before each page,
    which is what a fresh context holds. One renderer serves the pass instead of one started per page."""
    context, traffic = new_context(browser, base_url)
    page = context.new_page()
    devtools = context.new_cdp_session(page)
    devtools.send("Network.setCacheDisabled", {"cacheDisabled": True})
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    network = Network.watch(page)
    checks = {}
    for url in pages:
        context.clear_cookies()
        devtools.send("Storage.clearDataForOrigin", {"origin": base_url.rstrip("/"), "storageTypes": "all"})
        outside_before, errors_before = len(traffic.outside), len(errors)
        network.reset()
        response = page.goto(url)
        network.settle()
        weight = network.bytes_excluding(SEARCH_INDEX)
        violations = run_axe(page)
        load = Load(response.status if response else None, traffic.outside[outside_before:], errors[errors_before:],
                    weight)
        checks[url] = DesktopCheck(load, violations)
    context.close()
    return checks


def test_every_page_loads_from_the_local_server_alone(desktop_light, phone_dark):
    """Every page (archives too), loaded as a first visit on the desktop and then on the phone, passes."""
    problems = []
    for url, load in [*((u, c.load) for u, c in desktop_light.items()), *((u, c.load) for u, c in phone_dark.items())]:
        name = url or "home"
        if load.status != 200:
            problems.append(f"{name}: HTTP status {load.status}")
        problems += [f"{name}: request to another host (aborted): {u}" for u in load.outside]
        problems += [f"{name}: JavaScript error: {e}" for e in load.errors]
    assert not problems, "\n".join(problems)


def test_page_weight_of_every_explainer_page(desktop_light, capsys):
    weights = {url or "home": check.load.bytes for url, check in desktop_light.items() if not is_archive(url)}
    path = write_json("page-weight.json", {"bytes_transferred_excluding_search_index": weights})
    heaviest = max(weights, key=weights.__getitem__)
    report(capsys, f"page weight (bytes transferred, search index excluded), written to {path}:\n"
                   + "\n".join(f"  {url:40} {size:>9,}" for url, size in sorted(weights.items(), key=lambda kv: -kv[1]))
                   + f"\nheaviest explainer page: {heaviest} ({weights[heaviest]:,} bytes)")
    assert weights[heaviest] <= PAGE_WEIGHT_BUDGET, f"{heaviest} weighs {weights[heaviest]:,} bytes"


# --- every page on a phone, in the dark scheme ---------------------------------------------

@dataclass
class PhoneCheck:
    load: Load
    overflow: dict | None
    contrast: list[dict]


@pytest.fixture(scope="session")
def phone_dark(browser, base_url, pages) -> dict[str, PhoneCheck]:
    """Every page at 375 px in the dark scheme: requests, errors, sideways overflow, axe's colour contrast."""
    context, traffic = new_context(browser, base_url, viewport=PHONE, scheme="dark")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    checks = {}
    for url in pages:
        outside_before, errors_before = len(traffic.outside), len(errors)
        response = page.goto(url)
        page.wait_for_load_state("load")
        overflow = horizontal_overflow(page)
        contrast = run_axe(page, only=["color-contrast"])
        load = Load(response.status if response else None, traffic.outside[outside_before:], errors[errors_before:], 0)
        checks[url] = PhoneCheck(load, overflow, contrast)
    context.close()
    return checks


def test_no_page_scrolls_sideways_on_a_375px_phone(phone_dark):
    wide = [f"{url or 'home'}: {check.overflow}" for url, check in phone_dark.items() if check.overflow]
    assert not wide, "pages wider than the phone:\n" + "\n".join(wide)


def test_axe_finds_no_serious_or_critical_violation_in_either_scheme(desktop_light, phone_dark, capsys):
    """Every axe rule on the desktop light scheme; colour contrast again on the phone dark scheme."""
    found: dict[str, list[dict]] = {f"{url or 'home'} [light, desktop]": check.violations
                                    for url, check in desktop_light.items()}
    for url, check in phone_dark.items():
        found[f"{url or 'home'} [dark, phone, contrast]"] = check.contrast
    summary = {key: {"by_impact": dict(Counter(v["impact"] for v in violations)),
                     "rules": {v["id"]: {"impact": v["impact"], "nodes": v["nodes"], "help": v["help"],
                                         "examples": v["targets"]} for v in violations}}
               for key, violations in found.items()}
    path = write_json("axe-summary.json", summary)
    lines = [f"axe-core violations by impact, per page (written to {path}):"]
    for key, entry in summary.items():
        counts = ", ".join(f"{impact}: {n}" for impact, n in sorted(entry["by_impact"].items())) or "none"
        rules = ", ".join(f"{rule} ({info['impact']})" for rule, info in entry["rules"].items())
        lines.append(f"  {key:55} {counts}" + (f"  [{rules}]" if rules else ""))
    report(capsys, "\n".join(lines))
    failures = [f"{key}: {v['impact']} {v['id']} ({v['nodes']} nodes, e.g. {v['targets']}): {v['help']}"
                for key, violations in found.items() for v in violations if v["impact"] in {"serious", "critical"}]
    assert not failures, "\n".join(failures)


# --- the timeline and the chart on a phone -----------------------------------------------

def test_timeline_stays_readable_on_a_phone(phone):
    phone.goto(TIMELINE)
    phone.wait_for_load_state("load")
    events = phone.evaluate("""() => [...document.querySelectorAll("li.timeline__event")].map(li => {
        const box = li.getBoundingClientRect();
        const sizes = [...li.querySelectorAll("p")].map(p => parseFloat(getComputedStyle(p).fontSize));
        return {id: li.id, left: box.left, right: box.right, width: box.width, smallest: Math.min(...sizes)};
    })""")
    assert events, "the timeline page has no li.timeline__event"
    width = PHONE["width"]
    for event in events:
        assert event["left"] >= 0 and event["right"] <= width, f"timeline entry {event['id']} leaves the screen: {event}"
        assert event["width"] >= 0.6 * width, f"timeline entry {event['id']} is squeezed to {event['width']:.0f}px"
        assert event["smallest"] >= MIN_FONT_PX, f"timeline entry {event['id']} has text of {event['smallest']}px"


def test_homicide_chart_is_accessible_and_readable_on_a_phone(site: BuiltSite, phone):
    figures = {f["id"]: f for f in yaml.safe_load((ROOT / "data" / "figures.yml").read_text(encoding="utf-8"))["figures"]}
    charts_data = yaml.safe_load((ROOT / "data" / "charts.yml").read_text(encoding="utf-8"))["charts"] or []
    charted = [figures[fid] for c in charts_data if c.get("bars", True) for fid in c["figures"]]
    chart_pages = [url for url in page_urls(site.path)
                   if BeautifulSoup((site.path / url / "index.html").read_text(encoding="utf-8"), "html.parser")
                   .select_one("svg.chart__svg")]
    if not charted:
        assert not chart_pages
        return
    assert chart_pages, "data/charts.yml has a chart with bars, but no page shows it with {{ chart(...) }}"
    phone.goto(chart_pages[0])
    phone.wait_for_load_state("load")
    charts = phone.evaluate("""() => [...document.querySelectorAll("svg.chart__svg")].map(svg => {
        const box = svg.getBoundingClientRect();
        const scale = box.width / svg.viewBox.baseVal.width;
        const font = parseFloat(svg.getAttribute("font-size"));
        const labelled = (svg.getAttribute("aria-labelledby") || "").split(" ")
            .map(id => document.getElementById(id)).filter(Boolean).map(el => el.tagName.toLowerCase());
        return {role: svg.getAttribute("role"), labelled, right: box.right, px: font * scale,
                values: [...svg.querySelectorAll(".chart__value")].map(t => t.textContent)};
    })""")
    assert charts
    table_text = normalized(" ".join(phone.locator("table.chart-data").all_inner_texts()))
    for chart in charts:
        assert chart["role"] == "img" and chart["labelled"] == ["title", "desc"], chart
        assert chart["right"] <= PHONE["width"], chart
        assert chart["px"] >= MIN_FONT_PX, f"chart text is {chart['px']:.1f}px on a phone"
        for value in chart["values"]:
            assert normalized(value) in table_text, f"{value} is charted but not in the table"
    printed = [f["as_printed"] for f in charted]
    assert sorted(v for c in charts for v in c["values"]) == sorted(printed)
    assert phone.locator("table.chart-data a.footnote-ref").count() >= len(charted)


# --- footnotes -----------------------------------------------------------------------

def first_footnote_ref(page):
    return page.locator("article a.footnote-ref[id^='fnref']").first


def test_a_footnote_leads_to_its_passage_highlighted_and_in_view(desktop):
    page = desktop
    page.goto(PROFILE)
    ref = first_footnote_ref(page)
    note_id = ref.get_attribute("href").split("#", 1)[1]
    ref.click()
    page.wait_for_url(re.compile(re.escape("#" + note_id) + "$"))
    page.keyboard.press("Escape")
    note = page.locator(f"li[id='{note_id}']")
    # The footnote is shown where the reference leads: on screen, below the sticky header.
    page.wait_for_function("""id => {
        const box = document.getElementById(id).getBoundingClientRect();
        const header = document.querySelector(".md-header").getBoundingClientRect();
        return box.height > 0 && box.top >= header.bottom - 1 && box.top < innerHeight;
    }""", arg=note_id, timeout=8000)
    quote = note.locator("a.cited-quote").inner_text()
    link = note.locator("a.cite-link")
    href = urljoin(page.url, link.get_attribute("href"))
    assert "/sources/" in urlsplit(href).path and urlsplit(href).fragment.startswith("q-"), href
    link.click()
    page.wait_for_url(href)
    page.wait_for_load_state("load")
    anchor = urlsplit(href).fragment
    mark = page.locator(f"mark.cited:is([id='{anchor}'], :has([id='{anchor}']))")
    assert mark.count() == 1, f"no highlighted passage with the anchor #{anchor}"
    assert normalized(quote) in normalized(mark.inner_text()), "the highlight does not contain the footnote's quote"
    page.wait_for_function("""id => {
        const mark = document.getElementById(id).closest("mark.cited");
        const box = mark.getBoundingClientRect();
        return mark.classList.contains("cited--targeted") && box.top >= 0 && box.bottom <= innerHeight;
    }""", arg=anchor, timeout=8000)
    # The targeted passage is visibly stronger than the other cited passages.
    styles = page.evaluate("""id => {
        const target = document.getElementById(id).closest("mark.cited");
        const other = [...document.querySelectorAll("mark.cited")].find(m => m !== target);
        const look = el => { const s = getComputedStyle(el); return [s.backgroundColor, s.outlineStyle, s.outlineWidth]; };
        return {target: look(target), other: other ? look(other) : null};
    }""", anchor)
    assert styles["target"][1] != "none", styles
    if styles["other"]:
        assert styles["target"] != styles["other"], styles


def test_on_a_phone_the_footnotes_wait_closed_and_a_reference_opens_them_at_its_footnote(phone):
    page = phone
    page.goto(TIMELINE)
    page.wait_for_load_state("load")
    fold = page.locator("article details.footnotes-fold")
    assert fold.count() == 1 and not fold.evaluate("el => el.open")
    count = page.locator("article div.footnote li[id^='fn:']").count()
    assert count > 20 and fold.locator("summary").inner_text() == f"Sources for this page ({count})"
    ref = first_footnote_ref(page)
    note_id = ref.get_attribute("href").split("#", 1)[1]
    ref.click()
    page.wait_for_url(re.compile(re.escape("#" + note_id) + "$"))
    assert fold.evaluate("el => el.open")
    page.wait_for_function("""id => {
        const box = document.getElementById(id).getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.top < innerHeight;
    }""", arg=note_id, timeout=8000)


def active_tooltip(page):
    return page.locator(".md-tooltip2.md-tooltip2--active:not(.site-tooltip--dismissed)")


def test_a_footnote_tooltip_opens_on_hover_and_on_keyboard_focus_and_escape_closes_it(desktop):
    page = desktop
    page.goto(PROFILE)
    page.wait_for_load_state("load")
    ref = first_footnote_ref(page)
    note_id = ref.get_attribute("href").split("#", 1)[1]
    quote = normalized(page.locator(f"li[id='{note_id}'] a.cited-quote").inner_text())

    ref.hover()
    tooltip = active_tooltip(page)
    tooltip.wait_for(state="visible", timeout=8000)
    assert quote in normalized(tooltip.inner_text())
    page.mouse.move(0, 0)
    tooltip.wait_for(state="detached", timeout=8000)

    # Keyboard: Tab through the page until a footnote reference has focus.
    for _ in range(300):
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('a.footnote-ref')"):
            break
    else:
        pytest.fail("Tab never reached a footnote reference")
    focused_note = page.evaluate("() => document.activeElement.getAttribute('href').split('#')[1]")
    tooltip.wait_for(state="visible", timeout=8000)
    focused_quote = normalized(page.locator(f"li[id='{focused_note}'] a.cited-quote").inner_text())
    assert focused_quote in normalized(tooltip.inner_text())
    assert page.evaluate("() => document.activeElement.getAttribute('aria-describedby')") == focused_note

    page.keyboard.press("Escape")
    page.wait_for_function("""() => ![...document.querySelectorAll(".md-tooltip2")]
        .some(t => t.checkVisibility() && !t.classList.contains("site-tooltip--dismissed"))""", timeout=8000)
    assert page.evaluate("() => !!document.activeElement.closest('a.footnote-ref')"), "Escape moved the focus"


# --- search --------------------------------------------------------------------------

def word_in_one_seed_and_an_explainer(site: BuiltSite) -> tuple[str, str, list[str]]:
    """A word only one seed uses and at least one explainer page uses in its own text."""
    seeds = yaml.safe_load((ROOT / "data" / "sources.yml").read_text(encoding="utf-8"))["sources"]
    words = {s["id"]: set(re.findall(r"[a-z]{7,}", (ROOT / "seeds" / s["file"]).read_text(encoding="utf-8").lower()))
             for s in seeds}
    explainers: dict[str, set[str]] = {}
    for url in page_urls(site.path):
        if is_archive(url) or url == "sources/":
            continue
        soup = BeautifulSoup((site.path / url / "index.html").read_text(encoding="utf-8"), "html.parser")
        body = soup.select_one("article")
        if body is None:
            continue
        for hidden in body.select("div.footnote, .headerlink"):
            hidden.decompose()
        explainers[url] = set(re.findall(r"[a-z]{7,}", body.get_text(" ").lower()))
    candidates = []
    for source_id, own in words.items():
        others = set().union(*(w for sid, w in words.items() if sid != source_id))
        other_stems = {w[:6] for w in others}
        for word in own:
            if word[:6] in other_stems:
                continue  # the search stems words: a shared stem would find other seeds too
            using = sorted(url for url, text in explainers.items() if word in text)
            if using:
                candidates.append((len(using), word, source_id, using))
    assert candidates, "no word is used by one seed only and by an explainer page"
    _, word, source_id, using = min(candidates)
    return word, source_id, using


def test_search_finds_the_seed_and_an_explainer_page(site: BuiltSite, desktop, capsys):
    word, source_id, using = word_in_one_seed_and_an_explainer(site)
    page = desktop
    page.goto("")
    page.wait_for_load_state("load")
    page.locator("label.md-search__icon[for='__search'], .md-search__input").first.click()
    # Type key by key: Material's search reads the query on keyup, not on input events.
    page.locator("input.md-search__input").press_sequentially(word)
    results = page.locator(".md-search-result__item a.md-search-result__link")
    results.first.wait_for(state="visible", timeout=30000)  # the search worker indexes first
    found = {urlsplit(urljoin(page.url, href)).path.lstrip("/")
             for href in results.evaluate_all("links => links.map(a => a.getAttribute('href'))")}
    report(capsys, f"search for '{word}' (only in seed {source_id}; explainer pages using it: {using}) found: {sorted(found)}")
    assert f"sources/{source_id}/" in found, f"searching '{word}' did not find the archive of {source_id}: {found}"
    assert found & set(using), f"searching '{word}' found none of the explainer pages that use it ({using}): {found}"


# --- screenshots and page weight -------------------------------------------------------

def _png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header chunk."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and data[12:16] == b"IHDR"
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_screenshots_of_home_profile_and_timeline(browser, base_url, capsys):
    """Saved for a person to look at; each shows the page in the reader's scheme (Material's palette follows the
    system's), its heading on the first screen, and no wider than the screen."""
    folder = screenshots_dir()
    saved, problems = [], []
    for label, viewport, scheme in (("desktop", DESKTOP, "light"), ("phone", PHONE, "light"), ("phone-dark", PHONE, "dark")):
        context, traffic = new_context(browser, base_url, viewport=viewport, scheme=scheme)
        page = context.new_page()
        for name, url in SCREENSHOT_PAGES.items():
            if scheme == "dark" and name == "timeline":
                continue
            assert page.goto(url).ok, url
            page.wait_for_load_state("load")
            path = folder / f"{name}-{label}.png"
            full = scheme == "light"  # dark: the first screen only
            width, height = _png_size(page.screenshot(path=str(path), full_page=full))
            saved.append(path)
            shown = page.evaluate("""() => ({scheme: document.body.getAttribute("data-md-color-scheme"),
                background: getComputedStyle(document.body).backgroundColor.match(/\\d+/g).slice(0, 3).map(Number),
                headingEnd: document.querySelector("article h1").getBoundingClientRect().bottom})""")
            where = f"{name}-{label}"
            if shown["scheme"] != {"light": "default", "dark": "slate"}[scheme]:
                problems.append(f"{where}: Material's scheme is {shown['scheme']!r} for a reader in {scheme} mode")
            if (max(shown["background"]) > 96) if scheme == "dark" else (min(shown["background"]) < 224):
                problems.append(f"{where}: the page's background is rgb{tuple(shown['background'])} in {scheme} mode")
            if shown["headingEnd"] > viewport["height"]:
                problems.append(f"{where}: the heading ends {shown['headingEnd']:.0f} px down, below the first screen")
            if width != viewport["width"] or height < viewport["height"] or (not full and height != viewport["height"]):
                problems.append(f"{where}: the screenshot is {width} x {height} px on a {viewport['width']} px screen")
        context.close()
        assert not traffic.outside, traffic.outside
    report(capsys, f"screenshots ({len(saved)}) saved in {folder}")
    assert not problems, "\n".join(problems)


# --- glossary links ----------------------------------------------------------------------

def test_glossary_terms_link_once_per_page_and_lead_to_their_entry(site: BuiltSite, desktop):
    problems = []
    linked: dict[str, str] = {}  # page -> the first term it links
    for url in page_urls(site.path):
        if is_archive(url) or url == "glossary/":
            continue
        article = BeautifulSoup((site.path / url / "index.html").read_text(encoding="utf-8"), "html.parser").select_one("article")
        terms = article.select("a.term") if article else []
        targets = [a["href"].split("#")[1] for a in terms]
        name = url or "home"
        if len(targets) != len(set(targets)):
            problems.append(f"{name}: a term is linked more than once: {sorted(targets)}")
        problems += [f"{name}: term {a['href']} is inside a heading, link, footnote or code" for a in terms
                     if a.find_parent(["h1", "h2", "h3", "h4", "h5", "h6", "a", "code", "pre"])
                     or a.find_parent(class_="footnote")]
        problems += [f"{name}: term {a['href']} has no definition in its title" for a in terms if not a.get("title")]
        if targets:
            linked[url] = targets[0]
    assert not problems, "\n".join(problems)
    assert linked, "no page links a glossary term"
    url = PROFILE if PROFILE in linked else next(iter(linked))  # a reader follows a term from a profile
    page = desktop
    page.goto(url)
    term = page.locator("article a.term").first
    assert term.get_attribute("href").split("#")[1] == linked[url]
    term.click()
    page.wait_for_url(re.compile(r"/glossary/#" + re.escape(linked[url]) + "$"))
    assert page.locator(f"[id='{linked[url]}']").is_visible()


def test_the_short_version_starts_on_the_first_phone_screen(phone):
    phone.goto("")
    heading = phone.locator("section.short-version h2").bounding_box()
    first_point = phone.locator("section.short-version li").first.bounding_box()
    assert heading is not None and first_point is not None
    # The first screen of the shortest common phone (375 x 667), whatever the test viewport's height.
    screen = min(PHONE["height"], 667)
    assert PHONE["width"] == 375
    assert heading["y"] + heading["height"] <= screen
    # At least the first two lines of the first point are on the first screen.
    assert first_point["y"] + 48 <= screen, first_point


# --- the claims table on a phone (READER-B) ---------------------------------------------------

def test_claims_table_stacks_into_cards_on_a_phone(phone):
    phone.goto("sides/")
    phone.wait_for_load_state("load")
    cells = phone.evaluate("""() => [...document.querySelectorAll("table.claims-table td")].map(td => {
        const box = td.getBoundingClientRect();
        return {display: getComputedStyle(td).display, left: box.left, right: box.right,
                label: getComputedStyle(td, "::before").content};
    })""")
    assert cells, "no claims table on sides/"
    width = PHONE["width"]
    assert phone.evaluate("document.documentElement.scrollWidth") <= width
    for cell in cells:
        assert cell["display"] == "block", cell
        assert cell["left"] >= 0 and cell["right"] <= width, cell
    labels = {c["label"].strip('"') for c in cells}
    assert {"Who makes it", "Response", "Caveats"} <= labels, labels
    assert phone.locator("table.claims-table thead").bounding_box()["width"] <= 1


def test_a_claims_row_leads_to_its_claim_in_more_detail_opened_and_in_view(phone):
    phone.goto("sides/")
    phone.wait_for_load_state("load")
    row = phone.locator("table.claims-table tbody > tr").filter(has=phone.locator("p.claims-table__more")).nth(1)
    claim = row.get_attribute("id").removeprefix("claim-")
    row.locator("p.claims-table__more a").click()
    phone.wait_for_url(re.compile(f"claims-detail/#more-{re.escape(claim)}$"))
    phone.wait_for_load_state("load")
    block = phone.locator(f"[id='more-{claim}'] details").first
    phone.wait_for_function("id => document.getElementById(id).querySelector('details').open", arg=f"more-{claim}")
    box = block.bounding_box()
    assert box["y"] < PHONE["height"] and box["y"] + 40 > 0, "the opened block is on screen"
    assert horizontal_overflow(phone) is None


# --- the link to one sentence (issue 10, open data) -------------------------------------------
_CLAIM_BOXES = """(el) => [...el.closest('article').querySelectorAll('p, li, td')].slice(0, 40)
    .map(b => { const r = b.getBoundingClientRect(); return [r.x, r.y + window.scrollY, r.width, r.height].join(','); })"""


def test_a_reader_on_a_phone_copies_a_link_to_one_sentence_and_it_opens_marked(browser, base_url):
    context, traffic = new_context(browser, base_url, viewport=PHONE)
    context.grant_permissions(["clipboard-read", "clipboard-write"], origin=base_url.rstrip("/"))
    page = context.new_page()
    page.goto("sanctions/")
    page.wait_for_load_state("load")
    claim = page.locator("article .claim").nth(3)
    anchor = claim.get_attribute("id")
    # One link for the page, made when a reader points at a sentence (issue 9: no link element in every sentence).
    assert page.locator("article a.claim-link").count() == 0
    before = claim.evaluate(_CLAIM_BOXES)

    # Keyboard: from the sentence's footnote reference, the next Tab reaches the link to the sentence.
    claim.locator("a.footnote-ref").last.focus()
    page.keyboard.press("Tab")
    link = claim.locator("a.claim-link")
    assert link.evaluate("el => el === document.activeElement"), "Tab after the references reaches the link"
    assert link.get_attribute("href") == f"#{anchor}" and link.get_attribute("aria-label") == "Link to this sentence"
    assert link.evaluate("el => getComputedStyle(el).opacity") == "1", "shown on keyboard focus"
    assert claim.evaluate(_CLAIM_BOXES) == before, "showing the link moved the text"

    link.click()
    page.wait_for_function("() => document.querySelector('.claim-status')?.textContent.length > 0")
    assert page.evaluate("() => location.hash") == f"#{anchor}"
    assert page.evaluate("() => navigator.clipboard.readText()") == f"{base_url.rstrip('/')}/sanctions/#{anchor}"
    assert page.locator(".claim-status").get_attribute("role") == "status"
    marked = claim.evaluate("el => getComputedStyle(el).backgroundColor")
    assert marked not in ("rgba(0, 0, 0, 0)", "transparent"), "the linked sentence is marked"
    assert horizontal_overflow(page) is None
    assert claim.evaluate(_CLAIM_BOXES) == before, "copying moved the text"

    fresh = context.new_page()  # the copied link opens the page at that sentence, marked
    fresh.goto(f"sanctions/#{anchor}")
    fresh.wait_for_load_state("load")
    assert fresh.locator(f"[id='{anchor}']").evaluate("el => el.matches(':target')")
    assert run_axe(fresh) == []
    context.close()
    assert not traffic.outside, traffic.outside


def test_on_a_touch_phone_a_tap_on_a_sentence_shows_its_link_and_a_tap_elsewhere_hides_it(browser, base_url):
    context = browser.new_context(viewport=PHONE, base_url=base_url, has_touch=True, is_mobile=True,
                                  service_workers="block")
    traffic = guard(context, base_url)
    page = context.new_page()
    page.goto("sanctions/")
    page.wait_for_load_state("load")
    first, second = page.locator("article p > .claim").nth(1), page.locator("article p > .claim").nth(2)
    opacity = "el => { const a = el.querySelector('a.claim-link'); return a ? getComputedStyle(a).opacity : '0'; }"
    assert first.evaluate(opacity) == "0"
    start = "el => { const r = el.getClientRects()[0]; return [r.left + 4, r.top + r.height / 2]; }"  # its first word
    page.touchscreen.tap(*first.evaluate(start))
    assert first.evaluate(opacity) == "1" and second.evaluate(opacity) == "0"
    page.touchscreen.tap(*second.evaluate(start))
    assert first.evaluate(opacity) == "0" and second.evaluate(opacity) == "1"
    assert page.evaluate("() => location.hash") == "", "a tap on the text itself follows no link"
    context.close()
    assert not traffic.outside, traffic.outside

