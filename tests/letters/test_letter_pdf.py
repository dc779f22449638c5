"""The PDF letter form prints the same everywhere: its font is embedded (a subset), rare name
characters print as themselves, and what the font cannot print is refused, never replaced by
another character or a box. 下载 PDF 版 downloads; 在线查看 PDF opens it in the browser."""

import re
import subprocess
import unicodedata

import pytest
from django.urls import reverse

from catalog.letters import letter_template_for
from catalog.letters.font import letter_font, unprintable
from catalog.letters.selectors import current_letter_wording
from publishing.selectors import letter_form_follows

from .helpers import disclosed_item

# Extension B name characters Noto covers (𠀋 U+2000B, 𡈼 U+2123C), one of Extension A (䶮).
RARE = "申请人姓名中的“𠀋”“𡈼”“䶮”等生僻字，以户口簿记载为准。"
MONGOLIAN = "ᠮᠣᠩᠭᠣᠯ"  # mongɣol
UNCOVERED_EXT_B = "𪚥"  # U+2A6A5, four dragons: not in Noto Serif CJK


def _run(tool: str, pdf: bytes, *args: str) -> str:
    return subprocess.run(  # noqa: S603 (poppler-utils, installed by make test-deps)
        [tool, *args, "-", "-"] if tool == "pdftotext" else [tool, *args, "-"],
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()


def _squeezed(text: str) -> str:
    return re.sub(r"\s", "", text)


def _pdf(client, item, query=""):
    return client.get(reverse("public:letter_form_pdf", args=[item.pk]) + query)


@pytest.fixture
def rare_item(editor_a, dept_a, reviewer):
    dept_a.liaison_name = "王𡈼"
    dept_a.save()
    return disclosed_item(editor_a, dept_a, reviewer, certificate_content=RARE)


def test_pdf_embeds_subsets_of_its_own_font_and_no_other_font(client, rare_item):
    fonts = _run("pdffonts", _pdf(client, rare_item).content).splitlines()[2:]
    assert fonts
    for line in fonts:
        name, kind, _encoding, embedded, subset, unicode_map, *_ = line.split()
        assert re.fullmatch(r"[A-Z]{6}\+NotoSerifCJKsc-Regular-Letter", name), line
        assert (kind, embedded, subset, unicode_map) == ("TrueType", "yes", "yes", "yes"), line


def test_pdf_prints_every_text_of_the_form_as_written_rare_characters_included(client, rare_item):
    """pdftotext reads back every text of the form, character for character (ReportLab's
    own ToUnicode map turned 𡈼 into ℣)."""
    text = _squeezed(_run("pdftotext", _pdf(client, rare_item).content))
    assert "𠀋" in text and "𡈼" in text and "䶮" in text and "℣" not in text
    template = letter_template_for(
        rare_item, follows=letter_form_follows(rare_item), wording=current_letter_wording()
    )
    assert _squeezed(RARE) in text
    assert "联系人：王𡈼" in text
    for block in template.blocks:
        if block.kind == "paragraph":
            assert _squeezed(block.text) in text, block.text
    assert _squeezed(template.follows) in text


def test_every_character_the_font_maps_has_an_outline():
    """A mapped character never draws as an empty glyph (only spaces and fillers are empty)."""
    face = letter_font().face
    blank = {"\uffa0"}  # HALFWIDTH HANGUL FILLER
    empty = [
        chr(code)
        for code, glyph in face.charToGlyph.items()
        if face.glyphPos[glyph + 1] == face.glyphPos[glyph]
        and unicodedata.category(chr(code)) not in ("Zs", "Cc", "Cf", "Zl", "Zp", "Mn")
        and chr(code) not in blank
    ]
    assert empty == []
    assert len(face.charToGlyph) > 30_000  # all CJK Unified Ideographs and Extension A


@pytest.mark.parametrize(
    ("text", "script"),
    [(MONGOLIAN, "蒙古文"), (UNCOVERED_EXT_B, "生僻汉字（扩展B区）")],
)
def test_pdf_refuses_characters_its_font_cannot_print_and_says_what_to_do(
    client, editor_a, dept_a, reviewer, text, script
):
    item = disclosed_item(
        editor_a, dept_a, reviewer, certificate_content=f"申请人姓名为{text}的，以户口簿为准。"
    )
    response = _pdf(client, item)
    assert response.status_code == 422
    assert response["Content-Type"].startswith("text/html")
    assert "Content-Disposition" not in response
    html = response.content.decode()
    character = text[0]
    assert (
        f"“（四）证明的内容（许可条件和材料要求）”中的{script}“{character}”"
        f"（U+{ord(character):04X}）"
    ) in html
    assert "为避免打印成别的字或空白方框" in html
    assert reverse("public:letter_form_docx", args=[item.pk]) in html
    assert reverse("public:letter_form", args=[item.pk]) in html
    # the web page still carries the text as written
    page = client.get(reverse("public:letter_form", args=[item.pk])).content.decode()
    assert f"申请人姓名为{text}的" in page


def test_unprintable_lists_each_character_once_with_the_part_it_is_in(editor_a, dept_a, reviewer):
    dept_a.liaison_name = f"巴特尔（{MONGOLIAN}）"
    dept_a.save()
    item = disclosed_item(editor_a, dept_a, reviewer, purpose=f"申请{UNCOVERED_EXT_B}字号登记")
    problems = unprintable(
        letter_template_for(item, follows="本格式文本依据目录", wording=current_letter_wording())
    )
    assert [(p.character, p.part) for p in problems] == [
        (UNCOVERED_EXT_B, "标题"),  # the matter line under the title
        ("ᠮ", "（二）行政机关"),
        ("ᠣ", "（二）行政机关"),
        ("ᠩ", "（二）行政机关"),
        ("ᠭ", "（二）行政机关"),
        ("ᠯ", "（二）行政机关"),
    ]
    assert problems[1].excerpt == f"巴特尔（{MONGOLIAN}）"


def test_download_link_saves_the_pdf_and_view_link_opens_it(client, rare_item):
    download = _pdf(client, rare_item)
    assert download["Content-Type"] == "application/pdf"
    filename = "utf-8''%E6%8B%9F%E4%BB%BB"  # RFC 5987: filename*=utf-8''拟任…
    assert download["Content-Disposition"].startswith("attachment; filename*=" + filename)
    assert download["Content-Disposition"].endswith(".pdf")
    inline = _pdf(client, rare_item, "?inline=1")
    assert inline["Content-Disposition"].startswith("inline; filename*=" + filename)
    assert inline.content[:5] == b"%PDF-"
    url = reverse("public:letter_form_pdf", args=[rare_item.pk])
    for page in ("public:item", "public:letter_form"):
        html = client.get(reverse(page, args=[rare_item.pk])).content.decode()
        links = {
            label: attributes
            for attributes, label in re.findall(r"<a ([^>]*)>([^<]*PDF[^<]*)</a>", html)
        }
        assert f'href="{url}" download' in links["下载 PDF 版"], page
        assert f'href="{url}?inline=1"' in links["在线查看 PDF"], page
        assert "download" not in links["在线查看 PDF"], page
