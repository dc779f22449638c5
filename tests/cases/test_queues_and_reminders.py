"""The clerk's dashboard queues, the justice bureau's overdue counts per department, and the
daily reminder e-mails (idempotent: a second run sends nothing)."""

import pytest
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from commitments.dashboard.queues import clerk_queues, overdue_by_department
from commitments.letters.services import letter_register
from commitments.verification.services import verification_assign

from ..letters.helpers import person
from .helpers import TODAY, D, make_world, open_case, returned_case


@pytest.fixture
def world(db):
    world = make_world()
    a, b = world["users"]["author_a"], world["users"]["author_b"]
    item_a, item_b = world["items"]["own"], world["items"]["other"]
    world["form_due_today"] = open_case(a, item_a, channel="post", received_on=D(2026, 11, 17))
    world["form_overdue"] = open_case(a, item_a, channel="fax", received_on=D(2026, 11, 12))
    world["return_overdue"] = open_case(a, item_a, received_on=D(2026, 11, 2))
    world["awaiting_return"] = open_case(a, item_a, received_on=D(2026, 11, 16))
    world["returned"] = returned_case(a, item_a)  # letter signed 11-17: check due 11-24
    world["task_overdue"] = letter_register(
        user=a,
        item=item_a,
        fields=person(received_on=D(2026, 11, 10), signed_on=D(2026, 11, 10)),
        disclose=False,
        today=TODAY,
    ).verification  # due 11-17
    world["other_overdue"] = open_case(b, item_b, received_on=D(2026, 11, 2))
    for user in (a, world["users"]["editor"]):
        user.email = f"{user.username}@example.gov.cn"
        user.save()
    return world


def test_the_clerks_queues_hold_their_departments_work_only(world):
    queues = {q.key: [r.pk for r in q.rows] for q in clerk_queues([world["own"].pk], TODAY)}
    assert queues == {
        "forms_due_today": [world["form_due_today"].pk],
        "forms_overdue": [world["form_overdue"].pk],
        "awaiting_return": [world["awaiting_return"].pk],
        "return_overdue": [world["return_overdue"].pk],
        "verification_due": [world["returned"].letter.verification.pk],
        "verification_overdue": [world["task_overdue"].pk],
        "assistance_received": [],
        "assistance_sent": [],
        "awaiting_conclusion": [world["returned"].pk],
    }


def test_the_justice_bureau_sees_overdue_counts_of_every_department(world):
    rows = [
        (r["department"].name, r["forms"], r["returns"], r["verifications"], r["assistance"])
        for r in overdue_by_department(TODAY)
    ]
    assert rows == [("甲局", 1, 1, 1, 0), ("乙局", 0, 1, 0, 0)]


@pytest.fixture
def on_today(monkeypatch):
    monkeypatch.setattr("django.utils.timezone.localdate", lambda *a, **k: TODAY)


def _panel(html, panel_id):
    if f'id="{panel_id}"' not in html:
        return None
    start = html.index(f'id="{panel_id}"')
    return html[start : html.index("</section>", start)]


@pytest.mark.parametrize(
    ("role", "sees_queues", "sees_departments"),
    [
        ("editor", True, False),
        ("leader", True, False),
        ("reviewer", False, True),
        ("supervisor", False, True),
        ("administrator", False, False),
        ("author_b", True, False),
    ],
)
def test_dashboard_panels_by_role(client, world, on_today, role, sees_queues, sees_departments):
    client.force_login(world["users"][role])
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    queues = _panel(html, "panel-casework")
    departments = _panel(html, "panel-casework-overdue")
    assert (queues is not None, departments is not None) == (sees_queues, sees_departments)
    if role in ("editor", "leader"):
        assert world["return_overdue"].label in queues
        assert "逾期未递交的承诺书</a></td>\n        <td><strong>1</strong>" in queues
    if role == "author_b":
        assert world["return_overdue"].label not in queues
    if sees_departments:
        assert "<td>甲局</td><td>1</td><td>1</td><td>1</td><td>0</td>" in departments
        assert "<td>乙局</td><td>0</td><td>1</td><td>0</td><td>0</td>" in departments


def test_reminders_are_sent_once_each(world):
    call_command("send_casework_reminders", "--date", "2026-11-20", stdout=None)
    first = {m.to[0]: m for m in mail.outbox}
    assert set(first) == {"author_a@example.gov.cn", "editor@example.gov.cn"}
    body = first["editor@example.gov.cn"].body
    assert (
        f"{world['return_overdue'].label}（甲局无犯罪记录证明）承诺书应于2026-11-16前递交" in body
    )
    assert "告知承诺书今日应送达" in body and "核查期限2026-11-17已过" in body
    assert "乙局" not in body
    call_command("send_casework_reminders", "--date", "2026-11-20", stdout=None)
    assert len(mail.outbox) == 2  # nothing sent twice


def test_an_assigned_verification_is_reminded_to_the_assignee_and_new_work_next_day(world):
    verification_assign(
        user=world["users"]["editor"],
        task=world["task_overdue"],
        assignee=world["users"]["leader"],
    )
    leader = world["users"]["leader"]
    leader.email = "leader@example.gov.cn"
    leader.save()
    call_command("send_casework_reminders", "--date", "2026-11-20", stdout=None)
    to_leader = [m for m in mail.outbox if m.to == ["leader@example.gov.cn"]]
    assert len(to_leader) == 1 and "核查期限2026-11-17已过" in to_leader[0].body
    assert all("核查期限2026-11-17已过" not in m.body for m in mail.outbox if m not in to_leader)
    mail.outbox.clear()
    # the next working day the awaiting letter (due 11-30) is not yet overdue; the form sent by
    # post due 11-20 is now overdue: a new reminder of another kind
    call_command("send_casework_reminders", "--date", "2026-11-23", stdout=None)
    bodies = " ".join(m.body for m in mail.outbox)
    assert "应于2026-11-20前送达，已逾期" in bodies
    assert "2026-11-16前递交" not in bodies
