"""Signed letters and the working-day calendar move here from ``publishing`` (ADR 012).

The tables keep their names (``Meta.db_table``): this migration only adds the models to this
app's state, and ``publishing.0005`` removes them from that app's state, so no table, row,
index or constraint is touched. The content types (and with them the permissions, the groups'
grants and Wagtail's log entries) are renamed to this app.
"""

import catalog.text
import django.db.models.deletion
import django.utils.timezone
import simple_history.models
from django.conf import settings
from django.db import migrations, models


MOVED = [
    "commitmentletter",
    "historicalcommitmentletter",
    "lettercounter",
    "letteraccesslog",
    "holidayyear",
    "historicalholidayyear",
    "holidayday",
    "historicalholidayday",
]


def _move_content_types(apps, source, target):
    ContentType = apps.get_model("contenttypes", "ContentType")
    taken = set(
        ContentType.objects.filter(app_label=target, model__in=MOVED).values_list(
            "model", flat=True
        )
    )
    ContentType.objects.filter(app_label=source, model__in=set(MOVED) - taken).update(
        app_label=target
    )


def forwards(apps, schema_editor):
    _move_content_types(apps, "publishing", "commitments")


def backwards(apps, schema_editor):
    _move_content_types(apps, "commitments", "publishing")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("catalog", "0002_service_guides"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("publishing", "0004_repair_control_characters"),
        ("wagtailcore", "0098_apitoken"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
                migrations.CreateModel(
                    name="CommitmentLetter",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("item_name", models.CharField(max_length=200, verbose_name="证明名称")),
                        ("item_purpose", models.CharField(max_length=300, verbose_name="申请事项")),
                        ("year", models.PositiveSmallIntegerField(verbose_name="年度")),
                        ("number", models.PositiveIntegerField(verbose_name="序号")),
                        (
                            "applicant_kind",
                            models.CharField(
                                choices=[("person", "自然人"), ("organisation", "法人或其他组织")],
                                max_length=16,
                                verbose_name="申请人类型",
                            ),
                        ),
                        (
                            "person_name",
                            models.CharField(blank=True, max_length=100, verbose_name="姓名"),
                        ),
                        (
                            "person_id_type",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("resident_id", "居民身份证"),
                                    ("passport", "护照"),
                                    ("hk_macao_permit", "港澳居民来往内地通行证"),
                                    ("taiwan_permit", "台湾居民来往大陆通行证"),
                                    ("foreign_permanent_id", "外国人永久居留身份证"),
                                ],
                                max_length=32,
                                verbose_name="证件类型",
                            ),
                        ),
                        (
                            "person_id_number",
                            models.CharField(blank=True, max_length=40, verbose_name="证件编号"),
                        ),
                        (
                            "person_phone",
                            models.CharField(blank=True, max_length=30, verbose_name="联系方式"),
                        ),
                        (
                            "organisation_name",
                            models.CharField(blank=True, max_length=200, verbose_name="单位名称"),
                        ),
                        (
                            "organisation_id_type",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("credit_code", "统一社会信用代码"),
                                    ("other_registration", "其他登记证号"),
                                ],
                                max_length=32,
                                verbose_name="证件类型",
                            ),
                        ),
                        (
                            "organisation_id_number",
                            models.CharField(blank=True, max_length=40, verbose_name="证号"),
                        ),
                        (
                            "legal_representative",
                            models.CharField(
                                blank=True, max_length=100, verbose_name="法定代表人（负责人）"
                            ),
                        ),
                        (
                            "organisation_address",
                            models.CharField(blank=True, max_length=300, verbose_name="地址"),
                        ),
                        (
                            "organisation_phone",
                            models.CharField(blank=True, max_length=30, verbose_name="联系方式"),
                        ),
                        (
                            "agent_name",
                            models.CharField(
                                blank=True, max_length=100, verbose_name="受托代理人姓名"
                            ),
                        ),
                        (
                            "agent_id_type",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("resident_id", "居民身份证"),
                                    ("passport", "护照"),
                                    ("hk_macao_permit", "港澳居民来往内地通行证"),
                                    ("taiwan_permit", "台湾居民来往大陆通行证"),
                                    ("foreign_permanent_id", "外国人永久居留身份证"),
                                ],
                                max_length=32,
                                verbose_name="受托代理人证件类型",
                            ),
                        ),
                        (
                            "agent_id_number",
                            models.CharField(
                                blank=True, max_length=40, verbose_name="受托代理人证件编号"
                            ),
                        ),
                        (
                            "agent_phone",
                            models.CharField(
                                blank=True, max_length=30, verbose_name="受托代理人联系方式"
                            ),
                        ),
                        (
                            "channel",
                            models.CharField(
                                choices=[
                                    ("in_person", "当面递交"),
                                    ("post", "信函"),
                                    ("fax", "传真"),
                                    ("email", "电子邮件"),
                                ],
                                max_length=16,
                                verbose_name="申请方式",
                            ),
                        ),
                        ("received_on", models.DateField(verbose_name="收到申请日期")),
                        (
                            "form_due_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="告知承诺书送达期限"
                            ),
                        ),
                        (
                            "form_sent_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="告知承诺书送达日期"
                            ),
                        ),
                        ("signed_on", models.DateField(verbose_name="承诺日期")),
                        (
                            "conditions_statement",
                            models.TextField(blank=True, verbose_name="申请人写明的符合条件情况"),
                        ),
                        (
                            "disclosure_scope",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("public", "向社会公开"),
                                    ("interested_parties", "向利害关系人公开"),
                                ],
                                max_length=32,
                                verbose_name="公开范围",
                            ),
                        ),
                        (
                            "disclosed_from",
                            models.DateField(blank=True, null=True, verbose_name="公开起始日期"),
                        ),
                        (
                            "disclosed_until",
                            models.DateField(blank=True, null=True, verbose_name="公开截止日期"),
                        ),
                        (
                            "withdrawn_on",
                            models.DateField(blank=True, null=True, verbose_name="撤回承诺日期"),
                        ),
                        (
                            "withdrawal_reason",
                            models.TextField(blank=True, verbose_name="撤回理由"),
                        ),
                        (
                            "registered_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="登记时间"
                            ),
                        ),
                        (
                            "department",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="commitment_letters",
                                to="catalog.department",
                                verbose_name="实施机关",
                            ),
                        ),
                        (
                            "item",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="commitment_letters",
                                to="catalog.certificateitem",
                                verbose_name="证明事项",
                            ),
                        ),
                        (
                            "item_revision",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="wagtailcore.revision",
                                verbose_name="依据的事项发布版本",
                            ),
                        ),
                        (
                            "registered_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="登记人",
                            ),
                        ),
                        (
                            "withdrawn_by",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="撤回登记人",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "承诺书",
                        "verbose_name_plural": "承诺书",
                        "db_table": "publishing_commitmentletter",
                        "ordering": ["-year", "department_id", "-number"],
                    },
                    bases=(catalog.text.CleanTextMixin, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalCommitmentLetter",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("item_name", models.CharField(max_length=200, verbose_name="证明名称")),
                        ("item_purpose", models.CharField(max_length=300, verbose_name="申请事项")),
                        ("year", models.PositiveSmallIntegerField(verbose_name="年度")),
                        ("number", models.PositiveIntegerField(verbose_name="序号")),
                        (
                            "applicant_kind",
                            models.CharField(
                                choices=[("person", "自然人"), ("organisation", "法人或其他组织")],
                                max_length=16,
                                verbose_name="申请人类型",
                            ),
                        ),
                        (
                            "person_name",
                            models.CharField(blank=True, max_length=100, verbose_name="姓名"),
                        ),
                        (
                            "person_id_type",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("resident_id", "居民身份证"),
                                    ("passport", "护照"),
                                    ("hk_macao_permit", "港澳居民来往内地通行证"),
                                    ("taiwan_permit", "台湾居民来往大陆通行证"),
                                    ("foreign_permanent_id", "外国人永久居留身份证"),
                                ],
                                max_length=32,
                                verbose_name="证件类型",
                            ),
                        ),
                        (
                            "person_id_number",
                            models.CharField(blank=True, max_length=40, verbose_name="证件编号"),
                        ),
                        (
                            "person_phone",
                            models.CharField(blank=True, max_length=30, verbose_name="联系方式"),
                        ),
                        (
                            "organisation_name",
                            models.CharField(blank=True, max_length=200, verbose_name="单位名称"),
                        ),
                        (
                            "organisation_id_type",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("credit_code", "统一社会信用代码"),
                                    ("other_registration", "其他登记证号"),
                                ],
                                max_length=32,
                                verbose_name="证件类型",
                            ),
                        ),
                        (
                            "organisation_id_number",
                            models.CharField(blank=True, max_length=40, verbose_name="证号"),
                        ),
                        (
                            "legal_representative",
                            models.CharField(
                                blank=True, max_length=100, verbose_name="法定代表人（负责人）"
                            ),
                        ),
                        (
                            "organisation_address",
                            models.CharField(blank=True, max_length=300, verbose_name="地址"),
                        ),
                        (
                            "organisation_phone",
                            models.CharField(blank=True, max_length=30, verbose_name="联系方式"),
                        ),
                        (
                            "agent_name",
                            models.CharField(
                                blank=True, max_length=100, verbose_name="受托代理人姓名"
                            ),
                        ),
                        (
                            "agent_id_type",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("resident_id", "居民身份证"),
                                    ("passport", "护照"),
                                    ("hk_macao_permit", "港澳居民来往内地通行证"),
                                    ("taiwan_permit", "台湾居民来往大陆通行证"),
                                    ("foreign_permanent_id", "外国人永久居留身份证"),
                                ],
                                max_length=32,
                                verbose_name="受托代理人证件类型",
                            ),
                        ),
                        (
                            "agent_id_number",
                            models.CharField(
                                blank=True, max_length=40, verbose_name="受托代理人证件编号"
                            ),
                        ),
                        (
                            "agent_phone",
                            models.CharField(
                                blank=True, max_length=30, verbose_name="受托代理人联系方式"
                            ),
                        ),
                        (
                            "channel",
                            models.CharField(
                                choices=[
                                    ("in_person", "当面递交"),
                                    ("post", "信函"),
                                    ("fax", "传真"),
                                    ("email", "电子邮件"),
                                ],
                                max_length=16,
                                verbose_name="申请方式",
                            ),
                        ),
                        ("received_on", models.DateField(verbose_name="收到申请日期")),
                        (
                            "form_due_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="告知承诺书送达期限"
                            ),
                        ),
                        (
                            "form_sent_on",
                            models.DateField(
                                blank=True, null=True, verbose_name="告知承诺书送达日期"
                            ),
                        ),
                        ("signed_on", models.DateField(verbose_name="承诺日期")),
                        (
                            "conditions_statement",
                            models.TextField(blank=True, verbose_name="申请人写明的符合条件情况"),
                        ),
                        (
                            "disclosure_scope",
                            models.CharField(
                                blank=True,
                                choices=[
                                    ("public", "向社会公开"),
                                    ("interested_parties", "向利害关系人公开"),
                                ],
                                max_length=32,
                                verbose_name="公开范围",
                            ),
                        ),
                        (
                            "disclosed_from",
                            models.DateField(blank=True, null=True, verbose_name="公开起始日期"),
                        ),
                        (
                            "disclosed_until",
                            models.DateField(blank=True, null=True, verbose_name="公开截止日期"),
                        ),
                        (
                            "withdrawn_on",
                            models.DateField(blank=True, null=True, verbose_name="撤回承诺日期"),
                        ),
                        (
                            "withdrawal_reason",
                            models.TextField(blank=True, verbose_name="撤回理由"),
                        ),
                        (
                            "registered_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="登记时间"
                            ),
                        ),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.TextField(null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "department",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="catalog.department",
                                verbose_name="实施机关",
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "item",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="catalog.certificateitem",
                                verbose_name="证明事项",
                            ),
                        ),
                        (
                            "item_revision",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="wagtailcore.revision",
                                verbose_name="依据的事项发布版本",
                            ),
                        ),
                        (
                            "registered_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="登记人",
                            ),
                        ),
                        (
                            "withdrawn_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="撤回登记人",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "承诺书变更记录",
                        "verbose_name_plural": "historical 承诺书",
                        "db_table": "publishing_historicalcommitmentletter",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalHolidayYear",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        (
                            "year",
                            models.PositiveSmallIntegerField(db_index=True, verbose_name="年度"),
                        ),
                        (
                            "notice",
                            models.CharField(
                                help_text="例如：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）",
                                max_length=200,
                                verbose_name="依据文件",
                            ),
                        ),
                        (
                            "entered_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="录入时间"
                            ),
                        ),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.TextField(null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "entered_by",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="录入人",
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "节假日安排变更记录",
                        "verbose_name_plural": "historical 节假日安排",
                        "db_table": "publishing_historicalholidayyear",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="HolidayYear",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "year",
                            models.PositiveSmallIntegerField(unique=True, verbose_name="年度"),
                        ),
                        (
                            "notice",
                            models.CharField(
                                help_text="例如：国务院办公厅关于2027年部分节假日安排的通知（国办发明电〔2026〕X号）",
                                max_length=200,
                                verbose_name="依据文件",
                            ),
                        ),
                        (
                            "entered_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="录入时间"
                            ),
                        ),
                        (
                            "entered_by",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="录入人",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "节假日安排",
                        "verbose_name_plural": "节假日安排",
                        "db_table": "publishing_holidayyear",
                        "ordering": ["-year"],
                    },
                    bases=(catalog.text.CleanTextMixin, models.Model),
                ),
                migrations.CreateModel(
                    name="HolidayDay",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("date", models.DateField(unique=True, verbose_name="日期")),
                        (
                            "kind",
                            models.CharField(
                                choices=[("holiday", "放假"), ("makeup_workday", "调休上班")],
                                max_length=16,
                                verbose_name="类型",
                            ),
                        ),
                        ("name", models.CharField(blank=True, max_length=50, verbose_name="名称")),
                        (
                            "holiday_year",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="days",
                                to="commitments.holidayyear",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "节假日或调休日",
                        "verbose_name_plural": "节假日或调休日",
                        "db_table": "publishing_holidayday",
                        "ordering": ["date"],
                    },
                    bases=(catalog.text.CleanTextMixin, models.Model),
                ),
                migrations.CreateModel(
                    name="HistoricalHolidayDay",
                    fields=[
                        (
                            "id",
                            models.BigIntegerField(
                                auto_created=True, blank=True, db_index=True, verbose_name="ID"
                            ),
                        ),
                        ("date", models.DateField(db_index=True, verbose_name="日期")),
                        (
                            "kind",
                            models.CharField(
                                choices=[("holiday", "放假"), ("makeup_workday", "调休上班")],
                                max_length=16,
                                verbose_name="类型",
                            ),
                        ),
                        ("name", models.CharField(blank=True, max_length=50, verbose_name="名称")),
                        ("history_id", models.AutoField(primary_key=True, serialize=False)),
                        ("history_date", models.DateTimeField(db_index=True)),
                        ("history_change_reason", models.TextField(null=True)),
                        (
                            "history_type",
                            models.CharField(
                                choices=[("+", "Created"), ("~", "Changed"), ("-", "Deleted")],
                                max_length=1,
                            ),
                        ),
                        (
                            "history_user",
                            models.ForeignKey(
                                null=True,
                                on_delete=django.db.models.deletion.SET_NULL,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                        (
                            "holiday_year",
                            models.ForeignKey(
                                blank=True,
                                db_constraint=False,
                                null=True,
                                on_delete=django.db.models.deletion.DO_NOTHING,
                                related_name="+",
                                to="commitments.holidayyear",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "节假日变更记录",
                        "verbose_name_plural": "historical 节假日或调休日",
                        "db_table": "publishing_historicalholidayday",
                        "ordering": ("-history_date", "-history_id"),
                        "get_latest_by": ("history_date", "history_id"),
                    },
                    bases=(simple_history.models.HistoricalChanges, models.Model),
                ),
                migrations.CreateModel(
                    name="LetterAccessLog",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "accessed_at",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="查阅时间"
                            ),
                        ),
                        ("purpose", models.CharField(max_length=100, verbose_name="查阅内容")),
                        (
                            "ip_address",
                            models.GenericIPAddressField(
                                blank=True, null=True, verbose_name="IP地址"
                            ),
                        ),
                        (
                            "letter",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="access_logs",
                                to="commitments.commitmentletter",
                            ),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "个人信息查阅记录",
                        "verbose_name_plural": "个人信息查阅记录",
                        "db_table": "publishing_letteraccesslog",
                        "ordering": ["-accessed_at", "-pk"],
                    },
                    bases=(catalog.text.CleanTextMixin, models.Model),
                ),
                migrations.CreateModel(
                    name="LetterCounter",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("year", models.PositiveSmallIntegerField()),
                        ("last_number", models.PositiveIntegerField(default=0)),
                        (
                            "department",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="catalog.department",
                            ),
                        ),
                    ],
                    options={
                        "verbose_name": "承诺书编号计数",
                        "verbose_name_plural": "承诺书编号计数",
                        "db_table": "publishing_lettercounter",
                    },
                ),
                migrations.AddIndex(
                    model_name="commitmentletter",
                    index=models.Index(
                        fields=["disclosure_scope", "disclosed_until"],
                        name="publishing__disclos_ab43a1_idx",
                    ),
                ),
                migrations.AddConstraint(
                    model_name="commitmentletter",
                    constraint=models.UniqueConstraint(
                        fields=("department", "year", "number"), name="unique_letter_number"
                    ),
                ),
                migrations.AddConstraint(
                    model_name="lettercounter",
                    constraint=models.UniqueConstraint(
                        fields=("department", "year"), name="unique_letter_counter"
                    ),
                ),
            ],
        ),
        migrations.RunPython(forwards, backwards),
    ]
