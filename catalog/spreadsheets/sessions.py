"""What each imported row means: which record it is, whether it changed, who may write it.

A session is made for one import run. django-import-export's row loop (see
``resources.SessionRows``) asks it, row by row, to start the row, check it, say whether it is
unchanged, write it (only when confirmed) and record the outcome in a ``RowReport``.

Certificate items are matched by the natural key (department, 证明名称, 证明用途), each cleaned
(spaces, full-width digits, bracket style, case; see ``cleaning.text_key``) and compared with
the item's *current version* (its latest revision). Writes go through ``catalog.services``:
new rows become draft items with their first revision (``item_create``), changed rows a new
draft revision (``item_update``), and - when the clerk asked for it - complete ones are
submitted for review (``item_submit``). The departments of a 附件2 table: ``contacts``.
"""

import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from import_export.results import RowResult
from wagtail.models import Revision, WorkflowState

from catalog.enums import VerificationMethod
from catalog.government import government_names
from catalog.legal.registry import Registry
from catalog.models import CertificateItem, Department, LegalBasis, NoticeDefaults
from catalog.services import item_build, item_submit, item_update, items_create
from catalog.textdiff import DiffBudget
from catalog.validation import PLACEHOLDER, publication_errors
from permissions.scope import Scope, in_scope

from .cleaning import clean_line, clean_text, text_key
from .layout import EXTRA_COLUMN
from .linking import ensure_documents, link_bases, pair_levels
from .report import Change, Issue, RowReport, RowStatus
from .resources import DEPARTMENT, ROW_NUMBER, CatalogRowResource
from .rows import (
    ITEM_FIELDS,
    CatalogRow,
    changed_fields,
    merged_extra,
    natural_key,
    row_from_content,
)

# What one preview may spend on showing changes character by character (catalog.textdiff):
# about 3 s at worst; past it, changed cells are shown whole.
PREVIEW_DIFF_BUDGET = 5_000_000
PROGRESS_EVERY = 100  # rows between two progress reports
# 附件4 has no columns for the notification content of 附件3. A new item takes its
# department's defaults (``NoticeDefaults``); what they lack gets these markers, and no
# verification time limit, so ``publication_errors`` keeps it from being submitted until the
# clerk has written the real content in the admin.
PENDING = PLACEHOLDER + "本事项由附件4表格导入，"
NEW_ITEM_DEFAULTS = {
    "certificate_content": PENDING + "请填写证明的内容（许可条件和材料要求）。",
    "false_commitment_consequences": PENDING + "请填写不实承诺的责任。",
    "verification_method": VerificationMethod.ONLINE,
    "verification_time_limit_days": None,
}
NEW_ITEM_NOTE = (
    "新增为草稿。附件4不含告知内容（附件3），本单位的告知内容默认值缺少{missing}：请在系统中补充"
    "后再提交审核，或先在管理后台菜单“告知内容默认值”中设置本单位的默认值。"
)
IMPORT_STATUS = {
    RowResult.IMPORT_TYPE_NEW: RowStatus.NEW,
    RowResult.IMPORT_TYPE_UPDATE: RowStatus.CHANGED,
    RowResult.IMPORT_TYPE_SKIP: RowStatus.UNCHANGED,
}
# Without a configured government name, the level words a unit's name may start with.
UNCONFIGURED_LEVEL_WORDS = ("旗", "县")


def government_prefix() -> re.Pattern:
    """What a unit's name may start with and still be the same unit: the configured government
    name, its short name and its level word (鄂托克旗公安局, 鄂托克公安局, 旗公安局 = 公安局),
    longest first."""
    names = government_names()
    prefixes = {text_key(n) for n in (names.name, names.short_name) if text_key(n)}
    prefixes.update([names.level_word] if names.level_word else UNCONFIGURED_LEVEL_WORDS)
    ordered = sorted(prefixes, key=len, reverse=True)
    return re.compile("^(" + "|".join(re.escape(p) for p in ordered) + ")")


class DepartmentDirectory:
    """Departments by name as clerks write it: with or without the government's name or the
    level word 旗 before it (``government_prefix``)."""

    def __init__(self):
        self.prefix = government_prefix()
        self.by_key: dict[str, Department] = {}
        departments = list(Department.objects.only("pk", "name", "sort_order", "kind"))
        for department in departments:
            self.by_key.setdefault(text_key(department.name), department)
        for department in departments:
            self.by_key.setdefault(self.prefix.sub("", text_key(department.name)), department)

    def get(self, name) -> Department | None:
        key = text_key(name)
        if not key:
            return None
        return self.by_key.get(key) or self.by_key.get(self.prefix.sub("", key))


@dataclass
class Existing:
    """An item's current version, as the import compares against it."""

    pk: int
    row: CatalogRow
    content: dict
    live: bool
    workflow_status: str | None = None
    locked_by: str = ""  # who holds the item's edit lock, if anyone


@dataclass
class RowState:
    report: RowReport
    department: Department | None = None
    existing: Existing | None = None
    matches: list[Existing] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    submittable: bool = False
    new_fields: dict = field(default_factory=dict)  # a new item's 附件3 fields


class Session:
    resource_class: type

    def __init__(self, *, user):
        self.user = user
        self.states: dict[int, RowState] = {}
        self.resource = self.resource_class(session=self)

    def state(self, row) -> RowState:
        return self.states[int(row[ROW_NUMBER])]

    def finish(self, result) -> None:
        """Record what happened to each row, from django-import-export's result."""
        for row_result in result.rows:
            self.finish_row(row_result.row_values, row_result)

    def finish_row(self, row, row_result) -> None:
        report = self.state(row).report
        if row_result.import_type in IMPORT_STATUS:
            report.status = IMPORT_STATUS[row_result.import_type]
            return
        report.status = RowStatus.ERROR
        if row_result.validation_error is not None:
            for attribute, messages in row_result.validation_error.message_dict.items():
                column = self.resource.column_label(attribute)
                report.errors.extend(Issue(column, message) for message in messages)
        for error in row_result.errors:
            report.errors.append(
                Issue(self.resource.column_label("name"), f"保存失败：{error.error}")
            )
        report.notes = []
        report.warnings = []
        report.submit = False

    def reports(self) -> list[RowReport]:
        return [self.states[n].report for n in sorted(self.states)]


class CatalogImportSession(Session):
    resource_class = CatalogRowResource

    def __init__(self, *, user, submit: bool, progress=None):
        super().__init__(user=user)
        self.submit = submit
        # progress(rows checked, stage), called now and then by a background import
        self.progress = progress
        self.directory = DepartmentDirectory()
        self.index: dict[tuple, list[Existing]] = {}
        self.all_existing: dict[int, Existing] = {}
        self.seen: dict[tuple, int] = {}
        self.created: list[int] = []  # new items, whose reference index is built at the end
        self.pending: list[tuple[RowState, CertificateItem]] = []  # new items, written by flush
        self._items: dict[int, CertificateItem] | None = None
        self.diff_budget = DiffBudget(PREVIEW_DIFF_BUDGET)
        self.registry: Registry | None = None
        self.defaults: dict[int, NoticeDefaults] = {}

    # --- before the loop ----------------------------------------------------------------

    def prepare(self, dataset) -> None:
        """Load the current version of every item of the departments the file names."""
        departments = {self.directory.get(name) for name in set(dataset[DEPARTMENT])}
        ids = {d.pk for d in departments if d is not None}
        self.registry = Registry()
        defaults = NoticeDefaults.objects.filter(department__in=ids)
        self.defaults = {d.department_id: d for d in defaults}
        names = dict(Department.objects.filter(pk__in=ids).values_list("pk", "name"))
        items = list(
            CertificateItem.objects.filter(department_id__in=ids).values_list(
                "pk", "department_id", "name", "purpose", "live", "latest_revision_id"
            )
        )
        locks = self._locks(ids)
        contents = dict(
            Revision.objects.filter(pk__in=[i[5] for i in items if i[5]]).values_list(
                "pk", "content"
            )
        )
        content_type = ContentType.objects.get_for_model(CertificateItem)
        workflow = dict(
            WorkflowState.objects.filter(
                base_content_type=content_type,
                object_id__in=[str(i[0]) for i in items],
                status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES],
            ).values_list("object_id", "status")
        )
        for pk, department_id, name, purpose, live, revision_id in items:
            content = contents.get(revision_id)
            if content is None:  # an item written without Wagtail (never in this project)
                content = CertificateItem.objects.get(pk=pk).serializable_data()
            row = row_from_content(content, names)
            existing = Existing(pk, row, content, live, workflow.get(str(pk)), locks.get(pk, ""))
            self.all_existing[pk] = existing
            keys = {row.key, natural_key(department_id, name, purpose)}
            for key in keys:
                self.index.setdefault(key, []).append(existing)

    def _locks(self, department_ids) -> dict[int, str]:
        """Items locked by someone else than the importing user: their locker's name."""
        locked = CertificateItem.objects.filter(department_id__in=department_ids, locked=True)
        if self.user is not None:
            locked = locked.exclude(locked_by=self.user)
        return {
            item.pk: (item.locked_by.get_full_name() or item.locked_by.get_username())
            if item.locked_by
            else "他人"
            for item in locked.select_related("locked_by").only("pk", "locked_by")
        }

    # --- the loop -----------------------------------------------------------------------

    def start_row(self, row) -> tuple[CatalogRow, bool]:
        name_column, purpose_column = self.resource.fields["name"], self.resource.fields["purpose"]
        department = self.directory.get(row[DEPARTMENT])
        state = RowState(
            report=RowReport(
                number=int(row[ROW_NUMBER]),
                department=department.name if department else clean_line(row[DEPARTMENT]),
                name=clean_line(row[name_column.column_name]),
                purpose=clean_line(row[purpose_column.column_name]),
            ),
            department=department,
        )
        self.states[state.report.number] = state
        if self.progress is not None and len(self.states) % PROGRESS_EVERY == 0:
            self.progress(len(self.states), "checking")
        instance = CatalogRow(department_id=department.pk if department else None)
        if department is not None:
            key = natural_key(
                department.pk, row[name_column.column_name], row[purpose_column.column_name]
            )
            state.matches = self.index.get(key, [])
            if len(state.matches) == 1:
                state.existing = state.matches[0]
                state.report.item_id = state.existing.pk
        return instance, state.existing is None

    def check_row(self, instance: CatalogRow, row, failed: set[str]):
        state = self.state(row)
        department = state.department
        if department is None:
            yield (
                "department_name",
                f"系统中没有名为“{clean_line(row[DEPARTMENT])}”的实施机关，请核对单位名称"
                "（写在“实施机关：单位名称”行中）。",
            )
        elif not self._may_write(department, new=state.existing is None):
            yield (
                "department_name",
                f"您没有权限编辑“{department.name}”的证明事项，该行不能导入。",
            )
        if not {"legal_bases", "legal_levels"} & failed:
            yield from pair_levels(instance, self.registry)
            column = self.resource.fields["legal_bases"].column_name
            notes, warnings = link_bases(instance, self.registry, column)
            state.report.notes += notes
            state.report.warnings += warnings
        if department is not None and not {"name", "purpose"} & failed:
            first = self.seen.setdefault(instance.key, state.report.number)
            if first != state.report.number:
                yield (
                    "name",
                    f"与第{first}行重复：同一单位中证明名称和证明用途都相同的事项只能填写一行。",
                )
            if len(state.matches) > 1:
                ids = "、".join(str(m.pk) for m in state.matches)
                yield (
                    "name",
                    f"系统中有{len(state.matches)}个事项（编号{ids}）的证明名称和证明用途与此行相同，"
                    "无法确定要更新哪一个。请先在系统中修改或删除重复的事项。",
                )
        existing = state.existing
        locked = existing is not None and existing.locked_by and not failed
        if locked and changed_fields(existing.row, instance):
            yield (
                "name",
                f"该事项已被“{existing.locked_by}”锁定编辑，不能导入修改。"
                "请等对方解锁（或请其解锁）后再导入。",
            )

    def _may_write(self, department: Department, *, new: bool) -> bool:
        if self.user is None:  # a command-line dry run without --user
            return True
        perms = ["catalog.change_certificateitem"] + (
            ["catalog.add_certificateitem"] if new else []
        )
        return self.user.has_perms(perms) and in_scope(self.user, Scope.EDIT, department.pk)

    def is_unchanged(self, instance: CatalogRow, row) -> bool:
        state = self.state(row)
        instance.department_name = state.department.name
        if state.existing is None:
            state.report.notes = self._notes_for_new(state, instance) + state.report.notes
            state.report.submit = state.submittable
            return False
        state.changed = changed_fields(state.existing.row, instance, self.registry)
        if not state.changed:
            state.report.notes = []
            return True
        state.report.changes = self._changes(state.existing.row, instance, state.changed)
        state.report.notes = self._notes_for_change(state, instance) + state.report.notes
        state.report.submit = state.submittable
        return False

    def _changes(self, old: CatalogRow, new: CatalogRow, fields: list[str]) -> list[Change]:
        """The changed cells in the order of the 附件4 columns, old and new text."""
        keys = set(fields) | ({"legal_levels"} if "legal_bases" in fields else set())
        if "extra_values" in fields:
            keys |= {EXTRA_COLUMN.format(key=key) for key in new.extra}
        before, after = self.resource.cells(old), self.resource.cells(new)
        return [
            Change(column.label, before[column.key], after[column.key], self.diff_budget)
            for column in self.resource.layout.columns
            if column.key in keys
            and clean_text(before[column.key]) != clean_text(after[column.key])
        ]

    def _notes_for_new(self, state: RowState, instance: CatalogRow) -> list[str]:
        """A new item takes its department's 附件3 defaults; what they lack is marked."""
        defaults = self.defaults.get(state.department.pk)
        if defaults is None:
            fields, missing = {}, ["证明的内容、不实承诺的责任、核查方式和时限"]
        else:
            fields, missing = defaults.item_fields(instance.item_fields())
        if missing:
            for name, placeholder in NEW_ITEM_DEFAULTS.items():
                if not fields.get(name):
                    fields[name] = placeholder
            state.new_fields = fields
            return [NEW_ITEM_NOTE.format(missing="“" + "”“".join(missing) + "”")]
        state.new_fields = fields
        if not self.submit:
            return ["新增为草稿（未提交审核），告知内容取本单位的默认值。"]
        blockers = _blockers(fields, instance)
        if blockers:
            return ["新增为草稿，暂不能提交审核：" + "".join(blockers)]
        state.submittable = True
        return ["新增并提交审核，告知内容取本单位的默认值。"]

    def _notes_for_change(self, state: RowState, instance: CatalogRow) -> list[str]:
        existing = state.existing
        notes = []
        if existing.workflow_status == WorkflowState.STATUS_IN_PROGRESS:
            notes.append("该事项正在审核中：导入的修改将保存为新版本，需要重新审核。")
        elif self.submit:
            values = {
                f.attname: existing.content[f.name]
                for f in CertificateItem._meta.concrete_fields
                if f.name in existing.content and not f.is_relation
            }
            blockers = _blockers(values, instance)
            if blockers:
                notes.append("导入后保存为草稿，暂不能提交审核：" + "".join(blockers))
            else:
                state.submittable = True
                resubmit = existing.workflow_status == WorkflowState.STATUS_NEEDS_CHANGES
                notes.append("导入后重新提交审核。" if resubmit else "导入后提交审核。")
        else:
            notes.append("导入后保存为草稿（未提交审核）。")
        if existing.live:
            notes.append("公开目录仍显示已发布的版本，审核通过后才更新。")
        return notes

    def write_row(self, instance: CatalogRow, row) -> None:
        state = self.state(row)
        ensure_documents(instance, self.registry, self.user)
        if state.existing is None:
            # Checked now, so that errors belong to the row; written together by ``flush``.
            extra = merged_extra({}, instance)
            item = item_build(
                department=state.department,
                fields={**instance.item_fields(), **state.new_fields, "extra_values": extra},
                legal_bases=instance.legal_basis_dicts(),
            )
            self.pending.append((state, item))
            return
        fields = {
            n: getattr(instance, n)
            for n in state.changed
            if n not in ("legal_bases", "extra_values")
        }
        if "extra_values" in state.changed:
            fields["extra_values"] = merged_extra(state.existing.row.extra, instance)
        bases = instance.legal_basis_dicts() if "legal_bases" in state.changed else None
        item = item_update(
            user=self.user, item=self._item(state.existing.pk), fields=fields, legal_bases=bases
        )
        if self.submit and state.submittable:
            item_submit(user=self.user, item=item)
        state.report.item_id = item.pk

    def flush(self) -> None:
        """Write the new items of the rows, as ``item_create`` would one by one."""
        pending, self.pending = self.pending, []
        if self.progress is not None:
            self.progress(len(self.states), "writing")
        items_create(user=self.user, items=[item for _state, item in pending])
        for state, item in pending:
            state.report.item_id = item.pk
            self.created.append(item.pk)
            if self.submit and state.submittable:
                item_submit(user=self.user, item=item)

    def _item(self, pk: int) -> CertificateItem:
        if self._items is None:  # the items of every matched row, in one query
            ids = {s.existing.pk for s in self.states.values() if s.existing}
            self._items = CertificateItem.objects.in_bulk(ids)
        return self._items[pk]

    def untouched(self) -> int:
        matched = {s.existing.pk for s in self.states.values() if s.existing}
        return len(set(self.all_existing) - matched)


def _blockers(values: dict, instance: CatalogRow) -> list[str]:
    """The publication rules an item with ``values`` (its 附件3 part) and the row's 附件4 part
    would break, as messages."""
    candidate = CertificateItem(**values)
    candidate.department_id = instance.department_id
    for name in ITEM_FIELDS:
        setattr(candidate, name, getattr(instance, name))
    candidate.extra_values = merged_extra(candidate.extra_values, instance)
    bases = [LegalBasis(**b) for b in instance.legal_basis_dicts()]
    errors = publication_errors(candidate, legal_bases=bases)
    return [message for messages in errors.values() for message in messages]
