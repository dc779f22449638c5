"""`manage.py check`: the audit retention cannot be set below the legal minimum."""

from django.conf import settings
from django.core import checks

from .audit_guard import MINIMUM_DAYS


@checks.register(checks.Tags.security)
def audit_retention_check(app_configs, **kwargs):
    days = getattr(settings, "AUDIT_RETENTION_DAYS", MINIMUM_DAYS)
    if days < MINIMUM_DAYS:
        return [
            checks.Error(
                f"AUDIT_RETENTION_DAYS = {days}：审计日志至少保留 {MINIMUM_DAYS} 天（六个月）。",
                hint=f"把 AUDIT_RETENTION_DAYS 设为不小于 {MINIMUM_DAYS} 的天数。",
                id="accounts.E001",
            )
        ]
    return []
