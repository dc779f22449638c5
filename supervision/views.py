"""Admin pages of the plan: the overview matrix and its Excel export, one unit's page at one
milestone (documents, upload, confirm or return, history), a document's download, and copying
a plan to another year."""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from wagtail.admin.auth import permission_denied

from accounts.enums import AuditAction
from accounts.services import audit_record
from catalog.models import Department
from permissions.enums import GLOBAL_GROUP_NAMES, Role
from permissions.scope import Scope, in_scope
from vocabularies import reader
from vocabularies.enums import Vocabulary

from . import states
from .access import UNBOUND, may_read, supervising_units, unbound_supervisor
from .documents import ALLOWED_LABEL, MAX_BYTES
from .enums import MilestoneState
from .exports import overview_workbook
from .models import Milestone, Plan, SubmissionDocument, SupervisorUnit
from .selectors import (
    cell_submission,
    current_plan,
    departments_without_published_items,
    submission_history,
    visible_departments,
)
from .services import (
    plan_copy,
    submission_decide,
    submission_deliver,
    supervisor_bind,
    user_may_decide,
    user_may_deliver,
)

OTHER_UNIT = "您没有权限查看该单位的报送材料：它属于您无权管理的单位。"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for name, errors in error.message_dict.items():
            for message in errors:
                form.add_error(name if name in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def may_view_plans(user) -> bool:
    return may_read(user)


def refused(request):
    """The refusal, saying why when the account is a supervisor not bound to its unit."""
    if unbound_supervisor(request.user):
        messages.error(request, UNBOUND)
    return permission_denied(request)


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        accept = ".pdf,.doc,.docx,.xls,.xlsx"
        kwargs.setdefault("widget", MultipleFileInput(attrs={"accept": accept}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, (list, tuple)):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class DeliverForm(forms.Form):
    files = MultipleFileField(
        label="材料文件",
        required=False,
        help_text=f"可一次选择多个文件：{ALLOWED_LABEL}，每个不超过 {MAX_BYTES >> 20} MB。",
    )
    note = forms.CharField(
        label="报送说明", required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class DecideForm(forms.Form):
    comment = forms.CharField(
        label="审核意见",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="退回时必填，写明需要补充或修改的内容。",
    )


class CopyPlanForm(forms.Form):
    year = forms.IntegerField(label="新年度", min_value=2000, max_value=2100)
    name = forms.CharField(label="方案名称", required=False, help_text="留空则为“某年实施方案”。")


def overview(request):
    if not may_view_plans(request.user):
        return refused(request)
    plan = current_plan(request.GET.get("plan"))
    kind = request.GET.get("kind", "")
    departments = visible_departments(request.user, kind)
    matrix = states.matrix(plan, departments) if plan else None
    return TemplateResponse(
        request,
        "supervision/overview.html",
        {
            "page_title": "工作进度总览",
            "plan": plan,
            "plans": Plan.objects.order_by("-year"),
            "kind": kind,
            "kinds": reader.choices(Vocabulary.DEPARTMENT_KIND, include_retired=True),
            "matrix": matrix,
            "states": MilestoneState.choices,
            "unpublished": departments_without_published_items(departments),
            "query": request.GET.urlencode(),
        },
    )


def overview_export(request):
    if not may_view_plans(request.user):
        return refused(request)
    plan = current_plan(request.GET.get("plan"))
    if plan is None:
        raise Http404("没有实施方案")
    kind = request.GET.get("kind", "")
    departments = visible_departments(request.user, kind)
    matrix = states.matrix(plan, departments)
    content = overview_workbook(plan, matrix, departments_without_published_items(departments))
    audit_record(
        AuditAction.EXPORT,
        request=request,
        object_type="supervision.plan",
        object_id=plan.pk,
        object_label=f"{plan.name}工作进度",
        detail={"units": len(matrix.rows), "kind": kind},
    )
    response = HttpResponse(content, content_type=XLSX)
    filename = f"{plan.year}-progress-{timezone.localdate():%Y%m%d}.xlsx"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


def cell_detail(request, milestone_pk: int, department_pk: int):
    user = request.user
    if not may_view_plans(user):
        return refused(request)
    milestone = get_object_or_404(Milestone.objects.select_related("plan"), pk=milestone_pk)
    department = get_object_or_404(Department, pk=department_pk)
    if not in_scope(user, Scope.VIEW, department.pk):
        messages.error(request, OTHER_UNIT)
        return redirect("supervision_overview")
    deliver_form, decide_form = DeliverForm(), DecideForm()
    if request.method == "POST":
        action = request.POST.get("action", "")
        try:
            if action == "deliver":
                deliver_form = DeliverForm(request.POST, request.FILES)
                if deliver_form.is_valid():
                    submission_deliver(
                        user=user,
                        milestone=milestone,
                        department=department,
                        files=deliver_form.cleaned_data["files"],
                        note=deliver_form.cleaned_data["note"],
                    )
                    messages.success(request, "材料已报送，等待司法局确认。")
                    return redirect(request.path)
            elif action in ("confirm", "return"):
                decide_form = DecideForm(request.POST)
                if decide_form.is_valid():
                    submission = cell_submission(milestone, department)
                    if submission is None:
                        raise ValidationError({"comment": ["该单位尚未报送材料。"]})
                    submission_decide(
                        user=user,
                        submission=submission,
                        action=action,
                        comment=decide_form.cleaned_data["comment"],
                    )
                    messages.success(
                        request, "已确认。" if action == "confirm" else "已退回，并通知单位修改。"
                    )
                    return redirect(request.path)
        except PermissionDenied as exc:
            messages.error(request, str(exc))
            return redirect(request.path)
        except ValidationError as exc:
            apply_errors(deliver_form if action == "deliver" else decide_form, exc)
    cell = states.cell(milestone, department)
    submission = cell.submission
    return TemplateResponse(
        request,
        "supervision/cell.html",
        {
            "page_title": f"{department.name} · {milestone.name}",
            "milestone": milestone,
            "department": department,
            "cell": cell,
            "submission": submission,
            "documents": submission.documents.select_related("uploaded_by") if submission else [],
            "history": submission_history(submission),
            "may_deliver": (
                not milestone.is_fact
                and cell.state is not None
                and user_may_deliver(user, department.pk)
                and cell.state not in (MilestoneState.SUBMITTED, MilestoneState.CONFIRMED)
            ),
            "may_decide": user_may_decide(user) and cell.state == MilestoneState.SUBMITTED,
            "deliver_form": deliver_form,
            "decide_form": decide_form,
        },
    )


def document_download(request, pk: int):
    """A deliverable's file, to whoever may see the unit's page (never through /media/)."""
    if not may_view_plans(request.user):
        raise Http404("文件不存在")
    document = get_object_or_404(SubmissionDocument.objects.select_related("submission"), pk=pk)
    if not in_scope(request.user, Scope.VIEW, document.submission.department_id):
        raise Http404("文件不存在")
    try:
        handle = document.file.open("rb")
    except OSError as exc:
        raise Http404("文件不存在") from exc
    response = FileResponse(handle, as_attachment=True, filename=document.original_name)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def plan_copy_view(request, pk: int):
    if not request.user.has_perm("supervision.add_plan"):
        return permission_denied(request)
    plan = get_object_or_404(Plan, pk=pk)
    form = CopyPlanForm(request.POST or None, initial={"year": plan.year + 1})
    if request.method == "POST" and form.is_valid():
        try:
            copy = plan_copy(
                user=request.user,
                plan=plan,
                year=form.cleaned_data["year"],
                name=form.cleaned_data["name"],
            )
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(
                request, f"已创建“{copy.name}”，共 {copy.milestones.count()} 个工作节点。"
            )
            return redirect(reverse("supervision_overview") + f"?plan={copy.pk}")
    return TemplateResponse(
        request,
        "supervision/plan_copy.html",
        {"page_title": f"复制“{plan.name}”到新年度", "plan": plan, "form": form},
    )


def supervisor_units(request):
    """The system administrator binds each supervisor account to its supervising unit."""
    if not request.user.has_perm("supervision.add_supervisorunit"):
        return permission_denied(request)
    supervisors = list(
        get_user_model()
        .objects.filter(groups__name=GLOBAL_GROUP_NAMES[Role.SUPERVISOR], is_active=True)
        .order_by("username")
    )
    units = list(supervising_units())
    if request.method == "POST":
        supervisor = next(
            (u for u in supervisors if str(u.pk) == request.POST.get("supervisor")), None
        )
        department = next((d for d in units if str(d.pk) == request.POST.get("department")), None)
        if supervisor is None:
            messages.error(request, "请选择监管人员。")
        else:
            try:
                supervisor_bind(user=request.user, supervisor=supervisor, department=department)
            except (PermissionDenied, ValidationError) as exc:
                messages.error(request, "；".join(getattr(exc, "messages", [str(exc)])))
            else:
                messages.success(
                    request,
                    f"已将{supervisor.get_full_name() or supervisor}绑定到{department.name}。",
                )
                return redirect("supervision_supervisor_units")
    bound = {b.user_id: b for b in SupervisorUnit.objects.select_related("department")}
    return TemplateResponse(
        request,
        "supervision/supervisor_units.html",
        {
            "page_title": "监管人员所属单位",
            "rows": [(u, bound.get(u.pk)) for u in supervisors],
            "units": units,
        },
    )
