"""axe-core (npm, node_modules/axe-core, installed by `make browser-deps`) finds no violation
on any public page type, on a phone and on a desktop."""

import os
from pathlib import Path

import pytest
from django.conf import settings

from permissions.enums import Role
from tests.content.helpers import content_page_urls
from tests.factories import make_department, make_user
from tests.public.site import build_public_site, page_urls

AXE = Path(__file__).resolve().parents[2] / "node_modules" / "axe-core" / "axe.min.js"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
STATUS = {"not found": 404, "withdrawn item": 410}
RUN_AXE = """async () => {
    const result = await axe.run(document, {resultTypes: ["violations"]});
    return result.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help,
        nodes: v.nodes.map((n) => n.target.join(" ") + " — " + n.failureSummary.split("\\n")[1]),
    }));
}"""


@pytest.fixture
def axe_source():
    if not AXE.exists():
        reason = f"{AXE} not found: run `make browser-deps` (npm ci installs axe-core)"
        if os.environ.get("CI"):
            pytest.fail(reason)
        pytest.skip(reason)
    return AXE.read_text()


def _readable(where: str, violation: dict) -> str:
    nodes = "\n".join(f"      {node}" for node in violation["nodes"][:5])
    return f"  {where}: {violation['id']} ({violation['impact']}) {violation['help']}\n{nodes}"


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_every_public_page_type_has_no_axe_violations_on_phone_and_desktop(
    live_server, chromium, axe_source
):
    # the department the footer and the search's no-result page give as contact
    department = make_department(settings.SEARCH_CONTACT_DEPARTMENT)
    editor = make_user("a11y_editor", role=Role.EDITOR, departments=[department])
    site = build_public_site(editor, department, make_user("a11y_reviewer", role=Role.REVIEWER))
    urls = {**page_urls(site), **content_page_urls()}
    failures, checked = [], 0
    for width_name, viewport in VIEWPORTS.items():
        # axe is injected as an inline script, which the site's Content-Security-Policy forbids
        context = chromium.new_context(locale="zh-CN", viewport=viewport, bypass_csp=True)
        page = context.new_page()
        for name, url in urls.items():
            response = page.goto(live_server.url + url)
            assert response.status == STATUS.get(name, 200), (name, url, response.status)
            page.add_script_tag(content=axe_source)
            for violation in page.evaluate(RUN_AXE):
                failures.append(_readable(f"{width_name} {name} {url}", violation))
            checked += 1
        page.context.close()
    assert checked == 2 * len(urls) == 60
    assert not failures, "axe-core violations:\n" + "\n".join(failures)
