"""Admin pages of the working-day calendar: which years are known, and the form to enter the
holidays of a year ``chinese-calendar`` does not know."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.admin.auth import permission_denied

from commitments.models import CalendarDayKind, HolidayYear

from .calendar import built_in_years
from .forms import HolidayYearForm
from .services import holiday_year_save


def _may_view(user) -> bool:
    return user.has_perm("commitments.view_holidayyear") or user.has_perm(
        "commitments.add_holidayyear"
    )


def holiday_years(request):
    if not _may_view(request.user):
        return permission_denied(request)
    years = built_in_years()
    this_year = timezone.localdate().year
    entered = list(HolidayYear.objects.prefetch_related("days").select_related("entered_by"))
    entered_years = {e.year for e in entered}
    missing = [y for y in range(years.stop, this_year + 2) if y not in entered_years]
    return TemplateResponse(
        request,
        "commitments/workdays/years.html",
        {
            "page_title": "节假日安排",
            "built_in_first": years.start,
            "built_in_last": years.stop - 1,
            "entered": entered,
            "missing": missing,
            "can_enter": request.user.has_perm("commitments.add_holidayyear"),
        },
    )


def _initial(entry: HolidayYear) -> dict:
    holidays, makeup = [], []
    for day in entry.days.all():
        line = f"{day.date:%Y-%m-%d} {day.name}".strip()
        (holidays if day.kind == CalendarDayKind.HOLIDAY else makeup).append(line)
    return {
        "year": entry.year,
        "notice": entry.notice,
        "holidays": "\n".join(holidays),
        "makeup_workdays": "\n".join(makeup),
    }


def holiday_year_edit(request, year=None):
    """Enter a new year (``year`` None) or replace an entered year's arrangement."""
    entry = get_object_or_404(HolidayYear, year=year) if year is not None else None
    needed = "commitments.change_holidayyear" if entry else "commitments.add_holidayyear"
    if not request.user.has_perm(needed):
        return permission_denied(request)
    initial = _initial(entry) if entry else {"year": request.GET.get("year")}
    form = HolidayYearForm(request.POST or None, initial=initial, editing_year=year)
    if request.method == "POST" and form.is_valid():
        try:
            saved = holiday_year_save(
                user=request.user,
                year=year or form.cleaned_data["year"],
                notice=form.cleaned_data["notice"],
                holidays=form.cleaned_data["holidays"],
                makeup_workdays=form.cleaned_data["makeup_workdays"],
            )
        except PermissionDenied:
            return permission_denied(request)
        holiday_count = saved.days.filter(kind=CalendarDayKind.HOLIDAY).count()
        makeup_count = saved.days.filter(kind=CalendarDayKind.MAKEUP_WORKDAY).count()
        messages.success(
            request,
            f"已保存{saved.year}年节假日安排："
            f"放假 {holiday_count} 天，调休上班 {makeup_count} 天。",
        )
        return redirect("holiday_years")
    return TemplateResponse(
        request,
        "commitments/workdays/edit.html",
        {"page_title": f"录入{year}年节假日安排" if year else "录入节假日安排", "form": form},
    )
