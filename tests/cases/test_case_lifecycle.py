"""A case from the form to its conclusion: deadlines in official working days, the signed
letter, withdrawal (before conclusion only) and conclusion; impossible dates refused."""

import pytest
from django.core.exceptions import ValidationError

from commitments.cases.enums import CaseStatus
from commitments.cases.services import (
    case_conclude,
    case_link_letter,
    case_record_certificate,
    case_record_form_given,
    case_withdraw,
    return_deadline_set,
)
from commitments.letters.services import letter_register
from commitments.models import Case

from ..letters.helpers import person
from .helpers import TODAY, D, make_world, open_case, returned_case


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture
def clerk(world):
    return world["users"]["author_a"]


@pytest.fixture
def item(world):
    return world["items"]["own"]


def messages(error: ValidationError) -> dict:
    return error.value.message_dict


def test_in_person_form_is_given_on_the_spot_and_return_deadline_uses_department_default(
    clerk, world, item
):
    return_deadline_set(user=clerk, department=world["own"], working_days=6)
    case = open_case(clerk, item, received_on=D(2026, 9, 25))
    # Friday 9-25 + 6 working days: 9-28, 9-29, 9-30, the National Day holiday (10-1 to
    # 10-7) skipped, 10-8, 10-9 and Saturday 10-10, a make-up working day
    assert (case.form_given_on, case.return_due_on) == (D(2026, 9, 25), D(2026, 10, 10))
    assert case.form_due_on is None
    assert case.return_working_days == 6


def test_item_deadline_overrides_the_department_default(clerk, world, item):
    return_deadline_set(user=clerk, department=world["own"], working_days=5)
    return_deadline_set(user=clerk, department=world["own"], item=item, working_days=2)
    case = open_case(clerk, item, received_on=D(2026, 11, 20))
    assert case.return_due_on == D(2026, 11, 24)


def test_remote_form_is_due_in_three_working_days_and_return_runs_from_sending(clerk, item):
    case = open_case(clerk, item, channel="post", received_on=D(2026, 9, 30))
    assert case.form_due_on == D(2026, 10, 10)
    assert case.status(D(2026, 10, 9)) == CaseStatus.FORM_TO_SEND
    assert case.form_overdue(D(2026, 10, 12)) is True
    case_record_form_given(user=clerk, case=case, given_on=D(2026, 10, 9), today=TODAY)
    # default 10 working days from Friday 10-9: Saturday 10-10 (make-up) counts
    assert case.return_due_on == D(2026, 10, 22)
    assert case.form_overdue(D(2026, 10, 12)) is False


def test_a_form_never_returned_is_overdue_after_its_deadline(clerk, item):
    case = open_case(clerk, item, received_on=D(2026, 11, 2))
    assert case.return_due_on == D(2026, 11, 16)
    assert case.status(D(2026, 11, 16)) == CaseStatus.AWAITING_RETURN
    assert case.status(D(2026, 11, 17)) == CaseStatus.RETURN_OVERDUE
    assert list(Case.objects.return_overdue(D(2026, 11, 17))) == [case]


def test_sending_date_before_the_application_is_refused(clerk, item):
    case = open_case(clerk, item, channel="email", received_on=D(2026, 11, 16))
    with pytest.raises(ValidationError) as raised:
        case_record_form_given(user=clerk, case=case, given_on=D(2026, 11, 13), today=TODAY)
    assert messages(raised)["given_on"] == [
        "送达日期（2026-11-13）不能早于收到申请日期（2026-11-16）。"
    ]
    case.refresh_from_db()
    assert case.form_given_on is None


def test_a_future_application_date_is_refused(clerk, item):
    with pytest.raises(ValidationError) as raised:
        open_case(clerk, item, received_on=D(2026, 11, 21))
    assert messages(raised)["received_on"] == ["收到申请日期（2026-11-21）不能晚于今天。"]
    assert not Case.objects.exists()


def test_letter_signed_before_the_form_was_given_is_refused(clerk, item):
    case = open_case(clerk, item, received_on=D(2026, 11, 17))
    letter = letter_register(
        user=clerk,
        item=item,
        fields=person(received_on=D(2026, 11, 16), signed_on=D(2026, 11, 16)),
        disclose=False,
        today=TODAY,
    )
    with pytest.raises(ValidationError) as raised:
        case_link_letter(user=clerk, case=case, letter=letter, today=TODAY)
    assert "早于告知承诺书发放日期" in messages(raised)["letter"][0]


def test_a_letter_of_another_item_cannot_be_linked(clerk, world, item):
    other_letter = letter_register(
        user=world["users"]["author_b"],
        item=world["items"]["other"],
        fields=person(),
        disclose=False,
        today=TODAY,
    )
    case = open_case(clerk, item)
    with pytest.raises(ValidationError) as raised:
        case_link_letter(user=clerk, case=case, letter=other_letter, today=TODAY)
    assert messages(raised)["letter"] == ["只能关联本单位同一证明事项的承诺书。"]


def test_conclusion_before_the_letter_was_registered_is_refused(clerk, item):
    case = returned_case(clerk, item)
    with pytest.raises(ValidationError) as raised:
        case_conclude(
            user=clerk, case=case, concluded_on=D(2026, 11, 16), outcome="granted", today=TODAY
        )
    assert messages(raised)["concluded_on"] == [
        "办结日期（2026-11-16）不能早于承诺日期（2026-11-17）。"
    ]
    case.refresh_from_db()
    assert case.concluded_on is None


def test_granting_needs_the_signed_letter(clerk, item):
    case = open_case(clerk, item)
    with pytest.raises(ValidationError) as raised:
        case_conclude(user=clerk, case=case, concluded_on=TODAY, outcome="granted", today=TODAY)
    assert messages(raised)["outcome"] == ["申请人尚未递交签署的承诺书，不能准予办理。"]
    concluded = case_conclude(
        user=clerk, case=case, concluded_on=TODAY, outcome="terminated", today=TODAY
    )
    assert concluded.status(TODAY) == CaseStatus.CONCLUDED


def test_withdrawal_continues_by_the_ordinary_procedure_and_withdraws_the_letter(clerk, item):
    case = returned_case(clerk, item)
    case_withdraw(
        user=clerk,
        case=case,
        withdrawn_on=D(2026, 11, 18),
        reason="申请人自行开具证明",
        today=TODAY,
    )
    case.letter.refresh_from_db()
    assert case.letter.withdrawn_on == D(2026, 11, 18)
    assert case.status(TODAY) == CaseStatus.WITHDRAWN
    with pytest.raises(ValidationError) as raised:
        case_conclude(user=clerk, case=case, concluded_on=TODAY, outcome="granted", today=TODAY)
    assert "请先登记申请人提交证明的日期" in messages(raised)["outcome"][0]
    with pytest.raises(ValidationError) as raised:
        case_record_certificate(user=clerk, case=case, supplied_on=D(2026, 11, 17), today=TODAY)
    assert messages(raised)["supplied_on"] == [
        "提交证明日期（2026-11-17）不能早于撤回日期（2026-11-18）。"
    ]
    case_record_certificate(user=clerk, case=case, supplied_on=D(2026, 11, 19), today=TODAY)
    case_conclude(user=clerk, case=case, concluded_on=TODAY, outcome="granted", today=TODAY)
    assert (case.outcome, case.certificate_supplied_on) == ("granted", D(2026, 11, 19))


def test_withdrawal_without_a_reason_is_refused(clerk, item):
    case = open_case(clerk, item)
    with pytest.raises(ValidationError) as raised:
        case_withdraw(user=clerk, case=case, withdrawn_on=TODAY, reason="  ", today=TODAY)
    assert messages(raised)["reason"] == ["请填写撤回理由（申请人提出的理由）。"]


def test_withdrawal_after_conclusion_is_refused_with_a_clear_message(clerk, item):
    case = returned_case(clerk, item)
    case_conclude(
        user=clerk, case=case, concluded_on=D(2026, 11, 19), outcome="granted", today=TODAY
    )
    with pytest.raises(ValidationError) as raised:
        case_withdraw(user=clerk, case=case, withdrawn_on=TODAY, reason="改变主意", today=TODAY)
    assert messages(raised)["__all__"] == [
        "该办件已于2026年11月19日办结，办结后申请人不能再撤回承诺。"
    ]
    case.refresh_from_db()
    assert case.withdrawn_on is None


def test_every_change_is_kept_in_history_with_its_author(clerk, item):
    case = returned_case(clerk, item)
    case_conclude(user=clerk, case=case, concluded_on=TODAY, outcome="refused", today=TODAY)
    records = list(case.history.order_by("history_date"))
    assert [r.history_type for r in records] == ["+", "~", "~"]
    assert {r.history_user for r in records} == {clerk}
    assert [r.outcome for r in records] == ["", "", "refused"]
