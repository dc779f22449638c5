"""The public page 工作进展: the banner-wide and per-unit figures of supervision (counts only,
no personal data), with charts drawn by a script served from this site (no inline script)."""

from django.shortcuts import render
from django.views.decorators.cache import cache_control

from catalog.models import Department
from supervision import figures
from supervision.figure_tables import chart_data, sections
from supervision.periods import period_from


@cache_control(public=True, max_age=300)
def progress(request):
    period, errors = period_from(request.GET)
    tables = figures.compute(period, public_only=True, counts=figures.cached_counts(period))
    departments = list(Department.objects.order_by("sort_order", "pk"))
    return render(
        request,
        "public/progress.html",
        {
            "period": period,
            "errors": errors,
            "tables": tables,
            "sections": sections(period, departments, tables),
            "tables_key": f"{figures.cache_key(period)}:public",
            "chart": chart_data(period, departments, tables),
            "from_value": f"{period.first:%Y-%m}",
            "to_value": f"{period.last:%Y-%m}",
        },
    )
