"""Repair synonyms stored before control characters were cleaned at every input (issue 10).
The index rows are derived from published items: `rebuild_search_index` renews them."""

from django.db import migrations

from catalog.text import repair_stored_text


def repair(apps, schema_editor):
    repair_stored_text(apps, "catalog_search", models_named={"Synonym"})


class Migration(migrations.Migration):
    dependencies = [
        ("catalog_search", "0003_name_pinyin_streams"),
    ]

    operations = [migrations.RunPython(repair, migrations.RunPython.noop, elidable=True)]
