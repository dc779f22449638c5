"""Headless Debian Chromium for the browser tests (never Playwright's downloaded browsers)."""

import itertools
import os
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
CONTENT_HEIGHT_JS = """() => Math.max(
    document.scrollingElement.scrollHeight,
    ...Array.from(document.querySelectorAll("body *"))
        .filter((el) => /(auto|scroll)/.test(getComputedStyle(el).overflowY))
        .map((el) => el.scrollHeight + el.getBoundingClientRect().top),
)"""
SCREENSHOT_DIR = Path(__file__).resolve().parents[2] / "artifacts" / "browser"


@pytest.fixture
def chromium(monkeypatch):
    """A launched Chromium; fails on CI and skips elsewhere when it is not installed."""
    if not os.path.exists(CHROMIUM):
        reason = (
            f"{CHROMIUM} not found: the browser test needs Debian's chromium and fonts-noto-cjk "
            "(`make browser-deps`, or apt-get install chromium fonts-noto-cjk)"
        )
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    # Playwright's sync API runs an event loop in this thread; the test reads the database
    # between browser steps, which Django otherwise refuses in an async context.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


@pytest.fixture(scope="session")
def _screenshot_counter():
    """Empties artifacts/browser/ once per run; numbers screenshots across the run."""
    SCREENSHOT_DIR.mkdir(parents=True, exist_ok=True)
    for old in SCREENSHOT_DIR.glob("*.png"):
        old.unlink()
    return itertools.count(1)


@pytest.fixture
def screenshot(_screenshot_counter):
    """``screenshot(page, "step")`` saves artifacts/browser/NN-step.png (full page)."""

    def take(page, step):
        path = SCREENSHOT_DIR / f"{next(_screenshot_counter):02d}-{step}.png"
        # Wagtail's admin scrolls an inner element, which full_page alone does not capture:
        # grow the viewport to the tallest scroll height for the shot, then restore it.
        viewport = page.viewport_size
        height = page.evaluate(CONTENT_HEIGHT_JS)
        if viewport and height > viewport["height"]:
            page.set_viewport_size({"width": viewport["width"], "height": min(height, 8000)})
        page.screenshot(path=str(path), full_page=True)
        if viewport:
            page.set_viewport_size(viewport)
        return path

    return take


@pytest.fixture(autouse=True)
def _migrated_records(request):
    """What ``migrate`` creates after its migrations (permissions, role groups, Wagtail's root
    records) is there for every transactional browser test, whatever ran before it: a test with
    ``serialized_rollback`` (the admin-language walk) empties the tables at its end without
    creating them again, as Django does for such tests."""
    marker = request.node.get_closest_marker("django_db")
    if not marker or not marker.kwargs.get("transaction"):
        return
    request.getfixturevalue("transactional_db")
    if not Permission.objects.exists():
        ContentType.objects.clear_cache()  # the cached rows were emptied too
        call_command("migrate", verbosity=0, interactive=False)
