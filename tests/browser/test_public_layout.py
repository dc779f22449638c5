"""The public pages measured in Chromium on a phone (390x844) and a desktop (1280x900).

Screenshots: artifacts/browser/NN-phone-catalog.png, NN-phone-item-page.png, NN-desktop-catalog.png.
"""

import pytest
from playwright.sync_api import expect

from catalog.services import item_review
from permissions.enums import Role
from tests.factories import make_department, make_item, make_user, publish
from tests.guides.helpers import make_guide, submit_guide
from tests.public.site import add_demo_sized_catalog

PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 900}
TIMEOUT_MS = 15_000
# The banner catalog of the demo (33 items, 52 legal bases) was 24.8 screens tall on a phone
# when every card printed every article text; as cards with citations it is about 10.
MAX_PHONE_CATALOG_SCREENS = 12


def _open(browser, viewport, url):
    page = browser.new_context(locale="zh-CN", viewport=viewport).new_page()
    page.set_default_timeout(TIMEOUT_MS)
    assert page.goto(url).status == 200
    return page


def _people():
    department = make_department("版式测试局")
    editor = make_user("layout_editor", role=Role.EDITOR, departments=[department])
    return department, editor, make_user("layout_reviewer", role=Role.REVIEWER)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_phone_catalog_of_the_demo_size_is_short_cards_with_texts_one_tap_away(
    live_server, chromium, screenshot
):
    department, editor, reviewer = _people()
    add_demo_sized_catalog(editor, department, reviewer, count=33)
    page = _open(chromium, PHONE, f"{live_server.url}/catalog/?unit=banner")
    rows = page.locator("table.catalog-table tbody tr")
    expect(rows).to_have_count(33)
    screenshot(page, "phone-catalog")

    screens = page.evaluate("document.scrollingElement.scrollHeight") / PHONE["height"]
    assert screens < MAX_PHONE_CATALOG_SCREENS, f"the catalog is {screens:.1f} screens tall"

    card = rows.first
    for shown in ("证明名称", "证明用途", "设定依据"):
        expect(card.locator(f"td[data-label='{shown}']")).to_be_visible()
    expect(card.locator("td[data-label='证明名称']")).to_contain_text(department.name)
    expect(card.locator("td[data-label='设定依据']")).to_contain_text("国务院令第500号")
    for hidden in ("序号", "效力层级", "索要单位", "开具单位", "事项类型", "备注"):
        expect(card.locator(f"td[data-label='{hidden}']")).to_be_hidden()

    article = card.locator("td[data-label='设定依据'] details").first
    text = article.locator("p")
    expect(text).to_be_hidden()
    article.locator("summary").click()  # one tap
    expect(text).to_be_visible()
    expect(text).to_contain_text("申请认定教师资格")


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_desktop_catalog_keeps_each_legal_level_on_one_line(live_server, chromium, screenshot):
    department, editor, reviewer = _people()
    add_demo_sized_catalog(editor, department, reviewer, count=6)
    page = _open(chromium, DESKTOP, f"{live_server.url}/catalog/")
    screenshot(page, "desktop-catalog")
    table = "table.catalog-table"
    cells = page.locator(f"{table} td[data-label='效力层级'] p, {table} th:text-is('效力层级')")
    assert cells.count() == 1 + 9  # the header and one line per legal basis (6 items, 9 bases)
    for height, line_height, text in cells.evaluate_all(
        """els => els.map(el => [el.getBoundingClientRect().height
            - parseFloat(getComputedStyle(el).paddingTop)
            - parseFloat(getComputedStyle(el).paddingBottom),
            parseFloat(getComputedStyle(el).lineHeight), el.textContent])"""
    ):
        assert height < 1.5 * line_height, (
            f"“{text}” wraps: {height:.0f}px for {line_height}px lines"
        )


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_phone_item_page_shows_what_to_do_on_the_first_two_screens(
    live_server, chromium, screenshot
):
    department, editor, reviewer = _people()
    item = publish(
        make_item(editor, department, name="拟任分所负责人执业经历证明"), editor, reviewer
    )
    guide = submit_guide(make_guide(editor, department, item=item), editor)
    item_review(user=reviewer, item=guide, action="approve")
    page = _open(chromium, PHONE, f"{live_server.url}{item.get_absolute_url()}")
    screenshot(page, "phone-item-page")

    how_to = page.locator("section[aria-labelledby=how-to]")
    box = how_to.bounding_box()
    assert box["y"] < PHONE["height"], "the 怎么办 block starts below the first screen"
    assert box["y"] + box["height"] <= 2 * PHONE["height"], "the 怎么办 block ends past two screens"
    word = how_to.get_by_role("link", name="Word 版")
    assert word.bounding_box()["y"] + word.bounding_box()["height"] <= PHONE["height"]
    expect(how_to).to_contain_text("司法行政窗口")
    green = page.locator("p.callout").bounding_box()
    basic = page.locator("section[aria-labelledby=basic]").bounding_box()
    assert green["y"] < box["y"] < basic["y"]
