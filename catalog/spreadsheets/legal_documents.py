"""The registry of legal documents (法律文件库) as a spreadsheet, both ways.

A workbook has two tables, each on its own worksheet (a .csv holds one of them; the header
says which):

- 法律文件: 名称（全称）, 简称和别名 (one per line), 文号, 制定机关, 效力层级, 公布日期, 施行日期,
  修改日期, 废止日期, 时效性, 修改或废止说明, 已确认;
- 条文: 文件名称, 条款, 条文内容.

Import is preview, then all rows or none, like the 附件4 import: a document is matched by its
name or any short name (``catalog.legal.registry``), new ones are created, changed ones
updated; a 简称和别名 cell is the document's whole list of short names; marking a document
已修改 or 已废止 goes through ``legal_document_set_status``, which flags the published items
citing it. An article is matched by its document and number (第十九条 = 第19条). Every problem
is reported as ``第N行 列名: message``; nothing is written while any row has one.
"""

import datetime
import re
from dataclasses import dataclass, field

from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.utils import timezone

from catalog.enums import DocumentStatus
from catalog.legal.models import LegalArticle, LegalDocument, LegalDocumentName
from catalog.legal.names import article_key, document_key, document_keys
from catalog.legal.parsing import LEVEL_ALIASES
from catalog.legal.registry import Registry, plain_name
from catalog.legal.services import legal_document_set_status, user_may_manage_registry
from vocabularies import reader
from vocabularies.enums import Vocabulary

from .cleaning import clean_line, clean_text, text_key
from .legal_layout import (
    ARTICLE_COLUMNS,
    ARTICLES_SHEET,
    DATE_FIELDS,
    DOCUMENT_COLUMNS,
    DOCUMENTS_SHEET,
    NO,
    STATUSES,
    TEXT_FIELDS,
    TITLE,
    YES,
    Table,
    cell_of,
    find_table,
    read_date,
)
from .reading import SpreadsheetRefused, read_workbook
from .report import Change, ImportReport, Issue, RowReport, RowStatus, digest
from .widgets import term_code, term_refusal

# --- import ------------------------------------------------------------------------------------


@dataclass
class _DocumentRow:
    report: RowReport
    values: dict = field(default_factory=dict)
    aliases: list[str] | None = None
    document: LegalDocument | None = None
    status_change: bool = False


@dataclass
class _ArticleRow:
    report: RowReport
    document_key: str = ""
    article: str = ""
    text: str = ""
    existing: LegalArticle | None = None


class RegistryImport:
    """One run over a registry workbook: read, check, compare, and (when confirmed) write."""

    def __init__(self, *, user):
        self.user = user
        self.registry = Registry()
        self.documents = {d.pk: d for d in LegalDocument.objects.prefetch_related("aliases")}
        self.articles = {(a.document_id, a.key): a for a in LegalArticle.objects.all()}
        self.document_rows: list[_DocumentRow] = []
        self.article_rows: list[_ArticleRow] = []
        self.file_names: dict[str, int] = {}  # document key -> row number in the file
        # every name a document of the file goes by (full, without 中华人民共和国, its short
        # names) -> its key, so that the 条文 table may cite a new document by any of them
        self.file_keys: dict[str, str] = {}

    # reading ----------------------------------------------------------------------------

    def read(self, tables: list[Table]) -> None:
        for table in tables:
            if table.kind == "documents":
                self._read_documents(table)
        for table in tables:
            if table.kind == "articles":
                self._read_articles(table)

    def _issue(self, report: RowReport, key: str, message: str, articles=False) -> None:
        columns = ARTICLE_COLUMNS if articles else DOCUMENT_COLUMNS
        label = columns[key] if key in columns else columns["name" if not articles else "document"]
        report.errors.append(Issue(f"{ARTICLES_SHEET}·{label}" if articles else label, message))

    def _read_documents(self, table: Table) -> None:
        claimed: dict[str, tuple[int, str]] = {}
        for cells, number in zip(
            table.sheet.rows[table.start :], table.sheet.numbers[table.start :], strict=True
        ):
            if not any(clean_line(c) for c in cells):
                continue
            name = plain_name(clean_line(cell_of(cells, table, "name")))
            report = RowReport(number=number, name=name, department=DOCUMENTS_SHEET)
            row = _DocumentRow(report=report)
            self.document_rows.append(row)
            if not document_key(name):
                self._issue(report, "name", "不能为空。")
                continue
            key = document_key(name)
            if key in self.file_names:
                self._issue(report, "name", f"与第{self.file_names[key]}行重复。")
                continue
            self.file_names[key] = number
            for name_key in document_keys(name):
                self.file_keys.setdefault(name_key, key)
            found = self.registry.find(name)
            row.document = self.documents.get(found) if found else None
            values = row.values
            for name_field in TEXT_FIELDS:
                if name_field in table.columns:
                    values[name_field] = (
                        clean_text(cell_of(cells, table, name_field))
                        if name_field == "status_note"
                        else clean_line(cell_of(cells, table, name_field))
                    )
            values["name"] = name
            if "legal_level" in table.columns:
                level = clean_line(cell_of(cells, table, "legal_level"))
                values["legal_level"] = (
                    term_code(Vocabulary.LEGAL_LEVEL, level, LEVEL_ALIASES) if level else ""
                )
                if values["legal_level"] is None:
                    self._issue(
                        report,
                        "legal_level",
                        term_refusal(Vocabulary.LEGAL_LEVEL, [level], "效力层级"),
                    )
            for date_field in DATE_FIELDS:
                if date_field in table.columns:
                    try:
                        values[date_field] = read_date(cell_of(cells, table, date_field))
                    except ValueError as exc:
                        self._issue(report, date_field, str(exc))
            if "status" in table.columns:
                status = clean_line(cell_of(cells, table, "status"))
                values["status"] = (
                    STATUSES.get(text_key(status)) if status else DocumentStatus.IN_FORCE
                )
                if values["status"] is None:
                    self._issue(
                        report,
                        "status",
                        f"“{status}”不是有效的时效性，应为：现行有效、已修改、已废止之一。",
                    )
            if "verified" in table.columns:
                mark = clean_line(cell_of(cells, table, "verified")).upper()
                values["verified"] = (
                    True if not mark else (True if mark in YES else False if mark in NO else None)
                )
                if values["verified"] is None:
                    self._issue(
                        report, "verified", f"“{mark}”无法识别：已确认的填“是”，待确认的填“否”。"
                    )
            if "aliases" in table.columns:
                row.aliases = [
                    plain_name(a)
                    for a in re.split(r"[\n；;]+", clean_text(cell_of(cells, table, "aliases")))
                    if document_key(a)
                ]
                for alias in row.aliases:
                    alias_key = document_key(alias)
                    owner = self.registry.by_key.get(alias_key)
                    mine = row.document.pk if row.document else None
                    if owner is not None and owner != mine and self.documents[owner].key != key:
                        self._issue(
                            report,
                            "aliases",
                            f"“{alias}”已是《{self.documents[owner].name}》的名称或别名。",
                        )
                    elif alias_key in claimed and claimed[alias_key][1] != key:
                        self._issue(
                            report, "aliases", f"“{alias}”与第{claimed[alias_key][0]}行重复。"
                        )
                    claimed[alias_key] = (number, key)
                    self.file_keys.setdefault(alias_key, key)
            self._check_status(row)

    def _check_status(self, row: _DocumentRow) -> None:
        values, report = row.values, row.report
        status = values.get("status")
        for wanted, date_field, what in (
            (DocumentStatus.AMENDED, "amended_on", "修改"),
            (DocumentStatus.REPEALED, "repealed_on", "废止"),
        ):
            known = values.get(date_field)
            if date_field not in values and row.document is not None:
                known = getattr(row.document, date_field)
            if status == wanted and not known:
                self._issue(report, date_field, f"时效性为“已{what}”时，请填写{what}日期。")
        if values.get("verified") and values.get("legal_level", None) == "":
            self._issue(report, "legal_level", "已确认的文件请填写效力层级。")
        for date_field in DATE_FIELDS:
            day = values.get(date_field)
            if day and day > timezone.localdate():
                self._issue(report, date_field, "日期不能晚于今天。")

    def _read_articles(self, table: Table) -> None:
        seen: dict[tuple[str, str], int] = {}
        for cells, number in zip(
            table.sheet.rows[table.start :], table.sheet.numbers[table.start :], strict=True
        ):
            if not any(clean_line(c) for c in cells):
                continue
            name = plain_name(clean_line(cell_of(cells, table, "document")))
            article = clean_line(cell_of(cells, table, "article"))
            report = RowReport(
                number=number, name=f"《{name}》{article}", department=ARTICLES_SHEET
            )
            row = _ArticleRow(
                report=report, article=article, text=clean_text(cell_of(cells, table, "text"))
            )
            self.article_rows.append(row)
            key = document_key(name)
            if not key:
                self._issue(report, "document", "不能为空。", articles=True)
                continue
            document_id = self.registry.find(name)
            if document_id is None:
                key = next(
                    (self.file_keys[k] for k in document_keys(name) if k in self.file_keys), key
                )
            if document_id is None and key not in self.file_names:
                self._issue(
                    report,
                    "document",
                    f"法律文件库和本表格的“{DOCUMENTS_SHEET}”表中都没有《{name}》，请先添加该文件。",
                    articles=True,
                )
                continue
            row.document_key = self.documents[document_id].key if document_id else key
            a_key = article_key(article)
            if not a_key:
                self._issue(report, "article", "请填写条款，例如：第十九条。", articles=True)
                continue
            if (row.document_key, a_key) in seen:
                self._issue(
                    report, "article", f"与第{seen[row.document_key, a_key]}行重复。", articles=True
                )
                continue
            seen[row.document_key, a_key] = number
            if document_id is not None:
                row.existing = self.articles.get((document_id, a_key))

    # comparing --------------------------------------------------------------------------

    def classify(self) -> None:
        for row in self.document_rows:
            report = row.report
            if report.errors:
                report.status = RowStatus.ERROR
                continue
            if row.document is None:
                report.status = RowStatus.NEW
                report.notes.append("新增到法律文件库。")
                continue
            document = row.document
            for name, value in row.values.items():
                old = getattr(document, name)
                if (old or "") != (value or ""):
                    report.changes.append(
                        Change(self._label(name), self._show(name, old), self._show(name, value))
                    )
                    if name == "status":
                        row.status_change = True
            if row.aliases is not None:
                old = [a.name for a in document.aliases.all()]
                if [document_key(a) for a in old] != [document_key(a) for a in row.aliases]:
                    report.changes.append(
                        Change(DOCUMENT_COLUMNS["aliases"], "\n".join(old), "\n".join(row.aliases))
                    )
            report.status = RowStatus.CHANGED if report.changes else RowStatus.UNCHANGED
            if row.status_change and row.values["status"] != DocumentStatus.IN_FORCE:
                count = document.citations.filter(item__live=True).values("item").distinct().count()
                report.notes.append(f"引用该文件的 {count} 个已发布证明事项将标记为需复核。")
        for row in self.article_rows:
            report = row.report
            if report.errors:
                report.status = RowStatus.ERROR
            elif row.existing is None:
                report.status = RowStatus.NEW
            elif row.existing.text != row.text:
                report.status = RowStatus.CHANGED
                report.changes.append(Change(ARTICLE_COLUMNS["text"], row.existing.text, row.text))
            else:
                report.status = RowStatus.UNCHANGED

    @staticmethod
    def _label(name: str) -> str:
        return DOCUMENT_COLUMNS.get(name, name)

    @staticmethod
    def _show(name: str, value) -> str:
        if value is None or value == "":
            return ""
        if name == "legal_level":
            return reader.label(Vocabulary.LEGAL_LEVEL, value)
        if name == "status":
            return DocumentStatus(value).label
        if name == "verified":
            return "是" if value else "否"
        if isinstance(value, datetime.date):
            return value.isoformat()
        return str(value)

    def reports(self) -> list[RowReport]:
        return [r.report for r in self.document_rows] + [r.report for r in self.article_rows]

    # writing ----------------------------------------------------------------------------

    def write(self) -> int:
        """Write every new or changed row; returns the number of flags raised."""
        flags = 0
        by_key: dict[str, LegalDocument] = {}
        for row in self.document_rows:
            if row.report.status == RowStatus.UNCHANGED:
                by_key[row.document.key] = row.document
                continue
            values = dict(row.values)
            status = values.pop("status", None)
            document = row.document or LegalDocument(verified=values.get("verified", True))
            old_status = document.status
            for name, value in values.items():
                setattr(document, name, value if value is not None else getattr(document, name))
            if document.verified and not document.verified_at:
                document.verified_by, document.verified_at = self.user, timezone.now()
            document._history_user = self.user
            document._change_reason = "由法律文件库表格导入"
            document.full_clean(exclude=["key"])
            document.save()
            if row.aliases is not None:
                keep = {document_key(a) for a in row.aliases}
                document.aliases.exclude(key__in=keep).delete()
                existing = set(document.aliases.values_list("key", flat=True))
                for order, alias in enumerate(row.aliases):
                    if document_key(alias) not in existing and document_key(alias) != document.key:
                        LegalDocumentName(document=document, name=alias, sort_order=order).save()
            if status is not None and status != old_status:
                day = (
                    document.repealed_on
                    if status == DocumentStatus.REPEALED
                    else document.amended_on
                )
                flags += len(
                    legal_document_set_status(
                        user=self.user, document=document, status=status, date=day
                    )
                )
            row.report.item_id = document.pk
            by_key[document.key] = document
        for row in self.article_rows:
            if row.report.status == RowStatus.UNCHANGED:
                continue
            document = by_key.get(row.document_key) or LegalDocument.objects.get(
                key=row.document_key
            )
            article = row.existing or LegalArticle(document=document, article=row.article)
            article.article, article.text = row.article, row.text
            article._history_user = self.user
            article.save()
        return flags


def registry_import(
    *, user, data: bytes, filename: str, commit: bool = False, expected_digest: str | None = None
) -> ImportReport:
    """Preview or import a registry workbook (see the module)."""
    if user is None and commit:
        raise PermissionDenied("导入必须指定操作用户。")
    if user is not None and not user_may_manage_registry(user):
        raise PermissionDenied("只有司法局审核员可以导入法律文件库。")
    workbook = read_workbook(data, filename)
    tables = [t for t in (find_table(s) for s in workbook.sheets) if t is not None]
    if not tables:
        raise SpreadsheetRefused(
            f"没有找到{TITLE}的表头：“{DOCUMENTS_SHEET}”表需要“名称（全称）”和“效力层级”列，"
            f"“{ARTICLES_SHEET}”表需要“文件名称”“条款”“条文内容”列。可先导出一份作为模板。"
        )
    run = RegistryImport(user=user)
    run.read(tables)
    run.classify()
    reports = run.reports()
    report = ImportReport(
        title=TITLE,
        filename=filename,
        sheet="、".join(f"“{t.sheet.name}”" for t in tables),
        rows=reports,
    )
    if not reports:
        raise SpreadsheetRefused("表头下面没有任何数据行，没有可导入的内容。")
    if not commit or report.has_errors:
        return report
    if expected_digest is not None and digest(reports) != expected_digest:
        report.stale = True
        return report
    with transaction.atomic():
        flags = run.write()
    report.committed = True
    if flags:
        report.warnings.append(f"{flags} 个已发布的证明事项已标记为需复核。")
    return report
