"""Signed letters and complaints never put a plain identity number, phone or e-mail address in
the database (the table or its simple-history table); they are found through lookup hashes."""

import pytest
from django.core.exceptions import FieldError
from django.urls import reverse

from commitments.letters.services import letter_register
from commitments.models import CommitmentLetter
from complaints.models import Complaint
from privacy.registry import filter_equal

from ..complaints.helpers import file_complaint
from ..letters.helpers import (
    AGENT_ID,
    AGENT_MOBILE,
    CREDIT_CODE,
    MOBILE,
    PERSON_ID,
    TODAY,
    agent,
    disclosed_item,
    organisation,
    person,
)
from .helpers import raw_column, raw_text

LETTERS = "publishing_commitmentletter"
LETTER_HISTORY = "publishing_historicalcommitmentletter"
ORG_PHONE = "0483-6029999"


@pytest.fixture
def item_a(editor_a, dept_a, reviewer):
    return disclosed_item(editor_a, dept_a, reviewer)


@pytest.fixture
def letters(editor_a, item_a):
    def register(fields):
        return letter_register(
            user=editor_a,
            item=item_a,
            fields=fields,
            disclose=item_a.letters_disclosed,
            today=TODAY,
        )

    return register(person(**agent())), register(organisation())


def test_the_letter_tables_never_hold_a_plain_id_number_or_phone(letters):
    by_person = letters[0]
    for table in (LETTERS, LETTER_HISTORY):
        stored = raw_text(table)
        assert "张三丰" in stored  # the rows are there; names are not encrypted
        for secret in (PERSON_ID, AGENT_ID, CREDIT_CODE, MOBILE, AGENT_MOBILE, ORG_PHONE):
            assert secret not in stored, (table, secret)
            assert secret.replace("-", "") not in stored, (table, secret)
    token = raw_column(LETTERS, "person_id_number", by_person.pk)
    assert token.startswith("gAAAAA")  # a Fernet token
    history_token = raw_column(LETTER_HISTORY, "person_id_number", by_person.pk, "id")
    assert history_token.startswith("gAAAAA") and history_token != token


def test_the_letter_reads_back_in_plain_text(letters):
    by_person, by_organisation = letters
    letter = CommitmentLetter.objects.get(pk=by_person.pk)
    assert (letter.person_id_number, letter.person_phone) == (PERSON_ID, MOBILE)
    assert (letter.agent_id_number, letter.agent_phone) == (AGENT_ID, AGENT_MOBILE)
    organisation_letter = CommitmentLetter.objects.get(pk=by_organisation.pk)
    assert organisation_letter.organisation_id_number == CREDIT_CODE
    assert organisation_letter.organisation_phone == ORG_PHONE
    assert letter.history.get().person_id_number == PERSON_ID


@pytest.mark.parametrize(
    ("field", "typed", "which"),
    [
        ("person_id_number", PERSON_ID, 0),
        ("person_id_number", f" {PERSON_ID[:6]} {PERSON_ID[6:]} ", 0),
        ("person_id_number", "１５２９２２１９８００１０１０００７", 0),
        ("agent_id_number", AGENT_ID, 0),
        ("person_phone", f"+86 {MOBILE}", 0),
        ("organisation_id_number", CREDIT_CODE.lower(), 1),
        ("organisation_phone", "04836029999", 1),
    ],
)
def test_letters_are_found_by_the_lookup_hash_however_the_number_is_typed(
    letters, field, typed, which
):
    assert list(filter_equal(CommitmentLetter.objects.all(), field, typed)) == [letters[which]]
    history = filter_equal(CommitmentLetter.history.model.objects.all(), field, typed)
    assert [h.id for h in history] == [letters[which].pk]


def test_another_number_finds_nothing_and_an_empty_one_finds_nothing(letters):
    letters_ = CommitmentLetter.objects.all()
    assert not filter_equal(letters_, "person_id_number", "152922198001010008").exists()
    assert not filter_equal(letters_, "person_phone", "").exists()


def test_filtering_on_an_encrypted_field_is_refused_clearly(letters):
    with pytest.raises(FieldError, match="encrypted"):
        list(CommitmentLetter.objects.filter(person_id_number=PERSON_ID))
    with pytest.raises(FieldError, match="encrypted"):
        list(CommitmentLetter.objects.filter(person_phone__icontains="1990"))


def test_a_correction_keeps_the_hash_in_step_with_the_value(letters):
    letter = letters[0]
    letter.person_phone = "19904830000"
    letter.save()
    assert list(filter_equal(CommitmentLetter.objects.all(), "person_phone", "19904830000")) == [
        letter
    ]
    assert not filter_equal(CommitmentLetter.objects.all(), "person_phone", MOBILE).exists()
    assert MOBILE not in raw_text(LETTER_HISTORY) and "19904830000" not in raw_text(LETTERS)


def test_the_admin_search_finds_a_letter_by_a_full_width_id_number(
    client, letters, editor_a, editor_b
):
    client.force_login(editor_a)
    response = client.get(reverse("admin_search"), {"q": "１５２９２２１９８００１０１０００７"})
    assert "（2026年）第1号" in response.content.decode()
    client.force_login(editor_b)  # another department: personal data are not searched there
    response = client.get(reverse("admin_search"), {"q": PERSON_ID})
    assert "（2026年）第1号" not in response.content.decode()


def test_complaints_never_hold_a_plain_phone_or_email(dept_a):
    complaint, _code = file_complaint(dept_a)
    for table in ("complaints_complaint", "complaints_historicalcomplaint"):
        stored = raw_text(table)
        assert "王女士" in stored
        assert "13800001111" not in stored and "wang@example.com" not in stored, table
    complaint = Complaint.objects.get(pk=complaint.pk)
    assert (complaint.contact_phone, complaint.contact_email) == (
        "13800001111",
        "wang@example.com",
    )
    found = filter_equal(Complaint.objects.all(), "contact_email", " Wang@Example.com ")
    assert list(found) == [complaint]
    assert list(filter_equal(Complaint.objects.all(), "contact_phone", "138 0000 1111")) == [
        complaint
    ]
