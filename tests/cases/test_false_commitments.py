"""A false commitment (三(四)): opened from a 不实 finding only, linked to letter, verification
and evidence; measures with date, document number and responsible person; 责令限期整改 with
its deadline and follow-up; 终止办理 concludes the open 办件; role × action × department."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from commitments.cases.services import case_link_letter
from commitments.false_commitments.services import (
    false_commitment_open,
    measure_record,
    rectification_follow_up,
)
from commitments.letters.services import letter_register
from commitments.models import FalseCommitment, Measure
from commitments.verification.services import verification_record

from ..letters.helpers import person
from .helpers import TODAY, D, make_world, open_case


def _finding(world, relation, finding="false"):
    author = world["users"]["author_a" if relation == "own" else "author_b"]
    item = world["items"][relation]
    case = open_case(author, item)
    letter = letter_register(user=author, item=item, fields=person(), disclose=False, today=TODAY)
    case_link_letter(user=author, case=case, letter=letter, today=TODAY)
    return verification_record(
        user=author,
        task=letter.verification,
        checked_by=author,
        checked_on=D(2026, 11, 18),
        source="全国律师管理系统",
        finding=finding,
        reason="系统记录显示申请人2025年受过停止执业处罚，与承诺不符。",
        files=[SimpleUploadedFile("查询截图.pdf", b"%PDF-1.4 x")],
        today=TODAY,
    )


@pytest.fixture
def world(db):
    world = make_world()
    world["results"] = {r: _finding(world, r) for r in ("own", "other")}
    world["fcs"] = {
        r: false_commitment_open(
            user=world["users"]["author_a" if r == "own" else "author_b"],
            result=world["results"][r],
            summary="承诺“未受过行政处罚”不实。",
        )
        for r in ("own", "other")
    }
    return world


def measure(user, fc, **overrides):
    values = {
        "user": user,
        "false_commitment": fc,
        "kind": "penalty",
        "decided_on": D(2026, 11, 19),
        "document_number": "阿右司罚决字〔2026〕3号",
        "responsible_person": "王五",
        "today": TODAY,
    }
    values.update(overrides)
    return measure_record(**values)


def test_the_case_links_letter_verification_evidence_and_the_cases_file(world):
    fc = world["fcs"]["own"]
    result = world["results"]["own"]
    assert (fc.letter, fc.result, fc.case.letter) == (result.task.letter, result, fc.letter)
    assert [e.name for e in fc.result.evidence.all()] == ["查询截图.pdf"]


def test_only_a_false_finding_opens_a_case_and_only_once(world):
    clerk = world["users"]["editor"]
    true_result = _finding(world, "own", finding="true")
    with pytest.raises(ValidationError) as raised:
        false_commitment_open(user=clerk, result=true_result, summary="x")
    assert raised.value.messages == ["只有核查结果为“不实”或“部分不实”的，才能登记不实承诺案件。"]
    with pytest.raises(ValidationError) as raised:
        false_commitment_open(user=clerk, result=world["results"]["own"], summary="x")
    assert raised.value.messages == ["该核查结果已登记不实承诺案件。"]


def test_terminating_concludes_the_open_case(world):
    fc = world["fcs"]["own"]
    measure(world["users"]["editor"], fc, kind="terminate", document_number="阿右司终字〔2026〕1号")
    fc.case.refresh_from_db()
    assert (fc.case.concluded_on, fc.case.outcome) == (D(2026, 11, 19), "terminated")


def test_rectification_needs_a_deadline_after_the_decision_and_is_followed_up(world):
    clerk, fc = world["users"]["editor"], world["fcs"]["own"]
    with pytest.raises(ValidationError) as raised:
        measure(clerk, fc, kind="rectify")
    assert raised.value.message_dict["rectification_due_on"] == ["责令限期整改的，请填写整改期限。"]
    with pytest.raises(ValidationError) as raised:
        measure(clerk, fc, kind="rectify", rectification_due_on=D(2026, 11, 19))
    assert raised.value.message_dict["rectification_due_on"] == ["整改期限应晚于决定日期。"]
    rectify = measure(clerk, fc, kind="rectify", rectification_due_on=D(2026, 12, 19))
    with pytest.raises(ValidationError) as raised:
        rectification_follow_up(
            user=clerk, measure=rectify, checked_on=D(2026, 11, 18), rectified=True, note="已整改"
        )
    assert raised.value.message_dict["checked_on"] == [
        "跟踪日期（2026-11-18）不能早于决定日期（2026-11-19）。"
    ]
    follow_up = rectification_follow_up(
        user=clerk, measure=rectify, checked_on=TODAY, rectified=True, note="已补正材料。"
    )
    assert list(rectify.follow_ups.all()) == [follow_up]


def test_a_measure_needs_document_number_and_responsible_person_and_a_possible_date(world):
    with pytest.raises(ValidationError) as raised:
        measure(
            world["users"]["editor"],
            world["fcs"]["own"],
            document_number=" ",
            responsible_person="",
            decided_on=D(2026, 11, 17),
        )
    assert raised.value.message_dict == {
        "decided_on": ["决定日期（2026-11-17）不能早于核查日期（2026-11-18）。"],
        "document_number": ["请填写决定文书号，例如“阿右司罚决字〔2026〕3号”。"],
        "responsible_person": ["请填写责任人（承办的工作人员）。"],
    }
    assert not Measure.objects.exists()


def test_a_correction_is_a_new_measure_pointing_at_the_one_it_corrects(world):
    clerk, fc = world["users"]["editor"], world["fcs"]["own"]
    wrong = measure(clerk, fc, document_number="阿右司罚决字〔2026〕30号")
    right = measure(clerk, fc, corrects=wrong, note="文书号录入错误")
    assert list(fc.measures.order_by("pk")) == [wrong, right]
    with pytest.raises(ValidationError) as raised:
        measure(clerk, fc, corrects=wrong)
    assert raised.value.message_dict["corrects"] == ["只能更正本案件中尚未被更正的措施。"]


def test_a_measure_correction_without_a_reason_is_refused_and_nothing_saved(world):
    clerk, fc = world["users"]["editor"], world["fcs"]["own"]
    wrong = measure(clerk, fc, document_number="阿右司罚决字〔2026〕30号")
    with pytest.raises(ValidationError) as raised:
        measure(clerk, fc, corrects=wrong, note=" ")
    assert raised.value.message_dict["note"] == ["更正措施时，请在说明中写明更正理由。"]
    assert list(fc.measures.all()) == [wrong]


ACTIONS = ["list", "open", "open_case", "record_measure"]
T, F = True, False
NOTHING = dict.fromkeys(ACTIONS, (F, F))
READS = {"list", "open"}
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
    fc = world["fcs"][relation]
    detail = reverse("false_commitment_detail", args=[fc.pk])
    if action == "list":
        return f'href="{detail}"' in client.get(reverse("false_commitments_admin")).content.decode()
    if action == "open":
        response = client.get(detail)
        return (
            response.status_code == 200 and "承诺“未受过行政处罚”不实" in response.content.decode()
        )
    if action == "open_case":
        result = _finding(world, relation, finding="partly_false")
        client.post(reverse("false_commitment_open", args=[result.pk]), {"summary": "部分不实"})
        return FalseCommitment.objects.filter(result=result).exists()
    if action == "record_measure":
        client.post(
            reverse("false_commitment_action", args=[fc.pk, "measure"]),
            {
                "kind": "refer",
                "decided_on": "2026-11-19",
                "document_number": "阿右司移字〔2026〕1号",
                "responsible_person": "赵六",
            },
        )
        return fc.measures.filter(kind="refer").exists()
    raise AssertionError(action)


@pytest.mark.parametrize("role", list(EXPECTED))
def test_role_false_commitment_action_department_matrix(client, world, role):
    client.force_login(world["users"][role])
    outcome = {
        action: tuple(attempt(action, client, world, r) for r in ("own", "other"))
        for action in ACTIONS
    }
    assert outcome == EXPECTED[role]
