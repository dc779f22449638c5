"""Small files of each accepted kind, built in memory, and a plan with one milestone of each
deliverable."""

import datetime
import io
import zipfile

from django.core.files.uploadedfile import SimpleUploadedFile

from supervision.enums import Deliverable
from supervision.models import Milestone, Plan

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
