"""Reads of the credit register for the public page and the export."""

from django.utils import timezone

from .models import CreditRecord


def public_records(today=None):
    """Legal persons' 较重/严重 records marked 依法公示 within their publicity period: only the
    fields the public page shows (never natural persons, never identity numbers of persons)."""
    today = today or timezone.localdate()
    return [
        {
            "name": r.subject_name,
            "credit_code": r.id_number,
            "behaviour": r.get_behaviour_display(),
            "grade": r.get_grade_display(),
            "department": r.department.name,
            "decided_on": r.decided_on,
            "publicity_end": r.publicity_end,
            "legal_basis": r.legal_basis,
        }
        for r in CreditRecord.objects.public_on(today)
        .select_related("department")
        .order_by("-decided_on", "pk")
    ]
