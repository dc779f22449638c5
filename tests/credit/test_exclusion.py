"""The exclusion (二(三)): an unrepaired record of a false commitment, or a 较重/严重 record,
refuses the commitment route — at letter registration and at the letter form's handout — in
every department for a record made by another, with exactly the sentence and the recording
department's contact, and the refusal is recorded."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from catalog.models import Department
from commitments.cases.services import case_open
from commitments.letters.services import letter_register
from commitments.models import Case, CommitmentLetter
from credit.enums import Behaviour, Grade, RecordState
from credit.models import ExclusionRefusal
from credit.objections import objection_decide, objection_file
from fixtures.demo_data import DEPARTMENTS
from permissions.enums import Role

from ..factories import make_user
from ..letters.helpers import CREDIT_CODE, PERSON_ID, organisation, person, undisclosed_item
from .helpers import OTHER_PERSON_ID, TODAY, D, make_record, organisation_record

NAMES = [d["name"] for d in DEPARTMENTS]
FIELDS = ("name", "kind", "public_phone", "liaison_office_phone")


def refusal(department) -> str:
    return (
        f"该申请人存在尚未修复的失信记录（认定单位：{department.name}，联系电话："
        f"{department.public_phone}），在信用修复前不适用告知承诺制，请按原程序提交证明材料"
    )


@pytest.fixture(scope="module")
def banner(django_db_setup, django_db_blocker):
    """The 46 departments of 附件1, each with a clerk and a published item, built once."""
    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        publisher = make_user("credit_publisher", role=Role.REVIEWER)
        world = {}
        for n, values in enumerate(DEPARTMENTS):
            department = Department.objects.create(sort_order=n, **{k: values[k] for k in FIELDS})
            clerk = make_user(f"clerk{n}", role=Role.EDITOR, departments=[department])
            item = undisclosed_item(clerk, department, publisher, name=f"{department.name}证明")
            world[department.name] = (department, clerk, item)
    yield world
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)


@pytest.mark.parametrize("name", NAMES)
def test_every_department_refuses_an_applicant_recorded_by_another(banner, db, name):
    department, clerk, item = banner[name]
    recorder_name = NAMES[(NAMES.index(name) + 1) % len(NAMES)]
    recorder, recorder_clerk, _ = banner[recorder_name]
    record = make_record(recorder_clerk, recorder, grade=Grade.GRAVE)

    with pytest.raises(ValidationError) as letter_refused:
        letter_register(user=clerk, item=item, fields=person(), disclose=False, today=TODAY)
    with pytest.raises(ValidationError) as form_refused:
        case_open(
            user=clerk,
            item=item,
            channel="in_person",
            received_on=D(2026, 11, 16),
            applicant_kind="person",
            applicant_id_number=PERSON_ID.lower(),
            today=TODAY,
        )

    expected = {"__all__": [refusal(recorder)]}
    assert letter_refused.value.message_dict == expected
    assert form_refused.value.message_dict == expected
    assert not CommitmentLetter.objects.filter(department=department).exists()
    assert not Case.objects.filter(department=department).exists()
    refusals = ExclusionRefusal.objects.filter(department=department, record=record)
    assert sorted(refusals.values_list("stage", flat=True)) == ["form", "letter"]
    assert all(r.user == clerk and r.subject_hash == record.id_hash for r in refusals)
    # another applicant is not affected
    letter = letter_register(
        user=clerk,
        item=item,
        fields=person(person_id_number=OTHER_PERSON_ID),
        disclose=False,
        today=TODAY,
    )
    assert letter.pk


@pytest.fixture
def two(banner, db):
    (_, clerk_a, item_a), (b, clerk_b, _) = banner[NAMES[0]], banner[NAMES[1]]
    return {"item": item_a, "clerk": clerk_a, "recorder": b, "recorder_clerk": clerk_b}


def _refused(two, fields=None) -> bool:
    try:
        letter_register(
            user=two["clerk"],
            item=two["item"],
            fields=fields or person(),
            disclose=False,
            today=TODAY,
        )
    except ValidationError as e:
        return "不适用告知承诺制" in str(e)
    return False


@pytest.mark.parametrize(
    "behaviour,grade,refused",
    [
        (Behaviour.FALSE_COMMITMENT, Grade.ORDINARY, True),
        (Behaviour.FALSE_COMMITMENT, Grade.GRAVE, True),
        (Behaviour.SERIOUSLY_UNTRUE, Grade.ORDINARY, False),
        (Behaviour.SERIOUSLY_UNTRUE, Grade.GRAVE, True),
        (Behaviour.UNFULFILLED, Grade.ORDINARY, False),
        (Behaviour.UNFULFILLED, Grade.SERIOUS, True),
    ],
)
def test_which_records_exclude(two, behaviour, grade, refused):
    make_record(two["recorder_clerk"], two["recorder"], behaviour=behaviour, grade=grade)
    assert _refused(two) is refused


@pytest.mark.parametrize(
    "state,refused",
    [
        (RecordState.VALID, True),
        (RecordState.OBJECTING, True),
        (RecordState.REPAIRING, True),
        (RecordState.REPAIR_REFUSED, True),
        (RecordState.REPAIRED, False),
        (RecordState.REVOKED, False),
        (RecordState.CORRECTED, True),
        (RecordState.EXPIRED, False),
    ],
)
def test_only_unrepaired_records_in_force_exclude(two, state, refused):
    record = make_record(two["recorder_clerk"], two["recorder"])
    record.state = state
    record.save(update_fields=["state"])
    assert _refused(two) is refused


def test_an_organisation_is_looked_up_by_its_credit_code(two):
    organisation_record(two["recorder_clerk"], two["recorder"])
    assert _refused(two, organisation(organisation_id_number=CREDIT_CODE.lower()))


def test_the_clerk_of_another_department_sees_the_sentence_and_nothing_more(client, two):
    from django.urls import reverse

    from ..letters.helpers import form_post

    record = make_record(two["recorder_clerk"], two["recorder"])
    client.force_login(two["clerk"])
    response = client.post(reverse("letter_register"), form_post(two["item"], person(), False))
    assert response.context["form"].non_field_errors() == [refusal(two["recorder"])]
    page = response.content.decode()
    for detail in (record.document_number, "虚假承诺", "较重", record.subject_name + "（"):
        assert detail not in page


@pytest.mark.parametrize(
    "behaviour,grade,corrected,refused",
    [
        # a false commitment excludes at any grade, also once corrected to 一般
        (Behaviour.FALSE_COMMITMENT, Grade.GRAVE, Grade.ORDINARY, True),
        (Behaviour.SERIOUSLY_UNTRUE, Grade.GRAVE, Grade.SERIOUS, True),
        (Behaviour.SERIOUSLY_UNTRUE, Grade.GRAVE, Grade.ORDINARY, False),
        (Behaviour.UNFULFILLED, Grade.ORDINARY, Grade.SERIOUS, True),
    ],
)
def test_a_corrected_record_excludes_by_its_corrected_grade(
    two, behaviour, grade, corrected, refused
):
    clerk = two["recorder_clerk"]
    record = make_record(clerk, two["recorder"], behaviour=behaviour, grade=grade)
    objection = objection_file(
        user=clerk,
        record=record,
        filed_with="department",
        received_on=D(2026, 11, 16),
        statement="认定程度过重。",
        files=[SimpleUploadedFile("说明.pdf", b"%PDF-1.4 y")],
        today=TODAY,
    )
    objection_decide(
        user=clerk,
        objection=objection,
        decision="corrected",
        reasons="经复核更正失信程度。",
        decided_on=D(2026, 11, 19),
        notified_on=D(2026, 11, 20),
        notified_how="当面送达",
        corrected_grade=corrected,
        today=TODAY,
    )
    record.refresh_from_db()
    assert (record.state, record.grade) == (RecordState.CORRECTED, corrected)
    assert _refused(two) is refused
