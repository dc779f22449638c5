"""The demo holds complaints in every state, overdue ones included, one transferred and one
report linked to a letter; loading again adds nothing; the demo code works on the lookup."""

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from complaints.enums import ComplaintKind, ComplaintStatus
from complaints.models import Complaint
from fixtures.demo_complaints import COMPLAINTS, DEMO_QUERY_CODE


@pytest.fixture(scope="module")
def demo(demo_database):
    """The demo data, loaded once for the module (tests/conftest.py)."""


@pytest.mark.django_db
def test_demo_has_complaints_in_every_state_including_overdue(demo):
    complaints = list(Complaint.objects.all())
    assert len(complaints) == len(COMPLAINTS)
    assert {c.status for c in complaints} == set(ComplaintStatus.values)
    today = timezone.localdate()
    overdue = [c for c in complaints if c.is_open and c.due_on < today]
    assert {c.status for c in overdue} == {ComplaintStatus.RECEIVED, ComplaintStatus.INVESTIGATING}
    assert any(c.is_open and c.due_on >= today for c in complaints)
    assert any(c.transfers.exists() for c in complaints)
    report = Complaint.objects.get(kind=ComplaintKind.FALSE_COMMITMENT)
    assert report.letter is not None and report.letter.department == report.department
    late = [
        c for c in complaints if c.status == ComplaintStatus.CONCLUDED and not c.answered_on_time
    ]
    assert len(late) == 1


@pytest.mark.django_db
def test_demo_is_idempotent_for_complaints(demo):
    numbers = sorted(Complaint.objects.values_list("number", flat=True))
    call_command("load_demo_data", verbosity=0)
    assert sorted(Complaint.objects.values_list("number", flat=True)) == numbers


@pytest.mark.django_db
def test_demo_code_looks_up_a_concluded_demo_complaint(demo, client):
    concluded = Complaint.objects.filter(status=ComplaintStatus.CONCLUDED).order_by("pk").first()
    html = client.post(
        reverse("public:complaint_lookup"), {"number": concluded.number, "code": DEMO_QUERY_CODE}
    ).content.decode()
    assert "已办结" in html and concluded.answer[:20] in html
