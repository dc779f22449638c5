"""Every role × every letter action × a letter of the user's own department and of another
one ("own" is department A, "other" department B); the working-day calendar has no department,
so both columns agree."""

import datetime

import pytest
from django.core.exceptions import PermissionDenied
from django.urls import reverse

from commitments.letters.services import letter_register
from commitments.models import HolidayYear
from commitments.workdays.calendar import built_in_years
from permissions.enums import Role

from ..factories import make_department, make_user
from .helpers import PERSON_ID, TODAY, disclosed_item, person

ACTIONS = ["list", "open", "see_personal_data", "register", "withdraw", "enter_holidays"]
T, F = True, False
EXPECTED = {
    "editor": {
        "list": (T, F),
        "open": (T, F),
        "see_personal_data": (T, F),
        "register": (T, F),
        "withdraw": (T, F),
        "enter_holidays": (F, F),
    },
    "leader": {
        "list": (T, F),
        "open": (T, F),
        "see_personal_data": (T, F),
        "register": (F, F),
        "withdraw": (F, F),
        "enter_holidays": (F, F),
    },
    "reviewer": {**dict.fromkeys(ACTIONS, (F, F)), "list": (T, T), "open": (T, T)},
    "supervisor": {**dict.fromkeys(ACTIONS, (F, F)), "list": (T, T), "open": (T, T)},
    "administrator": {**dict.fromkeys(ACTIONS, (F, F)), "enter_holidays": (T, T)},
}


@pytest.fixture
def world(db):
    dept_a, dept_b = make_department("甲局"), make_department("乙局")
    users = {
        "editor": make_user("editor", role=Role.EDITOR, departments=[dept_a]),
        "leader": make_user("leader", role=Role.LEADER, departments=[dept_a]),
        "reviewer": make_user("reviewer", role=Role.REVIEWER),
        "supervisor": make_user("supervisor", role=Role.SUPERVISOR),
        "administrator": make_user("administrator", role=Role.ADMINISTRATOR),
        "author_a": make_user("author_a", role=Role.EDITOR, departments=[dept_a]),
        "author_b": make_user("author_b", role=Role.EDITOR, departments=[dept_b]),
    }
    reviewer = make_user("other_reviewer", role=Role.REVIEWER)
    world = {"own": dept_a, "other": dept_b, "users": users, "items": {}, "letters": {}}
    for relation, author in (("own", "author_a"), ("other", "author_b")):
        item = disclosed_item(users[author], world[relation], reviewer)
        world["items"][relation] = item
        world["letters"][relation] = letter_register(
            user=users[author], item=item, fields=person(), disclose=True, today=TODAY
        )
    return world


def attempt(action, client, user, world, relation) -> bool:
    letter = world["letters"][relation]
    detail = reverse("letter_admin_detail", args=[letter.pk])
    if action == "list":
        html = client.get(reverse("letters_admin")).content.decode()
        return f'href="{detail}"' in html
    if action == "open":
        return client.get(detail).status_code == 200
    if action == "see_personal_data":
        return PERSON_ID in client.get(detail).content.decode()
    if action == "register":
        try:
            letter_register(
                user=user,
                item=world["items"][relation],
                fields=person(),
                disclose=True,
                today=TODAY,
            )
        except PermissionDenied:
            return False
        return True
    if action == "withdraw":
        url = reverse("letter_admin_withdraw", args=[letter.pk])
        client.post(url, {"withdrawn_on": "2026-11-20", "reason": "申请人撤回"})
        letter.refresh_from_db()
        return letter.withdrawn_on == datetime.date(2026, 11, 20)
    if action == "enter_holidays":
        year = built_in_years()[-1] + 1
        HolidayYear.objects.filter(year=year).delete()
        client.post(
            reverse("holiday_year_add"),
            {"year": str(year), "notice": "通知", "holidays": f"{year}-01-01 元旦"},
        )
        return HolidayYear.objects.filter(year=year).exists()
    raise AssertionError(action)


@pytest.mark.parametrize("role", list(EXPECTED))
def test_role_letter_action_department_matrix(client, world, role):
    user = world["users"][role]
    client.force_login(user)
    outcome = {
        action: tuple(attempt(action, client, user, world, r) for r in ("own", "other"))
        for action in ACTIONS
    }
    assert outcome == EXPECTED[role]


def test_matrix_covers_every_role_and_action():
    assert all(set(actions) == set(ACTIONS) for actions in EXPECTED.values())
