"""A report of a false commitment as a verification lead on the letter it names, linked both
ways: the complaint's page links to the letter's verification task, the task's page lists the
complaints naming the letter, each only for those allowed to see it (role × own/other
department); for a letter without a task (item exempt) the letter's clerk may open one."""

import datetime

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from commitments.letters.services import letter_register
from commitments.models import VerificationTask
from commitments.verification.enums import TaskOrigin
from complaints.enums import ComplaintKind
from complaints.leads import complaint_open_verification, complaints_naming
from complaints.services import complaint_transfer

from ..cases.helpers import TODAY, make_world
from ..letters.helpers import person, undisclosed_item
from .helpers import file_complaint

NOW = datetime.datetime(2026, 11, 23, 9, 0, tzinfo=datetime.UTC)
ROLES = ["editor", "leader", "reviewer", "supervisor", "administrator"]
T, F = True, False
# (own department, other department): the letter and the complaint both of that department.
SEES_COMPLAINT_ON_TASK = {
    "editor": (T, F),
    "leader": (T, F),
    "reviewer": (T, T),
    "supervisor": (T, T),
    "administrator": (F, F),
}
SEES_TASK_ON_COMPLAINT = SEES_COMPLAINT_ON_TASK


def _register(world, relation, item=None):
    author = world["users"]["author_a" if relation == "own" else "author_b"]
    return letter_register(
        user=author,
        item=item or world["items"][relation],
        fields=person(),
        disclose=False,
        today=TODAY,
    )


def _report(letter, kind=ComplaintKind.FALSE_COMMITMENT):
    complaint, _ = file_complaint(
        letter.department,
        now=NOW,
        kind=kind,
        letter_number=f"（{letter.year}年）第{letter.number}号",
        description="该申请人承诺的执业经历与实际不符。",
    )
    assert complaint.letter == letter
    return complaint


@pytest.fixture
def world(db):
    world = make_world()
    world["letters"] = {r: _register(world, r) for r in ("own", "other")}
    world["complaints"] = {r: _report(world["letters"][r]) for r in ("own", "other")}
    return world


@pytest.mark.parametrize("role", ROLES)
def test_task_page_lists_the_complaints_naming_its_letter_by_role_and_department(
    client, world, role
):
    client.force_login(world["users"][role])
    for index, relation in enumerate(("own", "other")):
        task = world["letters"][relation].verification
        complaint = world["complaints"][relation]
        response = client.get(reverse("verification_detail", args=[task.pk]))
        html = response.content.decode() if response.status_code == 200 else ""
        link = reverse("complaint_admin_detail", args=[complaint.pk])
        sees = complaint.number in html and link in html
        assert sees is SEES_COMPLAINT_ON_TASK[role][index], (role, relation)
        if sees:
            assert "涉及该承诺书的投诉举报" in html
            assert complaint.get_kind_display() in html
            assert complaint.get_status_display() in html


@pytest.mark.parametrize("role", ROLES)
def test_complaint_page_links_to_the_letters_verification_task_by_role_and_department(
    client, world, role
):
    client.force_login(world["users"][role])
    for index, relation in enumerate(("own", "other")):
        complaint = world["complaints"][relation]
        task = world["letters"][relation].verification
        response = client.get(reverse("complaint_admin_detail", args=[complaint.pk]))
        html = response.content.decode() if response.status_code == 200 else ""
        sees = reverse("verification_detail", args=[task.pk]) in html
        assert sees is SEES_TASK_ON_COMPLAINT[role][index], (role, relation)


def test_a_complaint_transferred_away_is_listed_only_to_those_who_may_see_it(world):
    """Transferred to department B, the complaint naming A's letter leaves A's editor's view of
    the task, and B's editor sees the complaint but not A's task."""
    complaint = world["complaints"]["own"]
    letter = world["letters"]["own"]
    complaint_transfer(
        user=world["users"]["reviewer"],
        complaint=complaint,
        to_department=world["other"],
        reason="应由乙局办理。",
    )
    assert list(complaints_naming(world["users"]["editor"], letter)) == []
    assert list(complaints_naming(world["users"]["reviewer"], letter)) == [complaint]
    assert list(complaints_naming(world["users"]["author_b"], letter)) == [complaint]


def test_a_department_sees_that_the_task_exists_without_a_link_when_it_is_not_its_own(
    client, world
):
    complaint = world["complaints"]["own"]
    complaint_transfer(
        user=world["users"]["reviewer"],
        complaint=complaint,
        to_department=world["other"],
        reason="应由乙局办理。",
    )
    client.force_login(world["users"]["author_b"])
    html = client.get(reverse("complaint_admin_detail", args=[complaint.pk])).content.decode()
    task = world["letters"]["own"].verification
    assert reverse("verification_detail", args=[task.pk]) not in html
    assert "该承诺书已有核查任务，仅承诺书所属单位可查看。" in html


@pytest.fixture
def exempt(world):
    item = undisclosed_item(
        world["users"]["author_a"],
        world["own"],
        world["users"]["reviewer"],
        name="甲局免核查证明",
        verification_method="exempt",
        verification_time_limit_days=None,
    )
    letter = _register(world, "own", item=item)
    assert not VerificationTask.objects.filter(letter=letter).exists()
    return letter


OPEN_BUTTON = "据此举报发起现场核查"


@pytest.mark.parametrize(
    "role, offered", [("editor", T), ("leader", F), ("reviewer", F), ("supervisor", F)]
)
def test_exempt_letter_page_says_so_and_offers_only_the_letters_clerk_to_open_a_task(
    client, world, exempt, role, offered
):
    complaint = _report(exempt)
    client.force_login(world["users"][role])
    html = client.get(reverse("complaint_admin_detail", args=[complaint.pk])).content.decode()
    assert "该承诺书的证明事项免于核查，尚无核查任务。" in html
    assert (OPEN_BUTTON in html) is offered


@pytest.mark.parametrize("role", ["editor", "leader", "reviewer", "supervisor", "administrator"])
def test_only_the_letters_clerk_opens_a_task_on_site_from_a_report(client, world, exempt, role):
    complaint = _report(exempt)
    client.force_login(world["users"][role])
    client.post(reverse("complaint_admin_open_verification", args=[complaint.pk]))
    task = VerificationTask.objects.filter(letter=exempt).first()
    if role == "editor":
        assert task is not None
        assert (task.origin, task.method, task.department) == (
            TaskOrigin.COMPLAINT,
            "on_site",
            exempt.department,
        )
        html = client.get(reverse("verification_detail", args=[task.pk])).content.decode()
        assert complaint.number in html
    else:
        assert task is None


def test_a_second_task_is_refused_and_other_kinds_are_no_lead(world, exempt):
    editor = world["users"]["editor"]
    other_kind = _report(exempt, kind=ComplaintKind.STILL_DEMANDED)
    with pytest.raises(ValidationError):
        complaint_open_verification(user=editor, complaint=other_kind)
    complaint = _report(exempt)
    complaint_open_verification(user=editor, complaint=complaint)
    with pytest.raises(ValidationError):
        complaint_open_verification(user=editor, complaint=complaint)
    assert VerificationTask.objects.filter(letter=exempt).count() == 1
