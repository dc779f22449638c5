"""Repair text stored before control characters were cleaned at every input (issue 10):
every text column of the catalog's models and their history, and the stored content of the
Wagtail revisions of items and guides. A vertical tab becomes a line break (a space in one-line
fields); other control characters are removed. See catalog/text.py."""

from django.db import migrations

from catalog.text import repair_revisions, repair_stored_text


def repair(apps, schema_editor):
    repair_stored_text(apps, "catalog")
    repair_revisions(apps, "catalog", ["CertificateItem", "ServiceGuide"])


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0003_pending_imports"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop, elidable=True)]
