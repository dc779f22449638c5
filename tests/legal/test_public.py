"""What the public reads: the registry's article text where a basis has none, bases in order of
precedence, and a basis amended or repealed said on the item page until the item is reviewed."""

import datetime

from django.urls import reverse

from catalog.enums import DocumentStatus, LegalLevel
from catalog.legal.services import legal_document_set_status, review_flag_resolve
from catalog.models import LegalArticle, ReviewFlag
from publishing.services import item_withdraw
from search.models import SearchDocument
from search.services import live_documents
from tests.factories import make_item, publish

from .documents import LAWYERS_LAW_19, firms_rules, lawyers_law

LAW_19 = {"name": "《中华人民共和国律师法》", "article": "第十九条", "legal_level": "law"}
RULES_35 = {
    "name": "《律师事务所管理办法》",
    "article": "第三十五条第五款",
    "legal_level": "departmental_rule",
}
REPEALED_ON = datetime.date(2026, 1, 1)


def _page(client, item):
    return client.get(item.get_absolute_url()).content.decode()


def test_the_item_page_shows_the_registrys_text_when_the_basis_has_none(
    client, editor_a, dept_a, reviewer
):
    lawyers_law()
    item = publish(make_item(editor_a, dept_a, legal_bases=[LAW_19]), editor_a, reviewer)
    assert LAWYERS_LAW_19[:30] in _page(client, item)


def test_a_basis_whose_text_nobody_has_says_so(client, editor_a, dept_a, reviewer):
    item = publish(make_item(editor_a, dept_a, legal_bases=[LAW_19]), editor_a, reviewer)
    assert "条文内容暂未录入" in _page(client, item)


def test_bases_are_listed_in_order_of_precedence(client, editor_a, dept_a, reviewer):
    lawyers_law(), firms_rules()
    item = publish(make_item(editor_a, dept_a, legal_bases=[RULES_35, LAW_19]), editor_a, reviewer)
    page = _page(client, item)
    assert page.index("《中华人民共和国律师法》第十九条") < page.index("《律师事务所管理办法》")
    catalog = client.get(reverse("public:catalog")).content.decode()
    assert catalog.index("《中华人民共和国律师法》第十九条") < catalog.index(
        "《律师事务所管理办法》第三十五条第五款"
    )
    assert LAWYERS_LAW_19[:30] in catalog  # behind the table's 条文内容 toggle


def test_a_repealed_basis_is_said_on_the_public_page_until_the_item_is_reviewed(
    client, editor_a, dept_a, reviewer
):
    law = lawyers_law()
    item = publish(make_item(editor_a, dept_a, legal_bases=[LAW_19]), editor_a, reviewer)
    notice = "《中华人民共和国律师法》已于2026年1月1日废止。"
    assert notice not in _page(client, item)
    legal_document_set_status(
        user=reviewer, document=law, status=DocumentStatus.REPEALED, date=REPEALED_ON
    )
    assert notice in _page(client, item)
    # reviewed and published again: the flag is closed, the notice gone
    publish(item, editor_a, reviewer)
    assert notice not in _page(client, item)
    assert ReviewFlag.objects.get(item=item).resolution == "已重新审核发布"


def test_an_amended_basis_is_said_with_its_date(client, editor_a, dept_a, reviewer):
    law = lawyers_law()
    item = publish(make_item(editor_a, dept_a, legal_bases=[LAW_19]), editor_a, reviewer)
    legal_document_set_status(
        user=reviewer,
        document=law,
        status=DocumentStatus.AMENDED,
        date=datetime.date(2025, 10, 28),
    )
    assert "《中华人民共和国律师法》已于2025年10月28日修改。" in _page(client, item)


def test_withdrawing_or_closing_the_flag_ends_the_review(client, editor_a, dept_a, reviewer):
    law = lawyers_law()
    first = publish(make_item(editor_a, dept_a, legal_bases=[LAW_19]), editor_a, reviewer)
    second = publish(make_item(editor_a, dept_a, legal_bases=[LAW_19]), editor_a, reviewer)
    (flag_1, flag_2) = legal_document_set_status(
        user=reviewer, document=law, status=DocumentStatus.REPEALED, date=REPEALED_ON
    )
    item_withdraw(item=first, user=reviewer, reason="依据已废止，暂停实行告知承诺制。")
    flag_1.refresh_from_db()
    assert flag_1.resolution == "已从目录中撤回"
    review_flag_resolve(user=reviewer, flag=flag_2, resolution="新法保留了相同规定，无需调整。")
    assert not ReviewFlag.objects.open().exists()
    assert "已于2026年1月1日废止" not in _page(client, second)


def test_the_search_index_holds_the_registrys_text_and_follows_its_changes(
    editor_a, dept_a, reviewer
):
    law = lawyers_law()
    item = publish(make_item(editor_a, dept_a, legal_bases=[LAW_19]), editor_a, reviewer)
    (document,) = live_documents()
    assert LAWYERS_LAW_19 in document.display["legal_bases"][0]
    before = SearchDocument.objects.get(item_id=item.pk).fingerprint
    assert before == document.fingerprint
    article = LegalArticle.objects.get(document=law)
    article.text = "合伙律师事务所可以设立分所。"
    article.save()  # the index entry is rewritten at once
    (document,) = live_documents()
    assert "合伙律师事务所可以设立分所。" in document.display["legal_bases"][0]
    assert SearchDocument.objects.get(item_id=item.pk).fingerprint == document.fingerprint
    assert document.fingerprint != before


def test_the_letter_form_quotes_the_registrys_text(client, editor_a, dept_a, reviewer):
    lawyers_law()
    item = publish(make_item(editor_a, dept_a, legal_bases=[LAW_19]), editor_a, reviewer)
    page = client.get(reverse("public:letter_form", args=[item.pk])).content.decode()
    assert "《中华人民共和国律师法》第十九条：" + LAWYERS_LAW_19[:20] in page


def test_the_new_levels_are_shown_with_their_labels(client, editor_a, dept_a, reviewer):
    decision = {
        "name": "《国务院对确需保留的行政审批项目设定行政许可的决定》",
        "document_number": "国务院令第412号",
        "article": "附件第38项",
        "article_text": "",
        "legal_level": LegalLevel.STATE_COUNCIL_DECISION,
    }
    item = publish(make_item(editor_a, dept_a, legal_bases=[decision]), editor_a, reviewer)
    assert "效力层级：国务院决定" in _page(client, item)
