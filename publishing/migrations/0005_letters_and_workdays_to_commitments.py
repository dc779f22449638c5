"""Signed letters and the working-day calendar now belong to ``commitments`` (ADR 012): they
leave this app's state only; their tables, rows and names stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("publishing", "0004_repair_control_characters"),
        ("commitments", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.RemoveField(
                    model_name="letteraccesslog",
                    name="letter",
                ),
                migrations.RemoveField(
                    model_name="historicalcommitmentletter",
                    name="department",
                ),
                migrations.RemoveField(
                    model_name="historicalcommitmentletter",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalcommitmentletter",
                    name="item",
                ),
                migrations.RemoveField(
                    model_name="historicalcommitmentletter",
                    name="item_revision",
                ),
                migrations.RemoveField(
                    model_name="historicalcommitmentletter",
                    name="registered_by",
                ),
                migrations.RemoveField(
                    model_name="historicalcommitmentletter",
                    name="withdrawn_by",
                ),
                migrations.RemoveField(
                    model_name="historicalholidayday",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="historicalholidayday",
                    name="holiday_year",
                ),
                migrations.RemoveField(
                    model_name="historicalholidayyear",
                    name="entered_by",
                ),
                migrations.RemoveField(
                    model_name="historicalholidayyear",
                    name="history_user",
                ),
                migrations.RemoveField(
                    model_name="holidayday",
                    name="holiday_year",
                ),
                migrations.RemoveField(
                    model_name="holidayyear",
                    name="entered_by",
                ),
                migrations.RemoveField(
                    model_name="letteraccesslog",
                    name="user",
                ),
                migrations.RemoveField(
                    model_name="lettercounter",
                    name="department",
                ),
                migrations.DeleteModel(
                    name="CommitmentLetter",
                ),
                migrations.DeleteModel(
                    name="HistoricalCommitmentLetter",
                ),
                migrations.DeleteModel(
                    name="HistoricalHolidayDay",
                ),
                migrations.DeleteModel(
                    name="HistoricalHolidayYear",
                ),
                migrations.DeleteModel(
                    name="HolidayDay",
                ),
                migrations.DeleteModel(
                    name="HolidayYear",
                ),
                migrations.DeleteModel(
                    name="LetterAccessLog",
                ),
                migrations.DeleteModel(
                    name="LetterCounter",
                ),
            ],
        ),
    ]
