"""The data migrations repair text stored before the cleaning existed (issue 10, point 3)."""

import importlib

import pytest
from django.apps import apps
from django.db import connection
from django.db.migrations.loader import MigrationLoader
from django.urls import reverse
from wagtail.models import Revision

from catalog.models import CertificateItem, LegalBasis
from commitments.letters.services import letter_register
from commitments.models import CommitmentLetter
from search.models import Synonym

from ..letters.helpers import TODAY, disclosed_item, organisation

VT = "\x0b"
pytestmark = pytest.mark.django_db


def migration(app: str, name: str):
    return importlib.import_module(f"{app}.migrations.{name}")


def test_the_migrations_repair_rows_history_and_revisions(client, editor_a, dept_a, reviewer):
    item = disclosed_item(editor_a, dept_a, reviewer)
    letter = letter_register(
        user=editor_a, item=item, fields=organisation(), disclose=True, today=TODAY
    )
    synonym = Synonym.objects.create(term="户口", synonym="户籍")
    # Written past every cleaning, as before the fix.
    CertificateItem.objects.filter(pk=item.pk).update(
        purpose=f"律师事务所{VT}申请设立分所",
        remarks=f"第一行{VT}第二行\x1f",  # no NUL: PostgreSQL cannot store it
    )
    LegalBasis.objects.filter(item=item).update(article_text=f"条文{VT}内容")
    CommitmentLetter.objects.filter(pk=letter.pk).update(organisation_name=f"示例{VT}律所")
    Synonym.objects.filter(pk=synonym.pk).update(note=f"说明{VT}\x07")
    revision = item.latest_revision
    content = dict(revision.content, purpose=f"律师事务所{VT}申请设立分所")
    content["legal_bases"] = [dict(b, article_text=f"条文{VT}内容") for b in content["legal_bases"]]
    Revision.objects.filter(pk=revision.pk).update(content=content)
    history = item.history.first()
    type(history).objects.filter(pk=history.pk).update(name=f"历史{VT}名称")
    assert client.get(reverse("public:letters_feed")).status_code == 200  # writers clean too

    migration("catalog", "0004_repair_control_characters").repair(apps, None)
    # Letters were in ``publishing`` when that migration ran (they moved to ``commitments``).
    publishing_0004 = ("publishing", "0004_repair_control_characters")
    then = MigrationLoader(connection).project_state(publishing_0004).apps
    migration(*publishing_0004).repair(then, None)
    migration("search", "0004_repair_control_characters").repair(apps, None)

    item.refresh_from_db()
    assert item.purpose == "律师事务所 申请设立分所"
    assert item.remarks == "第一行\n第二行"
    assert LegalBasis.objects.get(item=item).article_text == "条文\n内容"
    assert CommitmentLetter.objects.get(pk=letter.pk).organisation_name == "示例 律所"
    assert Synonym.objects.get(pk=synonym.pk).note == "说明 "
    revision.refresh_from_db()
    assert revision.content["purpose"] == "律师事务所 申请设立分所"
    assert revision.content["legal_bases"][0]["article_text"] == "条文\n内容"
    assert type(history).objects.get(pk=history.pk).name == "历史 名称"
