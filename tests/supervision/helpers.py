"""Small files of each accepted kind, built in memory, and a plan with one milestone of each
deliverable."""

import datetime
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from complaints.enums import AnswerChannel
from complaints.models import Complaint
from complaints.services import (
    complaint_conclude,
    complaint_record_investigation,
    complaint_reject,
)
from supervision.enums import Deliverable
from supervision.models import Milestone, Plan

from ..complaints.helpers import file_complaint

OLE2 = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


def pdf(name="实施方案.pdf"):
    return SimpleUploadedFile(name, b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n%%EOF\n")


def _ooxml(folder: str) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr(f"{folder}document.xml", "<x/>")
    return buffer.getvalue()


def docx(name="工作规程.docx"):
    return SimpleUploadedFile(name, _ooxml("word/"))


def xlsx(name="风险点.xlsx"):
    return SimpleUploadedFile(name, _ooxml("xl/"))


def doc(name="总结.doc"):
    return SimpleUploadedFile(name, OLE2 + b"\x00" * 64)


def make_plan(year=2030, due=datetime.date(2030, 4, 2)) -> Plan:
    plan = Plan.objects.create(year=year, name=f"{year}年实施方案")
    for order, deliverable in enumerate(Deliverable, start=1):
        Milestone.objects.create(
            plan=plan,
            sort_order=order,
            name=f"节点{order}",
            due_on=due,
            deliverable=deliverable,
        )
    return plan


def milestone(plan, deliverable=Deliverable.DOCUMENT) -> Milestone:
    return plan.milestones.get(deliverable=deliverable)


def seed_complaints(editor_a, dept_a, editor_b, dept_b):
    """Complaints of both units: in A one received last month and still open, one concluded on
    time, one rejected (不予受理) late; in B one concluded on time. Returns them by name."""
    now = timezone.now()
    made = {}
    for name, department in (
        ("a_open", dept_a),
        ("a_on_time", dept_a),
        ("a_late", dept_a),
        ("b_on_time", dept_b),
    ):
        made[name], _ = file_complaint(department, now=now, contact_email="")
    today = timezone.localdate()
    for name, editor in (("a_on_time", editor_a), ("b_on_time", editor_b)):
        complaint_record_investigation(
            user=editor, complaint=made[name], investigation="调取记录。", finding="属实。"
        )
        complaint_conclude(
            user=editor,
            complaint=made[name],
            answer="已责令改正。",
            answered_on=today,
            channel=AnswerChannel.PHONE,
        )
    complaint_reject(
        user=editor_a,
        complaint=made["a_late"],
        reason="不属于本单位职责。",
        answered_on=today,
        channel=AnswerChannel.PHONE,
    )
    late = made["a_late"]
    Complaint.objects.filter(pk=late.pk).update(due_on=today - datetime.timedelta(days=1))
    Complaint.objects.filter(pk=made["a_open"].pk).update(
        received_at=now - datetime.timedelta(days=31)
    )
    return made
