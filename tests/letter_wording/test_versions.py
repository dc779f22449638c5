"""The letter wording (告知承诺书文本) is versioned: migrate installs version 1 with the texts
printed before; an approved change publishes version 2, which every new letter form (web
page, Word, PDF) prints and states; a draft never shows; a registered letter keeps its
version (docs/adr/024-letter-wording.md)."""

import importlib
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.urls import reverse

from catalog.letters.services import letter_wording_submit, letter_wording_update
from catalog.letters.wording import DEFAULT_TEXTS, WORDING_FIELD_NAMES
from catalog.models import LetterWording, LetterWordingVersion
from commitments.letters.services import letter_register
from permissions.enums import Role

from ..cases.helpers import TODAY, make_world, open_case, returned_case
from ..factories import make_user
from ..letters.helpers import person
from .helpers import (
    NEW_INTRO,
    OLD_INTRO,
    docx_body,
    pdf_text,
    publish_wording,
    squeezed,
)


@pytest.fixture
def world(db):
    world = make_world()
    world["users"]["reviewer2"] = make_user("reviewer2", role=Role.REVIEWER)
    return world


def _public_forms(client, item) -> dict[str, str]:
    html = client.get(reverse("public:letter_form", args=[item.pk]))
    docx = client.get(reverse("public:letter_form_docx", args=[item.pk]))
    pdf = client.get(reverse("public:letter_form_pdf", args=[item.pk]))
    assert html.status_code == docx.status_code == pdf.status_code == 200
    return {
        "html": squeezed(html.content.decode()),
        "docx": squeezed(docx_body(docx.content)),
        "pdf": pdf_text(pdf.content),
    }


def test_migrate_installs_version_1_with_the_texts_printed_before(db):
    version = LetterWordingVersion.objects.get()
    assert version.number == 1
    assert version.texts == DEFAULT_TEXTS
    assert version.submitted_by is None and version.approved_by is None
    wording = LetterWording.objects.get()
    assert wording.live and wording.texts() == DEFAULT_TEXTS
    # the migration keeps its own frozen copy: equal to today's texts
    migration = importlib.import_module("catalog.migrations.0009_letter_wording")
    assert migration.VERSION_1_TEXTS == DEFAULT_TEXTS
    assert OLD_INTRO in DEFAULT_TEXTS["false_commitment_intro"]
    assert [n for n in WORDING_FIELD_NAMES if re.fullmatch(r"commitment_\d", n)] == [
        f"commitment_{n}" for n in range(1, 6)
    ]


@pytest.mark.django_db(transaction=True)
def test_version_1_comes_back_after_a_flush_and_only_when_there_is_none():
    call_command("flush", verbosity=0, interactive=False)
    assert list(LetterWordingVersion.objects.values_list("number", flat=True)) == [1]
    assert LetterWording.objects.count() == 1
    call_command("migrate", verbosity=0, interactive=False)  # post_migrate again: no copy
    assert LetterWordingVersion.objects.count() == 1
    assert LetterWording.objects.count() == 1


def test_every_public_form_states_version_1(client, world):
    forms = _public_forms(client, world["items"]["own"])
    for kind, text in forms.items():
        assert "文书版本：告知承诺书文本第1版" in text, kind
        assert OLD_INTRO in text, kind


def test_a_change_in_review_never_shows_on_the_public_form(client, world):
    reviewer = world["users"]["reviewer"]
    letter_wording_update(user=reviewer, texts={"false_commitment_intro": NEW_INTRO})
    forms = _public_forms(client, world["items"]["own"])
    letter_wording_submit(user=reviewer)
    forms_in_review = _public_forms(client, world["items"]["own"])
    for text in (*forms.values(), *forms_in_review.values()):
        assert OLD_INTRO in text and squeezed(NEW_INTRO) not in text
        assert "第1版" in text and "第2版" not in text
    assert LetterWordingVersion.objects.count() == 1


def test_approval_by_another_reviewer_publishes_version_2_on_the_web_word_and_pdf(client, world):
    author, approver = world["users"]["reviewer"], world["users"]["reviewer2"]
    version = publish_wording(author, approver)
    assert version.number == 2
    assert version.texts["false_commitment_intro"] == NEW_INTRO
    assert version.submitted_by == author and version.approved_by == approver
    assert version.revision.user == author
    assert LetterWording.objects.get().false_commitment_intro == NEW_INTRO
    for kind, text in _public_forms(client, world["items"]["own"]).items():
        assert squeezed(NEW_INTRO) in text, kind
        assert "全盟" not in text, kind
        assert "文书版本：告知承诺书文本第2版" in text, kind
        assert "第1版" not in text, kind


def test_every_text_of_the_wording_reaches_the_form(client, world):
    """Each text, changed, is printed in its new words (the title and the five commitments
    included): nothing of the old wording is left in the code."""
    author, approver = world["users"]["reviewer"], world["users"]["reviewer2"]
    changed = {
        name: text.replace("。", "（改）。", 1) if "。" in text else text + "（改）"
        for name, text in DEFAULT_TEXTS.items()
    }
    publish_wording(author, approver, **changed)
    item = world["items"]["own"]  # not disclosed, not exempt, no agent
    html = _public_forms(client, item)["html"]
    for name in (
        "title",
        "agent_column_note",
        "commitment_way",
        "agent_not_allowed",
        "return_unknown",
        "commitment_effect",
        "false_commitment_intro",
        "not_disclosed",
        "commitments_intro",
        "commitment_1",
        "commitment_2",
        "commitment_3",
        "commitment_4",
        "commitment_5",
        "cooperation",
        "copies_note",
    ):
        assert squeezed(changed[name]) in html, name
    assert "行政机关将采取" in html and "（改）" in html


def test_a_letter_registered_under_version_1_keeps_it_after_version_2(client, world):
    clerk = world["users"]["editor"]
    item = world["items"]["own"]
    case = returned_case(clerk, item)
    assert case.letter.wording_version.number == 1
    publish_wording(world["users"]["reviewer"], world["users"]["reviewer2"])
    client.force_login(clerk)
    docx = client.get(reverse("case_letter_form", args=[case.pk, "docx"]))
    pdf = client.get(reverse("case_letter_form", args=[case.pk, "pdf"]))
    for text in (squeezed(docx_body(docx.content)), pdf_text(pdf.content)):
        assert OLD_INTRO in text and squeezed(NEW_INTRO) not in text
        assert "文书版本：告知承诺书文本第1版" in text
    detail = client.get(reverse("letter_admin_detail", args=[case.letter.pk]))
    assert "告知承诺书文本第1版" in detail.content.decode()


def test_a_case_without_a_letter_yet_prints_the_version_in_force(client, world):
    clerk = world["users"]["editor"]
    case = open_case(clerk, world["items"]["own"])
    publish_wording(world["users"]["reviewer"], world["users"]["reviewer2"])
    client.force_login(clerk)
    docx = client.get(reverse("case_letter_form", args=[case.pk, "docx"]))
    text = squeezed(docx_body(docx.content))
    assert squeezed(NEW_INTRO) in text and "文书版本：告知承诺书文本第2版" in text


def test_a_letter_registered_after_version_2_is_signed_on_version_2(world):
    publish_wording(world["users"]["reviewer"], world["users"]["reviewer2"])
    letter = letter_register(
        user=world["users"]["editor"],
        item=world["items"]["own"],
        fields=person(),
        disclose=False,
        today=TODAY,
    )
    assert letter.wording_version.number == 2


def test_a_published_version_cannot_be_changed_or_deleted(world):
    version = LetterWordingVersion.objects.get(number=1)
    version.texts = {**version.texts, "title": "改"}
    with pytest.raises(ValidationError):
        version.save()
    with pytest.raises(ValidationError):
        version.delete()
    assert LetterWordingVersion.objects.get(number=1).texts == DEFAULT_TEXTS
