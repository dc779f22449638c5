"""An item page says what to do (download the letter, where to hand it in, when, whom to ask)
right below the green box; the details follow."""

from bs4 import BeautifulSoup
from django.urls import reverse

from catalog.services import item_review

from ..factories import make_item, publish
from ..guides.helpers import make_guide, submit_guide


def sections_in_order(html: str) -> list[str]:
    """The callout and the ids of the sections of <main>, in document order."""
    main = BeautifulSoup(html, "html.parser").main
    return [
        "callout"
        if "callout" in (el.get("class") or [])
        else el.get("aria-labelledby") or el.get("aria-label")
        for el in main.find_all(["p", "section"], recursive=False)
        if "callout" in (el.get("class") or []) or el.name == "section"
    ]


def how_to(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, "html.parser").select_one("section[aria-labelledby=how-to]")


def test_how_to_block_comes_right_below_the_green_box_before_the_details(
    client, editor_a, dept_a, reviewer
):
    item = publish(make_item(editor_a, dept_a), editor_a, reviewer)
    html = client.get(item.get_absolute_url()).content.decode()
    order = sections_in_order(html)
    assert order[:3] == ["callout", "how-to", "basic"], order
    assert order.index("how-to") < order.index("basis") < order.index("notice")


def test_how_to_links_the_letter_and_gives_deadline_and_public_phone(
    client, editor_a, dept_a, reviewer
):
    item = publish(make_item(editor_a, dept_a), editor_a, reviewer)
    block = how_to(client.get(item.get_absolute_url()).content.decode())
    hrefs = [a["href"] for a in block.select("a[href]")]
    assert reverse("public:letter_form_docx", args=[item.pk]) in hrefs
    assert reverse("public:letter_form_pdf", args=[item.pk]) in hrefs
    assert reverse("public:letter_form", args=[item.pk]) in hrefs
    text = block.get_text()
    assert "和申请材料一起交" in text and "3 个工作日内" in text
    assert "tel:0483-6020000" in hrefs
    # no guide links the item: the department's office
    assert f"交到哪里：{dept_a.name}，阿拉善右旗巴丹吉林镇政务服务中心。" in text


def test_how_to_names_the_hall_and_window_of_the_guide_that_links_the_item(
    client, editor_a, dept_a, reviewer
):
    item = publish(make_item(editor_a, dept_a), editor_a, reviewer)
    guide = submit_guide(make_guide(editor_a, dept_a, item=item, window="3号窗口"), editor_a)
    item_review(user=reviewer, item=guide, action="approve")
    block = how_to(client.get(item.get_absolute_url()).content.decode())
    text = block.get_text()
    assert "交到哪里：阿拉善右旗政务服务中心一楼，3号窗口，办理时间：工作日 8:30—12:00" in text
    assert block.select_one(f"a[href='{guide.get_absolute_url()}']") is not None


def test_admin_preview_of_a_draft_says_the_letter_comes_after_publication(rf, editor_a, dept_a):
    draft = make_item(editor_a, dept_a)
    request = rf.get("/")
    request.user = editor_a
    response = draft.make_preview_request(request, draft.default_preview_mode)
    block = how_to(response.render().content.decode())
    assert "发布后可以在这里下载告知承诺书" in block.get_text()
    assert not block.select("a[href*=letter]")
    assert f"{dept_a.name}，阿拉善右旗巴丹吉林镇政务服务中心" in block.get_text()
