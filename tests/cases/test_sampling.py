"""Random inspection (双随机、一公开) of letters of exempt items: a reproducible draw from a
recorded seed, inspectors drawn from the department's list, every run kept (a second run of the
same period names the first and says why), aggregate figures published."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from commitments.letters.services import letter_register, letter_withdraw
from commitments.models import Inspector, SamplingRun
from commitments.sampling.draw import draw, sample_size
from commitments.sampling.services import inspector_set, sampling_run
from commitments.verification.services import verification_record

from ..letters.helpers import person, undisclosed_item
from .helpers import TODAY, D, make_world


def _exempt_letters(world, relation, n, signed_on):
    author = world["users"]["author_a" if relation == "own" else "author_b"]
    item = world.setdefault("exempt", {}).get(relation) or undisclosed_item(
        author,
        world[relation],
        world["users"]["reviewer"],
        name=f"{world[relation].name}免核查证明",
        verification_method="exempt",
        verification_time_limit_days=None,
    )
    world["exempt"][relation] = item
    return [
        letter_register(
            user=author,
            item=item,
            fields=person(received_on=signed_on, signed_on=signed_on),
            disclose=False,
            today=TODAY,
        )
        for _ in range(n)
    ]


@pytest.fixture
def world(db):
    world = make_world()
    world["letters"] = _exempt_letters(world, "own", 7, D(2026, 10, 20))
    _exempt_letters(world, "other", 3, D(2026, 10, 20))
    for relation, author, member in (
        ("own", "author_a", "editor"),
        ("own", "author_a", "leader"),
        ("other", "author_b", "author_b"),
    ):
        inspector_set(
            user=world["users"][author],
            department=world[relation],
            member=world["users"][member],
            active=True,
        )
    return world


def run(world, relation="own", **kwargs):
    values = {
        "user": world["users"]["author_a" if relation == "own" else "author_b"],
        "department": world[relation],
        "period_start": D(2026, 10, 1),
        "period_end": D(2026, 10, 31),
        "percentage": 30,
        "today": TODAY,
    }
    values.update(kwargs)
    return sampling_run(**values)


def test_the_draw_is_a_function_of_its_seed():
    first = draw(range(1, 101), 10, [7, 3, 5], "20261120")
    assert first == draw(range(100, 0, -1), 10, [5, 7, 3], "20261120")
    assert first != draw(range(1, 101), 10, [7, 3, 5], "20261121")
    assert len({letter for letter, _ in first}) == 10
    assert (
        sample_size(7, percentage=30),
        sample_size(7, count=9),
        sample_size(0, percentage=5),
    ) == (
        3,
        7,
        0,
    )


def test_a_run_draws_from_the_exempt_letters_of_the_period_and_can_be_reproduced(world):
    withdrawn = world["letters"][0]
    letter_withdraw(
        user=world["users"]["author_a"],
        letter=withdrawn,
        withdrawn_on=TODAY,
        reason="撤回",
        today=TODAY,
    )
    _exempt_letters(world, "own", 1, D(2026, 11, 2))  # outside the period
    sampling = run(world)
    assert sampling.population == sorted(letter.pk for letter in world["letters"][1:])
    draws = list(sampling.draws.order_by("position"))
    assert len(draws) == 2  # 30 % of 6, rounded up
    assert [(d.letter_id, d.inspector_id) for d in draws] == draw(
        sampling.population, 2, sampling.inspector_pool, sampling.seed
    )
    editor, leader = world["users"]["editor"], world["users"]["leader"]
    assert sampling.inspector_pool == sorted([editor.pk, leader.pk])
    for d in draws:
        assert (d.task.method, d.task.origin, d.task.assigned_to_id) == (
            "on_site",
            "sampling",
            d.inspector_id,
        )
        assert d.task.due_on == D(2026, 12, 4)  # 10 working days after Friday 11-20


def test_the_same_period_again_must_name_the_earlier_run_and_say_why(world):
    first = run(world)
    with pytest.raises(ValidationError) as raised:
        run(world, count=1, percentage=None)
    assert "再次抽取须选择前次抽查并说明理由" in raised.value.message_dict["redoes"][0]
    with pytest.raises(ValidationError) as raised:
        run(world, count=1, percentage=None, redoes=first)
    assert raised.value.message_dict["reason"] == ["再次抽取须说明理由。"]
    second = run(world, count=1, percentage=None, redoes=first, reason="首次抽取时名录未更新")
    assert SamplingRun.objects.count() == 2
    drawn_first = {d.letter_id for d in first.draws.all()}
    assert not drawn_first & set(second.population)  # letters checked already are not drawn


def test_a_run_needs_inspectors_and_one_of_proportion_or_number(world):
    inspector_set(
        user=world["users"]["author_a"],
        department=world["own"],
        member=world["users"]["editor"],
        active=False,
    )
    inspector_set(
        user=world["users"]["author_a"],
        department=world["own"],
        member=world["users"]["leader"],
        active=False,
    )
    with pytest.raises(ValidationError) as raised:
        run(world, count=2)
    assert raised.value.message_dict == {
        "__all__": ["本单位检查人员名录为空，请先添加检查人员。"],
        "percentage": ["请填写抽查比例或抽查件数（二者填一项）。"],
    }
    assert not SamplingRun.objects.exists()


def test_the_public_page_shows_aggregate_figures_only(world, client):
    sampling = run(world)
    drawn = sampling.draws.order_by("position").first()
    verification_record(
        user=world["users"]["editor"],
        task=drawn.task,
        checked_by=world["users"]["editor"],
        checked_on=TODAY,
        source="现场核查：申请人经营场所",
        finding="false",
        reason="现场无经营设备。",
        today=TODAY,
    )
    html = client.get(reverse("public:sampling")).content.decode()
    assert '<td data-label="范围内件数">7</td>' in html
    assert '<td data-label="抽中">3</td>' in html and '<td data-label="不实">1</td>' in html
    assert drawn.letter.number_label not in html and "张三丰" not in html
    assert "editor" not in html


ACTIONS = ["list", "open", "run", "inspectors"]
T, F = True, False
READS = {"list", "open"}
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


def attempt(action, client, world, relation):
    sampling = world["runs"][relation]
    detail = reverse("sampling_detail", args=[sampling.pk])
    department = world[relation]
    if action == "list":
        return f'href="{detail}"' in client.get(reverse("sampling_list")).content.decode()
    if action == "open":
        return f"<code>{sampling.seed}</code>" in client.get(detail).content.decode()
    if action == "run":
        before = SamplingRun.objects.filter(department=department).count()
        client.post(
            f"{reverse('sampling_new')}?department={department.pk}",
            {
                "period_start": "2026-10-01",
                "period_end": "2026-10-31",
                "count": "1",
                "redoes": str(sampling.pk),
                "reason": "复核",
            },
        )
        return SamplingRun.objects.filter(department=department).count() == before + 1
    if action == "inspectors":
        member = world["users"]["leader" if relation == "own" else "author_b"]
        client.post(
            f"{reverse('sampling_inspectors')}?department={department.pk}",
            {"member": str(member.pk), "active": "0"},
        )
        return not Inspector.objects.get(department=department, user=member).active
    raise AssertionError(action)


@pytest.mark.parametrize("role", list(EXPECTED))
def test_role_sampling_action_department_matrix(client, world, role):
    world["runs"] = {"own": run(world), "other": run(world, "other")}
    client.force_login(world["users"][role])
    outcome = {
        action: tuple(attempt(action, client, world, r) for r in ("own", "other"))
        for action in ACTIONS
    }
    assert outcome == EXPECTED[role]
