"""A department's 告知内容默认值 (``NoticeDefaults``): who may set them, the form, the write.

附件4 has no columns for the 附件3 content; a new item imported from a sheet takes its
department's defaults (``catalog.spreadsheets.sessions``). The department's editors set them
for their departments, the justice bureau's reviewers and the system administrator for any
department.
"""

from django import forms
from django.core.exceptions import PermissionDenied
from django.db import transaction

from permissions.scope import ALL, Scope, department_ids, in_scope

from .models import Department, NoticeDefaults
from .models.defaults import TEMPLATE_FIELDS, unknown_template_fields
from .text import CleanTextFormMixin, clean_values
from .validation import PLACEHOLDER

FIELDS = [
    "certificate_content",
    "agent_may_commit",
    "false_commitment_consequences",
    "verification_method",
    "verification_time_limit_days",
    "verification_details",
    "letters_disclosed",
    "disclosure_scope",
    "disclosure_period_months",
]
NOT_ALLOWED = (
    "您没有权限设置该单位的告知内容默认值：只有本单位的部门编辑、司法局审核员和系统管理员可以设置。"
)


def user_may_set_defaults(user, department_id) -> bool:
    if not user.is_active:
        return False
    if user.has_perm("catalog.change_department"):  # the system administrator
        return True
    return user.has_perm("catalog.change_certificateitem") and in_scope(
        user, Scope.EDIT, department_id
    )


def departments_for_defaults(user):
    """The departments whose defaults the user may set, in the order of 附件1."""
    departments = Department.objects.order_by("sort_order", "pk")
    if user.has_perm("catalog.change_department"):
        return departments
    if not user.has_perm("catalog.change_certificateitem"):
        return departments.none()
    ids = department_ids(user, Scope.EDIT)
    return departments if ids is ALL else departments.filter(pk__in=ids)


class NoticeDefaultsForm(CleanTextFormMixin, forms.ModelForm):
    class Meta:
        model = NoticeDefaults
        fields = FIELDS
        widgets = {
            "certificate_content": forms.Textarea({"rows": 4}),
            "false_commitment_consequences": forms.Textarea({"rows": 3}),
            "verification_details": forms.Textarea({"rows": 3}),
        }

    def clean(self):
        cleaned = super().clean()
        texts = {name: cleaned.get(name) or "" for name in FIELDS}  # add_error drops a field
        names = "、".join(f"{{{name}}}" for name in TEMPLATE_FIELDS)
        for field in ("certificate_content", "verification_details"):
            unknown = unknown_template_fields(texts[field])
            if unknown:
                wrong = "、".join(f"{{{name}}}" for name in unknown)
                self.add_error(field, f"{wrong}不是可用的替换名称，只能使用{names}。")
        for field in ("certificate_content", "false_commitment_consequences"):
            if PLACEHOLDER in str(texts[field]):
                self.add_error(field, f"请写实际内容，不要保留“{PLACEHOLDER}”。")
        if cleaned.get("letters_disclosed"):
            if not cleaned.get("disclosure_scope"):
                self.add_error("disclosure_scope", "公开承诺书时必须选择公开范围。")
            if not cleaned.get("disclosure_period_months"):
                self.add_error("disclosure_period_months", "公开承诺书时必须填写公开时限（月）。")
        elif cleaned.get("disclosure_scope") or cleaned.get("disclosure_period_months"):
            self.add_error("letters_disclosed", "已填写公开范围或时限，但没有勾选“公开承诺书”。")
        return cleaned


@transaction.atomic
def notice_defaults_set(*, user, department: Department, values: dict) -> NoticeDefaults:
    """Write a department's defaults (created on first use); simple-history records who
    changed what."""
    if not user_may_set_defaults(user, department.pk):
        raise PermissionDenied(NOT_ALLOWED)
    defaults = NoticeDefaults.objects.select_for_update().filter(
        department=department
    ).first() or NoticeDefaults(department=department)
    for name, value in clean_values(NoticeDefaults, values).items():
        if name in FIELDS:
            setattr(defaults, name, value)
    defaults.updated_by = user
    defaults._history_user = user
    defaults.full_clean()
    defaults.save()
    return defaults
