"""The Content-Security-Policy holds in a real browser: no page of the public site, of the
sign-in page or of the admin paths a clerk and a reviewer take is refused anything by the
browser (a refused script or style would be a broken page), and the public site and sign-in
page do so under the strict policy (no inline script or style)."""

import pytest
from django.conf import settings
from django.urls import reverse

from permissions.enums import Role
from tests.factories import make_department, make_item, make_user, submit
from tests.public.site import build_public_site, page_urls

from .test_editor_to_public import _log_in

# Collected in the page before any of its own scripts run.
RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
    const what = `${e.violatedDirective} blocked ${e.blockedURI || "inline"}`;
    window.__cspViolations.push(`${what} at ${e.sourceFile}:${e.lineNumber}`);
});
"""
STATUS = {"not found": 404, "withdrawn item": 410}


def _violations(page, url, expected_status=200):
    response = page.goto(url)
    assert response.status == expected_status, (url, response.status)
    page.wait_for_load_state("networkidle")
    return [f"{url}: {v}" for v in page.evaluate("window.__cspViolations")]


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_no_page_is_refused_anything_by_the_content_security_policy(live_server, chromium):
    base = live_server.url
    department = make_department(settings.SEARCH_CONTACT_DEPARTMENT)
    editor = make_user("csp_editor", role=Role.EDITOR, departments=[department])
    reviewer = make_user("csp_reviewer", role=Role.REVIEWER)
    site = build_public_site(editor, department, reviewer)
    in_review = submit(make_item(editor, department, name="待审核的证明"), editor)
    failures = []

    public = chromium.new_context(locale="zh-CN").new_page()
    public.add_init_script(RECORD_VIOLATIONS)
    for name, url in page_urls(site).items():
        failures += _violations(public, base + url, STATUS.get(name, 200))
    failures += _violations(public, base + reverse("wagtailadmin_login"))

    item_urls = "wagtailsnippets_catalog_certificateitem"
    admin_pages = {
        "csp_editor": [
            reverse("wagtailadmin_home"),
            reverse(f"{item_urls}:list"),
            reverse(f"{item_urls}:add"),
            reverse(f"{item_urls}:edit", args=[in_review.pk]),
            reverse(f"{item_urls}:history", args=[site["item"].pk]),
            reverse("wagtailsnippets_catalog_serviceguide:edit", args=[site["guide"].pk]),
            reverse("catalog_export"),
        ],
        "csp_reviewer": [
            reverse("wagtailadmin_home"),
            reverse("publishing_review", args=[in_review.pk]),
            reverse(f"{item_urls}:edit", args=[in_review.pk]),
            reverse("catalog_revisions"),
        ],
    }
    for username, urls in admin_pages.items():
        page = _log_in(chromium, base, username)
        page.add_init_script(RECORD_VIOLATIONS)
        for url in urls:
            failures += _violations(page, base + url)
        # the preview panel frames the preview page of the item
        page.goto(base + reverse(f"{item_urls}:edit", args=[in_review.pk]))
        page.locator("[data-side-panel-toggle=preview]").click()
        frame = page.frame_locator("iframe").first
        frame.locator("h1").wait_for(state="attached")  # framed, not refused
        failures += [f"preview: {v}" for v in page.evaluate("window.__cspViolations")]

    assert not failures, "refused by the Content-Security-Policy:\n" + "\n".join(failures)
