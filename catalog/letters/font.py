"""The font of the PDF letter form, and the check that it can print every character of a form.

The font is a TrueType build of Noto Serif CJK SC (SIL OFL 1.1, see ``fonts/LICENSE.txt`` and
``fonts/build_font.py``): CJK Unified Ideographs with Extension A, the Extension B–G characters
Noto covers, punctuation, Latin, Greek, Cyrillic and symbols. It is stored xz-compressed in
the repository and decompressed in memory once per process; ReportLab embeds the glyphs a
document uses as subsets.

A PDF must never print a character other than the one in the text, nor an empty box: ReportLab
draws glyph 0 (.notdef) for a character missing from the font, and the PDF's text layer still
says the right character, so nobody notices. Hence ``unprintable()`` checks every character
against the font's character map before anything is drawn, and the form is refused with
``UnprintableText`` instead. Traditional Mongolian is refused on purpose: it is written in
vertical lines with joining forms, which this PDF engine cannot set; Word and the web page can.
"""

import io
import lzma
import unicodedata
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import SUBSETN, TTFont

from .template import CommitmentLetterTemplate

FONT_NAME = "NotoSerifCJKsc-Letter"
FONT_FILE = Path(__file__).resolve().parent / "fonts" / "NotoSerifCJKsc-Regular-Letter.ttf.xz"
# Line breaks and tabs are layout, not glyphs.
LAYOUT_CHARACTERS = frozenset("\n\r\t")
SCRIPTS = (
    (0x1800, 0x18AF, "蒙古文"),
    (0x11660, 0x1167F, "蒙古文"),
    (0x3400, 0x4DBF, "汉字（扩展A区）"),
    (0x4E00, 0x9FFF, "汉字"),
    (0x20000, 0x2A6DF, "生僻汉字（扩展B区）"),
    (0x2A700, 0x323AF, "生僻汉字（扩展C至H区）"),
    (0xFE00, 0xFE0F, "异体字选择符"),
    (0xE0100, 0xE01EF, "异体字选择符"),
    (0xE000, 0xF8FF, "私用区字符（造字）"),
)
EXCERPT_RADIUS = 8


def to_unicode_cmap(font_name: str, subset: list[int]) -> str:
    """The ToUnicode CMap of one 256-character subset, with UTF-16 targets.

    ReportLab writes a character above U+FFFF as five hex digits (``<2123C>``), which readers
    cut to U+2123: copying 𡈼 from the PDF gave ℣. PDF wants UTF-16BE (``<D844DE3C>``)."""
    targets = [chr(code).encode("utf-16-be").hex().upper() for code in subset]
    return "\n".join(
        [
            "/CIDInit /ProcSet findresource begin",
            "12 dict begin",
            "begincmap",
            f"/CIDSystemInfo << /Registry ({font_name}) /Ordering ({font_name})",
            "/Supplement 0 >> def",
            f"/CMapName /{font_name} def",
            "/CMapType 2 def",
            "1 begincodespacerange",
            f"<00> <{len(subset) - 1:02X}>",
            "endcodespacerange",
            f"{len(subset)} beginbfchar",
            *(f"<{index:02X}> <{target}>" for index, target in enumerate(targets)),
            "endbfchar",
            "endcmap",
            "CMapName currentdict /CMap defineresource pop",
            "end",
            "end",
        ]
    )


class LetterFont(TTFont):
    """ReportLab's TrueType font with correct ToUnicode maps for Extension B and beyond."""

    def addObjects(self, doc):
        subsets = [list(subset) for subset in self.state[doc].subsets]  # super() drops them
        super().addObjects(doc)
        for number, subset in enumerate(subsets):
            name = b"".join((SUBSETN(number), b"+", self.face.name, self.face.subfontNameX))
            base_font_name = name.decode("pdfdoc")
            stream = doc.idToObject["toUnicodeCMap:" + base_font_name]
            stream.content = to_unicode_cmap(base_font_name, subset)


@cache
def letter_font() -> TTFont:
    """The registered font (decompressed and parsed on first use, about 1.5 s)."""
    data = lzma.decompress(FONT_FILE.read_bytes())
    font = LetterFont(FONT_NAME, io.BytesIO(data), shapable=False)
    pdfmetrics.registerFont(font)
    return font


def covered(character: str) -> bool:
    return ord(character) in letter_font().face.charToGlyph


def script_of(character: str) -> str:
    code = ord(character)
    for low, high, name in SCRIPTS:
        if low <= code <= high:
            return name
    return "字符"


@dataclass(frozen=True)
class Unprintable:
    """A character the PDF cannot print, and where it is."""

    character: str
    part: str  # the part of the form, e.g. "（三）设定证明的依据"
    excerpt: str  # the text around it

    @property
    def code(self) -> str:
        return f"U+{ord(self.character):04X}"

    @property
    def script(self) -> str:
        return script_of(self.character)

    @property
    def description(self) -> str:
        shown = self.character if unicodedata.category(self.character)[0] != "C" else ""
        return f"“{self.part}”中的{self.script}“{shown}”（{self.code}），原文：“{self.excerpt}”"


class UnprintableText(ValueError):
    """The form contains characters the embedded font has no glyph for."""

    def __init__(self, problems: list[Unprintable]):
        self.problems = problems
        super().__init__("PDF 版无法打印" + "；".join(p.description for p in problems) + "。")


def _texts(template: CommitmentLetterTemplate):
    """(part of the form, text) for every text the PDF draws, in reading order."""
    yield "标题", template.title
    yield "标题", template.matter
    yield "标题", template.number_line
    part = "一、基本信息"
    for block in template.blocks:
        if block.kind in ("heading", "subheading"):
            part = block.text
        for label, value in (*block.fields, *block.right):
            yield part, label
            yield part, value
        yield part, block.text
        for item in block.items:
            yield part, item
    yield "页脚", template.follows
    yield "页脚", template.wording_statement


def unprintable(template: CommitmentLetterTemplate) -> list[Unprintable]:
    """Every character of ``template`` that the font cannot print (first place of each)."""
    charmap = letter_font().face.charToGlyph
    found: dict[str, Unprintable] = {}
    for part, text in _texts(template):
        for index, character in enumerate(text):
            if character in LAYOUT_CHARACTERS or ord(character) in charmap or character in found:
                continue
            start = max(0, index - EXCERPT_RADIUS)
            found[character] = Unprintable(
                character=character,
                part=part,
                excerpt=text[start : index + EXCERPT_RADIUS + 1].replace("\n", " "),
            )
    return list(found.values())
