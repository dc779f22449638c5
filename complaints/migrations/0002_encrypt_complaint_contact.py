"""Complainants' phone and e-mail encrypted at rest, with lookup hashes (ADR 017).

Same steps as commitments 0010: encrypted and hash columns added, every row (and its
history) converted in batches, the plain columns dropped.
"""

import django.core.validators
from django.db import migrations

import privacy.fields
from privacy.migration import decrypt_to_plain_columns, encrypt_plain_columns

MODELS = ["complaint", "historicalcomplaint"]
COLUMNS = {
    "contact_phone": "contact_phone_encrypted",
    "contact_email": "contact_email_encrypted",
}
HASHED = {
    "contact_phone_hash": ("contact_phone", "phone"),
    "contact_email_hash": ("contact_email", "email"),
}


def encrypt(apps, schema_editor):
    for name in MODELS:
        encrypt_plain_columns(apps.get_model("complaints", name), columns=COLUMNS, hashed=HASHED)


def decrypt(apps, schema_editor):
    for name in MODELS:
        decrypt_to_plain_columns(apps.get_model("complaints", name), columns=COLUMNS)


class Migration(migrations.Migration):
    dependencies = [
        ("complaints", "0001_initial"),
    ]

    operations = [
        migrations.AddField(
            model_name="complaint",
            name="contact_phone_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True, default="", max_length=30, verbose_name="联系电话"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="complaint",
            name="contact_email_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True,
                default="",
                max_length=254,
                verbose_name="电子邮箱",
                validators=[django.core.validators.validate_email],
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="complaint",
            name="contact_phone_hash",
            field=privacy.fields.LookupHashField(verbose_name="联系电话查找哈希"),
        ),
        migrations.AddField(
            model_name="complaint",
            name="contact_email_hash",
            field=privacy.fields.LookupHashField(verbose_name="电子邮箱查找哈希"),
        ),
        migrations.AddField(
            model_name="historicalcomplaint",
            name="contact_phone_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True, default="", max_length=30, verbose_name="联系电话"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalcomplaint",
            name="contact_email_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True,
                default="",
                max_length=254,
                verbose_name="电子邮箱",
                validators=[django.core.validators.validate_email],
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalcomplaint",
            name="contact_phone_hash",
            field=privacy.fields.LookupHashField(verbose_name="联系电话查找哈希"),
        ),
        migrations.AddField(
            model_name="historicalcomplaint",
            name="contact_email_hash",
            field=privacy.fields.LookupHashField(verbose_name="电子邮箱查找哈希"),
        ),
        migrations.RunPython(encrypt, decrypt),
        migrations.RemoveField(model_name="complaint", name="contact_phone"),
        migrations.RenameField(
            model_name="complaint", old_name="contact_phone_encrypted", new_name="contact_phone"
        ),
        migrations.RemoveField(model_name="complaint", name="contact_email"),
        migrations.RenameField(
            model_name="complaint", old_name="contact_email_encrypted", new_name="contact_email"
        ),
        migrations.RemoveField(model_name="historicalcomplaint", name="contact_phone"),
        migrations.RenameField(
            model_name="historicalcomplaint",
            old_name="contact_phone_encrypted",
            new_name="contact_phone",
        ),
        migrations.RemoveField(model_name="historicalcomplaint", name="contact_email"),
        migrations.RenameField(
            model_name="historicalcomplaint",
            old_name="contact_email_encrypted",
            new_name="contact_email",
        ),
    ]
