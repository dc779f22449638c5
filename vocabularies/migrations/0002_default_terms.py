"""The vocabularies' default terms: the values, labels and order of the enums they replace
(catalog.enums, complaints.enums, credit.enums as of this migration), frozen here."""

from django.db import migrations

# (vocabulary, [(code, label), ...]) in order; order = 10, 20, 30, ...
DEFAULT_TERMS = [
    (
        "focus_area",
        [
            ("household", "户籍管理"),
            ("market_access", "市场主体准营"),
            ("qualification_exam", "资格考试"),
            ("social_insurance", "社会保险"),
            ("social_assistance", "社会救助"),
            ("health_check", "健康体检"),
            ("legal_services", "法律服务"),
            ("other", "其他"),
        ],
    ),
    (
        "matter_type",
        [
            ("licensing", "行政许可"),
            ("confirmation", "行政确认"),
            ("payment", "行政给付"),
            ("award", "行政奖励"),
            ("ruling", "行政裁决"),
            ("other_power", "其他行政权力"),
            ("public_service", "公共服务"),
        ],
    ),
    (
        # in order of precedence: 法律 first, 规范性文件 last
        "legal_level",
        [
            ("law", "法律"),
            ("administrative_regulation", "行政法规"),
            ("state_council_decision", "国务院决定"),
            ("local_regulation", "地方性法规"),
            ("autonomous_regulation", "自治条例和单行条例"),
            ("departmental_rule", "部门规章"),
            ("local_government_rule", "地方政府规章"),
            ("regional_decision", "自治区决定"),
            ("normative_document", "规范性文件"),
        ],
    ),
    (
        "department_kind",
        [
            ("banner_department", "旗直部门"),
            ("township", "苏木镇人民政府"),
            ("vertical_unit", "垂直管理单位"),
            ("fire_brigade", "消防救援队伍"),
        ],
    ),
    (
        "verification_method",
        [
            ("online", "在线核查"),
            ("on_site", "现场核查"),
            ("assisted", "协助核查"),
            ("exempt", "免于核查"),
        ],
    ),
    (
        "disclosure_scope",
        [
            ("public", "向社会公开"),
            ("interested_parties", "向利害关系人公开"),
        ],
    ),
    (
        # the empty value (不属于排除情形) is the fields' blank value, not a term
        "excluded_category",
        [
            ("statutory", "法律法规明确规定不适用告知承诺制"),
            ("national_security", "直接涉及国家安全"),
            ("state_secrets", "直接涉及国家秘密"),
            ("public_safety", "直接涉及公共安全"),
            ("financial_prudential", "直接涉及金融业审慎监管"),
            ("ecological_protection", "直接涉及生态环境保护"),
            ("health_life_property", "直接关系人身健康、生命财产安全"),
            ("major_foreign_affairs", "直接涉及重要涉外事项"),
        ],
    ),
    (
        "complaint_kind",
        [
            ("still_demanded", "取消的证明仍被索要（取而不消）"),
            ("outside_catalog", "索要目录以外的证明"),
            ("circular_proof", "循环证明、重复证明"),
            ("not_told_at_once", "未一次性告知"),
            ("form_not_sent", "未按期送达告知承诺书"),
            ("false_commitment", "举报虚假承诺"),
            ("other", "其他"),
        ],
    ),
    (
        "credit_behaviour",
        [
            ("false_commitment", "虚假承诺"),
            ("seriously_untrue", "承诺严重不实"),
            ("unfulfilled", "不履行承诺"),
        ],
    ),
]


def create_default_terms(term_model, using="default"):
    """Create the default terms missing from the table (used by this migration and by the
    app's post_migrate handler when the table is empty)."""
    existing = set(term_model.objects.using(using).values_list("vocabulary", "code"))
    term_model.objects.using(using).bulk_create(
        term_model(vocabulary=vocabulary, code=code, label=label, order=(rank + 1) * 10)
        for vocabulary, terms in DEFAULT_TERMS
        for rank, (code, label) in enumerate(terms)
        if (vocabulary, code) not in existing
    )


def forwards(apps, schema_editor):
    create_default_terms(apps.get_model("vocabularies", "Term"), schema_editor.connection.alias)


def backwards(apps, schema_editor):
    apps.get_model("vocabularies", "Term").objects.using(schema_editor.connection.alias).delete()


class Migration(migrations.Migration):
    dependencies = [("vocabularies", "0001_initial")]

    operations = [migrations.RunPython(forwards, backwards)]
