"""Admin pages of signed letters: the scoped list, registration, the detail page (personal data
for the department's own staff only, each view logged), withdrawal and the sent date."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from wagtail import hooks
from wagtail.admin.auth import permission_denied

from accounts.network import client_ip
from catalog.models import Department
from permissions.scope import Scope, granted_department_ids

from .enums import LETTER_SECTIONS_HOOK, ApplicantKind
from .forms import LetterFormSentForm, LetterRegisterForm, LetterWithdrawForm
from .selectors import masked, staff_letters
from .services import (
    letter_personal_data_viewed,
    letter_record_form_sent,
    letter_register,
    letter_withdraw,
    user_sees_personal_data,
)

OTHER_DEPARTMENT_MESSAGE = "您没有权限查看该承诺书：它属于您无权管理的单位。"
PAGE_SIZE = 50


def _may_register_somewhere(user) -> bool:
    return user.has_perm("commitments.add_commitmentletter") and bool(
        granted_department_ids(user, Scope.EDIT)
    )


def _apply_errors(form, error: ValidationError) -> None:
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            for message in errors:
                form.add_error(field if field in form.fields else None, message)
    else:
        for message in error.messages:
            form.add_error(None, message)


def letter_list(request):
    if not request.user.has_perm("commitments.view_commitmentletter"):
        return permission_denied(request)
    letters = staff_letters(request.user)
    department = request.GET.get("department", "")
    if department.isdigit():
        letters = letters.filter(department_id=int(department))
    year = request.GET.get("year", "")
    if year.isdigit():
        letters = letters.filter(year=int(year))
    page = Paginator(letters.order_by("-registered_at", "-pk"), PAGE_SIZE).get_page(
        request.GET.get("page")
    )
    rows = [(letter, masked(letter)) for letter in page.object_list]
    departments = Department.objects.filter(
        pk__in=staff_letters(request.user).values("department_id")
    )
    return TemplateResponse(
        request,
        "commitments/letters/list.html",
        {
            "page_title": "承诺书登记",
            "rows": rows,
            "page": page,
            "departments": departments,
            "department": department,
            "year": year,
            "can_register": _may_register_somewhere(request.user),
        },
    )


def letter_register_view(request):
    if not _may_register_somewhere(request.user):
        return permission_denied(request)
    form = LetterRegisterForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            letter = letter_register(
                user=request.user, item=data["item"], fields=data, disclose=data["disclose"]
            )
        except PermissionDenied as e:
            form.add_error("item", str(e))
        except ValidationError as e:
            _apply_errors(form, e)
        else:
            message = f"已登记承诺书：{letter.department.name}{letter.number_label}。"
            if letter.form_due_on:
                message += f"告知承诺书送达期限为{letter.form_due_on:%Y年%m月%d日}。"
            messages.success(request, message)
            return redirect("letter_admin_detail", letter.pk)
    return TemplateResponse(
        request,
        "commitments/letters/register.html",
        {
            "page_title": "登记承诺书",
            "form": form,
            "person_fields": form.group(form.PERSON),
            "organisation_fields": form.group(form.ORGANISATION),
            "agent_fields": form.group(form.AGENT),
        },
    )


def _letter_or_deny(request, pk):
    letter = staff_letters(request.user).filter(pk=pk).first()
    if letter is None:
        messages.error(request, OTHER_DEPARTMENT_MESSAGE)
    return letter


def _detail(request, letter, withdraw_form=None, sent_form=None):
    full = user_sees_personal_data(request.user, letter)
    if full:
        letter_personal_data_viewed(user=request.user, letter=letter, ip_address=client_ip(request))
    may_change = request.user.has_perm(
        "commitments.change_commitmentletter"
    ) and letter.department_id in granted_department_ids(request.user, Scope.EDIT)
    return TemplateResponse(
        request,
        "commitments/letters/detail.html",
        {
            "page_title": f"承诺书 {letter.department.name}{letter.number_label}",
            "letter": letter,
            "public": masked(letter),
            "full": full,
            "is_person": letter.applicant_kind == ApplicantKind.PERSON,
            "access_logs": letter.access_logs.select_related("user")[:20],
            "may_change": may_change,
            "withdraw_form": withdraw_form or LetterWithdrawForm(),
            "sent_form": sent_form or LetterFormSentForm(),
            "sections": [
                section(request, letter) for section in hooks.get_hooks(LETTER_SECTIONS_HOOK)
            ],
        },
    )


def letter_detail(request, pk):
    letter = _letter_or_deny(request, pk)
    if letter is None:
        return redirect("wagtailadmin_home")
    return _detail(request, letter)


def letter_withdraw_view(request, pk):
    letter = _letter_or_deny(request, pk)
    if letter is None:
        return redirect("wagtailadmin_home")
    if request.method != "POST":
        return redirect("letter_admin_detail", letter.pk)
    form = LetterWithdrawForm(request.POST)
    if form.is_valid():
        try:
            letter_withdraw(
                user=request.user,
                letter=letter,
                withdrawn_on=form.cleaned_data["withdrawn_on"],
                reason=form.cleaned_data["reason"],
            )
        except PermissionDenied as e:
            messages.error(request, str(e))
            return redirect("letter_admin_detail", letter.pk)
        except ValidationError as e:
            _apply_errors(form, e)
        else:
            messages.success(request, f"已登记撤回：{letter.number_label}不再公开。")
            return redirect("letter_admin_detail", letter.pk)
    return _detail(request, letter, withdraw_form=form)


def letter_form_sent_view(request, pk):
    letter = _letter_or_deny(request, pk)
    if letter is None:
        return redirect("wagtailadmin_home")
    if request.method != "POST":
        return redirect("letter_admin_detail", letter.pk)
    form = LetterFormSentForm(request.POST)
    if form.is_valid():
        try:
            letter_record_form_sent(
                user=request.user, letter=letter, sent_on=form.cleaned_data["sent_on"]
            )
        except PermissionDenied as e:
            messages.error(request, str(e))
            return redirect("letter_admin_detail", letter.pk)
        except ValidationError as e:
            _apply_errors(form, e)
        else:
            messages.success(request, "已登记告知承诺书送达日期。")
            return redirect("letter_admin_detail", letter.pk)
    return _detail(request, letter, sent_form=form)
