"""Every role × every case action × a case of the user's own department and of another one
("own" is department A, "other" department B), through the admin pages."""

import pytest
from django.urls import reverse

from commitments.cases.services import case_conclude, case_withdraw
from commitments.letters.services import letter_register
from commitments.models import Case, CaseCorrection, ChoiceEntry, ReturnDeadline

from ..letters.helpers import person
from .helpers import TODAY, D, make_world, open_case

ACTIONS = [
    "list",
    "open",
    "see_figures",
    "open_case",
    "form_given",
    "link_letter",
    "withdraw",
    "conclude",
    "correct_conclusion",
    "correct_withdrawal",
    "record_choice",
    "set_deadline",
]
READS = {"list", "open", "see_figures"}
T, F = True, False
NOTHING = dict.fromkeys(ACTIONS, (F, F))
EXPECTED = {
    "editor": dict.fromkeys(ACTIONS, (T, F)),
    "leader": {a: ((T, F) if a in READS else (F, F)) for a in ACTIONS},
    "reviewer": {a: ((T, T) if a in READS else (F, F)) for a in ACTIONS},
    "supervisor": {a: ((T, T) if a in READS else (F, F)) for a in ACTIONS},
    "administrator": NOTHING,
    "security_admin": NOTHING,
    "auditor": NOTHING,
}


@pytest.fixture
def world(db):
    world = make_world()
    world["cases"] = {
        r: open_case(world["users"][a], world["items"][r], reference=f"{r}-案卷")
        for r, a in (("own", "author_a"), ("other", "author_b"))
    }
    return world


def _author(world, relation):
    return world["users"]["author_a" if relation == "own" else "author_b"]


def _post(client, case, action, data):
    return client.post(reverse("case_admin_action", args=[case.pk, action]), data)


def attempt(action, client, world, relation) -> bool:
    case, item = world["cases"][relation], world["items"][relation]
    author = _author(world, relation)
    detail = reverse("case_admin_detail", args=[case.pk])
    if action == "list":
        return f'href="{detail}"' in client.get(reverse("cases_admin")).content.decode()
    if action == "open":
        response = client.get(detail)
        return response.status_code == 200 and f"{relation}-案卷" in response.content.decode()
    if action == "see_figures":
        html = client.get(reverse("case_choices"), {"year": "2026"}).content.decode()
        return f"<td>{item.name}</td>" in html
    if action == "open_case":
        before = Case.objects.filter(item=item).count()
        client.post(
            reverse("case_open"),
            {"item": item.pk, "channel": "in_person", "received_on": "2026-11-18"},
        )
        return Case.objects.filter(item=item).count() == before + 1
    if action == "form_given":
        fresh = open_case(author, item, channel="fax")
        _post(client, fresh, "form-given", {"given_on": "2026-11-17"})
        fresh.refresh_from_db()
        return fresh.form_given_on == D(2026, 11, 17)
    if action == "link_letter":
        fresh = open_case(author, item)
        letter = letter_register(
            user=author, item=item, fields=person(), disclose=False, today=TODAY
        )
        _post(client, fresh, "link-letter", {"letter": letter.pk})
        fresh.refresh_from_db()
        return fresh.letter_id == letter.pk
    if action == "withdraw":
        fresh = open_case(author, item)
        _post(client, fresh, "withdraw", {"withdrawn_on": "2026-11-18", "reason": "申请人撤回"})
        fresh.refresh_from_db()
        return fresh.withdrawn_on == D(2026, 11, 18)
    if action == "conclude":
        fresh = open_case(author, item)
        _post(client, fresh, "conclude", {"concluded_on": "2026-11-19", "outcome": "terminated"})
        fresh.refresh_from_db()
        return fresh.concluded_on == D(2026, 11, 19)
    if action == "correct_conclusion":
        fresh = case_conclude(
            user=author,
            case=open_case(author, item),
            concluded_on=D(2026, 11, 18),
            outcome="refused",
            today=TODAY,
        )
        _post(
            client,
            fresh,
            "correct-conclusion",
            {
                "concluded_on": "2026-11-19",
                "outcome": "terminated",
                "correction_reason": "办结日期和结果录入错误",
            },
        )
        fresh.refresh_from_db()
        corrected = fresh.outcome == "terminated"
        assert corrected == CaseCorrection.objects.filter(case=fresh).exists()
        return corrected
    if action == "correct_withdrawal":
        fresh = case_withdraw(
            user=author,
            case=open_case(author, item),
            withdrawn_on=D(2026, 11, 17),
            reason="申请人撤回",
            today=TODAY,
        )
        _post(
            client,
            fresh,
            "correct-withdrawal",
            {
                "withdrawn_on": "2026-11-18",
                "withdrawal_reason": "申请人撤回",
                "correction_reason": "撤回日期录入错误",
            },
        )
        fresh.refresh_from_db()
        return fresh.withdrawn_on == D(2026, 11, 18)
    if action == "record_choice":
        before = ChoiceEntry.objects.filter(item=item).count()
        client.post(
            reverse("case_choices"),
            {"item": item.pk, "month": "2026-10", "choice": "certificate", "count": "3"},
        )
        return ChoiceEntry.objects.filter(item=item).count() == before + 1
    if action == "set_deadline":
        department = world[relation]
        client.post(
            f"{reverse('case_deadlines')}?department={department.pk}", {"working_days": "7"}
        )
        return ReturnDeadline.objects.filter(department=department, working_days=7).exists()
    raise AssertionError(action)


@pytest.mark.parametrize("role", list(EXPECTED))
def test_role_case_action_department_matrix(client, world, role):
    client.force_login(world["users"][role])
    outcome = {
        action: tuple(attempt(action, client, world, r) for r in ("own", "other"))
        for action in ACTIONS
    }
    assert outcome == EXPECTED[role]


def test_matrix_covers_every_role_and_action():
    assert all(set(actions) == set(ACTIONS) for actions in EXPECTED.values())
