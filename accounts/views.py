"""Admin pages: the audit log (auditors), login lockouts (security administrators), the
password page every user reaches when a change is due, and logout."""

import csv

from django.contrib import messages
from django.contrib.auth import logout, update_session_auth_hash
from django.contrib.auth.forms import PasswordChangeForm
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import StreamingHttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.admin.auth import permission_denied

from . import sessions
from .enums import AuditAction
from .forms import AuditFilterForm, UnlockForm
from .models import AuditEntry
from .selectors import audit_entries, current_lockouts, object_type_label
from .services import audit_record, login_unlock, password_change_reason, retention_days

PAGE_SIZE = 50

REASONS = {
    "set_by_admin": "您的密码是管理员设置的，请先设置一个只有您自己知道的新密码。",
    "expired": "您的密码已到期，请设置新密码后继续使用。",
}


# --- the audit log -----------------------------------------------------------------------------


def _may_read_audit_log(user) -> bool:
    return user.is_superuser or user.has_perm("accounts.view_auditentry")


@require_GET
def audit_log(request):
    if not _may_read_audit_log(request.user):
        return permission_denied(request)
    form = AuditFilterForm(request.GET or None)
    valid = not form.is_bound or form.is_valid()
    entries = audit_entries(form.filters()) if valid else AuditEntry.objects.none()
    if request.GET.get("format") == "csv" and valid:
        return _audit_csv(request, form, entries)
    page = Paginator(entries, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return TemplateResponse(
        request,
        "accounts/audit_log.html",
        {
            "page_title": "审计日志",
            "form": form,
            "page": page,
            "rows": [(entry, object_type_label(entry.object_type)) for entry in page],
            "query": query.urlencode(),
            "retention_days": retention_days(),
        },
    )


class _Echo:
    def write(self, value):
        return value


def _audit_csv(request, form, entries):
    audit_record(
        AuditAction.AUDIT_EXPORTED,
        request=request,
        detail={k: str(v) for k, v in form.filters().__dict__.items() if v},
    )
    writer = csv.writer(_Echo())

    def rows():
        yield "\ufeff"
        yield writer.writerow(
            ["时间", "用户", "IP地址", "操作", "对象类型", "对象编号", "对象", "详情"]
        )
        for entry in entries.iterator(chunk_size=2000):
            yield writer.writerow(
                [
                    timezone.localtime(entry.created_at).strftime("%Y-%m-%d %H:%M:%S"),
                    entry.username,
                    entry.ip_address or "",
                    entry.get_action_display(),
                    object_type_label(entry.object_type),
                    entry.object_id,
                    entry.object_label,
                    entry.detail or "",
                ]
            )

    response = StreamingHttpResponse(rows(), content_type="text/csv; charset=utf-8")
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    response["Content-Disposition"] = f'attachment; filename="audit-log-{stamp}.csv"'
    return response


# --- lockouts ----------------------------------------------------------------------------------


def _may_unlock(user) -> bool:
    return user.is_superuser or user.has_perm("accounts.unlock_login")


@require_http_methods(["GET", "POST"])
def lockouts(request):
    if not _may_unlock(request.user):
        return permission_denied(request)
    form = UnlockForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            login_unlock(
                by=request.user,
                username=form.cleaned_data["username"],
                ip_address=form.cleaned_data["ip_address"] or "",
            )
        except PermissionDenied as exc:
            messages.error(request, str(exc))
        else:
            target = form.cleaned_data["username"] or form.cleaned_data["ip_address"]
            messages.success(request, f"已解除“{target}”的登录锁定。")
            return redirect("accounts_lockouts")
    return TemplateResponse(
        request,
        "accounts/lockouts.html",
        {"page_title": "登录锁定", "form": form, "lockouts": current_lockouts(request)},
    )


# --- password and logout -----------------------------------------------------------------------


@never_cache
@sensitive_post_parameters()
@require_http_methods(["GET", "POST"])
def password_change(request):
    if not request.user.is_authenticated:
        return redirect("wagtailadmin_login")
    form = PasswordChangeForm(request.user, request.POST or None)
    next_url = request.POST.get("next") or request.GET.get("next") or ""
    if not url_has_allowed_host_and_scheme(next_url, allowed_hosts={request.get_host()}):
        next_url = ""
    if request.method == "POST" and form.is_valid():
        user = form.save()
        update_session_auth_hash(request, user)
        request.session.pop(sessions.PASSWORD_CHANGE_KEY, None)
        messages.success(request, "密码已修改。")
        return redirect(next_url or "wagtailadmin_home")
    return TemplateResponse(
        request,
        "accounts/password_change.html",
        {
            "page_title": "修改密码",
            "form": form,
            "next": next_url,
            "reason": REASONS.get(password_change_reason(request.user) or ""),
        },
    )


@never_cache
@require_http_methods(["GET", "POST"])
def logout_view(request):
    """Log out and end the server-side session, whether reached by the menu's POST or a GET
    (Wagtail's own view deleted only the cookie on GET, leaving the session valid)."""
    logout(request)
    messages.success(request, "您已退出登录。")
    return redirect("wagtailadmin_login")
