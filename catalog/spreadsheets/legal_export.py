"""The registry of legal documents written out as a workbook (two tables) or a CSV (documents).

The layout is that of ``legal_documents``, which reads it back: an exported workbook imports
as all 无变化.
"""

import csv
import io

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font

from catalog.legal.models import LegalDocument
from catalog.text import clean_text as without_controls

from .cleaning import neutralise
from .legal_layout import (
    ARTICLE_COLUMNS,
    ARTICLES_SHEET,
    DATE_FIELDS,
    DOCUMENT_COLUMNS,
    DOCUMENTS_SHEET,
)


def _date_text(value) -> str:
    return value.isoformat() if value else ""


def registry_tables() -> tuple[list[list[str]], list[list[str]]]:
    """The two tables (header first) of the whole registry, names in order."""
    documents = [list(DOCUMENT_COLUMNS.values())]
    articles = [list(ARTICLE_COLUMNS.values())]
    queryset = LegalDocument.objects.order_by("name").prefetch_related("aliases", "articles")
    for document in queryset:
        documents.append(
            [
                document.name,
                "\n".join(a.name for a in document.aliases.all()),
                document.document_number,
                document.issuing_body,
                document.get_legal_level_display() if document.legal_level else "",
                *(_date_text(getattr(document, name)) for name in DATE_FIELDS),
                document.get_status_display(),
                document.status_note,
                "是" if document.verified else "否",
            ]
        )
        for article in document.articles.all():
            articles.append([document.name, article.article, article.text])
    return documents, articles


def registry_xlsx() -> bytes:
    documents, articles = registry_tables()
    book = Workbook()
    for index, (title, rows, widths) in enumerate(
        (
            (DOCUMENTS_SHEET, documents, [40, 24, 30, 24, 14, 12, 12, 12, 12, 10, 30, 8]),
            (ARTICLES_SHEET, articles, [40, 16, 90]),
        )
    ):
        sheet = book.active if index == 0 else book.create_sheet()
        sheet.title = title
        for r, cells in enumerate(rows, start=1):
            for c, text in enumerate(cells, start=1):
                cell = sheet.cell(row=r, column=c, value=neutralise(without_controls(text)))
                cell.data_type = "s"
                cell.alignment = Alignment(wrap_text=True, vertical="top")
                if r == 1:
                    cell.font = Font(bold=True)
        for c, width in enumerate(widths, start=1):
            sheet.column_dimensions[chr(64 + c)].width = width
        sheet.freeze_panes = "A2"
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def registry_csv() -> bytes:
    """The documents table as CSV (UTF-8 with BOM); the articles are in the .xlsx only."""
    documents, _articles = registry_tables()
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerows([neutralise(without_controls(c)) for c in row] for row in documents)
    return buffer.getvalue().encode("utf-8-sig")
