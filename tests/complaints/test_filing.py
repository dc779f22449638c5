"""Filing a complaint: numbering per year, the query code stored hashed, the due date 5 official
working days after receipt across holidays and make-up days."""

import datetime

import pytest
from django.contrib.auth.hashers import identify_hasher
from django.core import mail
from django.core.exceptions import ValidationError

from commitments.letters.services import letter_register
from complaints.codes import code_matches
from complaints.enums import ComplaintStatus
from complaints.models import Complaint
from complaints.services import due_date, find_letter
from permissions.enums import Role
from tests.factories import make_department, make_user
from tests.letters.helpers import TODAY, disclosed_item, person

from .helpers import RECEIVED, SHANGHAI, file_complaint

D = datetime.date


@pytest.fixture
def department(db):
    return make_department("公安局")


def test_tracking_numbers_run_per_year_without_gaps(department):
    first, _ = file_complaint(department)
    second, _ = file_complaint(department)
    next_year, _ = file_complaint(
        department, now=datetime.datetime(2027, 1, 4, 9, 0, tzinfo=SHANGHAI)
    )
    assert [first.number, second.number] == ["TS2026-000001", "TS2026-000002"]
    assert next_year.number == "TS2027-000001"


def test_a_refused_submission_gives_its_number_back(department):
    with pytest.raises(ValidationError) as error:
        file_complaint(department, description="太短")
    assert error.value.message_dict["description"] == ["请写明具体情况（至少10个字）。"]
    complaint, _ = file_complaint(department)
    assert complaint.number == "TS2026-000001"
    assert Complaint.objects.count() == 1


def test_query_code_is_stored_only_as_a_hash(department):
    complaint, code = file_complaint(department)
    assert code not in complaint.query_code_hash
    assert identify_hasher(complaint.query_code_hash)
    assert code_matches(code, complaint.query_code_hash)
    assert code_matches(code.lower().replace("-", " "), complaint.query_code_hash)
    assert not code_matches("AAAAA-AAAAA", complaint.query_code_hash)


@pytest.mark.parametrize(
    ("received", "due"),
    [
        (D(2026, 9, 29), D(2026, 10, 12)),  # National Day skipped, Saturday 10-10 counts
        (D(2026, 9, 25), D(2026, 10, 9)),  # Mid-autumn Friday: the weekend and 10-01…07 skipped
        (D(2026, 11, 16), D(2026, 11, 23)),  # an ordinary week: Monday → next Monday
    ],
)
def test_due_date_is_five_official_working_days_after_receipt(db, received, due):
    assert due_date(received) == (due, False)


def test_due_date_in_a_year_the_calendar_does_not_know_counts_weekdays_provisionally(db):
    assert due_date(D(2099, 3, 6)) == (D(2099, 3, 13), True)


def test_complaint_in_an_unknown_year_is_received_with_an_estimated_due_date(department):
    complaint, _ = file_complaint(
        department, now=datetime.datetime(2099, 3, 6, 9, 0, tzinfo=SHANGHAI)
    )
    assert (complaint.due_on, complaint.due_on_estimated) == (D(2099, 3, 13), True)


def test_filed_complaint_is_received_and_due_across_the_holiday(department):
    complaint, _ = file_complaint(department, now=RECEIVED)
    assert complaint.status == ComplaintStatus.RECEIVED
    assert complaint.received_on == D(2026, 9, 29)
    assert (complaint.due_on, complaint.due_on_estimated) == (D(2026, 10, 12), False)
    assert complaint.department == complaint.filed_department == department


def test_receipt_with_number_and_code_is_emailed_when_an_address_was_given(
    department, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        complaint, code = file_complaint(department)
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["wang@example.com"]
    assert complaint.number in mail.outbox[0].body
    assert code in mail.outbox[0].body
    assert "2026年10月12日" in mail.outbox[0].body


def test_anonymous_complaint_sends_no_mail(department, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        complaint, _ = file_complaint(
            department, contact_name="", contact_phone="", contact_email=""
        )
    assert not complaint.has_contact
    assert mail.outbox == []


def test_wrong_phone_is_refused_at_the_field(department):
    with pytest.raises(ValidationError) as error:
        file_complaint(department, contact_phone="12345")
    assert "contact_phone" in error.value.message_dict
    assert Complaint.objects.count() == 0


def test_letter_number_links_the_letter_of_the_named_department(db):
    department = make_department("司法局")
    other = make_department("教育局")
    editor = make_user("letters_editor", role=Role.EDITOR, departments=[department])
    item = disclosed_item(editor, department, make_user("letters_reviewer", role=Role.REVIEWER))
    letter = letter_register(user=editor, item=item, fields=person(), disclose=True, today=TODAY)
    assert find_letter(department, f"（{letter.year}年）第{letter.number}号") == letter
    assert find_letter(department, f"{letter.year}-{letter.number}") == letter
    assert find_letter(other, f"（{letter.year}年）第{letter.number}号") is None
    assert find_letter(department, "不记得了") is None
    complaint, _ = file_complaint(
        department, kind="false_commitment", letter_number=letter.number_label
    )
    assert complaint.letter == letter
    assert list(letter.complaints.all()) == [complaint]
