"""The letter form as a PDF: A4, Chinese text that can be selected and copied, and that prints
the same everywhere.

The text is set in Noto Serif CJK SC, embedded as subsets of the glyphs the document uses
(``font.py``). A form with a character the font cannot print is refused with
``UnprintableText`` before anything is drawn: never another character, never a box.
"""

import io
from functools import cache
from xml.sax.saxutils import escape

from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import cm
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle
from reportlab.platypus.flowables import KeepTogether

from ..text import clean_deep
from .font import FONT_NAME, UnprintableText, letter_font, unprintable
from .template import BLANK, CommitmentLetterTemplate

__all__ = ["UnprintableText", "render_pdf"]


@cache
def _styles() -> dict[str, ParagraphStyle]:
    font = letter_font().fontName
    body = ParagraphStyle(
        "body", fontName=font, fontSize=12, leading=20, wordWrap="CJK", firstLineIndent=24
    )
    return {
        "title": ParagraphStyle(
            "title", parent=body, fontSize=20, leading=30, alignment=TA_CENTER, firstLineIndent=0
        ),
        "matter": ParagraphStyle(
            "matter", parent=body, fontSize=14, leading=24, alignment=TA_CENTER, firstLineIndent=0
        ),
        "number": ParagraphStyle("number", parent=body, alignment=TA_RIGHT, firstLineIndent=0),
        "heading": ParagraphStyle(
            "heading",
            parent=body,
            fontSize=14,
            leading=26,
            spaceBefore=6,
            firstLineIndent=0,
            keepWithNext=1,
        ),
        "subheading": ParagraphStyle("subheading", parent=body, firstLineIndent=0, keepWithNext=1),
        "cell": ParagraphStyle("cell", parent=body, firstLineIndent=0),
        "choices": ParagraphStyle("choices", parent=body, firstLineIndent=0, leftIndent=24),
        "body": body,
        "note": ParagraphStyle("note", parent=body, fontSize=10.5, leading=18),
    }


def _p(text: str, style: str) -> Paragraph:
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\t", " ")
    text = escape(text).replace("\n", "<br/>")
    return Paragraph(text, _styles()[style])


def _footer(text: str, statement: str):
    def draw(canvas, doc):
        canvas.saveState()
        canvas.setFont(FONT_NAME, 9)
        canvas.drawCentredString(A4[0] / 2, 1.3 * cm, f"{text}　第{doc.page}页")
        canvas.drawCentredString(A4[0] / 2, 0.85 * cm, statement)
        canvas.restoreState()

    return draw


def render_pdf(template: CommitmentLetterTemplate) -> bytes:
    """The form as PDF bytes; raises ``UnprintableText`` if the font lacks a character."""
    template = clean_deep(template)  # control characters are not text to print
    problems = unprintable(template)
    if problems:
        raise UnprintableText(problems)
    out = io.BytesIO()
    doc = SimpleDocTemplate(
        out,
        pagesize=A4,
        leftMargin=2.6 * cm,
        rightMargin=2.6 * cm,
        topMargin=2.5 * cm,
        bottomMargin=2.5 * cm,
        title=f"{template.title}{template.matter}",
        author=template.department_name,
        subject=template.follows,
        creator="证明事项告知承诺制平台",
        initialFontName=FONT_NAME,  # else ReportLab lists Helvetica, not embedded
    )
    story = [
        _p(template.title, "title"),
        _p(template.matter, "matter"),
        _p(template.number_line, "number"),
    ]
    # The closing sentence (the paragraph right before the signatures) and the signature
    # blocks stay on one page.
    closing: list = []
    blocks = template.blocks
    for index, block in enumerate(blocks):
        following = blocks[index + 1] if index + 1 < len(blocks) else None
        if block.kind == "paragraph" and following is not None and following.kind == "signatures":
            closing.append(_p(block.text, "body"))
        elif block.kind in ("heading", "subheading"):
            story.append(_p(block.text, block.kind))
        elif block.kind == "fields":
            text = "　　".join(f"{label}：{value or BLANK}" for label, value in block.fields)
            story.append(_p(text, "body"))
        elif block.kind == "paragraph":
            story.append(_p(block.text, "body"))
        elif block.kind == "choices":
            story.append(_p("\n".join(f"□ {item}" for item in block.items), "choices"))
        elif block.kind == "blank_lines":
            story.extend(_p("_" * 36, "body") for _ in range(block.count))
        elif block.kind == "signatures":
            rows = [
                [_p(f"{lab}{val}", "cell"), _p(f"{rlab}{rval}", "cell")]
                for (lab, val), (rlab, rval) in zip(block.fields, block.right, strict=True)
            ]
            table = Table(rows, colWidths=[doc.width / 2] * 2)
            table.setStyle(
                TableStyle(
                    [
                        ("TOPPADDING", (0, 0), (-1, -1), 8),
                        ("FONTNAME", (0, 0), (-1, -1), FONT_NAME),  # else Helvetica is listed
                    ]
                )
            )
            story.append(KeepTogether([*closing, Spacer(1, 12), table]))
        elif block.kind == "note":
            story.append(_p(block.text, "note"))
    story.append(_p(template.wording_statement, "note"))
    draw = _footer(template.follows, template.wording_statement)
    doc.build(story, onFirstPage=draw, onLaterPages=draw)
    return out.getvalue()
