"""A recorded conclusion (办结) or withdrawal is corrected by a new correction record that keeps
the old values and the reason; nothing is deleted, the old value stays visible as corrected."""

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse

from commitments.cases.services import (
    case_conclude,
    case_correct_conclusion,
    case_correct_withdrawal,
    case_record_certificate,
    case_withdraw,
)
from commitments.models import Case, CaseCorrection

from .helpers import TODAY, D, make_world, open_case, returned_case


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture
def clerk(world):
    return world["users"]["editor"]


@pytest.fixture
def concluded(world, clerk):
    case = returned_case(clerk, world["items"]["own"])
    return case_conclude(
        user=clerk, case=case, concluded_on=D(2026, 11, 18), outcome="refused", today=TODAY
    )


def correct(clerk, case, **overrides):
    values = {
        "user": clerk,
        "case": case,
        "concluded_on": D(2026, 11, 19),
        "outcome": "granted",
        "note": "材料齐全",
        "reason": "结果误录为不予",
        "today": TODAY,
    }
    values.update(overrides)
    return case_correct_conclusion(**values)


def test_a_corrected_conclusion_keeps_the_old_one_in_a_correction_record(clerk, concluded):
    first = correct(clerk, concluded)
    concluded.refresh_from_db()
    assert (concluded.concluded_on, concluded.outcome) == (D(2026, 11, 19), "granted")
    assert first.old_values == {"concluded_on": "2026-11-18", "outcome": "refused", "note": ""}
    assert first.new_values["outcome"] == "granted" and first.reason == "结果误录为不予"
    assert first.recorded_by == clerk and first.corrects is None
    second = correct(clerk, concluded, outcome="terminated", reason="应为终止办理")
    assert second.corrects == first
    assert second.old_values["outcome"] == "granted"
    assert CaseCorrection.objects.filter(case=concluded).count() == 2
    history = list(concluded.history.order_by("history_date").values_list("outcome", flat=True))
    assert history[-3:] == ["refused", "granted", "terminated"]


def test_a_correction_needs_a_reason_and_nothing_is_saved_without_it(clerk, concluded):
    with pytest.raises(ValidationError) as raised:
        correct(clerk, concluded, reason="  ")
    assert raised.value.message_dict["correction_reason"] == [
        "请填写更正理由（原记录错在哪里、依据什么更正）。"
    ]
    concluded.refresh_from_db()
    assert concluded.outcome == "refused" and not CaseCorrection.objects.exists()


def test_a_corrected_conclusion_obeys_the_same_date_and_outcome_rules(clerk, world, concluded):
    with pytest.raises(ValidationError) as raised:
        correct(clerk, concluded, concluded_on=D(2026, 11, 15))
    assert "不能早于收到申请日期" in raised.value.message_dict["concluded_on"][0]
    with pytest.raises(ValidationError) as raised:
        correct(clerk, concluded, concluded_on=D(2026, 11, 21))
    assert "不能晚于今天" in raised.value.message_dict["concluded_on"][0]
    without_letter = case_conclude(
        user=clerk,
        case=open_case(clerk, world["items"]["own"]),
        concluded_on=D(2026, 11, 18),
        outcome="refused",
        today=TODAY,
    )
    with pytest.raises(ValidationError) as raised:
        correct(clerk, without_letter)
    assert raised.value.message_dict["outcome"] == ["申请人尚未递交签署的承诺书，不能准予办理。"]
    assert not CaseCorrection.objects.exists()


def test_an_open_case_has_no_conclusion_to_correct(clerk, world):
    case = open_case(clerk, world["items"]["own"])
    with pytest.raises(ValidationError) as raised:
        correct(clerk, case)
    assert raised.value.messages == ["该办件尚未办结，没有可更正的办结结论。"]


def test_the_same_conclusion_again_is_not_a_correction(clerk, concluded):
    with pytest.raises(ValidationError) as raised:
        correct(clerk, concluded, concluded_on=D(2026, 11, 18), outcome="refused", note="")
    assert raised.value.messages == ["更正后的办结结论与原结论相同，无需更正。"]


def test_a_withdrawal_is_corrected_within_the_cases_dates(clerk, world):
    case = case_withdraw(
        user=clerk,
        case=open_case(clerk, world["items"]["own"]),
        withdrawn_on=D(2026, 11, 17),
        reason="改交证明",
        today=TODAY,
    )
    case = case_record_certificate(user=clerk, case=case, supplied_on=D(2026, 11, 18), today=TODAY)
    with pytest.raises(ValidationError) as raised:
        case_correct_withdrawal(
            user=clerk,
            case=case,
            withdrawn_on=D(2026, 11, 19),
            withdrawal_reason="改交证明",
            reason="日期错",
            today=TODAY,
        )
    assert raised.value.message_dict["withdrawn_on"] == [
        "撤回日期（2026-11-19）不能晚于提交证明日期（2026-11-18）。"
    ]
    correction = case_correct_withdrawal(
        user=clerk,
        case=case,
        withdrawn_on=D(2026, 11, 16),
        withdrawal_reason="申请人决定按原程序提交证明",
        reason="撤回日期录入错误",
        today=TODAY,
    )
    case.refresh_from_db()
    assert case.withdrawn_on == D(2026, 11, 16)
    assert correction.old_values == {"withdrawn_on": "2026-11-17", "reason": "改交证明"}
    assert correction.kind == "withdrawal"


def test_a_case_without_withdrawal_has_none_to_correct(clerk, world):
    with pytest.raises(ValidationError) as raised:
        case_correct_withdrawal(
            user=clerk,
            case=open_case(clerk, world["items"]["own"]),
            withdrawn_on=D(2026, 11, 17),
            withdrawal_reason="x",
            reason="y",
            today=TODAY,
        )
    assert raised.value.messages == ["申请人未撤回承诺，没有可更正的撤回记录。"]


def test_the_case_page_shows_the_old_conclusion_as_corrected(client, world, clerk, concluded):
    client.force_login(clerk)
    response = client.post(
        reverse("case_admin_action", args=[concluded.pk, "correct-conclusion"]),
        {"concluded_on": "2026-11-19", "outcome": "granted", "correction_reason": "结果误录"},
    )
    assert response.status_code == 302
    html = client.get(reverse("case_admin_detail", args=[concluded.pk])).content.decode()
    assert "<del>2026-11-18 不予</del> 已更正" in html
    assert "2026-11-19 准予" in html and "结果误录" in html
    assert "（经更正，见更正记录）" in html


def test_a_correction_without_reason_is_refused_at_the_field_on_the_page(client, clerk, concluded):
    client.force_login(clerk)
    response = client.post(
        reverse("case_admin_action", args=[concluded.pk, "correct-conclusion"]),
        {"concluded_on": "2026-11-19", "outcome": "granted", "correction_reason": ""},
    )
    assert response.context["correct_conclusion_form"].errors["correction_reason"] == [
        "请填写更正理由（原记录错在哪里、依据什么更正）。"
    ]
    assert Case.objects.get(pk=concluded.pk).outcome == "refused"
