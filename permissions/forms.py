from django import forms
from django.contrib.auth import password_validation
from django.contrib.auth.models import Group
from django.db.models import Q

from .duties import grant_refusal
from .enums import ADMIN_ROLES, DEPARTMENT_ROLES, GLOBAL_GROUP_NAMES, Role, department_group_name


def _requestable_groups(actor, target):
    """Role groups ``actor`` may request for ``target`` (administrator roles excluded)."""
    allowed_roles = {
        role for role in Role if role not in ADMIN_ROLES and not grant_refusal(actor, target, role)
    }
    global_names = {GLOBAL_GROUP_NAMES[r] for r in allowed_roles if r in GLOBAL_GROUP_NAMES}
    suffixes = [department_group_name("", r) for r in allowed_roles if r in DEPARTMENT_ROLES]
    query = Q(name__in=global_names)
    for suffix in suffixes:
        query |= Q(name__endswith=suffix)
    return Group.objects.filter(query).order_by("name") if allowed_roles else Group.objects.none()


class GrantRequestForm(forms.Form):
    group = forms.ModelChoiceField(label="角色", queryset=Group.objects.none())
    reason = forms.CharField(
        label="申请理由",
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="写明依据，如任职文件、岗位分工；批准人据此核对。",
    )

    def __init__(self, *args, actor, target, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["group"].queryset = _requestable_groups(actor, target)


class AdminRoleForm(forms.Form):
    role = forms.ChoiceField(label="管理员角色", choices=[(r.value, r.label) for r in ADMIN_ROLES])


class DecisionForm(forms.Form):
    comment = forms.CharField(
        label="处理意见", required=False, widget=forms.Textarea(attrs={"rows": 2})
    )


class SetPasswordForm(forms.Form):
    new_password1 = forms.CharField(
        label="新密码",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html(),
    )
    new_password2 = forms.CharField(
        label="再次输入新密码",
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text="用户下次登录后须立即修改此密码。",
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean(self):
        cleaned = super().clean()
        first, second = cleaned.get("new_password1"), cleaned.get("new_password2")
        if first and second and first != second:
            self.add_error("new_password2", "两次输入的密码不一致。")
        elif first:
            try:
                password_validation.validate_password(first, self.user)
            except forms.ValidationError as error:
                self.add_error("new_password1", error)
        return cleaned
