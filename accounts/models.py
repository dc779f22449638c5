"""The audit log (append-only) and each account's password state."""

from django.conf import settings
from django.db import models
from django.utils import timezone

from .enums import AuditAction


class AuditLogImmutable(Exception):
    """Raised on any attempt to change or delete audit entries through the application."""


class AuditEntryQuerySet(models.QuerySet):
    def update(self, **kwargs):
        raise AuditLogImmutable("审计日志只能追加，不能修改。")

    def delete(self):
        raise AuditLogImmutable("审计日志只能追加，不能删除；过期记录用 purge_audit_log 清理。")

    def _purge(self) -> int:
        """Delete the selected entries: only for ``services.audit_purge``."""
        count, _ = models.QuerySet.delete(self)
        return count


class AuditEntry(models.Model):
    """One security-relevant event: who, from where, when, what, on which object.

    Rows are only ever inserted (``save`` refuses updates, ``delete`` refuses). The user is
    kept by id without a database constraint and by name, so that an entry survives its user.
    """

    created_at = models.DateTimeField("时间", default=timezone.now, db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="用户",
        null=True,
        blank=True,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        related_name="+",
    )
    username = models.CharField("用户名", max_length=150, blank=True, db_index=True)
    ip_address = models.GenericIPAddressField("IP地址", null=True, blank=True)
    action = models.CharField("操作", max_length=40, choices=AuditAction.choices, db_index=True)
    object_type = models.CharField("对象类型", max_length=100, blank=True)
    object_id = models.CharField("对象编号", max_length=64, blank=True)
    object_label = models.CharField("对象", max_length=255, blank=True)
    detail = models.JSONField("详情", default=dict, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = "审计日志"
        verbose_name_plural = "审计日志"
        ordering = ["-created_at", "-pk"]
        default_permissions = ("view",)
        indexes = [
            models.Index(fields=["object_type", "object_id"], name="audit_object"),
            models.Index(fields=["action", "created_at"], name="audit_action_time"),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.username} {self.get_action_display()}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditLogImmutable("审计日志只能追加，不能修改。")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditLogImmutable("审计日志只能追加，不能删除。")


class PasswordState(models.Model):
    """When the password was last set, and whether its owner must change it before working.

    Kept by ``passwords.PasswordLifecycleValidator.password_changed`` on every password change.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="password_state",
    )
    changed_at = models.DateTimeField("密码设置时间", default=timezone.now)
    change_required = models.BooleanField("须修改密码", default=False)
    set_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="设置人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = "密码状态"
        verbose_name_plural = "密码状态"
        default_permissions = ()
        permissions = [
            ("set_user_password", "设置他人密码"),
            ("unlock_login", "解除登录锁定"),
        ]

    def __str__(self):
        return f"{self.user_id}: {self.changed_at:%Y-%m-%d}"
