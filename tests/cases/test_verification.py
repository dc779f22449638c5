"""Verification (核查): a task for every letter of an item not exempt, due in official working
days; results with a reason, by the department's staff, never dated before the letter;
evidence PDF or image only, EXIF stripped, served only to the letter's department and logged."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from commitments.letters.services import letter_register
from commitments.models import LetterAccessLog, VerificationEvidence, VerificationTask
from commitments.verification.enums import EVIDENCE_MAX_BYTES
from commitments.verification.services import verification_assign, verification_record
from commitments.verification.signals import false_commitment_found

from ..letters.helpers import person, undisclosed_item
from .helpers import TODAY, D, make_world


@pytest.fixture
def world(db):
    return make_world()


@pytest.fixture
def clerk(world):
    return world["users"]["editor"]


def register(world, relation="own", item=None, **fields):
    author = world["users"]["author_a" if relation == "own" else "author_b"]
    return letter_register(
        user=author,
        item=item or world["items"][relation],
        fields=person(**fields),
        disclose=False,
        today=TODAY,
    )


def jpeg_with_exif() -> bytes:
    image = Image.new("RGB", (40, 30), (200, 10, 10))
    exif = Image.Exif()
    exif[0x010F] = "DemoCam"  # Make
    exif[0x0132] = "2026:11:18 10:00:00"  # DateTime
    out = io.BytesIO()
    image.save(out, "JPEG", exif=exif.tobytes())
    return out.getvalue()


def record(clerk, task, **overrides):
    values = {
        "user": clerk,
        "task": task,
        "checked_by": clerk,
        "checked_on": D(2026, 11, 19),
        "source": "全国律师管理系统",
        "finding": "true",
        "reason": "系统记录与承诺一致。",
        "today": TODAY,
    }
    values.update(overrides)
    return verification_record(**values)


def test_a_letter_of_an_item_not_exempt_gets_a_task_due_in_working_days(world):
    publisher = world["users"]["reviewer"]
    item = undisclosed_item(
        world["users"]["author_a"],
        world["own"],
        publisher,
        name="执业经历证明",
        verification_method="on_site",
        verification_time_limit_days=3,
    )
    letter = register(world, item=item, received_on=D(2026, 9, 30), signed_on=D(2026, 9, 30))
    task = letter.verification
    # 9-30 + 3 working days: the National Day holiday skipped, 10-8, 10-9, Saturday 10-10
    assert (task.method, task.due_on, task.time_limit_days) == ("on_site", D(2026, 10, 10), 3)
    assert task.history.get().history_user == world["users"]["author_a"]


def test_a_letter_of_an_exempt_item_gets_no_task(world):
    item = undisclosed_item(
        world["users"]["author_a"],
        world["own"],
        world["users"]["reviewer"],
        name="免核查证明",
        verification_method="exempt",
        verification_time_limit_days=None,
    )
    letter = register(world, item=item)
    assert not VerificationTask.objects.filter(letter=letter).exists()


def test_a_check_dated_before_the_letter_is_refused(world, clerk):
    task = register(world).verification
    with pytest.raises(ValidationError) as raised:
        record(clerk, task, checked_on=D(2026, 11, 13))
    assert raised.value.message_dict["checked_on"] == [
        "核查日期（2026-11-13）不能早于承诺日期（2026-11-16）。"
    ]
    assert not task.results.exists()


def test_a_result_needs_a_reason_and_a_source(world, clerk):
    task = register(world).verification
    with pytest.raises(ValidationError) as raised:
        record(clerk, task, reason=" ", source="")
    assert raised.value.message_dict == {
        "reason": ["请填写结果说明：核查发现的情况和得出结论的理由。"],
        "source": ["请填写核查途径：查询的数据来源或现场核查的地点。"],
    }
    assert not task.results.exists()


def test_checker_and_assignee_must_belong_to_the_department(world, clerk):
    task = register(world).verification
    outsider = world["users"]["author_b"]
    with pytest.raises(ValidationError) as raised:
        record(clerk, task, checked_by=outsider)
    assert raised.value.message_dict["checked_by"] == ["核查人须是本单位的工作人员。"]
    with pytest.raises(ValidationError):
        verification_assign(user=clerk, task=task, assignee=outsider)
    verification_assign(user=clerk, task=task, assignee=world["users"]["leader"])
    assert task.history.first().history_user == clerk


def test_a_second_result_is_a_correction_pointing_at_the_first(world, clerk):
    task = register(world).verification
    first = record(clerk, task)
    with pytest.raises(ValidationError) as raised:
        record(clerk, task, finding="false")
    assert "如需更正" in raised.value.message_dict["corrects"][0]
    second = record(clerk, task, finding="unverifiable", reason="系统无记录。", corrects=first)
    assert task.current_result == second
    assert list(task.results.order_by("pk")) == [first, second]  # nothing replaced


def test_a_false_finding_sends_the_signal_once_committed(
    world, clerk, django_capture_on_commit_callbacks
):
    task = register(world).verification
    received = []

    def receiver(sender, result, letter, user, **kwargs):
        received.append((result.finding, letter.pk, user))

    false_commitment_found.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            record(clerk, task, finding="false", reason="系统记录显示曾受行政处罚。")
    finally:
        false_commitment_found.disconnect(receiver)
    assert received == [("false", task.letter_id, clerk)]


def test_evidence_other_than_pdf_or_image_is_refused(world, clerk):
    task = register(world).verification
    upload = SimpleUploadedFile("说明.docx", b"PK\x03\x04 not a pdf")
    with pytest.raises(ValidationError) as raised:
        record(clerk, task, files=[upload])
    assert raised.value.message_dict["files"] == [
        "“说明.docx”不是PDF或图片（JPG、PNG）文件，不能作为核查证据上传。"
    ]
    assert not task.results.exists()


def test_evidence_larger_than_ten_megabytes_is_refused(world, clerk):
    task = register(world).verification
    upload = SimpleUploadedFile("扫描件.pdf", b"%PDF-1.4" + b"0" * EVIDENCE_MAX_BYTES)
    with pytest.raises(ValidationError) as raised:
        record(clerk, task, files=[upload])
    assert raised.value.message_dict["files"] == ["“扫描件.pdf”超过10MB，请压缩或分页后上传。"]


def test_image_evidence_is_stored_without_exif(world, clerk):
    task = register(world).verification
    original = jpeg_with_exif()
    assert Image.open(io.BytesIO(original)).getexif()[0x010F] == "DemoCam"
    result = record(clerk, task, files=[SimpleUploadedFile("现场.jpeg", original)])
    evidence = result.evidence.get()
    stored = evidence.file.open("rb").read()
    assert (evidence.name, evidence.content_type) == ("现场.jpg", "image/jpeg")
    assert dict(Image.open(io.BytesIO(stored)).getexif()) == {}
    assert Image.open(io.BytesIO(stored)).size == (40, 30)


def test_evidence_is_served_only_to_the_letters_department_and_every_view_logged(
    world, clerk, client
):
    task = register(world).verification
    record(clerk, task, files=[SimpleUploadedFile("查询结果.pdf", b"%PDF-1.4 demo")])
    evidence = VerificationEvidence.objects.get()
    url = reverse("verification_evidence", args=[evidence.pk])
    served = {}
    for role in ("editor", "leader", "reviewer", "supervisor", "author_b", "administrator"):
        client.force_login(world["users"][role])
        response = client.get(url)
        served[role] = response.status_code == 200 and (
            b"".join(response.streaming_content) == b"%PDF-1.4 demo"
        )
    assert served == {
        "editor": True,
        "leader": True,
        "reviewer": False,
        "supervisor": False,
        "author_b": False,
        "administrator": False,
    }
    logs = LetterAccessLog.objects.filter(letter=task.letter, purpose__startswith="查看核查证据")
    assert sorted(log.user.username for log in logs) == ["editor", "leader"]


def test_letters_registered_before_the_casework_get_their_task_when_migrating(world):
    import importlib

    from django.apps import apps

    publisher = world["users"]["reviewer"]
    item = undisclosed_item(
        world["users"]["author_a"],
        world["own"],
        publisher,
        name="执业经历证明",
        verification_method="on_site",
        verification_time_limit_days=3,
    )
    exempt = undisclosed_item(
        world["users"]["author_a"],
        world["own"],
        publisher,
        name="免核查证明",
        verification_method="exempt",
        verification_time_limit_days=None,
    )
    earlier = register(world, item=item, received_on=D(2026, 9, 30), signed_on=D(2026, 9, 30))
    register(world, item=exempt)
    kept = register(world)
    kept_task = kept.verification.pk
    VerificationTask.objects.filter(letter=earlier).delete()  # as before the casework existed

    migration = importlib.import_module(
        "commitments.migrations.0008_verification_tasks_for_earlier_letters"
    )
    migration.make_tasks(apps, None)
    migration.make_tasks(apps, None)  # a second run makes nothing twice

    task = VerificationTask.objects.get(letter=earlier)
    assert (task.method, task.due_on, task.time_limit_days) == ("on_site", D(2026, 10, 10), 3)
    assert VerificationTask.objects.filter(letter=kept).get().pk == kept_task
    assert VerificationTask.objects.count() == 2  # none for the exempt item's letter
