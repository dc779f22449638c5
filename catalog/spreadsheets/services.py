"""The spreadsheet door's writes: import a 附件4 catalog or a 附件2 liaison table.

``catalog_import`` and ``departments_import`` first preview (``commit=False``: nothing is
written) and, once confirmed, import (``commit=True``): every row is written or none, in one
transaction. A file that cannot be read at all raises ``SpreadsheetRefused``; rows with
problems come back as errors in the ``ImportReport`` (row number, column, message in Chinese).
"""

import logging

import tablib
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db import connection, transaction
from wagtail.log_actions import log
from wagtail.models import ReferenceIndex
from wagtail.signal_handlers import disable_reference_index_auto_update

from catalog.models import CertificateItem, Department
from permissions.policy import departments_user_can_edit
from permissions.scope import Scope, in_scope

from .cleaning import clean_line
from .contacts import DepartmentImportSession
from .layout import ANNEX2, ANNEX4, HeaderMatch, Layout, LayoutError, find_header
from .layout import section_department as read_section
from .reading import MAX_DATA_ROWS, Sheet, SpreadsheetRefused, read_workbook
from .report import ImportReport, digest
from .resources import DEPARTMENT, ROW_NUMBER
from .sessions import CatalogImportSession

logger = logging.getLogger(__name__)

ITEM_IMPORT_PERMS = ("catalog.add_certificateitem", "catalog.change_certificateitem")


def user_may_import_items(user) -> bool:
    """Editors (their departments) and reviewers (every department) import catalogs."""
    return bool(
        user.is_active
        and user.has_perms(ITEM_IMPORT_PERMS)
        and departments_user_can_edit(user).exists()
    )


def user_may_import_into(user, department: Department) -> bool:
    return bool(
        user.is_active
        and user.has_perms(ITEM_IMPORT_PERMS)
        and in_scope(user, Scope.EDIT, department.pk)
    )


def user_may_manage_departments(user) -> bool:
    """Administrators maintain the departments and their 附件2 contacts."""
    return bool(user.is_active and user.has_perms(["catalog.change_department"]))


# --- reading a sheet into a dataset ---------------------------------------------------------


def _find_sheet(data: bytes, filename: str, layout: Layout) -> tuple[Sheet, HeaderMatch, list]:
    """The first worksheet with the layout's header; ``SpreadsheetRefused`` if there is none."""
    workbook = read_workbook(data, filename)
    found, problems, warnings = None, [], []
    for sheet in workbook.sheets:
        try:
            header = find_header(layout, sheet.rows, sheet.numbers)
        except LayoutError as exc:
            problems.append((sheet, exc))
            continue
        if found is None:
            found = (sheet, header)
        else:
            warnings.append(
                f"工作表“{sheet.name}”也是{layout.annex}格式，没有导入：一次只导入第一个工作表"
                f"“{found[0].name}”。"
            )
    if found is None:
        other = ANNEX2 if layout.annex == ANNEX4.annex else ANNEX4
        for sheet, _exc in problems:
            try:
                find_header(other, sheet.rows, sheet.numbers)
            except LayoutError:
                continue
            raise SpreadsheetRefused(
                f"上传的是{other.name}，不是{layout.name}。请在相应的页面导入，"
                f"或上传{layout.annex}格式的表格。"
            )
        partial = [p for p in problems if "缺少" in str(p[1])] or problems
        sheet, exc = partial[0]
        where = f"工作表“{sheet.name}”" if len(workbook.sheets) > 1 else ""
        raise SpreadsheetRefused(f"{where}{exc}")
    sheet, header = found
    if header.unknown:
        names = "、".join(f"“{label}”" for label in header.unknown)
        warnings.append(f"表头中的{names}不是{layout.annex}的列，已忽略。")
    return sheet, header, warnings


def _body(sheet: Sheet, header: HeaderMatch):
    """(row number, {column key: raw value}, section name) for each row below the header."""
    for cells, number in zip(
        sheet.rows[header.data_start :], sheet.numbers[header.data_start :], strict=True
    ):
        section = read_section(cells)
        values = {
            key: cells[index] if index < len(cells) else None
            for key, index in header.columns.items()
        }
        yield number, values, section


def _dataset(headers: list[str], rows: list[list]) -> tablib.Dataset:
    if not rows:
        raise SpreadsheetRefused("表头下面没有任何数据行，没有可导入的内容。")
    if len(rows) > MAX_DATA_ROWS:
        raise SpreadsheetRefused(
            f"表格有 {len(rows):,} 行数据，一次最多导入 {MAX_DATA_ROWS:,} 行。"
            "请按单位拆分成几个文件后分别导入。"
        )
    return tablib.Dataset(*rows, headers=headers)


def _catalog_dataset(
    sheet: Sheet, header: HeaderMatch, department: Department, directory, layout: Layout = ANNEX4
):
    """The rows as a dataset; an extra field's column (ADR 020) only when the sheet has it, so
    that a sheet without it leaves the items' values alone."""
    columns = [
        c for c in layout.columns if not c.key.startswith("extra:") or c.key in header.columns
    ]
    warnings = []
    current, sections = department.name, False
    rows = []
    for number, values, section in _body(sheet, header):
        if section:
            current, sections = section, True
            continue
        if not any(clean_line(v) for key, v in values.items() if key != "serial"):
            continue  # a blank line, or a numbered line left empty
        rows.append([number, current, *(values.get(c.key) for c in columns)])
    unit = header.unit
    if unit and not sections:
        named = directory.get(unit)
        if named is None or named.pk != department.pk:
            warnings.append(
                f"表格中“单位（盖章）”填写的是“{unit}”，与选择的“{department.name}”不一致。"
                f"全部数据将导入到“{department.name}”，请确认。"
            )
    return _dataset([ROW_NUMBER, DEPARTMENT, *(c.label for c in columns)], rows), warnings


def _department_dataset(sheet: Sheet, header: HeaderMatch):
    resource_columns = DepartmentImportSession.resource_class().fields
    rows = []
    for number, values, _section in _body(sheet, header):
        if not any(clean_line(v) for v in values.values()):
            continue
        rows.append([number, *(values.get(c.key) for c in ANNEX2.columns)])
    headers = [ROW_NUMBER, *(resource_columns[c.key].column_name for c in ANNEX2.columns)]
    return _dataset(headers, rows)


# --- running an import --------------------------------------------------------------------


def _run(session, dataset, *, commit: bool, expected_digest: str | None, locks=()):
    """Preview, or import in one transaction when confirmed: (committed, stale).

    The outcome of each row is left in the session's reports either way.
    """
    session.prepare(dataset)
    if not commit:
        session.finish(session.resource.import_data(dataset, dry_run=True, raise_errors=False))
        return False, False
    with transaction.atomic(), disable_reference_index_auto_update():
        list(Department.objects.select_for_update().filter(pk__in=[d.pk for d in locks]))
        result = session.resource.import_data(
            dataset,
            dry_run=False,
            raise_errors=False,
            use_transactions=True,
            rollback_on_validation_errors=True,
        )
        session.finish(result)
        reports = session.reports()
        stale = expected_digest is not None and digest(reports) != expected_digest
        failed = result.has_errors() or result.has_validation_errors() or stale
        if failed:
            transaction.set_rollback(True)
            return False, stale
        if hasattr(session, "flush"):
            session.flush()
        # Saving an item updates Wagtail's reference index twice; it is built once at the end
        # instead. Changed items keep their row (the draft is a revision), so only new ones.
        index_new_items(getattr(session, "created", []))
    return True, False


def index_new_items(pks, chunk=1000) -> None:
    """``ReferenceIndex.create_or_update_for_object`` for new items, a chunk at a time.

    New items have no records yet, so the records are only created: the same ones, extracted
    by Wagtail from each item (legal bases prefetched), written in one bulk insert per chunk.
    An item that already has records is updated by Wagtail's own method.
    """
    content_type = ContentType.objects.get_for_model(CertificateItem, for_concrete_model=False)
    conflicts = connection.features.supports_ignore_conflicts
    bulk_kwargs = {"ignore_conflicts": True} if conflicts else {}
    pks = list(pks)
    for start in range(0, len(pks), chunk):
        items = CertificateItem.objects.filter(pk__in=pks[start : start + chunk])
        items = items.order_by("pk").prefetch_related("legal_bases")
        indexed = set(
            ReferenceIndex.objects.filter(
                base_content_type=content_type,
                object_id__in=[str(pk) for pk in pks[start : start + chunk]],
            ).values_list("object_id", flat=True)
        )
        records = []
        for item in items:
            if str(item.pk) in indexed or item._meta.get_parent_list():
                ReferenceIndex.create_or_update_for_object(item)
                continue
            references = set(ReferenceIndex._extract_references_from_object(item))
            records.extend(
                ReferenceIndex(
                    content_type=content_type,
                    base_content_type=content_type,
                    object_id=item.pk,
                    to_content_type_id=to_content_type_id,
                    to_object_id=to_object_id,
                    model_path=model_path,
                    content_path=content_path,
                    content_path_hash=ReferenceIndex._get_content_path_hash(content_path),
                )
                for to_content_type_id, to_object_id, model_path, content_path in references
            )
        ReferenceIndex.objects.bulk_create(records, batch_size=500, **bulk_kwargs)


def catalog_import(
    *,
    user,
    data: bytes,
    filename: str,
    department: Department,
    commit: bool = False,
    submit: bool = False,
    expected_digest: str | None = None,
    progress=None,
) -> ImportReport:
    """Preview or import a department's 附件4 sheet.

    ``department`` receives the rows that no ``实施机关：…`` section row assigns elsewhere. New
    rows become draft items, changed rows new draft revisions; with ``submit`` the changed
    items that meet the publication rules are submitted for review. ``user`` may be ``None``
    only for a preview from the command line. ``progress(rows checked, stage)`` is called
    every ``PROGRESS_EVERY`` rows and before the writes (background imports report it).
    """
    if user is None and commit:
        raise PermissionDenied("导入必须指定操作用户，修订记录和审核流程需要记录是谁导入的。")
    if user is not None and not user_may_import_into(user, department):
        raise PermissionDenied(f"您没有权限导入“{department.name}”的证明事项。")
    session = CatalogImportSession(user=user, submit=submit, progress=progress)
    layout = session.resource.layout
    sheet, header, warnings = _find_sheet(data, filename, layout)
    dataset, more_warnings = _catalog_dataset(sheet, header, department, session.directory, layout)
    committed, stale = _run(
        session,
        dataset,
        commit=commit,
        expected_digest=expected_digest,
        locks={session.directory.get(name) or department for name in set(dataset[DEPARTMENT])},
    )
    report = ImportReport(
        title=ANNEX4.name,
        filename=filename,
        sheet=sheet.name,
        rows=session.reports(),
        warnings=warnings + more_warnings,
        untouched=session.untouched(),
        committed=committed,
        stale=stale,
        submit=submit,
    )
    if committed:
        logger.info(
            "catalog import by %s into %s from %s: %s",
            user,
            department,
            filename,
            report.summary(),
        )
    return report


def departments_import(
    *, user, data: bytes, filename: str, commit: bool = False, expected_digest: str | None = None
) -> ImportReport:
    """Preview or import the 附件2 liaison table: departments and their contacts."""
    if user is None and commit:
        raise PermissionDenied("导入必须指定操作用户。")
    if user is not None and not user_may_manage_departments(user):
        raise PermissionDenied("只有系统管理员可以导入实施机关和联络员信息。")
    sheet, header, warnings = _find_sheet(data, filename, ANNEX2)
    dataset = _department_dataset(sheet, header)
    session = DepartmentImportSession(user=user)
    committed, stale = _run(session, dataset, commit=commit, expected_digest=expected_digest)
    return ImportReport(
        title=ANNEX2.name,
        filename=filename,
        sheet=sheet.name,
        rows=session.reports(),
        warnings=warnings,
        committed=committed,
        stale=stale,
    )


@transaction.atomic
def department_contacts_save(
    *, user, department: Department | None, name: str, kind: str, contacts: dict
) -> Department:
    """Create a department or change its 附件2 contacts, with history and a log entry."""
    new = department is None
    perm = "catalog.add_department" if new else "catalog.change_department"
    if not user.has_perm(perm):
        raise PermissionDenied("只有系统管理员可以修改实施机关和联络员信息。")
    if new:
        last = Department.objects.order_by("-sort_order").values_list("sort_order", flat=True)
        department = Department(name=name, kind=kind, sort_order=(last.first() or 0) + 1)
    else:
        department = Department.objects.get(pk=department.pk)
    for field, value in contacts.items():
        setattr(department, field, value)
    department.full_clean()
    department._history_user = user
    department._change_reason = "由联络员信息表（附件2）导入"
    department.save()
    log(instance=department, action="wagtail.create" if new else "wagtail.edit", user=user)
    return department


__all__ = [
    "catalog_import",
    "department_contacts_save",
    "departments_import",
    "user_may_import_into",
    "user_may_import_items",
    "user_may_manage_departments",
]
