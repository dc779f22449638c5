"""Assistance requests (协助核查): never to one's own department; only the fields chosen are
shared; an answer or a written refusal with its reason; due in working days (default 5);
unanswered past due → the justice bureau's queue; only the two departments see the exchange."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from commitments.assistance.services import assistance_reply, assistance_request
from commitments.letters.services import letter_register
from commitments.models import AssistanceRequest, LetterAccessLog
from permissions.enums import Role

from ..factories import make_department, make_user
from ..letters.helpers import PERSON_ID, person
from .helpers import TODAY, D, make_world


@pytest.fixture
def world(db):
    world = make_world()
    world["third"] = make_department("丙局")
    world["users"]["author_c"] = make_user(
        "author_c", role=Role.EDITOR, departments=[world["third"]]
    )
    world["tasks"] = {}
    for relation, author in (("own", "author_a"), ("other", "author_b")):
        world["tasks"][relation] = letter_register(
            user=world["users"][author],
            item=world["items"][relation],
            fields=person(),
            disclose=False,
            today=TODAY,
        ).verification
    return world


def ask(world, relation="own", to=None, **kwargs):
    author = world["users"]["author_a" if relation == "own" else "author_b"]
    values = {
        "user": author,
        "task": world["tasks"][relation],
        "assisting_department": to or (world["other"] if relation == "own" else world["third"]),
        "question": "请核实申请人是否在贵单位登记的处罚名单中。",
        "fields": ["applicant", "id_number"],
        "sent_on": D(2026, 11, 17),
        "today": TODAY,
    }
    values.update(kwargs)
    return assistance_request(**values)


def test_a_request_to_ones_own_department_is_refused(world):
    with pytest.raises(ValidationError) as raised:
        ask(world, to=world["own"])
    assert raised.value.message_dict["assisting_department"] == [
        "不能向本单位发起协助核查请求，请选择其他单位。"
    ]
    assert not AssistanceRequest.objects.exists()


def test_the_answer_is_due_in_five_working_days_by_default_across_holidays(world):
    world["tasks"]["own"].letter.signed_on = D(2026, 9, 28)
    request = ask(world, sent_on=D(2026, 9, 30))
    # 10-1 to 10-7 National Day; 10-8, 10-9, Saturday 10-10 (make-up), 10-12, 10-13
    assert (request.answer_working_days, request.due_on) == (5, D(2026, 10, 13))
    assert ask(world, working_days=10).due_on == D(2026, 12, 1)


def test_only_the_chosen_fields_are_shared(world):
    request = ask(world, fields=["id_number"])
    assert request.shared_data == {"申请人证件号码": PERSON_ID}


def test_a_refusal_needs_its_reason_and_an_answer_its_finding(world):
    request = ask(world)
    clerk_b = world["users"]["author_b"]
    with pytest.raises(ValidationError) as raised:
        assistance_reply(user=clerk_b, request=request, kind="refusal", text="", today=TODAY)
    assert raised.value.message_dict["text"] == ["不能协助的，应书面告知并说明理由：请填写理由。"]
    with pytest.raises(ValidationError) as raised:
        assistance_reply(user=clerk_b, request=request, kind="answer", text="已查", today=TODAY)
    assert raised.value.message_dict["finding"] == ["请选择核查结果。"]
    reply = assistance_reply(
        user=clerk_b, request=request, kind="refusal", text="本单位不掌握该类数据。", today=TODAY
    )
    with pytest.raises(ValidationError):
        assistance_reply(
            user=clerk_b, request=request, kind="answer", finding="true", text="x", today=TODAY
        )
    corrected = assistance_reply(
        user=clerk_b,
        request=request,
        kind="answer",
        finding="true",
        text="经查无处罚记录。",
        corrects=reply,
        today=TODAY,
    )
    assert request.current_reply == corrected and list(request.replies.all()) == [reply, corrected]


def test_a_corrected_reply_stays_visible_as_corrected_to_both_departments(world, client):
    request = ask(world)
    clerk_b = world["users"]["author_b"]
    reply = assistance_reply(
        user=clerk_b, request=request, kind="refusal", text="本单位不掌握该类数据。", today=TODAY
    )
    assistance_reply(
        user=clerk_b,
        request=request,
        kind="answer",
        finding="true",
        text="经查无处罚记录。",
        corrects=reply,
        today=TODAY,
    )
    for user in (world["users"]["editor"], clerk_b):
        client.force_login(user)
        html = client.get(reverse("assistance_detail", args=[request.pk])).content.decode()
        assert "本单位不掌握该类数据。" in html and "（已被更正）" in html
        assert "经查无处罚记录。" in html and "（更正上一次答复）" in html


def test_the_assisting_departments_views_of_shared_data_are_logged(world, client):
    request = ask(world)
    client.force_login(world["users"]["author_b"])
    html = client.get(reverse("assistance_detail", args=[request.pk])).content.decode()
    assert PERSON_ID in html
    log = LetterAccessLog.objects.get(letter=request.task.letter)
    assert (log.user.username, log.purpose) == ("author_b", "查看协助核查请求（乙局协助）")


def test_unanswered_past_due_goes_to_the_justice_bureau_without_its_content(world, client):
    world["tasks"]["own"].letter.signed_on = D(2026, 11, 9)
    request = ask(world, sent_on=D(2026, 11, 10))  # due 11-17
    assert list(AssistanceRequest.objects.overdue(TODAY)) == [request]
    client.force_login(world["users"]["reviewer"])
    html = client.get(reverse("assistance_list")).content.decode()
    queue = html[html.index("司法局督办") :]
    assert "<td>甲局</td><td>乙局</td><td>2026-11-10</td><td>2026-11-17</td>" in queue
    assert "处罚名单" not in html and PERSON_ID not in html


ACTIONS = ["list", "open", "send", "reply"]
T, F = True, False
NOTHING = dict.fromkeys(ACTIONS, (F, F))
EXPECTED = {
    "editor": dict.fromkeys(ACTIONS, (T, F)),
    "leader": {"list": (T, F), "open": (T, F), "send": (F, F), "reply": (F, F)},
    "reviewer": NOTHING,
    "supervisor": NOTHING,
    "administrator": NOTHING,
    "security_admin": NOTHING,
    "auditor": NOTHING,
}


def attempt(action, client, world, relation):
    # own: department A is a party (A asks B; B asks A for the reply); other: B asks C
    request = world["requests"][relation]
    detail = reverse("assistance_detail", args=[request.pk])
    if action == "list":
        return f'href="{detail}"' in client.get(reverse("assistance_list")).content.decode()
    if action == "open":
        return "处罚名单" in client.get(detail).content.decode()
    if action == "send":
        task = world["tasks"][relation]
        before = AssistanceRequest.objects.filter(task=task).count()
        client.post(
            reverse("assistance_new", args=[task.pk]),
            {"assisting_department": world["third"].pk, "question": "请协助", "working_days": "5"},
        )
        return AssistanceRequest.objects.filter(task=task).count() == before + 1
    if action == "reply":
        target = world["replies"][relation]
        client.post(
            reverse("assistance_detail", args=[target.pk]),
            {"kind": "answer", "finding": "true", "text": "经查属实。", "replied_on": "2026-11-19"},
        )
        return target.replies.exists()
    raise AssertionError(action)


@pytest.mark.parametrize("role", list(EXPECTED))
def test_role_assistance_action_department_matrix(client, world, role):
    world["requests"] = {"own": ask(world), "other": ask(world, "other")}
    world["replies"] = {
        "own": ask(world, "other", to=world["own"]),
        "other": ask(world, "other"),
    }
    client.force_login(world["users"][role])
    outcome = {
        action: tuple(attempt(action, client, world, r) for r in ("own", "other"))
        for action in ACTIONS
    }
    assert outcome == EXPECTED[role]


def test_choosing_ones_own_department_is_refused_at_the_field(world, client):
    client.force_login(world["users"]["editor"])
    task = world["tasks"]["own"]
    response = client.post(
        reverse("assistance_new", args=[task.pk]),
        {"assisting_department": world["own"].pk, "question": "请协助", "working_days": "5"},
    )
    assert response.context["form"].errors["assisting_department"] == [
        "不能向本单位发起协助核查请求，请选择其他单位。"
    ]
    assert not AssistanceRequest.objects.exists()


def test_an_overdue_request_is_reminded_to_the_assisting_department_once(world):
    world["tasks"]["own"].letter.signed_on = D(2026, 11, 9)
    request = ask(world, sent_on=D(2026, 11, 10))
    clerk_b = world["users"]["author_b"]
    clerk_b.email = "b@example.gov.cn"
    clerk_b.save()
    call_command("send_casework_reminders", "--date", "2026-11-20", stdout=None)
    call_command("send_casework_reminders", "--date", "2026-11-20", stdout=None)
    to_b = [m for m in mail.outbox if m.to == ["b@example.gov.cn"]]
    assert len(to_b) == 1
    assert f"协助核查请求{request.pk}（甲局请求）应于2026-11-17前答复，逾期未答复" in to_b[0].body
