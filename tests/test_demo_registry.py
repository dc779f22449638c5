"""The demo ships the legal documents its items cite: confirmed, with 文号, 效力层级, issuing
body, short names and the texts of the articles the items quote; one repealed since, which
flags the published item citing it. Loading twice changes nothing."""

import datetime

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from catalog.enums import DocumentStatus
from catalog.legal.registry import Registry, plain_name
from catalog.models import (
    CertificateItem,
    LegalArticle,
    LegalBasis,
    LegalDocument,
    LegalDocumentName,
    ReviewFlag,
)
from fixtures.demo_data import ITEMS
from fixtures.demo_legal import ARTICLE_TEXTS, DOCUMENTS, REPEALED

from .test_demo_and_settings import demo  # noqa: F401 (the module-scoped demo database)

pytestmark = pytest.mark.django_db


def _registry_state():
    return (
        list(LegalDocument.objects.order_by("pk").values()),
        list(LegalDocumentName.objects.order_by("pk").values()),
        list(LegalArticle.objects.order_by("pk").values()),
        list(ReviewFlag.objects.order_by("pk").values()),
        LegalDocument.history.count(),
    )


def test_every_basis_of_the_demo_is_linked_to_a_confirmed_document(demo):  # noqa: F811
    assert not LegalBasis.objects.filter(document__isnull=True).exists()
    assert not LegalDocument.objects.unverified().exists()
    cited = {plain_name(b["name"]) for row in ITEMS for b in row["legal_bases"]}
    assert set(LegalDocument.objects.values_list("name", flat=True)) == cited
    assert cited <= set(DOCUMENTS)  # every cited document has its details
    for row in ITEMS:
        for basis in row["legal_bases"]:
            document = LegalDocument.objects.get(name=plain_name(basis["name"]))
            assert document.document_number == basis.get("document_number", "")
            assert document.legal_level == basis["legal_level"]
            assert document.issuing_body == DOCUMENTS[document.name]["issuing_body"]


def test_the_registry_holds_the_text_of_every_article_the_demo_quotes(demo):  # noqa: F811
    quoted = 0
    for row in ITEMS:
        for basis in row["legal_bases"]:
            if not basis.get("article_text"):
                continue
            name, article = plain_name(basis["name"]), basis["article"]
            document = LegalDocument.objects.get(name=name)
            expected = ARTICLE_TEXTS.get((name, article), basis["article_text"])
            assert document.article_text(article) == expected, (name, article)
            quoted += 1
    assert quoted >= 60


def test_the_demo_documents_are_found_by_their_short_names(demo):  # noqa: F811
    registry = Registry()
    law = LegalDocument.objects.get(name="中华人民共和国律师法")
    for cited in ("《律师法》", "律师法", "《中华人民共和国律师法》", "中华人民共和国 律师法"):
        assert registry.find(cited) == law.pk, cited
    assert law.aliases.filter(name="律师法").exists()
    assert (law.promulgated_on, law.effective_on) == (
        datetime.date(2017, 9, 1),
        datetime.date(2018, 1, 1),
    )
    firms = LegalDocument.objects.get(name="律师事务所管理办法")
    assert registry.find("《律所管理办法》") == firms.pk


def test_the_repealed_document_flags_exactly_the_published_items_citing_it(
    demo,  # noqa: F811
    client,
):
    ((name, change),) = REPEALED.items()
    document = LegalDocument.objects.get(name=name)
    assert document.status == DocumentStatus.REPEALED
    assert document.repealed_on == datetime.date.fromisoformat(change["date"])
    citing = set(
        CertificateItem.objects.live()
        .filter(legal_bases__document=document)
        .values_list("pk", flat=True)
    )
    assert citing  # the demo has a published item citing it
    assert set(ReviewFlag.objects.open().values_list("item_id", flat=True)) == citing
    flag = ReviewFlag.objects.get()
    assert timezone.localtime(flag.raised_at).date() == datetime.date(2023, 12, 4)
    html = client.get(reverse("public:item", args=[flag.item_id])).content.decode()
    assert "2023年12月1日" in html and "废止" in html


def test_the_registry_is_dated_before_the_catalog(demo):  # noqa: F811
    for document in LegalDocument.objects.all():
        assert timezone.localtime(document.verified_at).date() == datetime.date(2021, 6, 1)
        assert document.verified_by.username == "reviewer"


def test_loading_the_demo_again_leaves_the_registry_as_it_is(demo):  # noqa: F811
    before = _registry_state()
    call_command("load_demo_data", verbosity=0)
    assert _registry_state() == before
