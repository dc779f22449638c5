"""Per item, a stricter verification for applicants with a record in the last N years: applied
when the letter's verification task is made, shown to the clerk on the letter and the task."""

import pytest
from django.urls import reverse

from commitments.letters.services import letter_register
from credit.enums import Behaviour, Grade
from credit.stricter_views import stricter_set

from ..cases.helpers import make_world
from ..letters.helpers import person
from .helpers import OTHER_PERSON_ID, TODAY, D, make_record


@pytest.fixture
def world(db):
    world = make_world()
    # a record that does not exclude (一般 不履行承诺) but counts as "a record"
    make_record(
        world["users"]["author_b"],
        world["other"],
        behaviour=Behaviour.UNFULFILLED,
        grade=Grade.ORDINARY,
        decided_on=D(2026, 3, 2),
    )
    return world


def _register(world, **fields):
    return letter_register(
        user=world["users"]["editor"],
        item=world["items"]["own"],
        fields=person(**fields),
        disclose=False,
        today=TODAY,
    )


def test_an_applicant_with_a_recent_record_gets_the_items_stricter_method(client, world):
    item = world["items"]["own"]
    assert item.verification_method != "on_site"
    stricter_set(user=world["users"]["editor"], item=item, years=3, method="on_site")
    letter = _register(world)
    assert letter.verification.method == "on_site"
    clean = _register(world, person_id_number=OTHER_PERSON_ID)
    assert clean.verification.method == item.verification_method
    client.force_login(world["users"]["editor"])
    page = client.get(reverse("letter_admin_detail", args=[letter.pk])).content.decode()
    assert "适用从严核查规则（申请人近3年内有失信记录的，现场核查，不适用免于核查）" in page
    other = client.get(reverse("letter_admin_detail", args=[clean.pk])).content.decode()
    assert "从严核查" not in other


def test_a_record_older_than_the_window_does_not_apply(world):
    from credit.stricter import has_recent_record

    from ..letters.helpers import PERSON_ID

    # the record was decided on 2026-03-02: within one year of 2027-03-01, not of 2027-03-02
    assert has_recent_record(PERSON_ID, 1, D(2027, 3, 1))
    assert not has_recent_record(PERSON_ID, 1, D(2027, 3, 2))


def test_without_a_setting_the_items_method_stays(world):
    assert _register(world).verification.method == world["items"]["own"].verification_method


def test_another_departments_clerk_cannot_set_the_items_rule(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        stricter_set(
            user=world["users"]["author_b"], item=world["items"]["own"], years=3, method="on_site"
        )
