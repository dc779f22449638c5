"""What an import found, row by row: the preview a clerk confirms and the command prints."""

import hashlib
import json
from dataclasses import dataclass, field

from django.db import models

from catalog.textdiff import DiffBudget, inline_diff


class RowStatus(models.TextChoices):
    NEW = "new", "新增"
    CHANGED = "changed", "修改"
    UNCHANGED = "unchanged", "无变化"
    ERROR = "error", "错误"


@dataclass
class Issue:
    column: str
    message: str


@dataclass
class Change:
    column: str
    old: str
    new: str
    # shared by every change of one preview (see catalog.textdiff)
    budget: DiffBudget | None = field(default=None, compare=False, repr=False)

    @property
    def inline(self):
        """The new cell text with deletions and insertions marked (escaped HTML)."""
        return inline_diff(self.old, self.new, self.budget)


@dataclass
class RowReport:
    number: int  # the row number in the sheet, as Excel shows it
    department: str = ""
    name: str = ""
    purpose: str = ""
    status: str = RowStatus.ERROR
    changes: list[Change] = field(default_factory=list)
    errors: list[Issue] = field(default_factory=list)
    # what is incomplete but does not stop the import (e.g. a basis without article text)
    warnings: list[Issue] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    item_id: int | None = None
    submit: bool = False  # will be (or was) submitted for review

    @property
    def status_label(self) -> str:
        return RowStatus(self.status).label

    def error_lines(self) -> list[str]:
        return [f"第{self.number}行 {e.column}: {e.message}" for e in self.errors]

    def warning_lines(self) -> list[str]:
        return [f"第{self.number}行 {w.column}: {w.message}" for w in self.warnings]


@dataclass
class ImportReport:
    title: str  # what was imported, e.g. 证明事项目录（附件4）
    filename: str
    sheet: str
    rows: list[RowReport] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    untouched: int = 0  # existing records of the departments that the file does not mention
    committed: bool = False
    stale: bool = False  # the data changed between preview and confirmation
    submit: bool = False

    @property
    def counts(self) -> dict[str, int]:
        counts = dict.fromkeys(RowStatus.values, 0)
        for row in self.rows:
            counts[row.status] += 1
        return counts

    @property
    def has_errors(self) -> bool:
        return any(row.status == RowStatus.ERROR for row in self.rows)

    @property
    def error_rows(self) -> list[RowReport]:
        return [row for row in self.rows if row.status == RowStatus.ERROR]

    @property
    def submitted(self) -> int:
        return sum(1 for row in self.rows if row.submit and row.status != RowStatus.ERROR)

    def error_lines(self) -> list[str]:
        return [line for row in self.rows for line in row.error_lines()]

    @property
    def warning_rows(self) -> list[RowReport]:
        return [row for row in self.rows if row.warnings and row.status != RowStatus.ERROR]

    def warning_lines(self) -> list[str]:
        return [line for row in self.warning_rows for line in row.warning_lines()]

    def summary(self) -> str:
        counts = self.counts
        return "，".join(f"{RowStatus(s).label} {counts[s]} 行" for s in RowStatus.values)

    @property
    def digest(self) -> str:
        return digest(self.rows)


def digest(rows: list[RowReport]) -> str:
    """A fingerprint of what an import would do, to detect changes before confirmation."""
    outline = [
        (
            r.number,
            r.status,
            None if r.status == RowStatus.NEW else r.item_id,
            r.submit,
            [(c.column, c.new) for c in r.changes],
            [(e.column, e.message) for e in r.errors],
        )
        for r in rows
    ]
    payload = json.dumps(outline, ensure_ascii=False, sort_keys=True).encode()
    return hashlib.sha256(payload).hexdigest()
