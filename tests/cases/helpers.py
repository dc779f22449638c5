"""Two departments with a published item each, the roles, and cases for tests of the
casework. "own" is department A (the editor's and the leader's), "other" department B."""

import datetime

from commitments.cases.services import case_link_letter, case_open
from commitments.letters.services import letter_register
from permissions.enums import Role

from ..factories import make_department, make_user
from ..letters.helpers import person, undisclosed_item

D = datetime.date
TODAY = D(2026, 11, 20)  # a Friday


def make_world():
    dept_a, dept_b = make_department("甲局"), make_department("乙局")
    users = {
        "editor": make_user("editor", role=Role.EDITOR, departments=[dept_a]),
        "leader": make_user("leader", role=Role.LEADER, departments=[dept_a]),
        "reviewer": make_user("reviewer", role=Role.REVIEWER),
        "supervisor": make_user("supervisor", role=Role.SUPERVISOR),
        "administrator": make_user("administrator", role=Role.ADMINISTRATOR),
        "security_admin": make_user("security_admin", role=Role.SECURITY_ADMIN),
        "auditor": make_user("auditor", role=Role.AUDITOR),
        "author_a": make_user("author_a", role=Role.EDITOR, departments=[dept_a]),
        "author_b": make_user("author_b", role=Role.EDITOR, departments=[dept_b]),
    }
    publisher = make_user("publisher", role=Role.REVIEWER)
    world = {"own": dept_a, "other": dept_b, "users": users, "items": {}}
    for relation, author in (("own", "author_a"), ("other", "author_b")):
        world["items"][relation] = undisclosed_item(
            users[author], world[relation], publisher, name=f"{world[relation].name}无犯罪记录证明"
        )
    return world


def open_case(user, item, channel="in_person", received_on=None, **kwargs):
    received_on = received_on or D(2026, 11, 16)
    return case_open(
        user=user, item=item, channel=channel, received_on=received_on, today=TODAY, **kwargs
    )


def returned_case(user, item, received_on=None, signed_on=None):
    """An in-person case whose signed letter came back and is linked."""
    received_on, signed_on = received_on or D(2026, 11, 16), signed_on or D(2026, 11, 17)
    case = open_case(user, item, received_on=received_on)
    letter = letter_register(
        user=user,
        item=item,
        fields=person(received_on=received_on, signed_on=signed_on),
        disclose=False,
        today=TODAY,
    )
    return case_link_letter(user=user, case=case, letter=letter, today=TODAY)
