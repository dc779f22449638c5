"""The letter form of an item (附件3), generated from its published version: on the web, as Word
and as PDF with selectable Chinese text, naming the catalog revision it follows."""

import io
import os
import re
import subprocess

import pytest
from django.urls import reverse
from docx import Document
from docx.oxml.ns import qn
from docx.shared import Cm

from catalog.services import item_update
from publishing.services import catalog_revision_publish

from ..factories import make_item
from .helpers import disclosed_item, undisclosed_item

COMMITMENTS = [
    "（一）已经知晓行政机关告知的全部内容；",
    "（二）自身已符合行政机关告知的条件、要求，具体是：",
    "（三）愿意承担不实承诺的法律责任；",
    "（四）本告知承诺文书中填写的基本信息真实、准确；",
    "（五）上述承诺是申请人真实的意思表示。",
]
# The parts of 附件3, in their order.
STRUCTURE = [
    "证明事项告知承诺书",
    "（律师事务所申请设立分所）",
    "（_____年）第_____号",
    "一、基本信息",
    "（一）申请人（自然人）",
    "（法人）",
    "法定代表人（负责人）",
    "（受托代理人）",
    "（二）行政机关",
    "二、行政机关告知",
    "（一）证明事项名称",
    "（二）证明用途",
    "（三）设定证明的依据",
    "（四）证明的内容（许可条件和材料要求）",
    "（五）申请人是否愿意就上述事项采取承诺制的方式",
    "（六）承诺的方式",
    "（七）承诺的效力",
    "（八）不实承诺的责任",
    "（九）承诺的公开",
    "三、申请人承诺",
    "申请人现作出下列承诺：",
    *COMMITMENTS,
    "本人愿意配合对上述内容的调查、核查、核验。",
    "申请人签名：",
    "行政机关（公章）：",
    "（本文书一式两份，行政机关与申请人各执一份。）",
]


def in_order(text: str, parts: list[str]) -> bool:
    position = 0
    for part in parts:
        position = text.find(part, position)
        if position < 0:
            raise AssertionError(f"missing or out of order: {part}")
        position += len(part)
    return True


@pytest.fixture
def item(editor_a, dept_a, reviewer):
    return disclosed_item(
        editor_a,
        dept_a,
        reviewer,
        certificate_content="拟任分所负责人连续执业满三年。",
        false_commitment_consequences="终止办理；撤销许可；纳入信用记录。",
    )


def test_web_form_follows_annex_3_part_by_part(client, item, dept_a):
    html = client.get(reverse("public:letter_form", args=[item.pk])).content.decode()
    assert in_order(re.sub(r"<[^>]+>", "", html), STRUCTURE)
    for filled in [
        f"名　　称：{dept_a.name}",
        "拟任分所负责人执业经历证明",
        "《中华人民共和国律师法》（中华人民共和国主席令第七十六号）第十九条：",
        "拟任分所负责人连续执业满三年。",
        "□ 1. 是",
        "本证明事项可以由申请人作出承诺，也可以由受托代理人代为承诺。",
        "行政机关将采取在线核查方式，在受理后5个工作日内对承诺内容进行核查。",
        "终止办理；撤销许可；纳入信用记录。",
        "本承诺书向社会公开，公开期限为12个月",
    ]:
        assert filled in html, filled


def test_print_stylesheet_sets_a4_and_hides_the_site_around_the_form(client, item):
    html = client.get(reverse("public:letter_form", args=[item.pk])).content.decode()
    assert 'class="site-header no-print"' in html and "data-print>打印</button>" in html
    from django.contrib.staticfiles import finders

    with open(finders.find("cms/site.css"), encoding="utf-8") as css:
        stylesheet = css.read()
    assert "@page { size: A4;" in stylesheet
    assert ".no-print, .site-header, .site-footer" in stylesheet


def test_form_of_an_item_that_may_not_be_signed_by_an_agent_says_so(
    client, editor_a, dept_a, reviewer
):
    closed = undisclosed_item(editor_a, dept_a, reviewer)
    html = client.get(reverse("public:letter_form", args=[closed.pk])).content.decode()
    assert "本证明事项必须由申请人作出承诺，不可代为承诺。" in html
    assert "（本证明事项不可代为承诺，此栏不填。）" in html
    assert "本承诺书不公开。" in html


def test_form_shows_the_published_version_not_a_pending_draft(client, editor_a, item):
    item_update(user=editor_a, item=item, fields={"certificate_content": "待审核的新条件"})
    for name in ("public:letter_form", "public:letter_form_docx"):
        response = client.get(reverse(name, args=[item.pk]))
        text = response.content.decode() if name.endswith("form") else _docx_text(response)
        assert "拟任分所负责人连续执业满三年。" in text and "待审核的新条件" not in text


def test_form_says_which_catalog_revision_it_follows(client, editor_a, item, reviewer):
    url = reverse("public:letter_form", args=[item.pk])
    assert "（该内容尚未编入编号的目录版本）" in client.get(url).content.decode()
    revision = catalog_revision_publish(user=reviewer, year=2026)
    assert f"本格式文本依据证明事项目录{revision.label}（" in client.get(url).content.decode()


@pytest.mark.parametrize(
    "name", ["public:letter_form", "public:letter_form_docx", "public:letter_form_pdf"]
)
def test_unpublished_items_have_no_letter_form(client, editor_a, dept_a, name):
    draft = make_item(editor_a, dept_a)
    assert client.get(reverse(name, args=[draft.pk])).status_code == 404


def _docx_text(response) -> str:
    document = Document(io.BytesIO(response.content))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        lines += [cell.text for row in table.rows for cell in row.cells]
    return "\n".join(lines)


def test_word_file_opens_with_the_annex_3_structure_and_chinese_fonts(client, item):
    response = client.get(reverse("public:letter_form_docx", args=[item.pk]))
    assert response["Content-Type"] == (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
    )
    assert "filename*=utf-8''" in response["Content-Disposition"]
    document = Document(io.BytesIO(response.content))
    paragraphs = "\n".join(p.text for p in document.paragraphs)
    assert in_order(paragraphs, [s for s in STRUCTURE if not s.startswith(("申请人签名", "行政"))])
    signatures = [cell.text for row in document.tables[0].rows for cell in row.cells]
    assert signatures == [
        "申请人签名：",
        "行政机关（公章）：",
        "（捺印 / 盖章）",
        "经办人：",
        "日期：______年____月____日",
        "日期：______年____月____日",
    ]
    section = document.sections[0]
    assert (round(section.page_width / Cm(1), 1), round(section.page_height / Cm(1), 1)) == (
        21.0,
        29.7,
    )
    first_run = document.paragraphs[0].runs[0]
    assert first_run._element.rPr.rFonts.get(qn("w:eastAsia")) == "黑体"
    assert "本格式文本依据" in section.footer.paragraphs[0].text


def test_pdf_has_selectable_chinese_text_on_a4_pages(client, item, artifacts_dir):
    response = client.get(reverse("public:letter_form_pdf", args=[item.pk]))
    assert response["Content-Type"] == "application/pdf"
    pdf = response.content
    with open(os.path.join(artifacts_dir, "letter-form.pdf"), "wb") as out:
        out.write(pdf)
    text = subprocess.run(
        ["pdftotext", "-", "-"],  # noqa: S607 (installed by make test-deps)
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert in_order(text, STRUCTURE)
    for line in COMMITMENTS:
        assert f"\n{line}\n" in text, line
    info = subprocess.run(
        ["pdfinfo", "-"],  # noqa: S607
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    assert re.search(r"Page size:\s+595\.\d+ x 841\.\d+ pts \(A4\)", info), info
    assert "Title:           证明事项告知承诺书（律师事务所申请设立分所）" in info
    fonts = subprocess.run(
        ["pdffonts", "-"],  # noqa: S607
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    fonts = fonts.splitlines()[2:]
    assert fonts and all(" TrueType " in f and " yes yes yes " in f for f in fonts), fonts
