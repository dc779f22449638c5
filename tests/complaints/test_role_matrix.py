"""Every role × every complaint action × a complaint handled by the user's own department and
by another one ("own" is department A, "other" department B)."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from complaints.attachments import clean_attachment
from complaints.enums import AnswerChannel, ComplaintStatus
from complaints.services import complaint_record_investigation
from permissions.enums import Role
from tests.factories import make_department, make_user

from .helpers import file_complaint, png_bytes

ACTIONS = [
    "list",
    "open",
    "see_contact",
    "see_attachment",
    "investigate",
    "conclude",
    "reject",
    "transfer",
]
T, F = True, False
HANDLER = dict.fromkeys(ACTIONS, (T, F))
EXPECTED = {
    "editor": HANDLER,
    "leader": {
        **HANDLER,
        **dict.fromkeys(("investigate", "conclude", "reject", "transfer"), (F, F)),
    },
    "reviewer": {
        **dict.fromkeys(ACTIONS, (F, F)),
        "list": (T, T),
        "open": (T, T),
        "transfer": (T, T),
    },
    "supervisor": {**dict.fromkeys(ACTIONS, (F, F)), "list": (T, T), "open": (T, T)},
    "administrator": dict.fromkeys(ACTIONS, (F, F)),
}
NOW = datetime.datetime(2026, 11, 16, 9, 0, tzinfo=datetime.UTC)
TODAY = datetime.date(2026, 11, 17)


@pytest.fixture
def world(db):
    dept_a, dept_b, dept_c = (
        make_department("甲局"),
        make_department("乙局"),
        make_department("丙局"),
    )
    users = {
        "editor": make_user("editor", role=Role.EDITOR, departments=[dept_a]),
        "leader": make_user("leader", role=Role.LEADER, departments=[dept_a]),
        "reviewer": make_user("reviewer", role=Role.REVIEWER),
        "supervisor": make_user("supervisor", role=Role.SUPERVISOR),
        "administrator": make_user("administrator", role=Role.ADMINISTRATOR),
    }
    authors = {
        "own": make_user("author_a", role=Role.EDITOR, departments=[dept_a]),
        "other": make_user("author_b", role=Role.EDITOR, departments=[dept_b]),
    }
    world = {"users": users, "third": dept_c, "complaints": {}}
    for relation, department in (("own", dept_a), ("other", dept_b)):
        made = {}
        for purpose in ("base", "investigate", "conclude", "reject", "transfer"):
            upload = SimpleUploadedFile("a.png", png_bytes(), content_type="image/png")
            made[purpose], _ = file_complaint(
                department,
                now=NOW,
                attachments=[clean_attachment(upload)],
                contact_phone="13912345678",
                description=f"{purpose}：窗口要求提供已取消的证明。",
            )
        complaint_record_investigation(
            user=authors[relation],
            complaint=made["conclude"],
            investigation="调取窗口记录核实。",
            finding="情况属实。",
        )
        world["complaints"][relation] = made
    return world


def attempt(action, client, world, relation) -> bool:
    made = world["complaints"][relation]
    base = made["base"]
    detail = reverse("complaint_admin_detail", args=[base.pk])
    if action == "list":
        return f'href="{detail}"' in client.get(reverse("complaints_admin")).content.decode()
    if action == "open":
        response = client.get(detail)
        return response.status_code == 200 and base.number in response.content.decode()
    if action == "see_contact":
        return "13912345678" in client.get(detail).content.decode()
    if action == "see_attachment":
        attachment = base.attachments.get()
        url = reverse("complaint_admin_attachment", args=[base.pk, attachment.pk])
        return client.get(url).status_code == 200
    if action == "investigate":
        complaint = made["investigate"]
        client.post(
            reverse("complaint_admin_investigate", args=[complaint.pk]),
            {"investigation": "约谈窗口人员。", "finding": "", "measures": ""},
        )
        complaint.refresh_from_db()
        return complaint.status == ComplaintStatus.INVESTIGATING
    if action == "conclude":
        complaint = made["conclude"]
        client.post(
            reverse("complaint_admin_conclude", args=[complaint.pk]),
            {
                "answer": "已责令窗口改正。",
                "answered_on": TODAY.isoformat(),
                "channel": AnswerChannel.PHONE,
            },
        )
        complaint.refresh_from_db()
        return complaint.status == ComplaintStatus.CONCLUDED
    if action == "reject":
        complaint = made["reject"]
        client.post(
            reverse("complaint_admin_reject", args=[complaint.pk]),
            {
                "reason": "不属于证明事项。",
                "answered_on": TODAY.isoformat(),
                "channel": AnswerChannel.PHONE,
            },
        )
        complaint.refresh_from_db()
        return complaint.status == ComplaintStatus.REJECTED
    if action == "transfer":
        complaint = made["transfer"]
        client.post(
            reverse("complaint_admin_transfer", args=[complaint.pk]),
            {"to_department": world["third"].pk, "reason": "属丙局职责。"},
        )
        complaint.refresh_from_db()
        return complaint.department_id == world["third"].pk
    raise AssertionError(action)


@pytest.mark.parametrize("role", list(EXPECTED))
def test_role_complaint_action_department_matrix(client, world, role):
    client.force_login(world["users"][role])
    outcome = {
        action: tuple(attempt(action, client, world, r) for r in ("own", "other"))
        for action in ACTIONS
    }
    assert outcome == EXPECTED[role]


def test_matrix_covers_every_role_and_action():
    assert all(set(actions) == set(ACTIONS) for actions in EXPECTED.values())
