"""axe-core finds no violation on the public credit page (/credit/), with a record listed,
on a phone and on a desktop."""

import pytest

from tests.browser.test_public_accessibility import RUN_AXE, VIEWPORTS, axe_source  # noqa: F401
from tests.cases.helpers import make_world
from tests.credit.helpers import organisation_record


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_the_public_credit_page_has_no_axe_violations(
    live_server,
    chromium,
    axe_source,  # noqa: F811 (the shared fixture)
    artifacts_dir,
):
    world = make_world()
    organisation_record(world["users"]["author_a"], world["own"])
    failures = []
    for width_name, viewport in VIEWPORTS.items():
        context = chromium.new_context(locale="zh-CN", viewport=viewport, bypass_csp=True)
        page = context.new_page()
        response = page.goto(live_server.url + "/credit/")
        assert response.status == 200
        assert "阿拉善右旗示例律师事务所" in page.content()
        page.add_script_tag(content=axe_source)
        failures += [f"{width_name}: {v['id']} {v['help']}" for v in page.evaluate(RUN_AXE)]
        if width_name == "desktop":
            page.screenshot(path=f"{artifacts_dir}/credit_public.png", full_page=True)
        context.close()
    assert not failures, failures
