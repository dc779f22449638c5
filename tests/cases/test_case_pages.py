"""The clerk's case pages: errors at the field in Chinese, nothing saved; the choice tally
counts cases and manual entries, corrections are new entries."""

import pytest
from django.urls import reverse

from commitments.cases.services import choice_record
from commitments.models import Case, ChoiceEntry

from .helpers import TODAY, D, make_world, open_case, returned_case


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture
def clerk_client(client, world):
    client.force_login(world["users"]["editor"])
    return client


def test_an_impossible_date_is_refused_at_the_field(clerk_client, world):
    response = clerk_client.post(
        reverse("case_open"),
        {"item": world["items"]["own"].pk, "channel": "post", "received_on": "2026-02-30"},
    )
    assert response.context["form"].errors["received_on"] == [
        "日期不存在或格式不对，请按“2026-03-15”的格式填写真实存在的日期。"
    ]
    assert not Case.objects.exists()


def test_conclusion_before_the_application_is_shown_at_the_field(clerk_client, world):
    case = open_case(world["users"]["author_a"], world["items"]["own"])
    response = clerk_client.post(
        reverse("case_admin_action", args=[case.pk, "conclude"]),
        {"concluded_on": "2026-11-13", "outcome": "refused"},
    )
    assert response.context["conclude_form"].errors["concluded_on"] == [
        "办结日期（2026-11-13）不能早于收到申请日期（2026-11-16）。"
    ]
    assert "办结日期（2026-11-13）不能早于收到申请日期" in response.content.decode()
    case.refresh_from_db()
    assert case.concluded_on is None


def test_withdrawal_after_conclusion_is_refused_on_the_page(clerk_client, world):
    case = returned_case(world["users"]["author_a"], world["items"]["own"])
    clerk_client.post(
        reverse("case_admin_action", args=[case.pk, "conclude"]),
        {"concluded_on": "2026-11-19", "outcome": "granted"},
    )
    response = clerk_client.post(
        reverse("case_admin_action", args=[case.pk, "withdraw"]),
        {"withdrawn_on": "2026-11-20", "reason": "申请人改变主意"},
    )
    assert "该办件已于2026年11月19日办结，办结后申请人不能再撤回承诺。" in (
        response.content.decode()
    )
    case.refresh_from_db()
    assert (case.withdrawn_on, case.outcome) == (None, "granted")


def test_the_detail_page_states_the_return_deadline_and_overdue(clerk_client, world):
    case = open_case(world["users"]["author_a"], world["items"]["own"], received_on=D(2026, 11, 2))
    html = clerk_client.get(reverse("case_admin_detail", args=[case.pk])).content.decode()
    assert "请于 2026年11月16日 前递交" in html
    assert "逾期未递交" in html
    listing = clerk_client.get(reverse("cases_admin"), {"status": "return_overdue"})
    assert [c.pk for c, _ in listing.context["rows"]] == [case.pk]


def test_choice_figures_count_cases_entries_and_corrections(clerk_client, world):
    clerk, item = world["users"]["editor"], world["items"]["own"]
    open_case(clerk, item, received_on=D(2026, 11, 3))
    open_case(clerk, item, received_on=D(2026, 11, 16))
    entry = choice_record(
        user=clerk, item=item, month=D(2026, 11, 1), choice="certificate", count=4, today=TODAY
    )
    choice_record(
        user=clerk,
        item=item,
        month=D(2026, 11, 1),
        choice="certificate",
        count=-1,
        corrects=entry,
        note="重复登记一件",
        today=TODAY,
    )
    figures = clerk_client.get(reverse("case_choices"), {"year": "2026"}).context["figures"]
    assert [(f["item"], f["commitment"], f["certificate"], f["rate"]) for f in figures] == [
        (item.name, 2, 3, 40)
    ]
    assert ChoiceEntry.objects.count() == 4  # nothing deleted: the correction is an entry


def test_a_negative_count_without_the_entry_it_corrects_is_refused(clerk_client, world):
    response = clerk_client.post(
        reverse("case_choices"),
        {
            "item": world["items"]["own"].pk,
            "month": "2026-10",
            "choice": "certificate",
            "count": "-2",
        },
    )
    assert response.context["form"].errors["corrects"] == [
        "减少件数是更正，请选择被更正的登记记录。"
    ]
    assert not ChoiceEntry.objects.exists()


def test_return_deadline_out_of_range_is_refused_at_the_field(clerk_client, world):
    response = clerk_client.post(reverse("case_deadlines"), {"working_days": "0"})
    assert response.context["form"].errors["working_days"] == ["递交期限应为1至60个工作日。"]
