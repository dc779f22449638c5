"""Disclosed letters on the public site: only letters of items marked disclosed to the public,
only within their period, never withdrawn ones, and always masked — on every public surface."""

import datetime
import io
import re
import subprocess

import pytest
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone

from catalog.enums import DisclosureScope
from catalog.services import item_review
from commitments.letters.services import letter_register, letter_withdraw
from commitments.models import CommitmentLetter
from publishing.models import CatalogRevision
from publishing.services import catalog_revision_publish

from ..guides.helpers import make_guide, submit_guide
from .helpers import (
    AGENT_ID,
    AGENT_MOBILE,
    CREDIT_CODE,
    MOBILE,
    PERSON_ID,
    agent,
    disclosed_item,
    organisation,
    person,
    undisclosed_item,
)

D = datetime.date
ID_NUMBER = re.compile(r"(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])")
MOBILE_NUMBER = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
PERSONAL = ["张三丰", "欧阳明月", "李四", "额肯呼都格路", PERSON_ID, AGENT_ID, CREDIT_CODE]


def _register(editor, item, fields, disclose=None, today=None):
    disclose = item.letters_disclosed if disclose is None else disclose
    return letter_register(user=editor, item=item, fields=fields, disclose=disclose, today=today)


@pytest.fixture
def world(editor_a, dept_a, reviewer):
    public_item = disclosed_item(editor_a, dept_a, reviewer)
    parties_item = disclosed_item(
        editor_a,
        dept_a,
        reviewer,
        name="利害关系人公开的证明",
        disclosure_scope=DisclosureScope.INTERESTED_PARTIES,
    )
    closed_item = undisclosed_item(editor_a, dept_a, reviewer)
    guide = submit_guide(make_guide(editor_a, dept_a, item=public_item), editor_a)
    item_review(user=reviewer, item=guide, action="approve")
    catalog_revision_publish(user=reviewer)
    letters = {
        "person": _register(editor_a, public_item, person(**agent())),
        "organisation": _register(editor_a, public_item, organisation()),
        "expired": _register(
            editor_a,
            public_item,
            person(received_on=D(2025, 1, 6), signed_on=D(2025, 1, 6)),
            today=D(2025, 1, 10),
        ),
        "withdrawn": _register(editor_a, public_item, person(person_name="撤回者王五")),
        "parties": _register(editor_a, parties_item, person(person_name="关系人赵六")),
        "closed": _register(editor_a, closed_item, person(person_name="不公开孙七")),
    }
    letter_withdraw(
        user=editor_a,
        letter=letters["withdrawn"],
        withdrawn_on=D(2026, 11, 17),
        reason="申请人改为提交证明",
    )
    guide.refresh_from_db()
    return {
        "letters": letters,
        "items": {"public": public_item, "parties": parties_item, "closed": closed_item},
        "guide": guide,
        "department": dept_a,
    }


def test_disclosed_letters_are_listed_with_masked_applicants(client, world):
    html = client.get(reverse("public:letters")).content.decode()
    assert "张某" in html
    assert "阿拉善右旗示例律师事务所" in html
    for hidden in ["撤回者", "王某", "关系人", "赵某", "不公开", "孙某"]:
        assert hidden not in html, hidden
    assert html.count("（2026年）第") == 2
    assert "（2025年）第1号" not in html


def test_public_letter_page_shows_the_commitments_and_masked_data_only(client, world):
    letters = world["letters"]
    html = client.get(reverse("public:letter", args=[letters["organisation"].pk])).content.decode()
    assert "阿拉善右旗示例律师事务所（法人或其他组织）" in html
    assert "欧阳某" in html and "阿拉善右旗巴丹吉林镇" in html
    assert "（三）愿意承担不实承诺的法律责任；" in html
    person_html = client.get(reverse("public:letter", args=[letters["person"].pk])).content.decode()
    assert "张某（自然人）" in person_html and "李某" in person_html
    for letter in (letters["expired"], letters["withdrawn"], letters["parties"], letters["closed"]):
        assert client.get(reverse("public:letter", args=[letter.pk])).status_code == 404


def test_a_letter_disappears_the_day_after_its_period_ends(client, world):
    letter = world["letters"]["person"]
    url = reverse("public:letter", args=[letter.pk])
    today = timezone.localdate()
    CommitmentLetter.objects.filter(pk=letter.pk).update(disclosed_until=today)
    assert client.get(url).status_code == 200
    CommitmentLetter.objects.filter(pk=letter.pk).update(
        disclosed_until=today - datetime.timedelta(days=1)
    )
    assert client.get(url).status_code == 404
    assert "张某" not in client.get(reverse("public:letters")).content.decode()


def test_a_withdrawn_letter_leaves_the_site_at_once(client, world, editor_a):
    letter = world["letters"]["organisation"]
    url = reverse("public:letter", args=[letter.pk])
    assert client.get(url).status_code == 200
    letter_withdraw(user=editor_a, letter=letter, withdrawn_on=D(2026, 11, 18), reason="撤回")
    assert client.get(url).status_code == 404
    assert "示例律师事务所" not in client.get(reverse("public:letters_feed")).content.decode()


def test_the_item_page_says_how_its_letters_are_disclosed(client, world):
    items = world["items"]
    html = client.get(items["public"].get_absolute_url()).content.decode()
    assert "查看已公开的承诺书（2 份）" in html
    html = client.get(items["parties"].get_absolute_url()).content.decode()
    assert "本事项的承诺书只向利害关系人公开" in html
    listing = client.get(reverse("public:letters") + f"?item={items['closed'].pk}")
    assert "“无犯罪记录证明”的承诺书不公开。" in listing.content.decode()


def test_feed_and_export_carry_masked_letters_only(client, world):
    feed = client.get(reverse("public:letters_feed")).content.decode()
    assert "张某" in feed and "阿拉善右旗示例律师事务所" in feed
    export = client.get(reverse("public:letters_export"))
    body = export.content.decode("utf-8-sig")
    header, *rows = body.strip().splitlines()
    assert header.split(",")[:6] == [
        "编号",
        "实施机关",
        "证明事项",
        "申请事项",
        "申请人类型",
        "申请人",
    ]
    assert len(rows) == 2
    assert any(",欧阳某,阿拉善右旗巴丹吉林镇," in row for row in rows)


def _named_public_patterns(patterns=None, namespace=""):
    """(name, pattern) of every URL outside the admin, namespaces included."""
    for pattern in get_resolver().url_patterns if patterns is None else patterns:
        if str(pattern.pattern).startswith("admin/"):
            continue  # the admin (its own sign-out view included) is not public
        if isinstance(pattern, URLResolver):
            inner = f"{namespace}{pattern.namespace}:" if pattern.namespace else namespace
            yield from _named_public_patterns(pattern.url_patterns, inner)
        elif pattern.name:
            yield f"{namespace}{pattern.name}", pattern


def _public_urls(world) -> list[str]:
    """Every public URL, with real objects; a new URL with arguments must be added here."""
    letters, items = world["letters"], world["items"]
    item = items["public"]
    with_args = {
        "public:department": [world["department"].pk],
        "public:item": [item.pk],
        "public:letter_form": [item.pk],
        "public:letter_form_docx": [item.pk],
        "public:letter_form_pdf": [item.pk],
        "public:guide": [world["guide"].pk],
        "public:guide_flow_chart": [world["guide"].pk],
        "public:letter": [letters["person"].pk],
        "public:revision": [CatalogRevision.objects.first().pk],
        "private_media": ["original_images/flow.png"],  # staff only: 404 for everyone else
        # content pages (ADR 019): an index page, and files no live page shows (404)
        "wagtail_serve": ["faq/"],
        "content_image": [1, 1],
        "content_document": [1, 1],
    }
    urls = []
    for name, pattern in _named_public_patterns():
        if pattern.pattern.converters:
            assert name in with_args, f"add {name} to this scan"
            urls.append(reverse(name, args=with_args[name]))
        else:
            urls.append(reverse(name))
    searches = ["律师", "承诺书", "张", "示例律师事务所", "巴丹吉林镇"]
    urls += [f"{reverse('search:results')}?q={q}" for q in searches]
    urls += [reverse("public:letters") + f"?department={item.department_id}"]
    urls += [reverse("public:letters") + f"?item={i.pk}" for i in items.values()]
    urls += [reverse("public:letter", args=[letter.pk]) for letter in letters.values()]
    urls += [reverse("public:item", args=[i.pk]) for i in items.values()]
    urls += [reverse("public:letter_form", args=[i.pk]) for i in items.values()]
    return urls


def _text(response) -> str:
    content = b"".join(response.streaming_content) if response.streaming else response.content
    kind = response.get("Content-Type", "")
    if kind == "application/pdf":
        return subprocess.run(
            ["pdftotext", "-", "-"],  # noqa: S607 (installed by make test-deps)
            input=content,
            capture_output=True,
            check=True,
        ).stdout.decode()
    if "wordprocessingml" in kind:
        from docx import Document

        return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)
    if kind.startswith("image/"):
        return ""
    if "spreadsheetml" in kind:
        from openpyxl import load_workbook

        book = load_workbook(io.BytesIO(content), read_only=True)
        return "\n".join(
            str(cell)
            for sheet in book.worksheets
            for row in sheet.iter_rows(values_only=True)
            for cell in row
            if cell is not None
        )
    assert kind.startswith(("text/", "application/json", "application/rss", "application/xml")), (
        f"add a text extractor for {kind} to this scan"
    )
    return content.decode("utf-8-sig")


def test_no_public_response_contains_an_id_number_a_mobile_number_or_a_full_name(client, world):
    # the patterns catch the numbers stored in the letters
    assert ID_NUMBER.search(f"证件编号：{PERSON_ID}。") and MOBILE_NUMBER.search(f"电话{MOBILE}")
    scanned = 0
    for url in _public_urls(world):
        response = client.get(url)
        assert response.status_code in (200, 404), (url, response.status_code)
        text = _text(response)
        assert not ID_NUMBER.search(text), (url, ID_NUMBER.search(text).group(0))
        assert not MOBILE_NUMBER.search(text), (url, MOBILE_NUMBER.search(text).group(0))
        for secret in (*PERSONAL, MOBILE, AGENT_MOBILE):
            assert secret not in text, (url, secret)
        scanned += 1
    assert scanned >= 30
