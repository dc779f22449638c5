"""Admin pages of cases (办件): the scoped list, opening a case, its detail page with the
clerk's actions, the choice tally and the return deadlines."""

import re

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from wagtail.admin.auth import permission_denied

from catalog.letters import letter_template_for
from catalog.letters.docx import render_docx
from catalog.letters.pdf import UnprintableText, render_pdf
from catalog.letters.selectors import current_letter_wording
from catalog.models import Department
from commitments.models import ChoiceEntry
from commitments.workdays import UnknownCalendarYear
from permissions.scope import Scope, granted_department_ids
from publishing.selectors import letter_form_follows

from ..letters.views import _apply_errors
from . import services
from .enums import CaseStatus
from .forms import (
    CaseOpenForm,
    CaseWithdrawForm,
    CertificateForm,
    ChoiceForm,
    ConcludeForm,
    CorrectConclusionForm,
    CorrectWithdrawalForm,
    FormGivenForm,
    LinkLetterForm,
    ReturnDeadlineForm,
    own_items,
)
from .rules import scoped, user_handles_any_cases, user_handles_cases
from .selectors import (
    case_return_by,
    choice_figures,
    linkable_letters,
    recent_choice_entries,
    return_deadlines,
    staff_cases,
)

OTHER_DEPARTMENT_MESSAGE = "您没有权限查看该办件：它属于您无权管理的单位。"
PAGE_SIZE = 50


def case_list(request):
    if not request.user.has_perm("commitments.view_commitmentletter"):
        return permission_denied(request)
    today = timezone.localdate()
    cases = staff_cases(request.user)
    status = request.GET.get("status", "")
    if status in CaseStatus.values:
        cases = cases.with_status(status, today)
    department = request.GET.get("department", "")
    if department.isdigit():
        cases = cases.filter(department_id=int(department))
    page = Paginator(cases, PAGE_SIZE).get_page(request.GET.get("page"))
    rows = [(case, case.status(today)) for case in page.object_list]
    return TemplateResponse(
        request,
        "commitments/cases/list.html",
        {
            "page_title": "办件",
            "rows": rows,
            "page": page,
            "statuses": CaseStatus.choices,
            "status": status,
            "departments": Department.objects.filter(
                pk__in=staff_cases(request.user).values("department_id")
            ),
            "department": department,
            "may_open": user_handles_any_cases(request.user),
            "today": today,
        },
    )


def case_open_view(request):
    if not user_handles_any_cases(request.user):
        return permission_denied(request)
    form = CaseOpenForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.case_open(
                user=request.user,
                item=data["item"],
                channel=data["channel"],
                received_on=data["received_on"],
                reference=data["reference"],
                applicant_id_number=data.get("applicant_id_number") or "",
            )
        except PermissionDenied as e:
            form.add_error("item", str(e))
        except ValidationError as e:
            _apply_errors(form, e)
        else:
            messages.success(request, f"已登记{case.label}。")
            return redirect("case_admin_detail", case.pk)
    return TemplateResponse(
        request, "commitments/cases/open.html", {"page_title": "登记办件", "form": form}
    )


def _case_or_deny(request, pk):
    case = staff_cases(request.user).filter(pk=pk).first()
    if case is None:
        messages.error(request, OTHER_DEPARTMENT_MESSAGE)
    return case


def _forms(case, data=None, action=None):
    def bound(name):
        return data if name == action else None

    return {
        "given_form": FormGivenForm(bound("form-given")),
        "link_form": LinkLetterForm(bound("link-letter"), letters=linkable_letters(case)),
        "withdraw_form": CaseWithdrawForm(bound("withdraw")),
        "certificate_form": CertificateForm(bound("certificate")),
        "conclude_form": ConcludeForm(bound("conclude")),
        "correct_conclusion_form": CorrectConclusionForm(
            bound("correct-conclusion"),
            initial={
                "concluded_on": case.concluded_on,
                "outcome": case.outcome,
                "note": case.conclusion_note,
            },
        ),
        "correct_withdrawal_form": CorrectWithdrawalForm(
            bound("correct-withdrawal"),
            initial={
                "withdrawn_on": case.withdrawn_on,
                "withdrawal_reason": case.withdrawal_reason,
            },
        ),
    }


def _detail(request, case, forms=None):
    today = timezone.localdate()
    history = case.history.select_related("history_user").order_by("-history_date")[:30]
    return TemplateResponse(
        request,
        "commitments/cases/detail.html",
        {
            "page_title": case.label,
            "case": case,
            "status": case.status(today),
            "form_overdue": case.form_overdue(today),
            "may_handle": user_handles_cases(request.user, case.department_id),
            "history": history,
            "corrections": case.corrections.select_related("recorded_by"),
            "conclusion_corrected": case.corrections.filter(kind="conclusion").exists(),
            "withdrawal_corrected": case.corrections.filter(kind="withdrawal").exists(),
            **(forms or _forms(case)),
        },
    )


def case_detail(request, pk):
    case = _case_or_deny(request, pk)
    if case is None:
        return redirect("wagtailadmin_home")
    return _detail(request, case)


DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def case_letter_form(request, pk, extension):
    """The letter form given for this case (.docx or .pdf), stating its return deadline
    (请于 YYYY年M月D日 前递交). Only the department's clerks give forms."""
    if extension not in ("docx", "pdf"):
        raise Http404("没有这种格式的告知承诺书")
    case = _case_or_deny(request, pk)
    if case is None:
        return redirect("wagtailadmin_home")
    if not user_handles_cases(request.user, case.department_id):
        messages.error(request, "只有本单位的经办人员可以打印该办件的告知承诺书。")
        return redirect("case_admin_detail", case.pk)
    item = case.item
    if not item.live:
        messages.error(request, f"“{case.item_name}”已不在目录中，没有现行的告知承诺书格式文本。")
        return redirect("case_admin_detail", case.pk)
    try:
        return_by = case_return_by(case)
    except UnknownCalendarYear as e:
        messages.error(request, f"无法计算递交期限：{e}")
        return redirect("case_admin_detail", case.pk)
    # a case whose letter is registered prints the wording that letter was signed on; before
    # that, the version in force when the form is printed (docs/adr/024-letter-wording.md)
    wording = case.letter.wording_version.wording() if case.letter_id else current_letter_wording()
    template = letter_template_for(
        item, follows=letter_form_follows(item), wording=wording, return_by=return_by
    )
    stem = re.sub(r'[\\/:*?"<>|\s]+', "", template.filename_stem)
    filename = f"{stem}（办件第{case.pk}号）.{extension}"
    if extension == "docx":
        content, content_type = render_docx(template), DOCX_TYPE
    else:
        try:
            content, content_type = render_pdf(template), "application/pdf"
        except UnprintableText as refused:
            messages.error(request, f"{refused}请下载Word版。")
            return redirect("case_admin_detail", case.pk)
    disposition = content_disposition_header(True, filename)
    return HttpResponse(
        content, content_type=content_type, headers={"Content-Disposition": disposition}
    )


ACTIONS = {
    "form-given": ("given_form", "已登记告知承诺书送达日期。"),
    "link-letter": ("link_form", "已关联承诺书。"),
    "withdraw": ("withdraw_form", "已登记撤回承诺，该办件按原程序办理。"),
    "certificate": ("certificate_form", "已登记提交证明日期。"),
    "conclude": ("conclude_form", "已登记办结。"),
    "correct-conclusion": ("correct_conclusion_form", "已更正办结结论，原结论保留在更正记录中。"),
    "correct-withdrawal": ("correct_withdrawal_form", "已更正撤回记录，原记录保留在更正记录中。"),
}


def _perform(action, user, case, data):
    if action == "form-given":
        return services.case_record_form_given(user=user, case=case, given_on=data["given_on"])
    if action == "link-letter":
        return services.case_link_letter(user=user, case=case, letter=data["letter"])
    if action == "withdraw":
        return services.case_withdraw(
            user=user, case=case, withdrawn_on=data["withdrawn_on"], reason=data["reason"]
        )
    if action == "certificate":
        return services.case_record_certificate(
            user=user, case=case, supplied_on=data["supplied_on"]
        )
    if action == "correct-conclusion":
        return services.case_correct_conclusion(
            user=user,
            case=case,
            concluded_on=data["concluded_on"],
            outcome=data["outcome"],
            note=data["note"],
            reason=data["correction_reason"],
        )
    if action == "correct-withdrawal":
        return services.case_correct_withdrawal(
            user=user,
            case=case,
            withdrawn_on=data["withdrawn_on"],
            withdrawal_reason=data["withdrawal_reason"],
            reason=data["correction_reason"],
        )
    return services.case_conclude(
        user=user,
        case=case,
        concluded_on=data["concluded_on"],
        outcome=data["outcome"],
        note=data["note"],
    )


def case_action(request, pk, action):
    case = _case_or_deny(request, pk)
    if case is None:
        return redirect("wagtailadmin_home")
    if request.method != "POST" or action not in ACTIONS:
        return redirect("case_admin_detail", case.pk)
    forms = _forms(case, request.POST, action)
    form_name, success = ACTIONS[action]
    form = forms[form_name]
    if form.is_valid():
        try:
            _perform(action, request.user, case, form.cleaned_data)
        except PermissionDenied as e:
            messages.error(request, str(e))
            return redirect("case_admin_detail", case.pk)
        except ValidationError as e:
            _apply_errors(form, e)
            case.refresh_from_db()
            if form.non_field_errors():  # shown even where the form is no longer offered
                messages.error(request, "；".join(form.non_field_errors()))
        else:
            messages.success(request, success)
            return redirect("case_admin_detail", case.pk)
    return _detail(request, case, forms)


def choice_tally(request):
    user = request.user
    if not user.has_perm("commitments.view_commitmentletter"):
        return permission_denied(request)
    today = timezone.localdate()
    year = request.GET.get("year", "")
    year = int(year) if year.isdigit() and 2021 <= int(year) <= 2100 else today.year
    entries = recent_choice_entries(user)
    own_entries = scoped(ChoiceEntry.objects.select_related("item"), user).filter(
        department_id__in=granted_department_ids(user, Scope.EDIT), count__gt=0
    )
    may_record = user_handles_any_cases(user)
    form = ChoiceForm(request.POST or None, user=user, entries=own_entries)
    if request.method == "POST":
        if not may_record:
            return permission_denied(request)
        if form.is_valid():
            data = form.cleaned_data
            try:
                services.choice_record(
                    user=user,
                    item=data["item"],
                    month=data["month"],
                    choice=data["choice"],
                    count=data["count"],
                    note=data["note"],
                    corrects=data["corrects"],
                )
            except PermissionDenied as e:
                form.add_error("item", str(e))
            except ValidationError as e:
                _apply_errors(form, e)
            else:
                messages.success(request, "已登记申请人选择。")
                return redirect("case_choices")
    return TemplateResponse(
        request,
        "commitments/cases/choices.html",
        {
            "page_title": "申请人选择统计",
            "figures": choice_figures(user, year),
            "entries": entries,
            "year": year,
            "form": form if may_record else None,
        },
    )


def return_deadline_view(request):
    user = request.user
    departments = Department.objects.filter(pk__in=granted_department_ids(user, Scope.EDIT))
    if not user_handles_any_cases(user):
        return permission_denied(request)
    chosen = request.GET.get("department", "")
    department = (
        departments.filter(pk=int(chosen)).first() if chosen.isdigit() else None
    ) or departments.first()
    items = own_items(user, live_only=False).filter(department=department).order_by("name")
    form = ReturnDeadlineForm(request.POST or None, items=items)
    if request.method == "POST" and form.is_valid():
        try:
            services.return_deadline_set(
                user=user,
                department=department,
                item=form.cleaned_data["item"],
                working_days=form.cleaned_data["working_days"],
            )
        except PermissionDenied as e:
            form.add_error(None, str(e))
        except ValidationError as e:
            _apply_errors(form, e)
        else:
            messages.success(request, "已保存递交期限。")
            return redirect(f"{request.path}?department={department.pk}")
    default, own = return_deadlines(department)
    return TemplateResponse(
        request,
        "commitments/cases/deadlines.html",
        {
            "page_title": "承诺书递交期限",
            "department": department,
            "departments": departments,
            "default": default,
            "rows": [(item, own.get(item.pk)) for item in items],
            "form": form,
        },
    )
