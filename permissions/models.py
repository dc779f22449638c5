"""History of users and their grants, and the grant requests that need a second person."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import models
from django.db.models import Q
from django.utils import timezone
from simple_history import register
from simple_history.models import HistoricalRecords

from .enums import GrantStatus, Role

User = get_user_model()

register(
    User,
    app="permissions",
    m2m_fields=["groups"],
    verbose_name="用户与授权变更记录",
    excluded_fields=["last_login", "password"],
)


class GrantRequest(models.Model):
    """A request to give ``user`` the role of ``group`` (a reviewer, supervisor or department
    role); it takes effect only when another authorised person approves it (ADR 010)."""

    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="被授权用户",
        on_delete=models.CASCADE,
        related_name="grant_requests",
    )
    group = models.ForeignKey(
        "auth.Group", verbose_name="角色（用户组）", on_delete=models.CASCADE, related_name="+"
    )
    role = models.CharField("角色", max_length=20, choices=Role.choices)
    reason = models.TextField("申请理由")
    status = models.CharField(
        "状态", max_length=10, choices=GrantStatus.choices, default=GrantStatus.PENDING
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="申请人",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    requested_at = models.DateTimeField("申请时间", default=timezone.now)
    decided_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name="处理人",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    decided_at = models.DateTimeField("处理时间", null=True, blank=True)
    decision_comment = models.TextField("处理意见", blank=True)

    history = HistoricalRecords(verbose_name="授权申请变更记录")

    class Meta:
        verbose_name = "授权申请"
        verbose_name_plural = "授权申请"
        ordering = ["-requested_at", "-pk"]
        default_permissions = ("add", "view")
        permissions = [("approve_grantrequest", "批准授权申请")]
        constraints = [
            models.UniqueConstraint(
                fields=["user", "group"],
                condition=Q(status="pending"),
                name="one_pending_grant_per_user_and_role",
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.group.name}（{self.get_status_display()}）"
