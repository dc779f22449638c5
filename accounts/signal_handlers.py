"""Audit entries for what happens to accounts, whichever code path did it: logins, logouts,
failures and lockouts; users created, activated, deactivated, made superuser, deleted; group
memberships (the roles) added and removed."""

import time

from axes.signals import user_locked_out
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.db.models.signals import m2m_changed, post_delete, post_save, pre_save
from django.dispatch import receiver

from . import sessions
from .enums import AuditAction
from .services import audit_record, password_change_reason

User = get_user_model()


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    audit_record(AuditAction.LOGIN, request=request, user=user, obj=user)
    if request is not None and hasattr(request, "session"):
        sessions.start(request.session, now=time.time())
        reason = password_change_reason(user)
        if reason:
            request.session[sessions.PASSWORD_CHANGE_KEY] = reason


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    if user is None:
        return
    reason = getattr(request, sessions.EXPIRED_ATTR, None)
    audit_record(
        AuditAction.SESSION_EXPIRED if reason else AuditAction.LOGOUT,
        request=request,
        user=user,
        obj=user,
        detail={"reason": reason} if reason else None,
    )


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    username = (credentials or {}).get("username") or ""
    audit_record(
        AuditAction.LOGIN_FAILED,
        request=request,
        user=User.objects.filter(username=username).first(),
        username=username[:150],
        object_type="auth.user",
        object_label=username,
    )


@receiver(user_locked_out)
def on_locked_out(sender, request, username, ip_address, **kwargs):
    audit_record(
        AuditAction.LOCKED_OUT,
        request=request,
        user=User.objects.filter(username=username or "").first(),
        username=(username or "")[:150],
        ip_address=ip_address,
        object_type="auth.user",
        object_label=username or "",
    )


# --- users -------------------------------------------------------------------------------------

_FLAGS = ("is_active", "is_superuser")


@receiver(pre_save, sender=User)
def remember_flags(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or instance.pk is None:
        return
    if update_fields is not None and not set(update_fields) & set(_FLAGS):
        return
    instance._audit_flags_before = User.objects.filter(pk=instance.pk).values(*_FLAGS).first()


@receiver(post_save, sender=User)
def audit_user_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    if created:
        audit_record(AuditAction.USER_CREATED, obj=instance)
        before = {"is_active": True, "is_superuser": False}
    else:
        before = instance.__dict__.pop("_audit_flags_before", None)
        if before is None:
            return
    if before["is_active"] != instance.is_active:
        action = AuditAction.USER_ACTIVATED if instance.is_active else AuditAction.USER_DEACTIVATED
        audit_record(action, obj=instance)
    if before["is_superuser"] != instance.is_superuser:
        action = (
            AuditAction.SUPERUSER_GRANTED
            if instance.is_superuser
            else AuditAction.SUPERUSER_REVOKED
        )
        audit_record(action, obj=instance)


@receiver(post_delete, sender=User)
def audit_user_deleted(sender, instance, **kwargs):
    audit_record(AuditAction.USER_DELETED, obj=instance)


@receiver(m2m_changed, sender=User.groups.through)
def audit_group_membership(sender, instance, action, reverse, pk_set, **kwargs):
    if action == "pre_clear":
        related = instance.user_set if reverse else instance.groups
        instance._audit_cleared = set(related.values_list("pk", flat=True))
        return
    if action == "post_clear":
        pk_set, action = instance.__dict__.pop("_audit_cleared", set()), "post_remove"
    if action not in ("post_add", "post_remove") or not pk_set:
        return
    audit_action = AuditAction.ROLE_GRANTED if action == "post_add" else AuditAction.ROLE_REVOKED
    if reverse:  # group.user_set.add(users)
        pairs = [(user, instance) for user in User.objects.filter(pk__in=pk_set)]
    else:
        pairs = [(instance, group) for group in Group.objects.filter(pk__in=pk_set)]
    for user, group in pairs:
        audit_record(audit_action, obj=user, detail={"group": group.name})
