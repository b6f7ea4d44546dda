#!/usr/bin/env python3
"""Opens the main job's page in headless Chromium and checks what a reader would see.

usage: html_check.py PAGE.html SCREENSHOT.png

Checks, each a line of output: the page loads with no console error; every figure (an
inline <svg>, or an <img>) has a size on the page and drawn content (an SVG with paths,
lines, polygons or text; an image that decoded); every link resolves: a relative link to a
file that exists, an in-page link to an element with that id. Keeps a full-page screenshot.
Needs Debian's chromium, chromium-driver and python3-selenium (scripts/install-deps.sh);
without them it prints one line saying what is missing and exits 0, so `make test` names the
skip instead of failing on a machine that cannot install Chromium. Exits 1 when a check fails.
"""
import os
import sys
from urllib.parse import unquote, urlparse

SHOTS_WIDTH = 1200


def missing():
    """What of Chromium's stack is absent, or None."""
    try:
        import selenium  # noqa: F401
    except ImportError:
        return "python3-selenium"
    for exe in ("/usr/bin/chromium", "/usr/bin/chromedriver"):
        if not os.path.exists(exe):
            return exe
    return None


def browser():
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service
    opts = webdriver.ChromeOptions()
    opts.binary_location = "/usr/bin/chromium"
    for a in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
              "--disable-background-networking", "--disable-component-update", "--disable-sync",
              "--no-first-run", "--disable-quic", "--window-size=%d,900" % SHOTS_WIDTH):
        opts.add_argument(a)
    opts.set_capability("goog:loggingPrefs", {"browser": "ALL"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=opts)


FIGURES_JS = """
const outer = Array.from(document.querySelectorAll('svg'))
    .filter(e => !e.parentElement.closest('svg'));
return outer.concat(Array.from(document.querySelectorAll('img'))).map(e => {
  const r = e.getBoundingClientRect();
  const tag = e.tagName.toLowerCase();
  const drawn = tag === 'img' ? (e.complete && e.naturalWidth > 0 ? 1 : 0)
      : e.querySelectorAll('path, line, polyline, polygon, rect, circle, text, use').length;
  const where = e.closest('section');
  return {tag: tag, w: r.width, h: r.height, drawn: drawn, section: where ? where.id : ''};
});
"""


def check_figures(driver, fails):
    figs = driver.execute_script(FIGURES_JS)
    for f in figs:
        if f["w"] < 20 or f["h"] < 20 or f["drawn"] < 1:
            fails.append("figure in #%s (%s) is empty or has no size: %dx%d, %d drawn "
                         "elements" % (f["section"], f["tag"], f["w"], f["h"], f["drawn"]))
    return len(figs)


def check_links(driver, page, fails):
    hrefs = driver.execute_script(
        "return Array.from(document.querySelectorAll('a[href]')).map(a => a.getAttribute('href'))")
    ids = set(driver.execute_script(
        "return Array.from(document.querySelectorAll('[id]')).map(e => e.id)"))
    base = os.path.dirname(os.path.abspath(page))
    for h in hrefs:
        u = urlparse(h)
        if u.scheme in ("http", "https", "mailto"):
            continue
        if h.startswith("#"):
            if h[1:] not in ids:
                fails.append("link %s: no element with that id" % h)
            continue
        target = os.path.normpath(os.path.join(base, unquote(u.path)))
        if not os.path.exists(target):
            fails.append("link %s: %s does not exist" % (h, target))
    return len(hrefs)


def check(page, shot):
    driver = browser()
    fails = []
    try:
        driver.get("file://" + os.path.abspath(page))
        errors = [e for e in driver.get_log("browser") if e.get("level") == "SEVERE"]
        for e in errors:
            fails.append("console: %s" % e.get("message"))
        nfig = check_figures(driver, fails)
        nlink = check_links(driver, page, fails)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(SHOTS_WIDTH, min(int(height) + 100, 30000))
        driver.save_screenshot(shot)
    finally:
        driver.quit()
    return fails, nfig, nlink


def main(argv):
    if len(argv) != 3:
        sys.exit("usage: html_check.py PAGE.html SCREENSHOT.png")
    page, shot = argv[1], argv[2]
    gone = missing()
    if gone:
        print("html: skipped (Chromium could not be used: %s is missing; "
              "scripts/install-deps.sh installs it)" % gone)
        return 0
    fails, nfig, nlink = check(page, shot)
    for f in fails:
        print("html: %s: %s" % (page, f))
    if fails:
        print("html: %d problems" % len(fails))
        return 1
    print("html: %s loads in Chromium with no console error; %d figures drawn, %d links "
          "resolve; screenshot %s" % (page, nfig, nlink, shot))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
