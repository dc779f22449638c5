"""Admin pages of false commitments: the scoped list, opening a case from a finding, the
case with its measures and follow-ups."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail.admin.auth import permission_denied

from commitments.models import FalseCommitment, VerificationResult

from ..cases.rules import scoped, user_handles_cases
from ..letters.services import user_sees_personal_data
from ..letters.views import _apply_errors
from .enums import MeasureKind
from .forms import FollowUpForm, MeasureForm, OpenForm
from .services import false_commitment_open, measure_record, rectification_follow_up

OTHER_DEPARTMENT_MESSAGE = "您没有权限查看该不实承诺案件：它属于您无权管理的单位。"


def _cases(user):
    return scoped(
        FalseCommitment.objects.select_related("department", "letter", "result", "case"), user
    )


def case_list(request):
    if not request.user.has_perm("commitments.view_commitmentletter"):
        return permission_denied(request)
    return TemplateResponse(
        request,
        "commitments/false_commitments/list.html",
        {
            "page_title": "不实承诺案件",
            "cases": _cases(request.user).prefetch_related("measures")[:200],
        },
    )


def case_open(request, result_pk):
    result = VerificationResult.objects.select_related("task__letter").filter(pk=result_pk).first()
    if result is None or not user_handles_cases(request.user, result.task.department_id):
        return permission_denied(request)
    form = OpenForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            fc = false_commitment_open(
                user=request.user, result=result, summary=form.cleaned_data["summary"]
            )
        except PermissionDenied as e:
            form.add_error(None, str(e))
        except ValidationError as e:
            _apply_errors(form, e)
        else:
            messages.success(request, "已登记不实承诺案件。")
            return redirect("false_commitment_detail", fc.pk)
    return TemplateResponse(
        request,
        "commitments/false_commitments/open.html",
        {"page_title": "登记不实承诺案件", "form": form, "result": result},
    )


def _forms(fc, data=None, which=None):
    measures = fc.measures.all()
    rectify = measures.filter(kind=MeasureKind.RECTIFY)
    return {
        "measure_form": MeasureForm(
            data if which == "measure" else None,
            measures=measures.filter(correction__isnull=True),
        ),
        "follow_up_form": FollowUpForm(data if which == "follow-up" else None, measures=rectify),
    }


def _detail(request, fc, forms=None):
    return TemplateResponse(
        request,
        "commitments/false_commitments/detail.html",
        {
            "page_title": f"不实承诺案件：{fc.department.name}{fc.letter.number_label}",
            "fc": fc,
            "measures": fc.measures.select_related("corrects", "recorded_by").prefetch_related(
                "follow_ups"
            ),
            "evidence": fc.result.evidence.all(),
            "sees_evidence": user_sees_personal_data(request.user, fc.letter),
            "may_handle": user_handles_cases(request.user, fc.department_id),
            **(forms or _forms(fc)),
        },
    )


def case_detail(request, pk):
    fc = _cases(request.user).filter(pk=pk).first()
    if fc is None:
        messages.error(request, OTHER_DEPARTMENT_MESSAGE)
        return redirect("wagtailadmin_home")
    return _detail(request, fc)


def case_action(request, pk, action):
    fc = _cases(request.user).filter(pk=pk).first()
    if fc is None:
        messages.error(request, OTHER_DEPARTMENT_MESSAGE)
        return redirect("wagtailadmin_home")
    if request.method != "POST" or action not in ("measure", "follow-up"):
        return redirect("false_commitment_detail", fc.pk)
    forms = _forms(fc, request.POST, action)
    form = forms["measure_form" if action == "measure" else "follow_up_form"]
    if form.is_valid():
        data = form.cleaned_data
        try:
            if action == "measure":
                measure_record(user=request.user, false_commitment=fc, **data)
            else:
                rectification_follow_up(user=request.user, **data)
        except PermissionDenied as e:
            messages.error(request, str(e))
            return redirect("false_commitment_detail", fc.pk)
        except ValidationError as e:
            _apply_errors(form, e)
        else:
            messages.success(request, "已登记。")
            return redirect("false_commitment_detail", fc.pk)
    return _detail(request, fc, forms)
