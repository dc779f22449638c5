"""Every role × every verification action × a letter of the user's own department and of
another one, through the admin pages; and an upload refused at its field."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from commitments.letters.services import letter_register
from commitments.verification.services import verification_record

from ..letters.helpers import person
from .helpers import TODAY, D, make_world

ACTIONS = ["list", "open", "assign", "record", "evidence"]
READS = {"list", "open"}
T, F = True, False
NOTHING = dict.fromkeys(ACTIONS, (F, F))
EXPECTED = {
    "editor": dict.fromkeys(ACTIONS, (T, F)),
    "leader": {
        "list": (T, F),
        "open": (T, F),
        "assign": (F, F),
        "record": (F, F),
        "evidence": (T, F),
    },
    "reviewer": {a: ((T, T) if a in READS else (F, F)) for a in ACTIONS},
    "supervisor": {a: ((T, T) if a in READS else (F, F)) for a in ACTIONS},
    "administrator": NOTHING,
    "security_admin": NOTHING,
    "auditor": NOTHING,
}


@pytest.fixture
def world(db):
    world = make_world()
    world["tasks"], world["evidence"] = {}, {}
    for relation, author in (("own", "author_a"), ("other", "author_b")):
        user = world["users"][author]
        letter = letter_register(
            user=user, item=world["items"][relation], fields=person(), disclose=False, today=TODAY
        )
        evidence_task = letter_register(
            user=user, item=world["items"][relation], fields=person(), disclose=False, today=TODAY
        ).verification
        result = verification_record(
            user=user,
            task=evidence_task,
            checked_by=user,
            checked_on=D(2026, 11, 18),
            source="政务数据共享平台",
            finding="true",
            reason="一致。",
            files=[SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")],
            today=TODAY,
        )
        world["tasks"][relation] = letter.verification
        world["evidence"][relation] = result.evidence.get()
    return world


def attempt(action, client, world, relation) -> bool:
    task = world["tasks"][relation]
    detail = reverse("verification_detail", args=[task.pk])
    author = world["users"]["author_a" if relation == "own" else "author_b"]
    if action == "list":
        return f'href="{detail}"' in client.get(reverse("verification_list")).content.decode()
    if action == "open":
        response = client.get(detail)
        return response.status_code == 200 and task.letter.number_label in response.content.decode()
    if action == "assign":
        client.post(reverse("verification_assign", args=[task.pk]), {"assignee": author.pk})
        task.refresh_from_db()
        return task.assigned_to_id == author.pk
    if action == "record":
        client.post(
            reverse("verification_record", args=[task.pk]),
            {
                "checked_by": author.pk,
                "checked_on": "2026-11-19",
                "source": "全国律师管理系统",
                "finding": "unverifiable",
                "reason": "系统暂无记录。",
            },
        )
        return task.results.filter(finding="unverifiable").exists()
    if action == "evidence":
        url = reverse("verification_evidence", args=[world["evidence"][relation].pk])
        return client.get(url).get("Content-Type") == "application/pdf"
    raise AssertionError(action)


@pytest.mark.parametrize("role", list(EXPECTED))
def test_role_verification_action_department_matrix(client, world, role):
    client.force_login(world["users"][role])
    outcome = {
        action: tuple(attempt(action, client, world, r) for r in ("own", "other"))
        for action in ACTIONS
    }
    assert outcome == EXPECTED[role]


def test_an_upload_that_is_not_pdf_or_image_is_refused_at_its_field(client, world):
    task = world["tasks"]["own"]
    client.force_login(world["users"]["editor"])
    response = client.post(
        reverse("verification_record", args=[task.pk]),
        {
            "checked_by": world["users"]["editor"].pk,
            "checked_on": "2026-11-19",
            "source": "现场：巴丹吉林镇某律师事务所",
            "finding": "true",
            "reason": "现场核对执业证原件。",
            "files": [SimpleUploadedFile("x.exe", b"MZ\x90\x00")],
        },
    )
    assert response.context["result_form"].errors["files"] == [
        "“x.exe”不是PDF或图片（JPG、PNG）文件，不能作为核查证据上传。"
    ]
    assert not task.results.exists()
