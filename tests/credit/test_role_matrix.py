"""Every role × every credit action × a record of the user's own department and of another
one, through the admin pages under /admin/credit/."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from credit.enums import Grade, RecordState
from credit.models import CreditRecord
from credit.objections import objection_file, repair_apply

from ..cases.helpers import make_world
from ..letters.helpers import PERSON_ID
from .helpers import D, make_record, rule

ACTIONS = [
    "list",
    "open",
    "create",
    "object_department",
    "object_bureau",
    "decide_department",
    "decide_bureau",
    "repair",
    "decide_repair",
]
T, F = True, False
NOTHING = dict.fromkeys(ACTIONS, (F, F))
READ = {a: ((T, T) if a in ("list", "open") else (F, F)) for a in ACTIONS}
EXPECTED = {
    "editor": {
        **dict.fromkeys(ACTIONS, (T, F)),
        "object_bureau": (F, F),
        "decide_bureau": (F, F),
    },
    "leader": {a: ((T, F) if a in ("list", "open") else (F, F)) for a in ACTIONS},
    "reviewer": {**READ, "object_bureau": (T, T), "decide_bureau": (T, T)},
    "supervisor": READ,
    "administrator": NOTHING,
    "security_admin": NOTHING,
    "auditor": NOTHING,
}
PDF = b"%PDF-1.4 x"


@pytest.fixture
def world(db):
    world = make_world()
    world["records"] = {}
    for relation, author in (("own", "author_a"), ("other", "author_b")):
        user, department = world["users"][author], world[relation]

        def record(user=user, department=department):
            return make_record(user, department, grade=Grade.ORDINARY, decided_on=D(2026, 8, 3))

        records = {name: record() for name in ("plain", "object_department", "repair")}
        records["object_bureau"] = record()
        dept_objection = record()
        objection_file(
            user=user,
            record=dept_objection,
            filed_with="department",
            received_on=D(2026, 11, 16),
            statement="异议。",
        )
        records["decide_department"] = dept_objection
        bureau_objection = record()
        objection_file(
            user=world["users"]["reviewer"],
            record=bureau_objection,
            filed_with="bureau",
            received_on=D(2026, 11, 16),
            statement="异议。",
        )
        records["decide_bureau"] = bureau_objection
        repairing = record()
        repair_apply(
            user=user,
            record=repairing,
            applied_on=D(2026, 11, 5),
            statement="已整改。",
            rectified=True,
            files=[SimpleUploadedFile("a.pdf", PDF)],
        )
        records["decide_repair"] = repairing
        world["records"][relation] = records
    return world


def _state(record):
    record.refresh_from_db()
    return record.state


def attempt(action, client, world, relation) -> bool:
    records = world["records"][relation]
    plain = records["plain"]
    detail = reverse("credit_detail", args=[plain.pk])
    if action == "list":
        return f'href="{detail}"' in client.get(reverse("credit_list")).content.decode()
    if action == "open":
        response = client.get(detail)
        return response.status_code == 200 and plain.document_number in response.content.decode()
    if action == "create":
        before = CreditRecord.objects.count()
        client.post(
            reverse("credit_new"),
            {
                "department": world[relation].pk,
                "subject_kind": "person",
                "subject_name": "李四",
                "id_number": PERSON_ID,
                "behaviour": "false_commitment",
                "rule": rule().pk,
                "decided_on": "2026-11-18",
                "document_number": "阿右司信决字〔2026〕9号",
            },
        )
        return CreditRecord.objects.count() == before + 1
    if action in ("object_department", "object_bureau"):
        record = records[action]
        client.post(
            reverse("credit_action", args=[record.pk, "objection"]),
            {
                "filed_with": action.removeprefix("object_"),
                "received_on": "2026-11-17",
                "statement": "不服。",
            },
        )
        return _state(record) == RecordState.OBJECTING
    if action in ("decide_department", "decide_bureau"):
        record = records[action]
        client.post(
            reverse("credit_action", args=[record.pk, "objection-decision"]),
            {
                "objection": record.objections.get().pk,
                "decision": "revoked",
                "reasons": "认定事实不清。",
                "decided_on": "2026-11-18",
                "notified_on": "2026-11-19",
                "notified_how": "邮寄",
            },
        )
        return _state(record) == RecordState.REVOKED
    if action == "repair":
        record = records["repair"]
        client.post(
            reverse("credit_action", args=[record.pk, "repair"]),
            {
                "applied_on": "2026-11-10",
                "rectified": "on",
                "statement": "已整改。",
                "files": [SimpleUploadedFile("b.pdf", PDF)],
            },
        )
        return _state(record) == RecordState.REPAIRING
    if action == "decide_repair":
        record = records["decide_repair"]
        client.post(
            reverse("credit_action", args=[record.pk, "repair-decision"]),
            {
                "repair": record.repairs.get().pk,
                "decision": "passed",
                "reasons": "材料齐全。",
                "decided_on": "2026-11-18",
            },
        )
        return _state(record) == RecordState.REPAIRED
    raise AssertionError(action)


@pytest.mark.parametrize("role", list(EXPECTED))
def test_role_credit_action_department_matrix(client, world, role):
    client.force_login(world["users"][role])
    outcome = {
        action: tuple(attempt(action, client, world, r) for r in ("own", "other"))
        for action in ACTIONS
    }
    assert outcome == EXPECTED[role]


def test_another_departments_reviewer_sees_the_identity_number_masked(client, world):
    record = world["records"]["own"]["plain"]
    client.force_login(world["users"]["reviewer"])
    page = client.get(reverse("credit_detail", args=[record.pk])).content.decode()
    assert PERSON_ID not in page and "15**************07" in page
    client.force_login(world["users"]["editor"])
    assert PERSON_ID in client.get(reverse("credit_detail", args=[record.pk])).content.decode()
