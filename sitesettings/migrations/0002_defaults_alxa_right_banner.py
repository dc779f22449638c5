"""The site settings a fresh installation starts with: no government named (issue 17).

Until issue 17's second part this migration installed 阿拉善右旗's values; installations migrated
then keep them (the migration is not run again, and it never overwrites a row). A fresh
installation of any banner starts neutral: empty names that the administrator fills in under
设置 → 网站信息, neutral public wording. The demo data set 阿拉善右旗's values through the admin's
services (``fixtures/demo_site.py``). The values are copied here, not imported, so that later
changes of the model's constants do not change what this migration did.
"""

from django.db import migrations
from django.utils import timezone

DEFAULTS = {
    "government_name": "",
    "government_short_name": "",
    "site_title": "证明事项告知承诺制",
    "host_unit": "",
    "public_phone": "",
    "email": "",
    "address": "",
    "working_hours": "",
    "icp_number": "",
    "icp_link": "https://beian.miit.gov.cn/",
    "police_record_number": "",
    "police_record_link": "https://beian.mps.gov.cn/#/query/webSearch",
}
WORDING = {
    "home_headline": "办事少跑腿：这些证明可以用一份承诺代替",
    "home_introduction": (
        "我们全面推行证明事项告知承诺制。行政机关一次性书面告知您需要符合的条件，"
        "您书面承诺符合要求，就不用再去开具下列证明。"
    ),
    "complaint_introduction": (
        "对投诉举报事项，承办单位在受理后5个工作日内调查处理，并将处理结果告知您。"
        "可以匿名投诉；留下联系方式便于我们核实情况和答复您。"
    ),
}


def install(apps, schema_editor):
    """The row and its first history record (so that the first edit shows the old values)."""
    for model_name, values in (("SiteIdentity", DEFAULTS), ("PublicWording", WORDING)):
        model = apps.get_model("sitesettings", model_name)
        if model.objects.exists():
            continue
        row = model.objects.create(**values)
        apps.get_model("sitesettings", f"Historical{model_name}").objects.create(
            id=row.pk,
            **values,
            history_date=timezone.now(),
            history_type="+",
            history_change_reason="安装默认值",
        )


class Migration(migrations.Migration):
    dependencies = [("sitesettings", "0001_initial")]

    operations = [migrations.RunPython(install, migrations.RunPython.noop)]
