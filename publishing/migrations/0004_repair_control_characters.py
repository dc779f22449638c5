"""Repair text stored before control characters were cleaned at every input (issue 10):
signed letters (a unit name with a vertical tab broke /letters/feed/), withdrawals, catalog
revisions, holidays and their history. See catalog/text.py."""

from django.db import migrations

from catalog.text import repair_stored_text


def repair(apps, schema_editor):
    repair_stored_text(apps, "publishing")


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0003_letter_access_logs_into_audit_log"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop, elidable=True)]
