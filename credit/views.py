"""Admin pages of the credit register under /admin/credit/: the scoped list, recording (by
hand or from a finding), the record with its history, objections and repairs."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from wagtail.admin.auth import permission_denied

from accounts.enums import AuditAction
from accounts.network import client_ip
from accounts.services import audit_record
from catalog.models import Department
from commitments.letters.views import _apply_errors
from commitments.models import VerificationResult
from commitments.verification.enums import FALSE_FINDINGS
from permissions.scope import Scope, granted_department_ids

from .enums import OPEN_STATES, REPAIRABLE_STATES, FiledWith, RecordState
from .forms import (
    ObjectionDecisionForm,
    ObjectionForm,
    RecordForm,
    RepairDecisionForm,
    RepairForm,
)
from .models import CreditRecord, Objection, Repair
from .objections import (
    objection_decide,
    objection_file,
    repair_apply,
    repair_decide,
    user_handles_objection,
)
from .rules import (
    VIEW,
    scoped,
    user_decides_bureau_objections,
    user_records,
    user_records_anywhere,
    user_sees_identity,
)
from .services import prefill_from_result, record_create

OTHER_DEPARTMENT_MESSAGE = "您没有权限查看该失信记录：它属于您无权管理的单位。"


def mask(number: str) -> str:
    return number[:2] + "*" * max(len(number) - 4, 0) + number[-2:] if number else ""


def _records(user):
    return scoped(CreditRecord.objects.select_related("department", "rule"), user)


def _own_departments(user):
    return Department.objects.filter(pk__in=granted_department_ids(user, Scope.EDIT))


def open_findings(user):
    """不实/部分不实 results of the user's departments not yet in the register."""
    return (
        VerificationResult.objects.filter(
            task__department_id__in=granted_department_ids(user, Scope.EDIT),
            finding__in=FALSE_FINDINGS,
            correction__isnull=True,
            credit_records__isnull=True,
        )
        .select_related("task__letter__department")
        .order_by("-recorded_at")
    )


def record_list(request):
    if not request.user.has_perm(VIEW):
        return permission_denied(request)
    records = _records(request.user)
    state = request.GET.get("state", "")
    if state in RecordState.values:
        records = records.filter(state=state)
    may_record = user_records_anywhere(request.user)
    return TemplateResponse(
        request,
        "credit/list.html",
        {
            "page_title": "失信记录",
            "records": records[:200],
            "states": RecordState.choices,
            "state": state,
            "may_record": may_record,
            "findings": open_findings(request.user)[:50] if may_record else [],
        },
    )


def record_new(request):
    user = request.user
    if not user_records_anywhere(user):
        return permission_denied(request)
    result = None
    if pk := request.GET.get("result", ""):
        result = open_findings(user).filter(pk=pk if pk.isdigit() else 0).first()
        if result is None:
            return permission_denied(request)
    initial = {}
    if result is not None:
        initial = {**prefill_from_result(result), "department": result.task.department_id}
    form = RecordForm(request.POST or None, initial=initial, departments=_own_departments(user))
    if request.method == "POST" and form.is_valid():
        try:
            record = record_create(user=user, source_result=result, **form.cleaned_data)
        except PermissionDenied as e:
            form.add_error("department", str(e))
        except ValidationError as e:
            _apply_errors(form, e)
        else:
            messages.success(request, f"已登记失信记录（{record.document_number}）。")
            return redirect("credit_detail", record.pk)
    return TemplateResponse(
        request,
        "credit/new.html",
        {"page_title": "登记失信记录", "form": form, "result": result},
    )


def _objection_choices(user, record):
    return [
        (value, label)
        for value, label in FiledWith.choices
        if user_handles_objection(user, record, value)
    ]


def _detail(request, record, forms=None):
    user = request.user
    full = user_sees_identity(user, record)
    if full:
        audit_record(
            AuditAction.PERSONAL_DATA_VIEWED,
            user=user,
            obj=record,
            object_label=f"失信记录{record.pk}",
            ip_address=client_ip(request),
            detail={"purpose": "查看失信记录"},
        )
    own = user_records(user, record.department_id)
    objection_choices = _objection_choices(user, record)
    forms = forms or {}
    objections = [
        (o, user_handles_objection(user, record, o.filed_with) and not o.decision)
        for o in record.objections.select_related("decided_by").prefetch_related("evidence")
    ]
    return TemplateResponse(
        request,
        "credit/detail.html",
        {
            "page_title": f"失信记录：{record.subject_name}（{record.document_number}）",
            "record": record,
            "id_number": record.id_number if full else mask(record.id_number),
            "full": full,
            "history": record.history.select_related("history_user").order_by("-history_date"),
            "objections": objections,
            "repairs": record.repairs.select_related("decided_by").prefetch_related("evidence"),
            "may_object": bool(objection_choices) and record.state in OPEN_STATES,
            "may_repair": own and record.state in REPAIRABLE_STATES,
            "may_decide_repair": own,
            "objection_form": forms.get("objection")
            or ObjectionForm(filed_with_choices=objection_choices),
            "objection_decision_form": forms.get("objection-decision") or ObjectionDecisionForm(),
            "repair_form": forms.get("repair") or RepairForm(),
            "repair_decision_form": forms.get("repair-decision") or RepairDecisionForm(),
            "bureau": user_decides_bureau_objections(user),
        },
    )


def record_detail(request, pk):
    record = _records(request.user).filter(pk=pk).first()
    if record is None:
        messages.error(request, OTHER_DEPARTMENT_MESSAGE)
        return redirect("wagtailadmin_home")
    return _detail(request, record)


ACTIONS = ("objection", "objection-decision", "repair", "repair-decision")


def record_action(request, pk, action):
    user = request.user
    record = _records(user).filter(pk=pk).first()
    if record is None:
        messages.error(request, OTHER_DEPARTMENT_MESSAGE)
        return redirect("wagtailadmin_home")
    if request.method != "POST" or action not in ACTIONS:
        return redirect("credit_detail", record.pk)
    data, files = request.POST, request.FILES
    if action == "objection":
        form = ObjectionForm(data, files, filed_with_choices=_objection_choices(user, record))
    elif action == "objection-decision":
        form = ObjectionDecisionForm(data)
    elif action == "repair":
        form = RepairForm(data, files)
    else:
        form = RepairDecisionForm(data)
    if form.is_valid():
        cleaned = form.cleaned_data
        try:
            if action == "objection":
                objection_file(user=user, record=record, **cleaned)
            elif action == "objection-decision":
                objection = Objection.objects.filter(
                    record=record, pk=request.POST.get("objection") or 0
                ).first()
                if objection is None:
                    raise ValidationError("请选择要处理的异议。")
                objection_decide(user=user, objection=objection, **cleaned)
            elif action == "repair":
                repair_apply(user=user, record=record, **cleaned)
            else:
                repair = Repair.objects.filter(
                    record=record, pk=request.POST.get("repair") or 0
                ).first()
                if repair is None:
                    raise ValidationError("请选择要决定的修复申请。")
                repair_decide(user=user, repair=repair, **cleaned)
        except PermissionDenied as e:
            messages.error(request, str(e))
            return redirect("credit_detail", record.pk)
        except ValidationError as e:
            _apply_errors(form, e)
        else:
            messages.success(request, "已登记。")
            return redirect(reverse("credit_detail", args=[record.pk]))
    return _detail(request, record, {action: form})
