"""Recording: by hand with its decision document or in one click from a false finding; the
grade from the rule, the period from the grade, the identity number checked, stored only
encrypted and found by its hash; every state change in history with who and why."""

import io
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import CommandError, call_command
from django.db import connection
from django.urls import reverse

from commitments.letters.services import letter_register
from commitments.verification.services import verification_record
from credit.enums import Behaviour, Grade, RecordState
from credit.models import CreditRecord
from credit.objections import objection_decide, objection_file, repair_apply, repair_decide
from credit.services import records_expire
from privacy.crypto import lookup_hash

from ..cases.helpers import make_world
from ..letters.helpers import PERSON_ID, person
from .helpers import TODAY, D, make_record, rule


@pytest.fixture
def world(db):
    return make_world()


def test_the_grade_comes_from_the_rule_and_the_period_from_the_grade(world):
    record = make_record(world["users"]["editor"], world["own"], grade=Grade.GRAVE)
    assert record.grade == Grade.GRAVE
    # 较重: at least 6 months, at most 3 years from the decision
    assert record.repair_from == D(2027, 5, 2)
    assert record.publicity_end == D(2029, 11, 1)
    assert record.state == RecordState.VALID


def test_a_rule_of_another_behaviour_is_refused_at_its_field(world):
    with pytest.raises(ValidationError) as e:
        make_record(
            world["users"]["editor"], world["own"], rule=rule(Behaviour.UNFULFILLED, Grade.GRAVE)
        )
    assert "与失信行为不一致" in e.value.message_dict["rule"][0]


def test_an_identity_number_with_a_wrong_check_digit_is_refused(world):
    with pytest.raises(ValidationError) as e:
        make_record(world["users"]["editor"], world["own"], id_number="152922198001010008")
    assert e.value.message_dict["id_number"] == [
        "居民身份证号码的校验码不正确，请核对是否有数字填错或顺序颠倒。"
    ]
    assert not CreditRecord.objects.exists()


def test_a_natural_person_is_never_publicised(world):
    with pytest.raises(ValidationError) as e:
        make_record(world["users"]["editor"], world["own"], publicised=True, legal_basis="某法")
    assert e.value.message_dict["publicised"] == ["自然人的失信记录不向社会公示。"]


def test_another_departments_clerk_cannot_record_for_it(world):
    with pytest.raises(PermissionDenied):
        make_record(world["users"]["author_b"], world["own"])


def test_the_database_holds_the_identity_number_only_encrypted_and_finds_it_by_hash(world):
    record = make_record(world["users"]["editor"], world["own"])
    with connection.cursor() as cursor:
        cursor.execute("SELECT id_number, id_hash FROM credit_creditrecord")
        rows = cursor.fetchall()
        cursor.execute("SELECT id_number FROM credit_historicalcreditrecord")
        history = cursor.fetchall()
    assert rows and all(PERSON_ID not in row[0] for row in rows)
    assert all(PERSON_ID not in row[0] for row in history)
    assert rows[0][1] == lookup_hash(PERSON_ID.lower(), kind="id")
    assert CreditRecord.objects.get(id_hash=lookup_hash(PERSON_ID, kind="id")) == record
    assert CreditRecord.objects.get(pk=record.pk).id_number == PERSON_ID


def _false_finding(world, finding="false"):
    user = world["users"]["editor"]
    letter = letter_register(
        user=user, item=world["items"]["own"], fields=person(), disclose=False, today=TODAY
    )
    return verification_record(
        user=user,
        task=letter.verification,
        checked_by=user,
        checked_on=D(2026, 11, 18),
        source="政务数据共享平台",
        finding=finding,
        reason="执业年限不足五年。",
        files=[SimpleUploadedFile("a.pdf", b"%PDF-1.4 x")],
        today=TODAY,
    )


def test_one_click_from_a_finding_prefills_the_subject_and_records_it_once(client, world):
    result = _false_finding(world)
    client.force_login(world["users"]["editor"])
    listing = client.get(reverse("credit_list")).content.decode()
    new_url = f"{reverse('credit_new')}?result={result.pk}"
    assert new_url.replace("?", "?") in listing.replace("&amp;", "&")
    form = client.get(new_url).context["form"]
    assert form.initial["subject_name"] == "张三丰"
    assert form.initial["id_number"] == PERSON_ID
    assert form.initial["behaviour"] == Behaviour.FALSE_COMMITMENT
    data = {
        **{k: v for k, v in form.initial.items() if isinstance(v, str)},
        "department": world["own"].pk,
        "rule": rule().pk,
        "decided_on": "2026-11-19",
        "document_number": "阿右司信决字〔2026〕7号",
    }
    response = client.post(new_url, data)
    record = CreditRecord.objects.get()
    assert response.url == reverse("credit_detail", args=[record.pk])
    assert record.source_result == result and record.id_number == PERSON_ID
    # the finding is no longer open: the form is refused (Wagtail's redirect with a message)
    assert client.get(new_url).url == reverse("wagtailadmin_home")


def test_a_true_finding_cannot_make_a_record(client, world):
    result = _false_finding(world, finding="true")
    client.force_login(world["users"]["editor"])
    response = client.get(f"{reverse('credit_new')}?result={result.pk}")
    assert response.url == reverse("wagtailadmin_home")


def _reasons(record):
    return [
        (h.history_user.username if h.history_user else None, h.state, h.history_change_reason)
        for h in record.history.order_by("history_date", "history_id")
    ]


@pytest.mark.parametrize(
    "decision,state,grade",
    [
        ("upheld", RecordState.VALID, Grade.GRAVE),
        ("corrected", RecordState.CORRECTED, Grade.ORDINARY),
        ("revoked", RecordState.REVOKED, Grade.GRAVE),
    ],
)
def test_an_objection_holds_the_record_then_its_decision_sets_the_state(
    world, decision, state, grade
):
    editor = world["users"]["editor"]
    record = make_record(editor, world["own"])
    objection = objection_file(
        user=editor,
        record=record,
        filed_with="department",
        received_on=D(2026, 11, 16),
        statement="本人未作虚假承诺。",
        files=[SimpleUploadedFile("说明.pdf", b"%PDF-1.4 y")],
        today=TODAY,
    )
    record.refresh_from_db()
    assert record.state == RecordState.OBJECTING
    assert objection.due_on == D(2026, 11, 30)  # 10 working days
    assert objection.evidence.get().content_type == "application/pdf"
    objection_decide(
        user=editor,
        objection=objection,
        decision=decision,
        reasons="经复核。",
        decided_on=D(2026, 11, 19),
        notified_on=D(2026, 11, 20),
        notified_how="当面送达",
        corrected_grade=Grade.ORDINARY if decision == "corrected" else "",
        today=TODAY,
    )
    record.refresh_from_db()
    assert (record.state, record.grade) == (state, grade)
    history = _reasons(record)
    assert history[0][0] == "editor" and "依据认定决定书登记" in history[0][2]
    assert history[1] == ("editor", RecordState.OBJECTING, "有效→异议中：收到异议（2026-11-16）")
    assert history[-1][0] == "editor" and history[-1][1] == state
    assert "异议处理结果" in history[-1][2]


@pytest.mark.parametrize(
    "decision,state", [("passed", RecordState.REPAIRED), ("refused", RecordState.REPAIR_REFUSED)]
)
def test_a_repair_application_is_decided_by_the_recording_department(world, decision, state):
    editor = world["users"]["editor"]
    record = make_record(editor, world["own"], grade=Grade.ORDINARY, decided_on=D(2026, 8, 3))
    repair = repair_apply(
        user=editor,
        record=record,
        applied_on=D(2026, 11, 3),
        statement="已整改完毕。",
        rectified=True,
        files=[SimpleUploadedFile("整改.pdf", b"%PDF-1.4 z")],
        today=TODAY,
    )
    record.refresh_from_db()
    assert record.state == RecordState.REPAIRING
    with pytest.raises(PermissionDenied):
        repair_decide(
            user=world["users"]["reviewer"],
            repair=repair,
            decision=decision,
            reasons="x",
            decided_on=TODAY,
            today=TODAY,
        )
    repair_decide(
        user=editor,
        repair=repair,
        decision=decision,
        reasons="材料齐全。",
        decided_on=TODAY,
        today=TODAY,
    )
    record.refresh_from_db()
    assert record.state == state
    assert _reasons(record)[-1][0] == "editor"


def test_a_repair_without_evidence_is_refused_at_the_files_field(world):
    editor = world["users"]["editor"]
    record = make_record(editor, world["own"], grade=Grade.ORDINARY, decided_on=D(2026, 8, 3))
    with pytest.raises(ValidationError) as e:
        repair_apply(
            user=editor,
            record=record,
            applied_on=D(2026, 11, 3),
            statement="x",
            rectified=True,
            today=TODAY,
        )
    assert e.value.message_dict["files"] == ["请上传已纠正失信行为的证明材料。"]


def test_a_corrected_record_takes_its_grades_periods_and_may_be_repaired(world):
    editor = world["users"]["editor"]
    record = make_record(editor, world["own"], grade=Grade.GRAVE, decided_on=D(2026, 5, 1))
    assert (record.repair_from, record.publicity_end) == (D(2026, 11, 1), D(2029, 4, 30))
    objection = objection_file(
        user=editor,
        record=record,
        filed_with="department",
        received_on=D(2026, 11, 2),
        statement="情节轻微。",
        files=[SimpleUploadedFile("说明.pdf", b"%PDF-1.4 y")],
        today=TODAY,
    )
    objection_decide(
        user=editor,
        objection=objection,
        decision="corrected",
        reasons="更正为一般。",
        decided_on=D(2026, 11, 3),
        notified_on=D(2026, 11, 3),
        notified_how="当面送达",
        corrected_grade=Grade.ORDINARY,
        today=TODAY,
    )
    record.refresh_from_db()
    assert (record.state, record.grade) == (RecordState.CORRECTED, Grade.ORDINARY)
    # 一般: from 3 months to 1 year after the publicity start
    assert (record.repair_from, record.publicity_end) == (D(2026, 8, 1), D(2027, 4, 30))
    repair = repair_apply(
        user=editor,
        record=record,
        applied_on=D(2026, 11, 4),
        statement="已整改完毕。",
        rectified=True,
        files=[SimpleUploadedFile("整改.pdf", b"%PDF-1.4 z")],
        today=TODAY,
    )
    record.refresh_from_db()
    assert record.state == RecordState.REPAIRING
    repair_decide(
        user=editor,
        repair=repair,
        decision="passed",
        reasons="材料齐全。",
        decided_on=TODAY,
        today=TODAY,
    )
    record.refresh_from_db()
    assert record.state == RecordState.REPAIRED


def test_the_daily_run_marks_records_past_their_maximum_period_expired(world):
    editor = world["users"]["editor"]
    record = make_record(editor, world["own"], grade=Grade.ORDINARY, decided_on=D(2025, 11, 2))
    assert record.publicity_end == D(2026, 11, 1)
    assert records_expire(today=D(2026, 11, 1)) == 0
    assert records_expire(today=D(2026, 11, 2)) == 1
    record.refresh_from_db()
    assert record.state == RecordState.EXPIRED
    assert "最长公示期已于2026-11-01届满" in _reasons(record)[-1][2]


def test_credit_expire_run_twice_expires_each_record_once(world):
    editor = world["users"]["editor"]
    valid = make_record(editor, world["own"], grade=Grade.ORDINARY, decided_on=D(2025, 11, 2))
    corrected = make_record(
        editor, world["own"], grade=Grade.ORDINARY, decided_on=D(2025, 10, 2), id_number=PERSON_ID
    )
    CreditRecord.objects.filter(pk=corrected.pk).update(state=RecordState.CORRECTED)
    in_force = make_record(editor, world["own"], grade=Grade.GRAVE, decided_on=D(2025, 11, 2))
    outputs = []
    for _ in range(2):
        out = io.StringIO()
        call_command("credit_expire", "--date", "2026-11-20", stdout=out)
        outputs.append(out.getvalue().strip())
    assert outputs == ["已到期：2条", "已到期：0条"]
    for record in (valid, corrected):
        record.refresh_from_db()
        assert record.state == RecordState.EXPIRED
        expiries = [r for r in _reasons(record) if r[1] == RecordState.EXPIRED]
        assert len(expiries) == 1
    in_force.refresh_from_db()
    assert in_force.state == RecordState.VALID


def test_credit_expire_refuses_a_malformed_date(db):
    with pytest.raises(CommandError, match="日期格式"):
        call_command("credit_expire", "--date", "20-11-2026")


def test_credit_expire_is_in_the_documented_daily_run():
    text = (Path(settings.BASE_DIR) / "docs/deployment.md").read_text(encoding="utf-8")
    crontab = text.split("# crontab of the application's user", 1)[1].split("```", 1)[0]
    assert "manage.py credit_expire" in crontab
    assert "manage.py send_casework_reminders" in crontab


@pytest.mark.parametrize(
    "state,shown",
    [
        (RecordState.VALID, True),
        (RecordState.CORRECTED, True),
        (RecordState.REPAIR_REFUSED, True),
        (RecordState.REPAIRING, False),
        (RecordState.REVOKED, False),
    ],
)
def test_the_detail_page_offers_repair_for_a_corrected_record(client, world, state, shown):
    editor = world["users"]["editor"]
    record = make_record(editor, world["own"], grade=Grade.ORDINARY)
    CreditRecord.objects.filter(pk=record.pk).update(state=state)
    client.force_login(editor)
    html = client.get(reverse("credit_detail", args=[record.pk])).content.decode()
    assert ("登记信用修复申请" in html) is shown


def test_the_rules_listing_says_whether_a_rule_applies_in_chinese(client, world):
    rule(Behaviour.UNFULFILLED, Grade.ORDINARY).__class__.objects.filter(
        behaviour=Behaviour.UNFULFILLED
    ).update(active=False)
    client.force_login(world["users"]["reviewer"])
    html = client.get("/admin/credit/rules/").content.decode()
    soup = BeautifulSoup(html, "html.parser")
    cells = [td.get_text(strip=True) for td in soup.select("table.listing tbody td")]
    assert "True" not in cells and "False" not in cells
    assert "是" in cells and "否" in cells
