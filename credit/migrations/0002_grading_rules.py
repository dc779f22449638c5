"""The grading rules and publicity periods the justice bureau starts from (ADR 018).

Periods follow the national rules on credit repair (see ADR 018 for the sources and what
could not be verified): 一般 3 months minimum / 1 year maximum; 较重 6 months / 3 years;
严重 1 year / 3 years. Both are data the bureau edits; this migration never overwrites an edit.
"""

from django.db import migrations

PERIODS = [
    ("ordinary", 3, 12, "《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令2023年第58号）：一般失信行为信息最短公示3个月，最长公示1年。"),
    ("grave", 6, 36, "较重失信行为无全国统一期限，按《关于进一步完善“信用中国”网站及地方信用门户网站行政处罚信息信用修复机制的通知》（发改办财金〔2019〕527号）最短6个月、最长3年设定，司法局可调整。"),
    ("serious", 12, 36, "《失信行为纠正后的信用信息修复管理办法（试行）》（国家发展改革委令2023年第58号）：严重失信行为信息最短公示1年，最长公示3年。"),
]

RULES = [
    ("false_commitment", "虚假承诺，情节轻微并在办结前主动纠正", "ordinary"),
    ("false_commitment", "以虚假承诺取得证明事项办理结果", "grave"),
    ("false_commitment", "虚假承诺造成危害后果，或三年内再次作出虚假承诺", "serious"),
    ("seriously_untrue", "承诺内容部分不实，未影响办理结果", "ordinary"),
    ("seriously_untrue", "承诺内容严重不实，影响办理结果", "grave"),
    ("unfulfilled", "逾期未履行承诺，经责令限期整改后已改正", "ordinary"),
    ("unfulfilled", "拒不履行承诺，或经责令限期整改仍不改正", "grave"),
    ("unfulfilled", "拒不履行承诺造成严重社会影响", "serious"),
]


def seed(apps, schema_editor):
    GradePeriod = apps.get_model("credit", "GradePeriod")
    GradingRule = apps.get_model("credit", "GradingRule")
    for grade, low, high, basis in PERIODS:
        GradePeriod.objects.get_or_create(
            grade=grade, defaults={"min_months": low, "max_months": high, "basis": basis}
        )
    if not GradingRule.objects.exists():
        GradingRule.objects.bulk_create(
            GradingRule(behaviour=b, circumstances=c, grade=g) for b, c, g in RULES
        )


class Migration(migrations.Migration):
    dependencies = [("credit", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
