"""The department's per-item stricter verification settings (/admin/credit/stricter/)."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from wagtail.admin.auth import permission_denied

from catalog.enums import VerificationMethod
from catalog.models import CertificateItem
from permissions.scope import Scope, granted_department_ids
from vocabularies import reader
from vocabularies.enums import Vocabulary

from .models import StricterVerification
from .rules import OWN_DEPARTMENT_ONLY, user_records, user_records_anywhere


class StricterForm(forms.Form):
    item = forms.ModelChoiceField(
        label="证明事项",
        queryset=CertificateItem.objects.none(),
        empty_label="请选择",
        error_messages={
            "required": "请选择证明事项。",
            "invalid_choice": "只能设置本单位的证明事项。",
        },
    )
    years = forms.IntegerField(
        label="近几年内有失信记录",
        min_value=1,
        max_value=10,
        initial=3,
        error_messages={
            "required": "请填写年数。",
            "min_value": "年数应为1至10。",
            "max_value": "年数应为1至10。",
        },
    )
    method = forms.ChoiceField(
        label="改用的核查方式",
        choices=lambda: [
            c
            for c in reader.choices(Vocabulary.VERIFICATION_METHOD)
            if c[0] != VerificationMethod.EXEMPT
        ],
        error_messages={"required": "请选择核查方式。"},
    )


def stricter_set(*, user, item, years, method) -> StricterVerification:
    """Set (or change) an item's stricter verification; the history keeps every version."""
    if not user_records(user, item.department_id):
        raise PermissionDenied(OWN_DEPARTMENT_ONLY)
    setting = StricterVerification.objects.filter(item=item).first() or StricterVerification(
        item=item
    )
    setting.years, setting.method, setting.set_by, setting.set_at = (
        years,
        method,
        user,
        timezone.now(),
    )
    setting._history_user = user
    setting.save()
    return setting


def stricter_settings(request):
    user = request.user
    if not user_records_anywhere(user):
        return permission_denied(request)
    departments = granted_department_ids(user, Scope.EDIT)
    form = StricterForm(request.POST or None)
    form.fields["item"].queryset = CertificateItem.objects.filter(
        department_id__in=departments
    ).order_by("department__sort_order", "name")
    if request.method == "POST" and form.is_valid():
        stricter_set(user=user, **form.cleaned_data)
        messages.success(request, "已保存从严核查设置。")
        return redirect("credit_stricter")
    return TemplateResponse(
        request,
        "credit/stricter.html",
        {
            "page_title": "失信申请人从严核查",
            "form": form,
            "settings": StricterVerification.objects.filter(
                item__department_id__in=departments
            ).select_related("item"),
        },
    )
