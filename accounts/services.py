"""Writes of the accounts app: the audit log, its purge, password state, unlocking."""

import json
import logging
from datetime import datetime, timedelta

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection, transaction
from django.utils import timezone

from . import audit_guard
from .context import current_request
from .enums import AuditAction
from .models import AuditEntry, PasswordState
from .network import client_ip

logger = logging.getLogger("audit")


def retention_days() -> int:
    """Days an audit entry is kept at least: the setting, never less than the legal minimum."""
    return max(getattr(settings, "AUDIT_RETENTION_DAYS", 183), audit_guard.MINIMUM_DAYS)


def _ship(entry: AuditEntry) -> None:
    """Send the entry to the ``audit`` logger (syslog or a file for a separate store)."""
    record = {
        "id": entry.pk,
        "time": timezone.localtime(entry.created_at).isoformat(),
        "user": entry.username,
        "user_id": entry.user_id,
        "ip": entry.ip_address,
        "action": entry.action,
        "action_label": AuditAction(entry.action).label,
        "object_type": entry.object_type,
        "object_id": entry.object_id,
        "object": entry.object_label,
        "detail": entry.detail,
    }
    logger.info(json.dumps(record, ensure_ascii=False, default=str), extra={"audit": record})


def audit_record(
    action: AuditAction,
    *,
    request=None,
    user=None,
    username: str | None = None,
    obj=None,
    object_type: str = "",
    object_id="",
    object_label: str = "",
    detail: dict | None = None,
    ip_address: str | None = None,
) -> AuditEntry:
    """Append one entry. Who and from where default to the request being served."""
    request = request if request is not None else current_request()
    if user is None and request is not None:
        acting = getattr(request, "user", None)
        if acting is not None and acting.is_authenticated:
            user = acting
    if user is not None and not user.is_authenticated:
        user = None
    if ip_address is None and request is not None:
        ip_address = client_ip(request)
    if obj is not None:
        object_type = object_type or obj._meta.label_lower
        object_id = object_id or obj.pk
        object_label = object_label or str(obj)
    entry = AuditEntry.objects.create(
        user=user,
        username=username if username is not None else (user.get_username() if user else ""),
        ip_address=ip_address,
        action=AuditAction(action),
        object_type=object_type,
        object_id="" if object_id is None else str(object_id)[:64],
        object_label=(object_label or "")[:255],
        detail=detail or {},
    )
    transaction.on_commit(lambda: _ship(entry))
    return entry


def audit_purge(*, before: datetime, by=None) -> int:
    """Delete the entries older than ``before``; refused for anything inside the retention."""
    days = retention_days()
    oldest_allowed = timezone.now() - timedelta(days=days)
    if before > oldest_allowed:
        raise ValidationError(
            f"审计日志至少保留 {days} 天：只能清理 "
            f"{timezone.localtime(oldest_allowed):%Y-%m-%d %H:%M} 以前的记录，"
            f"不能清理到 {timezone.localtime(before):%Y-%m-%d %H:%M}。"
        )
    with transaction.atomic():
        audit_guard.allow_purge(connection)
        count = AuditEntry.objects.filter(created_at__lt=before)._purge()
        audit_record(
            AuditAction.AUDIT_PURGED,
            user=by,
            detail={"before": before.isoformat(), "deleted": count, "retention_days": days},
        )
    return count


# --- passwords ---------------------------------------------------------------------------------


def password_state_record_change(*, user) -> PasswordState:
    """Called on every password change. A password set by someone else (an administrator,
    while serving a request) must be changed by its owner at the next login; a change by the
    owner, or by a command on the server, clears that."""
    request = current_request()
    acting = getattr(request, "user", None) if request is not None else None
    by_other = bool(acting is not None and acting.is_authenticated and acting.pk != user.pk)
    first = not PasswordState.objects.filter(user=user).exists()
    state, _ = PasswordState.objects.update_or_create(
        user=user,
        defaults={
            "changed_at": timezone.now(),
            "change_required": by_other,
            "set_by": acting if by_other else None,
        },
    )
    if by_other:
        audit_record(AuditAction.PASSWORD_SET, obj=user)
    elif acting is not None and acting.is_authenticated:
        audit_record(AuditAction.PASSWORD_CHANGED, obj=user)
    elif request is not None:  # the e-mailed reset link: the owner, not logged in
        audit_record(AuditAction.PASSWORD_CHANGED, user=user, obj=user, detail={"via": "重置邮件"})
    elif not first:
        # e.g. `manage.py changepassword`; a new account's first password is not an event of
        # its own (the account's creation is).
        audit_record(AuditAction.PASSWORD_SET, obj=user, detail={"by": "服务器命令"})
    return state


def password_change_reason(user) -> str | None:
    """Why ``user`` must change the password before working, or None."""
    state = PasswordState.objects.filter(user=user).first()
    if state is not None and state.change_required:
        return "set_by_admin"
    max_age = getattr(settings, "PASSWORD_MAX_AGE_DAYS", 0)
    if max_age:
        changed = state.changed_at if state is not None else user.date_joined
        if changed + timedelta(days=max_age) <= timezone.now():
            return "expired"
    return None


# --- lockouts ----------------------------------------------------------------------------------


def login_unlock(*, by, username: str = "", ip_address: str = "") -> int:
    """Lift the lockout of an account name and/or a client address."""
    if not (by.is_superuser or by.has_perm("accounts.unlock_login")):
        raise PermissionDenied("只有安全管理员可以解除登录锁定。")
    if not username and not ip_address:
        raise ValidationError("请指定要解锁的用户名或IP地址。")
    count = AxesProxyHandler.reset_attempts(
        username=username or None, ip_address=ip_address or None
    )
    audit_record(
        AuditAction.UNLOCKED,
        user=by,
        object_type="auth.user" if username else "",
        object_label=username or ip_address,
        detail={"username": username, "ip_address": ip_address, "records": count},
    )
    return count
