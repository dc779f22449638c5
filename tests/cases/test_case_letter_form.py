"""The letter form given for a case states its return deadline (请于 YYYY年M月D日 前递交) in the
Word file and the PDF; the generic form of the public site leaves the date blank."""

import io
import re
import subprocess

import pytest
from django.urls import reverse
from django.utils import timezone
from docx import Document

from catalog.letters.template import RETURN_UNKNOWN
from commitments.cases.services import case_record_form_given, return_deadline_set
from commitments.workdays import add_working_days

from .helpers import TODAY, D, make_world, open_case


@pytest.fixture
def world(db):
    return make_world()


def _pdf_text(pdf: bytes) -> str:
    text = subprocess.run(
        ["pdftotext", "-", "-"],  # noqa: S607 (poppler-utils, installed by make test-deps)
        input=pdf,
        capture_output=True,
        check=True,
    ).stdout.decode()
    return re.sub(r"\s", "", text)


def _docx_text(content: bytes) -> str:
    return "\n".join(p.text for p in Document(io.BytesIO(content)).paragraphs)


def _get(client, user, case, extension):
    client.force_login(user)
    return client.get(reverse("case_letter_form", args=[case.pk, extension]))


def test_word_and_pdf_of_an_in_person_case_state_its_return_deadline(client, world):
    clerk = world["users"]["editor"]
    item = world["items"]["own"]
    return_deadline_set(user=clerk, department=world["own"], item=item, working_days=7)
    case = open_case(clerk, item, received_on=D(2026, 9, 28))  # 7 working days over 国庆
    # 9-29, 9-30, National Day skipped, 10-8, 10-9, Saturday 10-10 (make-up), 10-12, 10-13
    assert case.return_due_on == add_working_days(D(2026, 9, 28), 7) == D(2026, 10, 13)
    due = case.return_due_on
    sentence = f"请于 {due.year}年{due.month}月{due.day}日 前递交"

    docx = _get(client, clerk, case, "docx")
    assert docx["Content-Type"].startswith("application/vnd.openxmlformats")
    assert sentence in _docx_text(docx.content)
    assert RETURN_UNKNOWN not in _docx_text(docx.content)

    pdf = _get(client, clerk, case, "pdf")
    assert pdf["Content-Type"] == "application/pdf"
    assert sentence.replace(" ", "") in _pdf_text(pdf.content)


def test_a_remote_case_states_the_deadline_from_the_recorded_sending_date(client, world):
    clerk = world["users"]["editor"]
    case = open_case(clerk, world["items"]["own"], channel="post", received_on=D(2026, 11, 16))
    case = case_record_form_given(user=clerk, case=case, given_on=D(2026, 11, 18), today=TODAY)
    due = add_working_days(D(2026, 11, 18), case.return_working_days)
    text = _pdf_text(_get(client, clerk, case, "pdf").content)
    assert f"请于{due.year}年{due.month}月{due.day}日前递交" in text


def test_a_form_not_yet_recorded_as_sent_states_the_deadline_if_sent_today(client, world):
    clerk = world["users"]["editor"]
    case = open_case(clerk, world["items"]["own"], channel="email", received_on=D(2026, 11, 16))
    assert case.return_due_on is None
    due = add_working_days(timezone.localdate(), case.return_working_days)
    docx = _docx_text(_get(client, clerk, case, "docx").content)
    assert f"请于 {due.year}年{due.month}月{due.day}日 前递交" in docx


def test_the_public_form_of_an_item_has_no_case_and_leaves_the_date_blank(client, world):
    item = world["items"]["own"]
    docx = client.get(reverse("public:letter_form_docx", args=[item.pk]))
    text = _docx_text(docx.content)
    assert RETURN_UNKNOWN in text and "请于 " not in text
    pdf = client.get(reverse("public:letter_form_pdf", args=[item.pk]))
    assert "在被告知期限内" in _pdf_text(pdf.content)


@pytest.mark.parametrize(
    ("role", "relation", "allowed"),
    [
        ("editor", "own", True),
        ("author_b", "own", False),  # a clerk of another department
        ("leader", "own", False),
        ("reviewer", "own", False),
        ("supervisor", "own", False),
        ("administrator", "own", False),
        ("auditor", "own", False),
        ("security_admin", "own", False),
    ],
)
def test_only_the_departments_clerks_print_the_form_of_a_case(
    client, world, role, relation, allowed
):
    case = open_case(world["users"]["author_a"], world["items"][relation])
    response = _get(client, world["users"][role], case, "pdf")
    if allowed:
        assert response["Content-Type"] == "application/pdf"
    else:
        assert response.status_code == 302
        assert response.get("Content-Type", "").startswith("text/html")


def test_an_unknown_format_is_not_found(client, world):
    case = open_case(world["users"]["editor"], world["items"]["own"])
    assert _get(client, world["users"]["editor"], case, "odt").status_code == 404
