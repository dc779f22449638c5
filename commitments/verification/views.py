"""Admin pages of verification: the scoped task list, a task with its results and evidence,
assignment, recording a result, and the logged download of an evidence file."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import FileResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail import hooks
from wagtail.admin.auth import permission_denied

from accounts.network import client_ip
from commitments.models import VerificationEvidence

from ..cases.rules import user_handles_cases
from ..letters.services import user_sees_personal_data
from ..letters.views import _apply_errors
from .enums import TASK_SECTIONS_HOOK, VerificationFinding
from .forms import AssignForm, ResultForm
from .selectors import department_staff, results_of, staff_tasks
from .services import evidence_open, verification_assign, verification_record

OTHER_DEPARTMENT_MESSAGE = "您没有权限查看该核查任务：它属于您无权管理的单位。"
FILTERS = {"open": "待核查", "overdue": "逾期未核查", "done": "已核查"}


def task_list(request):
    if not request.user.has_perm("commitments.view_commitmentletter"):
        return permission_denied(request)
    today = timezone.localdate()
    tasks = staff_tasks(request.user)
    state = request.GET.get("state", "")
    if state == "open":
        tasks = tasks.open()
    elif state == "overdue":
        tasks = tasks.overdue(today)
    elif state == "done":
        tasks = tasks.filter(results__isnull=False).distinct()
    page = Paginator(tasks, 50).get_page(request.GET.get("page"))
    return TemplateResponse(
        request,
        "commitments/verification/list.html",
        {
            "page_title": "核查任务",
            "page": page,
            "rows": [(t, t.current_result) for t in page.object_list],
            "filters": FILTERS,
            "state": state,
            "today": today,
        },
    )


def _task_or_deny(request, pk):
    task = staff_tasks(request.user).filter(pk=pk).first()
    if task is None:
        messages.error(request, OTHER_DEPARTMENT_MESSAGE)
    return task


def _detail(request, task, assign_form=None, result_form=None):
    staff = department_staff(task.department)
    current = task.current_result
    return TemplateResponse(
        request,
        "commitments/verification/detail.html",
        {
            "page_title": f"核查任务：{task.department.name}{task.letter.number_label}",
            "task": task,
            "results": results_of(task),
            "current": current,
            "overdue": current is None and task.due_on < timezone.localdate(),
            "may_handle": user_handles_cases(request.user, task.department_id),
            "sees_evidence": user_sees_personal_data(request.user, task.letter),
            "assign_form": assign_form or AssignForm(staff=staff),
            "result_form": result_form or ResultForm(staff=staff),
            "false_findings": [VerificationFinding.FALSE, VerificationFinding.PARTLY_FALSE],
            "sections": [section(request, task) for section in hooks.get_hooks(TASK_SECTIONS_HOOK)],
        },
    )


def task_detail(request, pk):
    task = _task_or_deny(request, pk)
    if task is None:
        return redirect("wagtailadmin_home")
    return _detail(request, task)


def task_assign(request, pk):
    task = _task_or_deny(request, pk)
    if task is None:
        return redirect("wagtailadmin_home")
    if request.method != "POST":
        return redirect("verification_detail", task.pk)
    form = AssignForm(request.POST, staff=department_staff(task.department))
    if form.is_valid():
        try:
            verification_assign(
                user=request.user, task=task, assignee=form.cleaned_data["assignee"]
            )
        except PermissionDenied as e:
            messages.error(request, str(e))
            return redirect("verification_detail", task.pk)
        except ValidationError as e:
            _apply_errors(form, e)
        else:
            messages.success(request, "已指派核查人。")
            return redirect("verification_detail", task.pk)
    return _detail(request, task, assign_form=form)


def task_record(request, pk):
    task = _task_or_deny(request, pk)
    if task is None:
        return redirect("wagtailadmin_home")
    if request.method != "POST":
        return redirect("verification_detail", task.pk)
    form = ResultForm(request.POST, request.FILES, staff=department_staff(task.department))
    if form.is_valid():
        data = form.cleaned_data
        try:
            verification_record(
                user=request.user,
                task=task,
                checked_by=data["checked_by"],
                checked_on=data["checked_on"],
                source=data["source"],
                finding=data["finding"],
                reason=data["reason"],
                files=data["files"],
                corrects=task.current_result if data["correct"] else None,
            )
        except PermissionDenied as e:
            messages.error(request, str(e))
            return redirect("verification_detail", task.pk)
        except ValidationError as e:
            for field, errors in e.message_dict.items():
                field = "correct" if field == "corrects" else field
                form.add_error(field if field in form.fields else None, errors)
        else:
            messages.success(request, "已登记核查结果。")
            return redirect("verification_detail", task.pk)
    return _detail(request, task, result_form=form)


def evidence_download(request, pk):
    evidence = (
        VerificationEvidence.objects.select_related("result__task__letter__department")
        .filter(pk=pk)
        .first()
    )
    if evidence is None:
        return permission_denied(request)
    try:
        handle = evidence_open(user=request.user, evidence=evidence, ip_address=client_ip(request))
    except PermissionDenied:
        return permission_denied(request)
    response = FileResponse(handle, content_type=evidence.content_type, filename=evidence.name)
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response
