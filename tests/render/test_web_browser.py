"""The web edition in a real browser: Debian's chromium, driven by Playwright (the system
browser; nothing is downloaded). The index and two document pages at 1280 px, at 640 px (a
1280 px window at 200 % zoom) and at 390 px (a phone): no sideways scrolling, no console
error, text contrast of at least 4.5:1; the 大字号 switch with and without JavaScript; the
print style. Screenshots go to $GAZETTE_SCREENSHOTS when set (else the test's tmp folder)."""
import os
import re
import shutil
from pathlib import Path

import pytest

from editor.layout.titlebreak import break_costs, organ_names
from editor.pipeline import load_issue
from testpaths import ROOT, SAMPLE, run_main

sync_api = pytest.importorskip("playwright.sync_api", reason="需要 Python 包 playwright（pyproject.toml 的 test 依赖）")
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="需要 Debian 的 chromium 浏览器（.ci/run 会安装）")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
PAGES = ["index.html", "2020-10-01.html", "2020-10-08.html"]   # the 目录, a report, a regulation
WIDTHS = [(1280, 1), (640, 2), (390, 3)]                         # CSS px, device pixel ratio

TEXT_COLOURS = """() => {
  const out = [];
  const walk = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  while (walk.nextNode()) {
    const node = walk.currentNode;
    if (!node.textContent.trim()) continue;
    const el = node.parentElement, style = getComputedStyle(el);
    if (style.visibility === "hidden" || el.getClientRects().length === 0) continue;
    let bg = "rgb(255, 255, 255)";
    for (let e = el; e; e = e.parentElement) {
      const c = getComputedStyle(e).backgroundColor;
      if (c !== "rgba(0, 0, 0, 0)" && c !== "transparent") { bg = c; break; }
    }
    out.push([style.color, bg, el.tagName.toLowerCase() + "." + el.className, node.textContent.trim().slice(0, 12)]);
  }
  return out;
}"""
OVERFLOW = "() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]"


def luminance(css: str) -> float:
    r, g, b = (int(v) / 255 for v in re.findall(r"\d+", css)[:3])
    lin = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in (r, g, b)]
    return 0.2126 * lin[0] + 0.7152 * lin[1] + 0.0722 * lin[2]


def contrast(fg: str, bg: str) -> float:
    a, b = sorted((luminance(fg), luminance(bg)), reverse=True)
    return (a + 0.05) / (b + 0.05)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    out = tmp_path_factory.mktemp("site") / "web"
    r = run_main("build", SAMPLE, "--web", out)
    assert r.returncode == 0, r.stderr
    return out


@pytest.fixture(scope="module")
def shots(tmp_path_factory):
    folder = Path(os.environ.get("GAZETTE_SCREENSHOTS") or tmp_path_factory.mktemp("shots"))
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    """Chromium with the shipped fonts added to the system's (fontconfig), so screenshots
    show the Chinese text on a machine without Chinese fonts."""
    conf = tmp_path_factory.mktemp("fontconfig") / "fonts.conf"
    conf.write_text('<?xml version="1.0"?><!DOCTYPE fontconfig SYSTEM "fonts.dtd"><fontconfig>'
                    '<include ignore_missing="yes">/etc/fonts/fonts.conf</include>'
                    f'<dir>{ROOT / "fonts"}</dir><cachedir>{conf.parent / "cache"}</cachedir></fontconfig>',
                    encoding="utf-8")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS,
                              env={**os.environ, "FONTCONFIG_FILE": str(conf)})
        yield b
        b.close()


def open_page(browser, width: int, scale: int, javascript: bool = True):
    context = browser.new_context(viewport={"width": width, "height": 900}, device_scale_factor=scale,
                                  java_script_enabled=javascript)
    page = context.new_page()
    errors = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return context, page, errors


@pytest.mark.parametrize("width,scale", WIDTHS)
def test_pages_fit_the_width_without_errors_and_with_enough_contrast(browser, site, shots, width, scale):
    context, page, errors = open_page(browser, width, scale)
    low = set()
    for name in PAGES:
        page.goto((site / name).as_uri())
        page.wait_for_load_state("load")
        scroll, client = page.evaluate(OVERFLOW)
        assert scroll <= client, f"{name} at {width} px scrolls sideways ({scroll} > {client})"
        for fg, bg, where, text in page.evaluate(TEXT_COLOURS):
            if contrast(fg, bg) < 4.5:
                low.add((name, where, text, fg, bg))
        page.screenshot(path=str(shots / f"{width}-{name}.png"), full_page=name == "index.html")
        if name == "index.html":      # （2020— / 2022年） was cut here at 1280 px
            assert len(assert_breaks_as_printed(page, "nav.toc li a")) == 8
    context.close()
    assert errors == []
    assert not low


# for each element matching the selector: its text and the offset of each rendered line's
# first character
LINE_STARTS = """(elements) => elements.map((el) => {
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT); const starts = [];
  let offset = 0, lastTop = null, node;
  while ((node = walker.nextNode())) {
    for (let i = 0; i < node.length; i++) {
      const range = document.createRange(); range.setStart(node, i); range.setEnd(node, i + 1);
      const rect = range.getClientRects()[0];
      if (rect && rect.width > 0 && (lastTop === null || rect.top > lastTop + rect.height / 2)) {
        starts.push(offset + i); lastTop = rect.top; }
    }
    offset += node.length;
  }
  return [el.textContent, starts];
})"""


def assert_breaks_as_printed(page, selector: str) -> list:
    """Every line of each title matching `selector` starts where the print may break it (a
    book title longer than the line aside: there the browser must) and never inside an organ
    name (建设 / 局); out: the (text, line starts) read."""
    organs = organ_names(load_issue(SAMPLE))
    read = page.eval_on_selector_all(selector, LINE_STARTS)
    for title, starts in read:
        allowed = set(break_costs(title, organs))
        quoted = {p for m in re.finditer(r"《[^》]*》", title) for p in range(m.start() + 1, m.end())}
        assert {p for p in starts[1:] if p not in quoted} <= allowed, (title, starts)
        inside_organs = {p for name in organs for m in re.finditer(re.escape(name), title)
                         for p in range(m.start() + 1, m.end())}
        assert not set(starts) & inside_organs, (title, starts)
    return read


def font_size(page) -> float:
    return float(page.evaluate("getComputedStyle(document.documentElement).fontSize")[:-2])


def test_the_larger_text_switch_needs_no_javascript(browser, site, shots):
    context, page, errors = open_page(browser, 390, 3, javascript=False)
    page.goto((site / "2020-10-01.html").as_uri())
    normal = font_size(page)
    page.click("label.switch")
    assert font_size(page) >= 1.2 * normal
    scroll, client = page.evaluate(OVERFLOW)
    assert scroll <= client
    page.screenshot(path=str(shots / "390-large-nojs-2020-10-01.html.png"))
    context.close()
    assert errors == []


def test_with_javascript_the_larger_text_stays_from_page_to_page(browser, site, shots):
    context, page, errors = open_page(browser, 390, 3)
    page.goto((site / "index.html").as_uri())
    normal = font_size(page)
    page.click("label.switch")
    large = font_size(page)
    assert large >= 1.2 * normal
    page.click("nav.toc li a >> nth=7")
    page.wait_for_load_state("load")
    assert page.url.endswith("2020-10-08.html")
    assert font_size(page) == large and page.is_checked("#large-text")
    scroll, client = page.evaluate(OVERFLOW)
    assert scroll <= client
    page.screenshot(path=str(shots / "390-large-2020-10-08.html.png"))
    ((_title, starts),) = assert_breaks_as_printed(page, "h1.title")
    assert len(starts) >= 3, "the joint notice's title should take several lines at 390 px"
    page.click("label.switch")
    assert font_size(page) == normal
    context.close()
    assert errors == []


def test_the_print_style_leaves_out_the_controls(browser, site):
    context, page, errors = open_page(browser, 1280, 1)
    page.goto((site / "2020-10-02.html").as_uri())
    page.emulate_media(media="print")
    for selector in ("label.switch", "nav.pager"):
        assert page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).display") == "none"
    assert font_size(page) == pytest.approx(16.0)        # 12 pt
    assert page.evaluate("getComputedStyle(document.querySelector('article p')).color") == "rgb(0, 0, 0)"
    pdf = page.pdf(format="A4")
    assert pdf[:5] == b"%PDF-"
    context.close()
    assert errors == []
