"""The registry in the admin: bases linked from the item form, the chooser (Chinese or pinyin),
the justice bureau's pages (confirm, mark amended or repealed, history, the review report)."""

import datetime
import json
import re

from django.urls import reverse

from catalog.enums import DocumentStatus, LegalLevel
from catalog.models import CertificateItem, LegalDocument, ReviewFlag
from catalog.services import item_update
from tests.factories import make_item, publish
from tests.test_admin_forms import NS, form_data

from .documents import LAWYERS_LAW_19, firms_rules, lawyers_law


def _add(client, department, bases, action="action-save"):
    data = form_data(department=department, bases=bases, name="依据测试证明")
    data[action] = "on"
    return client.post(reverse(f"{NS}:add"), data)


def test_a_basis_typed_in_the_item_form_is_linked_to_the_registry_by_its_short_name(
    client, editor_a, dept_a
):
    law = lawyers_law()
    client.force_login(editor_a)
    basis = {"name": "律师法", "article": "第十九条", "article_text": "", "legal_level": "law"}
    response = _add(client, dept_a, [basis])
    assert response.status_code == 302
    item = CertificateItem.objects.get(name="依据测试证明")
    (saved,) = item.get_latest_revision_as_object().legal_bases.all()
    assert saved.document_id == law.pk
    assert saved.text == LAWYERS_LAW_19  # shown from the registry


def test_a_whole_citation_pasted_into_the_name_is_split_into_its_parts(client, editor_a, dept_a):
    client.force_login(editor_a)
    basis = {
        "name": "《律师事务所管理办法》（司法部令第142号）第三十五条第五款",
        "document_number": "",
        "article": "",
        "article_text": "",
        "legal_level": "departmental_rule",
    }
    assert _add(client, dept_a, [basis]).status_code == 302
    (saved,) = CertificateItem.objects.get(name="依据测试证明").legal_bases.all()
    assert (saved.name, saved.document_number, saved.article) == (
        "《律师事务所管理办法》",
        "司法部令第142号",
        "第三十五条第五款",
    )
    document = saved.document
    assert (document.name, document.verified, document.legal_level) == (
        "律师事务所管理办法",
        False,
        LegalLevel.DEPARTMENTAL_RULE,
    )


def test_a_basis_without_article_and_text_may_be_submitted(client, editor_a, dept_a):
    client.force_login(editor_a)
    basis = {
        "name": "《国务院关于进一步做好新形势下就业创业工作的意见》",
        "document_number": "国发〔2015〕23号",
        "article": "",
        "article_text": "",
        "legal_level": "normative_document",
    }
    assert _add(client, dept_a, [basis], action="action-submit").status_code == 302
    assert CertificateItem.objects.get(name="依据测试证明").current_workflow_state is not None


def test_the_item_form_offers_the_legal_document_chooser(client, editor_a, dept_a):
    client.force_login(editor_a)
    page = client.get(reverse(f"{NS}:add")).content.decode()
    assert reverse("legal_document_chooser:choose") in page


def _chooser_titles(client, query):
    response = client.get(reverse("legal_document_chooser:choose_results"), {"q": query})
    assert response.status_code == 200
    html = response.content.decode()
    return [name for name in ("中华人民共和国律师法", "律师事务所管理办法") if name in html]


def test_the_chooser_finds_a_document_by_any_name_in_chinese_or_pinyin(client, editor_a):
    lawyers_law(), firms_rules()
    client.force_login(editor_a)
    assert _chooser_titles(client, "律师法") == ["中华人民共和国律师法"]  # a short name
    assert _chooser_titles(client, "律所管理办法") == ["律师事务所管理办法"]  # an alias
    assert _chooser_titles(client, "lvshifa") == ["中华人民共和国律师法"]  # full pinyin
    assert _chooser_titles(client, "lsswsglbf") == ["律师事务所管理办法"]  # initials
    assert _chooser_titles(client, "律師") == ["中华人民共和国律师法", "律师事务所管理办法"]
    assert _chooser_titles(client, "142号") == ["律师事务所管理办法"]  # the 文号
    assert _chooser_titles(client, "gongzheng") == []


def test_the_chooser_modal_opens_with_chinese_labels(client, editor_a):
    lawyers_law()
    client.force_login(editor_a)
    response = client.get(reverse("legal_document_chooser:choose"))
    html = json.loads(response.content)["html"]
    assert "选择法律文件" in html and "拼音" in html


def _flagged(document):
    return set(
        ReviewFlag.objects.open().filter(document=document).values_list("item_id", flat=True)
    )


def test_repealing_a_document_flags_exactly_the_published_items_citing_it(
    client, editor_a, dept_a, reviewer
):
    law, rules = lawyers_law(), firms_rules()
    law_basis = {"name": "《中华人民共和国律师法》", "article": "第十九条", "legal_level": "law"}
    rules_basis = {
        "name": "《律师事务所管理办法》",
        "article": "第三十五条",
        "legal_level": "departmental_rule",
    }
    citing = publish(
        make_item(editor_a, dept_a, legal_bases=[law_basis, rules_basis]), editor_a, reviewer
    )
    other = publish(make_item(editor_a, dept_a, legal_bases=[rules_basis]), editor_a, reviewer)
    draft = make_item(editor_a, dept_a, legal_bases=[law_basis])  # not published
    # published, then a draft that cites the law (the published version does not)
    changed = publish(make_item(editor_a, dept_a, legal_bases=[rules_basis]), editor_a, reviewer)
    item_update(user=editor_a, item=changed, fields={}, legal_bases=[law_basis])
    client.force_login(reviewer)
    response = client.post(
        reverse("legal_document_status", args=[law.pk]),
        {"status": "repealed", "date": "2026-01-01", "note": "被新法取代"},
    )
    assert response.status_code == 302
    assert _flagged(law) == {citing.pk}
    assert not _flagged(rules)
    assert draft.pk not in _flagged(law) and other.pk not in _flagged(law)
    law.refresh_from_db()
    assert (law.status, law.repealed_on) == (DocumentStatus.REPEALED, datetime.date(2026, 1, 1))


def test_marking_without_a_date_is_refused_and_flags_nothing(client, editor_a, dept_a, reviewer):
    law = lawyers_law()
    publish(
        make_item(editor_a, dept_a, legal_bases=[{"name": "律师法", "legal_level": "law"}]),
        editor_a,
        reviewer,
    )
    client.force_login(reviewer)
    response = client.post(
        reverse("legal_document_status", args=[law.pk]), {"status": "amended", "date": ""}
    )
    assert response.status_code == 200
    assert "请填写修改日期。" in response.content.decode()
    assert not ReviewFlag.objects.exists()


def test_only_the_justice_bureau_marks_or_confirms_documents(client, editor_a):
    law = lawyers_law(verified=False)
    client.force_login(editor_a)
    for name in ("legal_document_status", "legal_document_verify"):
        response = client.post(
            reverse(name, args=[law.pk]), {"status": "repealed", "date": "2026-01-01"}
        )
        assert response.status_code in (302, 403)
    law.refresh_from_db()
    assert law.status == DocumentStatus.IN_FORCE and not law.verified


def test_the_justice_bureau_confirms_an_unverified_document(client, reviewer):
    law = lawyers_law(verified=False)
    client.force_login(reviewer)
    client.post(reverse("legal_document_verify", args=[law.pk]))
    law.refresh_from_db()
    assert law.verified and law.verified_by == reviewer


def test_the_history_page_lists_changes_of_the_document_its_names_and_articles(client, reviewer):
    law = lawyers_law()
    law.document_number = "主席令第七十六号"
    law.save()
    client.force_login(reviewer)
    page = client.get(reverse("legal_document_history", args=[law.pk])).content.decode()
    assert "主席令第七十六号" in page
    assert "别名“律师法”：创建" in page
    assert "条文“第十九条”：创建" in page


def test_the_registry_listing_and_read_view_are_in_chinese(client, editor_a):
    law = lawyers_law()
    client.force_login(editor_a)
    listing = client.get(reverse("wagtailsnippets_catalog_legaldocument:list")).content.decode()
    assert "中华人民共和国律师法" in listing and "现行有效" in listing
    page = client.get(
        reverse("wagtailsnippets_catalog_legaldocument:inspect", args=[law.pk])
    ).content.decode()
    assert "简称和别名" in page and LAWYERS_LAW_19[:20] in page
    # Every value reads in Chinese: no id, no None for an empty date, no False for a flag.
    fields = re.findall(r"<dt>(.*?)</dt>\s*<dd>(.*?)</dd>", page, re.S)
    labels = {label.strip() for label, _ in fields}
    values = " ".join(value for _, value in fields)
    assert "ID" not in labels and "已确认" in labels and "废止日期" in labels
    assert "None" not in values and "False" not in values and "True" not in values
    assert "未填写" in values


def test_a_cited_document_cannot_be_deleted(client, editor_a, dept_a, reviewer):
    law = lawyers_law()
    make_item(editor_a, dept_a, legal_bases=[{"name": "律师法", "legal_level": "law"}])
    client.force_login(reviewer)
    response = client.post(
        reverse("wagtailsnippets_catalog_legaldocument:delete", args=[law.pk]), follow=True
    )
    assert "有 1 个证明事项引用了它" in response.content.decode()
    assert LegalDocument.objects.filter(pk=law.pk).exists()
