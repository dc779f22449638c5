"""Admin views of record history kept by django-simple-history (departments, users' grants)."""

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from wagtail.admin.auth import permission_denied

from permissions.scope import Scope, in_scope

from .models import Department

CHANGE_TYPES = {"+": "创建", "~": "修改", "-": "删除"}


@dataclass
class HistoryRow:
    when: object
    who: object
    change_type: str
    changes: list[tuple[str, str, str]]  # (field label, old, new)


def history_rows(model, records) -> list[HistoryRow]:
    """Newest first: each historical record with its field changes against the one before."""
    records = list(records.order_by("history_date", "history_id"))
    rows = []
    previous = None
    for record in records:
        changes = []
        if previous is not None:
            delta = record.diff_against(previous)
            for change in delta.changes:
                try:
                    label = str(model._meta.get_field(change.field).verbose_name)
                except Exception:
                    label = change.field
                changes.append((label, _fmt(change.old), _fmt(change.new)))
        rows.append(
            HistoryRow(
                when=record.history_date,
                who=record.history_user,
                change_type=CHANGE_TYPES.get(record.history_type, record.history_type),
                changes=changes,
            )
        )
        previous = record
    return list(reversed(rows))


def _fmt(value) -> str:
    if isinstance(value, list):  # an m2m change: [{"user": 1, "group": 7}, ...]
        from django.contrib.auth.models import Group

        ids = [v.get("group") for v in value if isinstance(v, dict)]
        names = dict(Group.objects.filter(pk__in=ids).values_list("pk", "name"))
        return "、".join(names.get(i, f"已删除的组 {i}") for i in ids)
    return "" if value is None else str(value)


def department_history(request, pk):
    department = get_object_or_404(Department, pk=pk)
    if not (
        request.user.has_perm("catalog.view_department") or request.user.is_superuser
    ) and not in_scope(request.user, Scope.VIEW, department.pk):
        return permission_denied(request)
    return TemplateResponse(
        request,
        "catalog/admin/record_history.html",
        {
            "page_title": f"变更记录：{department}",
            "rows": history_rows(Department, department.history.all()),
        },
    )


def user_history(request, pk):
    if not (request.user.is_superuser or request.user.has_perm("auth.view_user")):
        return permission_denied(request)
    user = get_object_or_404(get_user_model(), pk=pk)
    return TemplateResponse(
        request,
        "catalog/admin/record_history.html",
        {
            "page_title": f"用户与授权变更记录：{user.get_username()}",
            "rows": history_rows(get_user_model(), user.history.all()),
        },
    )
