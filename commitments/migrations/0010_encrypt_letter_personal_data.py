"""Signed letters' identity numbers and phones encrypted at rest, with lookup hashes (ADR 017).

Adds an encrypted column and the hash columns next to each plain one (letters and their
history), encrypts and hashes every row in batches, drops the plain column and gives the
encrypted one its name: afterwards no column holds a plain identity number or phone.
"""

from django.db import migrations

import privacy.fields
from privacy.migration import decrypt_to_plain_columns, encrypt_plain_columns

MODELS = ["commitmentletter", "historicalcommitmentletter"]
COLUMNS = {
    "person_id_number": "person_id_number_encrypted",
    "person_phone": "person_phone_encrypted",
    "organisation_id_number": "organisation_id_number_encrypted",
    "organisation_phone": "organisation_phone_encrypted",
    "agent_id_number": "agent_id_number_encrypted",
    "agent_phone": "agent_phone_encrypted",
}
HASHED = {
    "person_id_hash": ("person_id_number", "id"),
    "person_phone_hash": ("person_phone", "phone"),
    "organisation_id_hash": ("organisation_id_number", "id"),
    "organisation_phone_hash": ("organisation_phone", "phone"),
    "agent_id_hash": ("agent_id_number", "id"),
    "agent_phone_hash": ("agent_phone", "phone"),
}


def encrypt(apps, schema_editor):
    for name in MODELS:
        encrypt_plain_columns(apps.get_model("commitments", name), columns=COLUMNS, hashed=HASHED)


def decrypt(apps, schema_editor):
    for name in MODELS:
        decrypt_to_plain_columns(apps.get_model("commitments", name), columns=COLUMNS)


class Migration(migrations.Migration):
    dependencies = [
        ("commitments", "0009_verification_origin_complaint"),
    ]

    operations = [
        migrations.AddField(
            model_name="commitmentletter",
            name="person_id_number_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True, default="", max_length=40, verbose_name="证件编号"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="commitmentletter",
            name="person_phone_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True, default="", max_length=30, verbose_name="联系方式"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="commitmentletter",
            name="organisation_id_number_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True, default="", max_length=40, verbose_name="证号"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="commitmentletter",
            name="organisation_phone_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True, default="", max_length=30, verbose_name="联系方式"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="commitmentletter",
            name="agent_id_number_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True, default="", max_length=40, verbose_name="受托代理人证件编号"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="commitmentletter",
            name="agent_phone_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True, default="", max_length=30, verbose_name="受托代理人联系方式"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="commitmentletter",
            name="person_id_hash",
            field=privacy.fields.LookupHashField(verbose_name="证件编号查找哈希"),
        ),
        migrations.AddField(
            model_name="commitmentletter",
            name="person_phone_hash",
            field=privacy.fields.LookupHashField(verbose_name="联系方式查找哈希"),
        ),
        migrations.AddField(
            model_name="commitmentletter",
            name="organisation_id_hash",
            field=privacy.fields.LookupHashField(verbose_name="证号查找哈希"),
        ),
        migrations.AddField(
            model_name="commitmentletter",
            name="organisation_phone_hash",
            field=privacy.fields.LookupHashField(verbose_name="单位联系方式查找哈希"),
        ),
        migrations.AddField(
            model_name="commitmentletter",
            name="agent_id_hash",
            field=privacy.fields.LookupHashField(verbose_name="受托代理人证件编号查找哈希"),
        ),
        migrations.AddField(
            model_name="commitmentletter",
            name="agent_phone_hash",
            field=privacy.fields.LookupHashField(verbose_name="受托代理人联系方式查找哈希"),
        ),
        migrations.AddField(
            model_name="historicalcommitmentletter",
            name="person_id_number_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True, default="", max_length=40, verbose_name="证件编号"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalcommitmentletter",
            name="person_phone_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True, default="", max_length=30, verbose_name="联系方式"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalcommitmentletter",
            name="organisation_id_number_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True, default="", max_length=40, verbose_name="证号"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalcommitmentletter",
            name="organisation_phone_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True, default="", max_length=30, verbose_name="联系方式"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalcommitmentletter",
            name="agent_id_number_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True, default="", max_length=40, verbose_name="受托代理人证件编号"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalcommitmentletter",
            name="agent_phone_encrypted",
            field=privacy.fields.EncryptedTextField(
                blank=True, default="", max_length=30, verbose_name="受托代理人联系方式"
            ),
            preserve_default=False,
        ),
        migrations.AddField(
            model_name="historicalcommitmentletter",
            name="person_id_hash",
            field=privacy.fields.LookupHashField(verbose_name="证件编号查找哈希"),
        ),
        migrations.AddField(
            model_name="historicalcommitmentletter",
            name="person_phone_hash",
            field=privacy.fields.LookupHashField(verbose_name="联系方式查找哈希"),
        ),
        migrations.AddField(
            model_name="historicalcommitmentletter",
            name="organisation_id_hash",
            field=privacy.fields.LookupHashField(verbose_name="证号查找哈希"),
        ),
        migrations.AddField(
            model_name="historicalcommitmentletter",
            name="organisation_phone_hash",
            field=privacy.fields.LookupHashField(verbose_name="单位联系方式查找哈希"),
        ),
        migrations.AddField(
            model_name="historicalcommitmentletter",
            name="agent_id_hash",
            field=privacy.fields.LookupHashField(verbose_name="受托代理人证件编号查找哈希"),
        ),
        migrations.AddField(
            model_name="historicalcommitmentletter",
            name="agent_phone_hash",
            field=privacy.fields.LookupHashField(verbose_name="受托代理人联系方式查找哈希"),
        ),
        migrations.RunPython(encrypt, decrypt),
        migrations.RemoveField(model_name="commitmentletter", name="person_id_number"),
        migrations.RenameField(
            model_name="commitmentletter",
            old_name="person_id_number_encrypted",
            new_name="person_id_number",
        ),
        migrations.RemoveField(model_name="commitmentletter", name="person_phone"),
        migrations.RenameField(
            model_name="commitmentletter",
            old_name="person_phone_encrypted",
            new_name="person_phone",
        ),
        migrations.RemoveField(model_name="commitmentletter", name="organisation_id_number"),
        migrations.RenameField(
            model_name="commitmentletter",
            old_name="organisation_id_number_encrypted",
            new_name="organisation_id_number",
        ),
        migrations.RemoveField(model_name="commitmentletter", name="organisation_phone"),
        migrations.RenameField(
            model_name="commitmentletter",
            old_name="organisation_phone_encrypted",
            new_name="organisation_phone",
        ),
        migrations.RemoveField(model_name="commitmentletter", name="agent_id_number"),
        migrations.RenameField(
            model_name="commitmentletter",
            old_name="agent_id_number_encrypted",
            new_name="agent_id_number",
        ),
        migrations.RemoveField(model_name="commitmentletter", name="agent_phone"),
        migrations.RenameField(
            model_name="commitmentletter", old_name="agent_phone_encrypted", new_name="agent_phone"
        ),
        migrations.RemoveField(model_name="historicalcommitmentletter", name="person_id_number"),
        migrations.RenameField(
            model_name="historicalcommitmentletter",
            old_name="person_id_number_encrypted",
            new_name="person_id_number",
        ),
        migrations.RemoveField(model_name="historicalcommitmentletter", name="person_phone"),
        migrations.RenameField(
            model_name="historicalcommitmentletter",
            old_name="person_phone_encrypted",
            new_name="person_phone",
        ),
        migrations.RemoveField(
            model_name="historicalcommitmentletter", name="organisation_id_number"
        ),
        migrations.RenameField(
            model_name="historicalcommitmentletter",
            old_name="organisation_id_number_encrypted",
            new_name="organisation_id_number",
        ),
        migrations.RemoveField(model_name="historicalcommitmentletter", name="organisation_phone"),
        migrations.RenameField(
            model_name="historicalcommitmentletter",
            old_name="organisation_phone_encrypted",
            new_name="organisation_phone",
        ),
        migrations.RemoveField(model_name="historicalcommitmentletter", name="agent_id_number"),
        migrations.RenameField(
            model_name="historicalcommitmentletter",
            old_name="agent_id_number_encrypted",
            new_name="agent_id_number",
        ),
        migrations.RemoveField(model_name="historicalcommitmentletter", name="agent_phone"),
        migrations.RenameField(
            model_name="historicalcommitmentletter",
            old_name="agent_phone_encrypted",
            new_name="agent_phone",
        ),
    ]
