"""Database triggers that keep the audit log append-only (see accounts/audit_guard.py)."""

from django.conf import settings
from django.db import migrations

from accounts import audit_guard


def install(apps, schema_editor):
    if getattr(settings, "AUDIT_DB_GUARD", True):
        audit_guard.install(schema_editor.connection)


def uninstall(apps, schema_editor):
    audit_guard.uninstall(schema_editor.connection)


class Migration(migrations.Migration):
    dependencies = [("accounts", "0001_initial")]

    operations = [migrations.RunPython(install, uninstall, elidable=False)]
