"""The letter form as a Word document (.docx), A4, 宋体 with 黑体 headings."""

import io

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from docx.shared import Cm, Pt

from ..text import clean_deep
from .template import BLANK, CommitmentLetterTemplate

BODY_FONT = "宋体"
HEADING_FONT = "黑体"


def _font(run, name: str, size: float, bold: bool = False) -> None:
    run.font.name = name
    run.font.size = Pt(size)
    run.font.bold = bold
    # Word takes the Chinese font from the East Asian slot, not from font.name.
    run._element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), name)


def _paragraph(doc, text, *, size=12, font=BODY_FONT, bold=False, align=None, indent=False):
    p = doc.add_paragraph()
    p.paragraph_format.space_after = Pt(3)
    p.paragraph_format.line_spacing = 1.35
    if indent:
        p.paragraph_format.first_line_indent = Pt(size * 2)
    if align is not None:
        p.alignment = align
    _font(p.add_run(text), font, size, bold)
    return p


def _setup(doc) -> None:
    section = doc.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = section.bottom_margin = Cm(2.5)
    section.left_margin = section.right_margin = Cm(2.6)
    normal = doc.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(12)
    normal.element.get_or_add_rPr().get_or_add_rFonts().set(qn("w:eastAsia"), BODY_FONT)


def render_docx(template: CommitmentLetterTemplate) -> bytes:
    template = clean_deep(template)  # Word's XML refuses control characters
    doc = Document()
    _setup(doc)
    doc.core_properties.title = f"{template.title}{template.matter}"
    doc.core_properties.author = template.department_name
    doc.core_properties.subject = template.follows

    _paragraph(doc, template.title, size=18, font=HEADING_FONT, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(doc, template.matter, size=14, align=WD_ALIGN_PARAGRAPH.CENTER)
    _paragraph(doc, template.number_line, size=12, align=WD_ALIGN_PARAGRAPH.RIGHT)
    for block in template.blocks:
        if block.kind == "heading":
            _paragraph(doc, block.text, size=14, font=HEADING_FONT)
        elif block.kind == "subheading":
            _paragraph(doc, block.text, size=12, bold=True)
        elif block.kind == "fields":
            text = "　　".join(f"{label}：{value or BLANK}" for label, value in block.fields)
            _paragraph(doc, text, indent=True)
        elif block.kind == "paragraph":
            _paragraph(doc, block.text, indent=True)
        elif block.kind == "choices":
            for item in block.items:
                _paragraph(doc, f"□ {item}", indent=True)
        elif block.kind == "blank_lines":
            for _ in range(block.count):
                _paragraph(doc, "_" * 38, indent=True)
        elif block.kind == "signatures":
            table = doc.add_table(rows=len(block.fields), cols=2)
            table.alignment = WD_TABLE_ALIGNMENT.CENTER
            for row, (left, right) in enumerate(zip(block.fields, block.right, strict=True)):
                for col, (label, value) in enumerate((left, right)):
                    cell = table.cell(row, col)
                    cell.paragraphs[0].paragraph_format.space_before = Pt(10)
                    _font(cell.paragraphs[0].add_run(f"{label}{value}"), BODY_FONT, 12)
        elif block.kind == "note":
            _paragraph(doc, block.text, size=10.5)
    _paragraph(doc, template.wording_statement, size=10.5)
    footer = doc.sections[0].footer.paragraphs[0]
    footer.alignment = WD_ALIGN_PARAGRAPH.CENTER
    _font(footer.add_run(template.follows), BODY_FONT, 9)
    footer.add_run().add_break()
    _font(footer.add_run(template.wording_statement), BODY_FONT, 9)

    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()
