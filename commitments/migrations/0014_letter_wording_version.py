"""Every signed letter states the version of the letter wording it was signed on; the letters
registered before the wording was versioned were signed on version 1 (catalog 0007)."""

import django.db.models.deletion
from django.db import migrations, models

import catalog.letters.selectors


def letters_on_version_1(apps, schema_editor):
    LetterWordingVersion = apps.get_model("catalog", "LetterWordingVersion")
    CommitmentLetter = apps.get_model("commitments", "CommitmentLetter")
    HistoricalCommitmentLetter = apps.get_model("commitments", "HistoricalCommitmentLetter")
    if not CommitmentLetter.objects.exists():
        return
    version_1 = LetterWordingVersion.objects.get(number=1)
    CommitmentLetter.objects.filter(wording_version__isnull=True).update(
        wording_version=version_1
    )
    HistoricalCommitmentLetter.objects.filter(wording_version__isnull=True).update(
        wording_version=version_1
    )


class Migration(migrations.Migration):
    dependencies = [
        ("catalog", "0009_letter_wording"),
        ("commitments", "0013_vocabulary_fields"),
    ]

    operations = [
        migrations.AddField(
            model_name="commitmentletter",
            name="wording_version",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="catalog.letterwordingversion",
                verbose_name="告知承诺书文本版本",
            ),
        ),
        migrations.AddField(
            model_name="historicalcommitmentletter",
            name="wording_version",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="catalog.letterwordingversion",
                verbose_name="告知承诺书文本版本",
            ),
        ),
        migrations.RunPython(letters_on_version_1, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="commitmentletter",
            name="wording_version",
            field=models.ForeignKey(
                default=catalog.letters.selectors.current_letter_wording_version_pk,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="catalog.letterwordingversion",
                verbose_name="告知承诺书文本版本",
            ),
        ),
        migrations.AlterField(
            model_name="historicalcommitmentletter",
            name="wording_version",
            field=models.ForeignKey(
                blank=True,
                db_constraint=False,
                default=catalog.letters.selectors.current_letter_wording_version_pk,
                null=True,
                on_delete=django.db.models.deletion.DO_NOTHING,
                related_name="+",
                to="catalog.letterwordingversion",
                verbose_name="告知承诺书文本版本",
            ),
        ),
    ]
