"""Real Chromium through Playwright, with axe-core, on the live test server.

Outside CI the browser tests skip loudly when Chromium is missing; with CI=true they must run.
Every page a test opens is watched: a request leaving the site or a CSP violation fails it.
"""

from __future__ import annotations

import os
import shutil

import pytest

os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs a loop

CHROMIUM = os.environ.get("CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--disable-dev-shm-usage",
    "--no-first-run",
]
CSP_LISTENER = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (e) => {
  window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI);
});
"""


_SKIPPED: list[str] = []


def pytest_terminal_summary(terminalreporter):
    """Say it loudly at the end: skipped browser tests are not a pass."""
    if _SKIPPED:
        terminalreporter.write_sep("!", "BROWSER TESTS SKIPPED", red=True, bold=True)
        terminalreporter.write_line(
            f"Chromium was not found at {_SKIPPED[0]}: the accessibility and end-to-end tests "
            "did not run. Install it (apt-get install chromium) or set CHROMIUM=/path.",
            red=True,
        )


@pytest.fixture(scope="session")
def browser():
    if not os.path.exists(CHROMIUM):
        if os.environ.get("CI") == "true":
            pytest.fail("Chromium is required in CI (apt-get install chromium)")
        _SKIPPED.append(CHROMIUM)
        pytest.skip("BROWSER TESTS SKIPPED: Chromium not found (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        yield browser
        browser.close()


class WatchedPage:
    """A page plus what it requested, to check that nothing left the site."""

    def __init__(self, page, base_url):
        self.page = page
        self.base_url = base_url
        self.requests: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))

    def foreign_requests(self) -> list[str]:
        return [
            url
            for url in self.requests
            if not url.startswith(self.base_url) and not url.startswith("data:")
        ]

    def csp_violations(self) -> list[str]:
        return self.page.evaluate("window.__cspViolations || []")


@pytest.fixture
def site(browser, live_server):
    context = browser.new_context(locale="fr-FR", viewport={"width": 1280, "height": 900})
    context.add_init_script(CSP_LISTENER)
    page = context.new_page()
    watched = WatchedPage(page, live_server.url)
    yield watched
    foreign = watched.foreign_requests()
    context.close()
    assert foreign == [], f"requests outside the site: {foreign}"


def check_page(watched: WatchedPage) -> None:
    """axe-clean, stylesheet and font really loaded, no CSP violation."""
    from axe_playwright_python.sync_playwright import Axe

    page = watched.page
    page.wait_for_load_state("networkidle")
    font = page.evaluate("getComputedStyle(document.body).fontFamily")
    assert "Atkinson Hyperlegible" in font, f"site stylesheet not applied: {font}"
    loaded = page.evaluate(
        "document.fonts.ready.then(() => document.fonts.check('16px \"Atkinson Hyperlegible\"'))"
    )
    assert loaded, "the self-hosted font did not load"
    primary = page.evaluate(
        "getComputedStyle(document.documentElement).getPropertyValue('--primary').trim()"
    )
    assert primary.startswith("#"), "theme.css not applied"
    results = Axe().run(page)
    assert results.violations_count == 0, results.generate_report()
    assert watched.csp_violations() == []
