"""An installation with plain identity numbers, phones and e-mail addresses is converted by the
migrations (commitments 0010, complaints 0002): afterwards no column holds them in plain text,
the models read them back and the lookup hashes find them; migrating back restores them."""

import datetime

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from commitments.models import CommitmentLetter
from complaints.models import Complaint
from privacy.crypto import lookup_hash
from privacy.registry import filter_equal

from .helpers import raw_column, raw_text

BEFORE = [
    ("commitments", "0009_verification_origin_complaint"),
    ("complaints", "0001_initial"),
]
PERSON_ID = "15292219850101002x"  # as a clerk once typed it
AGENT_ID = "152922197506150027"
MOBILE = "19904831234"
CREDIT_CODE = "91152922MA00000018"


def _plain_rows(apps):
    Department = apps.get_model("catalog", "Department")
    Item = apps.get_model("catalog", "CertificateItem")
    User = apps.get_model("auth", "User")
    Letter = apps.get_model("commitments", "CommitmentLetter")
    LetterHistory = apps.get_model("commitments", "HistoricalCommitmentLetter")
    OldComplaint = apps.get_model("complaints", "Complaint")
    ComplaintHistory = apps.get_model("complaints", "HistoricalComplaint")

    user = User.objects.create(username="clerk")
    department = Department.objects.create(name="甲局", kind="banner_department")
    item = Item.objects.create(
        department=department,
        name="无犯罪记录证明",
        purpose="申请律师执业",
        requesting_unit="旗司法局",
        issuing_unit="公安机关",
        matter_type="licensing",
        certificate_content="内容",
        false_commitment_consequences="终止办理",
        verification_method="online",
    )
    day = datetime.date(2026, 11, 16)
    letter_values = {
        "department": department,
        "item": item,
        "item_name": item.name,
        "item_purpose": item.purpose,
        "year": 2026,
        "number": 7,
        "applicant_kind": "person",
        "person_name": "张三丰",
        "person_id_type": "resident_id",
        "person_id_number": PERSON_ID,
        "person_phone": MOBILE,
        "organisation_id_number": CREDIT_CODE,
        "agent_id_number": AGENT_ID,
        "channel": "in_person",
        "received_on": day,
        "signed_on": day,
        "registered_by": user,
    }
    letter = Letter.objects.create(**letter_values)
    LetterHistory.objects.create(
        id=letter.pk,
        **letter_values,
        registered_at=letter.registered_at,
        history_date=letter.registered_at,
        history_type="+",
        history_user=user,
    )
    complaint_values = {
        "number": "TS2026-000001",
        "year": 2026,
        "sequence": 1,
        "query_code_hash": "x",
        "kind": "still_demanded",
        "filed_department": department,
        "department": department,
        "description": "仍要求提供证明。",
        "contact_name": "王女士",
        "contact_phone": "13800001111",
        "contact_email": "wang@example.com",
        "received_on": day,
        "due_on": day,
    }
    complaint = OldComplaint.objects.create(**complaint_values)
    ComplaintHistory.objects.create(
        id=complaint.pk,
        **complaint_values,
        received_at=complaint.received_at,
        history_date=complaint.received_at,
        history_type="+",
    )
    return letter.pk, complaint.pk


@pytest.mark.django_db(transaction=True)
def test_plain_rows_are_encrypted_and_hashed_and_the_plain_columns_dropped():
    executor = MigrationExecutor(connection)
    latest = executor.loader.graph.leaf_nodes()
    # the other apps stay at their latest state (their tables as they are now, e.g. the item's
    # extra_values column); only the two apps under test go back before their conversion
    catalog_now = [node for node in latest if node[0] == "catalog"]
    executor.migrate(BEFORE)
    old = executor.loader.project_state(BEFORE + catalog_now).apps
    letter_pk, complaint_pk = _plain_rows(old)
    assert PERSON_ID in raw_text("publishing_commitmentletter")  # plain before

    executor = MigrationExecutor(connection)
    executor.migrate(latest)

    secrets = (PERSON_ID, PERSON_ID.upper(), AGENT_ID, MOBILE, CREDIT_CODE)
    for table in ("publishing_commitmentletter", "publishing_historicalcommitmentletter"):
        stored = raw_text(table)
        assert "张三丰" in stored
        assert not [s for s in secrets if s in stored], table
    for table in ("complaints_complaint", "complaints_historicalcomplaint"):
        stored = raw_text(table)
        assert "王女士" in stored
        assert "13800001111" not in stored and "wang@example.com" not in stored, table
    with connection.cursor() as cursor:
        columns = {
            c.name
            for c in connection.introspection.get_table_description(
                cursor, "publishing_commitmentletter"
            )
        }
    assert not [c for c in columns if c.endswith("_encrypted")]
    assert raw_column("publishing_commitmentletter", "person_id_number", letter_pk).startswith(
        "gAAAAA"
    )

    letter = CommitmentLetter.objects.get(pk=letter_pk)
    assert (letter.person_id_number, letter.person_phone) == (PERSON_ID, MOBILE)
    assert letter.history.get().agent_id_number == AGENT_ID
    assert letter.person_id_hash == lookup_hash(PERSON_ID.upper(), kind="id")
    letters = CommitmentLetter.objects.all()
    assert filter_equal(letters, "person_id_number", PERSON_ID.upper()).get() == letter
    assert filter_equal(letters, "organisation_id_number", CREDIT_CODE).get() == letter
    assert letter.history.get().person_id_hash == letter.person_id_hash
    complaint = filter_equal(Complaint.objects.all(), "contact_email", "WANG@example.com").get()
    assert complaint.pk == complaint_pk and complaint.contact_phone == "13800001111"

    # Back to the plain schema (e.g. to undo a failed upgrade): the values come back.
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    assert raw_column("publishing_commitmentletter", "person_id_number", letter_pk) == PERSON_ID
    assert raw_column("complaints_complaint", "contact_phone", complaint_pk) == "13800001111"
    executor = MigrationExecutor(connection)
    executor.migrate(latest)
    assert CommitmentLetter.objects.get(pk=letter_pk).person_id_number == PERSON_ID
