"""The supervisor's figures in the admin (charts and the same figures as tables) and their
Excel export; the period is chosen in whole months."""

from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone

from accounts.enums import AuditAction
from accounts.services import audit_record
from permissions.scope import ALL, Scope, department_ids

from . import figures
from .access import may_read
from .figure_tables import chart_data, figures_workbook, sections
from .periods import period_from
from .selectors import visible_departments
from .views import refused

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _scope(user):
    ids = department_ids(user, Scope.VIEW)
    return None if ids is ALL else ids


def tables_key(period, scope) -> str:
    """The rendered tables' cache key: the counts' period and the units shown."""
    units = "all" if scope is None else "-".join(str(pk) for pk in sorted(scope))
    return f"{figures.cache_key(period)}:{units}"


def figures_dashboard(request):
    if not may_read(request.user):
        return refused(request)
    period, errors = period_from(request.GET)
    scope = _scope(request.user)
    tables = figures.compute(period, department_ids=scope, counts=figures.cached_counts(period))
    departments = list(visible_departments(request.user))
    return TemplateResponse(
        request,
        "supervision/figures.html",
        {
            "page_title": "统计图表",
            "period": period,
            "errors": errors,
            "tables": tables,
            "months": period.months,
            "sections": sections(period, departments, tables),
            "tables_key": tables_key(period, scope),
            "chart": chart_data(period, departments, tables),
            "from_value": request.GET.get("start") or f"{period.first:%Y-%m}",
            "to_value": request.GET.get("end") or f"{period.last:%Y-%m}",
            "query": request.GET.urlencode(),
            "own_units_only": scope is not None,
        },
    )


def figures_export(request):
    if not may_read(request.user):
        return refused(request)
    period, _ = period_from(request.GET)
    scope = _scope(request.user)
    tables = figures.compute(period, department_ids=scope)
    departments = list(visible_departments(request.user))
    content = figures_workbook(period, departments, tables)
    audit_record(
        AuditAction.EXPORT,
        request=request,
        object_type="supervision.figures",
        object_label=f"统计数据 {period.first:%Y-%m}至{period.last:%Y-%m}",
        detail={"units": len(departments)},
    )
    response = HttpResponse(content, content_type=XLSX)
    filename = f"figures-{period.first:%Y%m}-{period.last:%Y%m}-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
