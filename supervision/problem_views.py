"""Admin pages of problem reports: a unit reports (own unit only), the justice bureau answers;
everyone who reads the plan sees the reports of the units in their view scope."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from wagtail.admin.auth import permission_denied

from catalog.models import Department
from permissions.scope import Scope, granted_department_ids

from .access import may_read
from .enums import ProblemStatus
from .selectors import visible_problems
from .services import problem_answer, problem_report, user_may_answer
from .views import apply_errors, refused


class ReportForm(forms.Form):
    department = forms.ModelChoiceField(label="报告单位", queryset=Department.objects.none())
    title = forms.CharField(
        label="问题", max_length=200, error_messages={"required": "请用一句话写明问题。"}
    )
    body = forms.CharField(
        label="情况说明",
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={"required": "请写明问题的情况，便于司法局答复。"},
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = Department.objects.filter(
            pk__in=granted_department_ids(user, Scope.EDIT)
        )
        self.fields["department"].error_messages["invalid_choice"] = "请选择本单位。"


class AnswerForm(forms.Form):
    answer = forms.CharField(label="答复", widget=forms.Textarea(attrs={"rows": 5}), required=False)


def _may_report_somewhere(user) -> bool:
    return user.has_perm("supervision.add_problemreport") and bool(
        granted_department_ids(user, Scope.EDIT)
    )


def problem_list(request):
    if not may_read(request.user, "supervision.view_problemreport"):
        return refused(request)
    reports = visible_problems(request.user)
    status = request.GET.get("status", "")
    if status in ProblemStatus.values:
        reports = reports.filter(status=status)
    return TemplateResponse(
        request,
        "supervision/problems.html",
        {
            "page_title": "问题报告",
            "reports": reports[:500],
            "status": status,
            "statuses": ProblemStatus.choices,
            "may_report": _may_report_somewhere(request.user),
        },
    )


def problem_new(request):
    if not _may_report_somewhere(request.user):
        return permission_denied(request)
    form = ReportForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            report = problem_report(
                user=request.user,
                department=form.cleaned_data["department"],
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        except PermissionDenied as exc:
            form.add_error("department", str(exc))
        else:
            messages.success(request, "问题已报告旗司法局，答复后可在此查看。")
            return redirect("supervision_problem", report.pk)
    return TemplateResponse(
        request, "supervision/problem_new.html", {"page_title": "向司法局报告问题", "form": form}
    )


def problem_detail(request, pk: int):
    if not may_read(request.user, "supervision.view_problemreport"):
        return refused(request)
    report = get_object_or_404(visible_problems(request.user), pk=pk)
    form = AnswerForm(request.POST or None, initial={"answer": report.answer})
    if request.method == "POST":
        if not user_may_answer(request.user):
            return permission_denied(request)
        if form.is_valid():
            try:
                problem_answer(user=request.user, report=report, answer=form.cleaned_data["answer"])
            except ValidationError as exc:
                apply_errors(form, exc)
            else:
                messages.success(request, "已答复。")
                return redirect("supervision_problem", report.pk)
    return TemplateResponse(
        request,
        "supervision/problem_detail.html",
        {
            "page_title": f"问题报告：{report.title}",
            "report": report,
            "form": form,
            "may_answer": user_may_answer(request.user),
            "history": report.history.select_related("history_user").order_by("-history_date"),
        },
    )
