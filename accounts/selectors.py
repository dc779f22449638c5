"""Reads for the auditor's and the security administrator's pages."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from axes.helpers import get_cool_off, get_failure_limit
from axes.models import AccessAttempt
from django.apps import apps
from django.db.models import Max, Q, Sum
from django.utils import timezone

from .models import AuditEntry


@dataclass(frozen=True)
class AuditFilters:
    user: str = ""
    action: str = ""
    date_from: date | None = None
    date_to: date | None = None
    object_type: str = ""
    object: str = ""


def _day_start(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def audit_entries(filters: AuditFilters):
    entries = AuditEntry.objects.all()
    if filters.user:
        entries = entries.filter(username__icontains=filters.user)
    if filters.action:
        entries = entries.filter(action=filters.action)
    if filters.date_from:
        entries = entries.filter(created_at__gte=_day_start(filters.date_from))
    if filters.date_to:
        entries = entries.filter(created_at__lt=_day_start(filters.date_to + timedelta(days=1)))
    if filters.object_type:
        entries = entries.filter(object_type=filters.object_type)
    if filters.object:
        entries = entries.filter(
            Q(object_label__icontains=filters.object) | Q(object_id=filters.object)
        )
    return entries.order_by("-created_at", "-pk")


def object_type_label(object_type: str) -> str:
    try:
        return str(apps.get_model(object_type)._meta.verbose_name)
    except (LookupError, ValueError):
        return object_type


def object_type_choices() -> list[tuple[str, str]]:
    types = AuditEntry.objects.exclude(object_type="").values_list("object_type", flat=True)
    return sorted(((t, object_type_label(t)) for t in set(types)), key=lambda c: c[1])


@dataclass(frozen=True)
class Lockout:
    kind: str  # "username" or "ip_address"
    value: str
    failures: int
    last_attempt: datetime
    locked: bool


def current_lockouts(request) -> list[Lockout]:
    """Account names and client addresses with failed logins inside the cool-off window;
    ``locked`` when they reached the limit."""
    since = timezone.now() - get_cool_off(request)
    limit = get_failure_limit(request, None)
    attempts = AccessAttempt.objects.filter(attempt_time__gte=since)
    rows = []
    for kind in ("username", "ip_address"):
        grouped = (
            attempts.exclude(**{f"{kind}__isnull": True})
            .values(kind)
            .annotate(failures=Sum("failures_since_start"), last=Max("attempt_time"))
        )
        for row in grouped:
            rows.append(
                Lockout(
                    kind=kind,
                    value=row[kind],
                    failures=row["failures"],
                    last_attempt=row["last"],
                    locked=row["failures"] >= limit,
                )
            )
    return sorted(rows, key=lambda r: (not r.locked, -r.last_attempt.timestamp()))
