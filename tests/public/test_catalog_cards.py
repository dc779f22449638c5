"""The 附件4 table: citations in the row, each article text one tap away in a <details>
(no script needed). On a phone the row is a card: tests/browser/test_public_layout.py."""

from bs4 import BeautifulSoup
from django.urls import reverse

from ..factories import LEGAL_BASIS, make_item, publish


def test_article_texts_are_behind_details_and_citations_are_in_the_row(
    client, editor_a, dept_a, reviewer
):
    publish(make_item(editor_a, dept_a), editor_a, reviewer)
    soup = BeautifulSoup(client.get(reverse("public:catalog")).content, "html.parser")
    cell = soup.select_one("td[data-label=设定依据]")
    details = cell.select("details")
    assert len(details) == 1
    assert details[0].summary.get_text() == "条文内容：《中华人民共和国律师法》第十九条"
    assert LEGAL_BASIS["article_text"] in details[0].get_text()
    outside = "".join(el.get_text() for el in cell.select(".basis-cell > p"))
    assert outside == "《中华人民共和国律师法》（中华人民共和国主席令第七十六号）第十九条"


def test_short_columns_are_marked_to_stay_on_one_line(client, editor_a, dept_a, reviewer):
    publish(make_item(editor_a, dept_a), editor_a, reviewer)
    soup = BeautifulSoup(client.get(reverse("public:catalog")).content, "html.parser")
    for label in ("效力层级", "事项类型"):
        assert "nowrap" in soup.select_one(f"td[data-label={label}]")["class"], label
        header = soup.find("th", string=label)
        assert "nowrap" in header["class"], label
