"""Admin pages for roles: a user's 授权 page (request, revoke, and for superusers the three
administrator roles), the list of grant requests with approve / reject / cancel, and the
security administrator's 设置密码 page."""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods, require_POST
from wagtail.admin.auth import permission_denied

from accounts.enums import AuditAction
from accounts.services import audit_record

from .duties import (
    approval_refusal,
    may_approve_any,
    may_request_any,
    password_refusal,
    revoke_refusal,
    role_of_group,
)
from .enums import GrantStatus, Role
from .forms import AdminRoleForm, DecisionForm, GrantRequestForm, SetPasswordForm
from .models import GrantRequest
from .services import (
    grant_request_approve,
    grant_request_cancel,
    grant_request_create,
    grant_request_reject,
    group_revoke,
    role_grant,
)

User = get_user_model()


def _refused(request, exc, *, target=None, action: str) -> None:
    """Say why, and keep the attempt in the audit log."""
    reason = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
    messages.error(request, reason)
    if isinstance(exc, PermissionDenied):
        audit_record(
            AuditAction.PERMISSION_DENIED,
            request=request,
            obj=target,
            detail={"action": action, "reason": reason},
        )


def _may_manage_roles(user) -> bool:
    return may_request_any(user) or may_approve_any(user)


@require_http_methods(["GET", "POST"])
def user_roles(request, pk):
    actor = request.user
    if not _may_manage_roles(actor):
        return permission_denied(request)
    target = get_object_or_404(User, pk=pk)
    action = request.POST.get("action") if request.method == "POST" else None
    form = GrantRequestForm(
        request.POST if action == "request" else None, actor=actor, target=target
    )
    admin_form = AdminRoleForm(request.POST if action == "grant_admin" else None)
    if action:
        try:
            if action == "request" and form.is_valid():
                grant_request_create(
                    user=target,
                    group=form.cleaned_data["group"],
                    by=actor,
                    reason=form.cleaned_data["reason"],
                )
                messages.success(
                    request, "已提出授权申请，须由另一名管理员（安全管理员）批准后生效。"
                )
                return redirect("permissions_user_roles", target.pk)
            if action == "revoke":
                group = get_object_or_404(Group, pk=request.POST.get("group"))
                group_revoke(user=target, group=group, by=actor)
                messages.success(request, f"已收回“{group.name}”。")
                return redirect("permissions_user_roles", target.pk)
            if action == "grant_admin" and admin_form.is_valid():
                role = Role(admin_form.cleaned_data["role"])
                role_grant(user=target, role=role, by=actor)
                messages.success(request, f"已授予“{role.label}”。")
                return redirect("permissions_user_roles", target.pk)
        except (PermissionDenied, ValidationError) as exc:
            _refused(request, exc, target=target, action=action)
    groups = sorted(target.groups.all(), key=lambda g: g.name)
    return TemplateResponse(
        request,
        "permissions/user_roles.html",
        {
            "page_title": f"授权：{target.get_full_name() or target.get_username()}",
            "target": target,
            "roles": [
                (g, role_of_group(g), revoke_refusal(actor, target, role_of_group(g)) is None)
                for g in groups
            ],
            "grants": target.grant_requests.select_related("group", "requested_by", "decided_by")[
                :50
            ],
            "form": form if form.fields["group"].queryset.exists() else None,
            "admin_form": admin_form if actor.is_superuser and target.pk != actor.pk else None,
        },
    )


def grant_requests(request):
    actor = request.user
    if not _may_manage_roles(actor):
        return permission_denied(request)
    related = ("user", "group", "requested_by", "decided_by")
    pending = GrantRequest.objects.filter(status=GrantStatus.PENDING).select_related(*related)
    decided = GrantRequest.objects.exclude(status=GrantStatus.PENDING).select_related(*related)
    return TemplateResponse(
        request,
        "permissions/grant_requests.html",
        {
            "page_title": "授权申请",
            "pending": [
                (g, approval_refusal(actor, g) is None, g.requested_by_id == actor.pk)
                for g in pending
            ],
            "decided": decided.order_by("-decided_at")[:50],
            "decision_form": DecisionForm(),
        },
    )


@require_POST
def grant_decide(request, pk):
    actor = request.user
    if not _may_manage_roles(actor):
        return permission_denied(request)
    grant = get_object_or_404(GrantRequest, pk=pk)
    action = request.POST.get("action")
    comment = request.POST.get("comment", "")
    try:
        if action == "approve":
            grant_request_approve(grant=grant, by=actor, comment=comment)
            messages.success(request, f"已批准：{grant.user} 获得“{grant.group.name}”。")
        elif action == "reject":
            grant_request_reject(grant=grant, by=actor, comment=comment)
            messages.success(request, "已驳回该申请。")
        elif action == "cancel":
            grant_request_cancel(grant=grant, by=actor)
            messages.success(request, "已撤回该申请。")
    except (PermissionDenied, ValidationError) as exc:
        _refused(request, exc, target=grant.user, action=f"grant_{action}")
    return redirect("permissions_grant_requests")


@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def user_password(request, pk):
    target = get_object_or_404(User, pk=pk)
    refusal = password_refusal(request.user, target)
    if refusal:
        if request.method == "POST":
            _refused(request, PermissionDenied(refusal), target=target, action="set_password")
        else:
            messages.error(request, refusal)
        return redirect("wagtailusers_users:index")
    form = SetPasswordForm(request.POST or None, user=target)
    if request.method == "POST" and form.is_valid():
        target.set_password(form.cleaned_data["new_password1"])
        target.save()
        messages.success(
            request, f"已设置 {target.get_username()} 的密码；该用户下次登录后须立即修改。"
        )
        return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request,
        "permissions/user_password.html",
        {"page_title": f"设置密码：{target.get_username()}", "form": form, "target": target},
    )
