"""The admin's user pages with the separation of duties applied (ADR 010).

- The forms have no group (role) field: roles are requested on the user's 授权 page and take
  effect when a second person approves. Only superusers see 超级用户, never on their own account.
- The edit form sets no passwords: the security administrator sets them on 设置密码 (the owner
  then has to change it). The creation form's initial password must be changed at first login.
- Superusers and the three administrators' accounts are edited, deactivated and deleted by
  superusers only. The bulk actions follow the same rules.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.shortcuts import redirect
from django.utils.translation import ngettext
from wagtail.users.forms import UserCreationForm, UserEditForm
from wagtail.users.views import users as wagtail_users
from wagtail.users.views.bulk_actions import (
    AssignRoleBulkAction,
    DeleteBulkAction,
    SetActiveStateBulkAction,
)

from .duties import account_refusal, grant_refusal, may_request_any, role_of_group
from .enums import ADMIN_ROLES
from .services import grant_request_create

User = get_user_model()
ACCOUNT_FIELDS = {User.USERNAME_FIELD, "email", "first_name", "last_name", "is_superuser"}


def _restrict(form, for_user) -> None:
    form.fields.pop("groups", None)
    if for_user is None or not for_user.is_superuser:
        form.fields.pop("is_superuser", None)
    if "is_superuser" in form.fields:
        form.fields["is_superuser"].label = "超级用户"
        form.fields[
            "is_superuser"
        ].help_text = "超级用户拥有全部权限，仅用于初始配置和应急；日常工作请使用各自的角色。"


class AccountCreationForm(UserCreationForm):
    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        _restrict(self, for_user)
        if "password1" in self.fields:
            self.fields["password1"].label = "初始密码"
            self.fields["password2"].help_text = "用户首次登录后须修改此密码。"

    class Meta(UserCreationForm.Meta):
        fields = ACCOUNT_FIELDS


class AccountEditForm(UserEditForm):
    password_enabled = False  # passwords: the security administrator's 设置密码 page

    def __init__(self, *args, for_user=None, **kwargs):
        super().__init__(*args, **kwargs)
        _restrict(self, for_user)

    class Meta(UserEditForm.Meta):
        fields = ACCOUNT_FIELDS | {"is_active"}


class ForUserFormMixin:
    def get_form_kwargs(self):
        kwargs = super().get_form_kwargs()
        kwargs["for_user"] = self.request.user
        return kwargs


class CreateView(ForUserFormMixin, wagtail_users.CreateView):
    pass


class AccountRefusalMixin:
    def dispatch(self, request, *args, **kwargs):
        refusal = account_refusal(request.user, self.object)
        if refusal:
            messages.error(request, refusal)
            return redirect("wagtailusers_users:index")
        return super().dispatch(request, *args, **kwargs)


class EditView(AccountRefusalMixin, ForUserFormMixin, wagtail_users.EditView):
    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["role_groups"] = sorted(
            (g for g in self.object.groups.all() if role_of_group(g)), key=lambda g: g.name
        )
        return context


class DeleteView(AccountRefusalMixin, wagtail_users.DeleteView):
    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.object = self.get_object()


class UserViewSet(wagtail_users.UserViewSet):
    add_view_class = CreateView
    edit_view_class = EditView
    delete_view_class = DeleteView
    create_template_name = "permissions/users/create.html"
    edit_template_name = "permissions/users/edit.html"

    def get_form_class(self, for_update=False):
        return AccountEditForm if for_update else AccountCreationForm


# --- bulk actions ------------------------------------------------------------------------------


class GrantRequestForm(forms.Form):
    role = forms.ModelChoiceField(label="角色", queryset=None)
    reason = forms.CharField(label="申请理由", widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].queryset = Group.objects.order_by("name")


class RequestRoleBulkAction(AssignRoleBulkAction):
    """Wagtail's 分配角色 becomes a grant request per user, approved by a second person."""

    display_name = "申请授予角色"
    aria_label = "为所选用户申请授予角色"
    template_name = "permissions/users/bulk_request_role.html"
    form_class = GrantRequestForm

    def check_perm(self, obj):
        return may_request_any(self.request.user) and obj.pk != self.request.user.pk

    def get_execution_context(self):
        return {
            "group": self.cleaned_form.cleaned_data["role"],
            "reason": self.cleaned_form.cleaned_data["reason"],
            "by": self.request.user,
        }

    @classmethod
    def execute_action(cls, objects, group=None, reason="", by=None, **kwargs):
        role = role_of_group(group)
        created = 0
        for user in objects:
            if role is None or role in ADMIN_ROLES or grant_refusal(by, user, role):
                continue
            if user.groups.filter(pk=group.pk).exists():
                continue
            if user.grant_requests.filter(group=group, status="pending").exists():
                continue
            grant_request_create(user=user, group=group, by=by, reason=reason)
            created += 1
        return created, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        return (
            f"已为 {num_parent_objects} 位用户申请“{self.cleaned_form.cleaned_data['role'].name}”，"
            "待安全管理员批准后生效；不符合授权规则的用户未提出申请。"
        )


class SetActiveStateWithDutiesBulkAction(SetActiveStateBulkAction):
    """Activate or deactivate one by one (audited, kept in the users' history), never a
    superuser's or an administrator's account unless you are a superuser."""

    def check_perm(self, obj):
        return super().check_perm(obj) and account_refusal(self.request.user, obj) is None

    @classmethod
    def execute_action(cls, objects, mark_as_active=False, model=None, user=None, **kwargs):
        count = 0
        for obj in objects:
            if user is not None and obj.pk == user.pk:
                continue
            if obj.is_active != mark_as_active:
                obj.is_active = mark_as_active
                obj.save(update_fields=["is_active"])
            count += 1
        return count, 0

    def get_success_message(self, num_parent_objects, num_child_objects):
        state = "启用" if self.cleaned_form.cleaned_data["mark_as_active"] else "停用"
        return ngettext(
            "已%(state)s %(n)d 位用户。", "已%(state)s %(n)d 位用户。", num_parent_objects
        ) % {
            "state": state,
            "n": num_parent_objects,
        }


class DeleteWithDutiesBulkAction(DeleteBulkAction):
    def check_perm(self, obj):
        return super().check_perm(obj) and account_refusal(self.request.user, obj) is None
