"""Control characters never break a page: cleaned at every input, and again by every writer
(issue 10, point 3). The property test over every Unicode category is in
``test_text_properties.py``."""

import io
import zipfile

import pytest
from defusedxml import ElementTree
from django.test import Client
from django.urls import reverse

from catalog.models import CertificateItem
from catalog.services import item_create, item_update
from catalog.text import clean_deep, clean_text, is_clean
from commitments.letters.services import letter_register
from commitments.models import CommitmentLetter

from ..factories import make_item
from ..letters.helpers import TODAY, disclosed_item, organisation

VT = "\x0b"  # Word's Shift+Enter


@pytest.mark.parametrize(
    ("raw", "lines", "line"),
    [
        (f"第一行{VT}第二行", "第一行\n第二行", "第一行 第二行"),
        (
            "甲\r\n乙\r丙\x0c丁\u2028戊\u2029己\x85庚",
            "甲\n乙\n丙\n丁\n戊\n己\n庚",
            "甲 乙 丙 丁 戊 己 庚",
        ),
        ("名\x00称\x07\x1b\x7f\x9f", "名称", "名称"),
        ("一\t二", "一\t二", "一 二"),
        ("孤\ud800立\udfff代理", "孤立代理", "孤立代理"),
        ("非\ufffe字\uffff符\ufdd0\U0010ffff", "非字符", "非字符"),
    ],
)
def test_control_characters_are_removed_or_become_line_breaks(raw, lines, line):
    assert clean_text(raw) == lines
    assert clean_text(raw, multiline=False) == line


def test_scripts_and_private_use_characters_are_kept():
    # Mongolian needs its vowel separator and free variation selectors, emoji the ZWJ,
    # rare names in some systems live in the private use area; Extension B stays as it is.
    text = "ᠮᠣᠩᠭᠣᠯ\u180eᠠ\u180b 👩\u200d💻 \ue000 𪚥 \u202e"
    assert clean_text(text) == text
    assert clean_text(text, multiline=False) == text


def test_clean_deep_rebuilds_frozen_dataclasses_and_tuples():
    from catalog.letters.template import Block

    block = Block(kind="fields", fields=(("单位", f"甲{VT}乙"),), items=("a\x00",))
    cleaned = clean_deep(block)
    assert cleaned.fields == (("单位", "甲\n乙"),)
    assert cleaned.items == ("a",)


def _store_raw(model, pk, **values):
    """Write text past every cleaning, as rows written before the fix were stored."""
    model.objects.filter(pk=pk).update(**values)


def controls(text: str) -> set[str]:
    """The characters of ``text`` that the cleaning removes or replaces (line ends apart)."""
    return {c for c in text if c not in "\r\n\t" and not is_clean(c)}


def _xml_is_clean(data: bytes) -> None:
    ElementTree.fromstring(data)  # well-formed
    assert not controls(data.decode("utf-8"))


@pytest.mark.django_db
def test_stored_vertical_tab_in_purpose_no_longer_breaks_the_feed_and_the_docx(
    editor_a, dept_a, reviewer
):
    item = disclosed_item(editor_a, dept_a, reviewer, purpose="律师事务所申请设立分所")
    _store_raw(
        CertificateItem, item.pk, purpose=f"律师事务所{VT}申请设立分所\x1f"
    )  # no NUL: PostgreSQL cannot store it
    client = Client()

    feed = client.get(reverse("public:feed"))
    assert feed.status_code == 200
    _xml_is_clean(feed.content)
    assert "律师事务所\n申请设立分所" in feed.content.decode()

    docx = client.get(reverse("public:letter_form_docx", args=[item.pk]))
    assert docx.status_code == 200
    with zipfile.ZipFile(io.BytesIO(docx.content)) as archive:
        document = archive.read("word/document.xml")
    _xml_is_clean(document)
    assert "律师事务所" in document.decode()

    pdf = client.get(reverse("public:letter_form_pdf", args=[item.pk]))
    assert pdf.status_code == 200 and pdf.content.startswith(b"%PDF")


@pytest.mark.django_db
def test_stored_control_character_in_a_letters_unit_name_no_longer_breaks_the_letters_feed(
    editor_a, dept_a, reviewer
):
    item = disclosed_item(editor_a, dept_a, reviewer)
    letter = letter_register(
        user=editor_a, item=item, fields=organisation(), disclose=True, today=TODAY
    )
    _store_raw(CommitmentLetter, letter.pk, organisation_name=f"阿拉善右旗{VT}示例律师事务所")
    client = Client()
    feed = client.get(reverse("public:letters_feed"))
    assert feed.status_code == 200
    _xml_is_clean(feed.content)
    export = client.get(reverse("public:letters_export"))
    assert export.status_code == 200
    assert "阿拉善右旗 示例律师事务所" in export.content.decode("utf-8-sig")
    assert not controls(export.content.decode("utf-8-sig"))


@pytest.mark.django_db
def test_letter_registration_stores_a_unit_name_without_the_vertical_tab(
    editor_a, dept_a, reviewer
):
    item = disclosed_item(editor_a, dept_a, reviewer)
    letter = letter_register(
        user=editor_a,
        item=item,
        fields=organisation(organisation_name=f"阿拉善右旗{VT}示例律师事务所\x00"),
        disclose=True,
        today=TODAY,
    )
    letter.refresh_from_db()
    assert letter.organisation_name == "阿拉善右旗 示例律师事务所"


@pytest.mark.django_db
def test_services_store_items_and_revisions_without_control_characters(editor_a, dept_a):
    item = item_create(
        user=editor_a,
        department=dept_a,
        fields={
            **_fields(),
            "purpose": f"设立{VT}分所",
            "remarks": f"第一行{VT}第二行\x07",
        },
        legal_bases=[{**_basis(), "article_text": f"条文{VT}内容\x00"}],
    )
    item.refresh_from_db()
    assert item.purpose == "设立 分所"
    assert item.remarks == "第一行\n第二行"
    assert item.legal_bases.get().article_text == "条文\n内容"
    content = item.latest_revision.content
    assert content["purpose"] == "设立 分所"
    assert content["legal_bases"][0]["article_text"] == "条文\n内容"

    draft = item_update(user=editor_a, item=item, fields={"name": f"名称{VT}改\x1b"})
    assert draft.name == "名称 改"
    assert CertificateItem.objects.get(pk=item.pk).latest_revision.content["name"] == "名称 改"


@pytest.mark.django_db
def test_a_model_saved_directly_stores_clean_text(editor_a, dept_a):
    item = make_item(editor_a, dept_a)
    item.purpose = f"直接{VT}保存"
    item.save()
    item.refresh_from_db()
    assert item.purpose == "直接 保存"


def _fields():
    from ..factories import item_fields

    return item_fields()


def _basis():
    from ..factories import LEGAL_BASIS

    return dict(LEGAL_BASIS)
