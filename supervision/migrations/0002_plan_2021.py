"""The banner's 2021 implementation plan (实施方案 四、五), shipped as data: every installation
gets it by ``migrate`` (ADR 015). Dates and wording from the seed; the justice bureau copies it
to the next year in the admin (实施方案 → 复制到新年度).

The plan's 依据文件 is left blank: a fresh installation of any banner gets this migration, so it
names no government; each fills in its own plan's title in the admin (the demo data set
阿拉善右旗's through ``supervision.services.plan_update``). Installations migrated earlier keep
the title this migration gave them then."""

import datetime

from django.db import migrations

SOURCE = ""
MILESTONES = [
    # (name, due date, deliverable, description)
    (
        "报送联络员信息表（附件2）",
        datetime.date(2021, 3, 26),
        "liaison_complete",
        "各部门于3月26日前将本部门联络员信息表报旗司法局。平台核对单位的分管领导、联络员姓名和联系电话是否填写完整。",
    ),
    (
        "制定实施方案（附证明事项目录）并报备",
        datetime.date(2021, 4, 2),
        "document",
        "各苏木镇、各部门结合实际制定实施方案（附实行告知承诺制证明事项目录），于4月2日前报旗司法局备案。",
    ),
    (
        "建章立制：工作规程",
        datetime.date(2021, 4, 9),
        "document",
        "细化工作任务，落实工作责任，建立告知承诺工作规程，于4月9日前完成。",
    ),
    (
        "建章立制：风险点与防控措施",
        datetime.date(2021, 4, 9),
        "document",
        "梳理工作环节风险点，制定防控措施（实施方案三、(五)），于4月9日前完成。",
    ),
    (
        "建章立制：服务指南和流程图",
        datetime.date(2021, 4, 9),
        "guides_published",
        "建立服务指南和流程图。平台核对单位是否有已公布的办事指南。",
    ),
    (
        "全面推行：证明事项目录公布",
        datetime.date(2021, 6, 30),
        "catalog_published",
        "依据实施方案要求于7月前全面开展工作。平台核对单位是否有已公布的证明事项。",
    ),
    (
        "第一阶段书面总结",
        datetime.date(2021, 7, 9),
        "document",
        "工作开展情况、主要做法和工作成效、建立的制度和规范、存在的问题和建议，7月9日前书面报旗司法局。",
    ),
    (
        "第二阶段书面总结",
        datetime.date(2021, 10, 9),
        "document",
        "第二阶段工作总结，10月9日前书面报旗司法局。",
    ),
]


def create_plan(apps, schema_editor):
    Plan = apps.get_model("supervision", "Plan")
    Milestone = apps.get_model("supervision", "Milestone")
    plan, created = Plan.objects.get_or_create(
        year=2021, defaults={"name": "2021年实施方案", "source": SOURCE}
    )
    if not created:
        return
    for order, (name, due_on, deliverable, description) in enumerate(MILESTONES, start=1):
        Milestone.objects.create(
            plan=plan,
            sort_order=order,
            name=name,
            due_on=due_on,
            deliverable=deliverable,
            description=description,
        )


class Migration(migrations.Migration):
    dependencies = [("supervision", "0001_plans")]

    operations = [migrations.RunPython(create_plan, migrations.RunPython.noop)]
