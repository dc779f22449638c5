"""Admin pages of random inspection: runs (list, new run, a run with its draws) and the
department's inspector list."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin.auth import permission_denied

from catalog.models import Department
from commitments.models import Inspector, SamplingRun
from permissions.scope import Scope, granted_department_ids

from ..cases.rules import user_handles_any_cases, user_handles_cases
from ..letters.views import _apply_errors
from ..verification.selectors import department_staff
from .forms import InspectorForm, RunForm
from .selectors import run_figures, staff_runs
from .services import inspector_set, sampling_run


def _department(request):
    departments = Department.objects.filter(pk__in=granted_department_ids(request.user, Scope.EDIT))
    chosen = request.GET.get("department", "")
    return departments, (
        departments.filter(pk=int(chosen)).first() if chosen.isdigit() else None
    ) or departments.first()


def run_list(request):
    if not request.user.has_perm("commitments.view_commitmentletter"):
        return permission_denied(request)
    runs = staff_runs(request.user)[:100]
    return TemplateResponse(
        request,
        "commitments/sampling/list.html",
        {
            "page_title": "双随机抽查",
            "rows": [run_figures(run) for run in runs],
            "may_run": user_handles_any_cases(request.user),
        },
    )


def run_new(request):
    if not user_handles_any_cases(request.user):
        return permission_denied(request)
    departments, department = _department(request)
    form = RunForm(request.POST or None, runs=SamplingRun.objects.filter(department=department))
    if request.method == "POST" and form.is_valid():
        try:
            run = sampling_run(user=request.user, department=department, **form.cleaned_data)
        except PermissionDenied as e:
            form.add_error(None, str(e))
        except ValidationError as e:
            _apply_errors(form, e)
        else:
            messages.success(request, f"已完成抽查{run.pk}，抽中{run.draws.count()}份承诺书。")
            return redirect("sampling_detail", run.pk)
    return TemplateResponse(
        request,
        "commitments/sampling/new.html",
        {
            "page_title": "新建双随机抽查",
            "form": form,
            "department": department,
            "departments": departments,
            "inspectors": Inspector.objects.filter(
                department=department, active=True
            ).select_related("user"),
        },
    )


def run_detail(request, pk):
    run = staff_runs(request.user).filter(pk=pk).first()
    if run is None:
        messages.error(request, "您没有权限查看该抽查：它属于您无权管理的单位。")
        return redirect("wagtailadmin_home")
    return TemplateResponse(
        request,
        "commitments/sampling/detail.html",
        {
            "page_title": f"双随机抽查{run.pk}：{run.department.name}",
            "run": run,
            "figures": run_figures(run),
            "draws": run.draws.select_related("letter", "inspector", "task"),
        },
    )


def inspector_list(request):
    if not user_handles_any_cases(request.user):
        return permission_denied(request)
    departments, department = _department(request)
    staff = department_staff(department)
    form = InspectorForm(request.POST or None, staff=staff)
    if request.method == "POST" and form.is_valid():
        try:
            inspector_set(
                user=request.user,
                department=department,
                member=form.cleaned_data["member"],
                active=form.cleaned_data["active"],
            )
        except PermissionDenied as e:
            form.add_error(None, str(e))
        except ValidationError as e:
            _apply_errors(form, e)
        else:
            messages.success(request, "已更新检查人员名录。")
            return redirect(f"{request.path}?department={department.pk}")
    return TemplateResponse(
        request,
        "commitments/sampling/inspectors.html",
        {
            "page_title": "检查人员名录",
            "department": department,
            "departments": departments,
            "entries": Inspector.objects.filter(department=department).select_related("user"),
            "form": form,
            "may_handle": user_handles_cases(request.user, department.pk),
        },
    )
