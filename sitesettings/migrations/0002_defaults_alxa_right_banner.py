"""Install today's values of 阿拉善右旗 as the site settings, so that nothing visible changes
for the current deployment (the values were in the templates before issue 17)."""

from django.db import migrations
from django.utils import timezone

DEFAULTS = {
    "government_name": "阿拉善右旗",
    "government_short_name": "阿右旗",
    "site_title": "证明事项告知承诺制",
    "host_unit": "阿拉善右旗司法局",
    "public_phone": "",
    "email": "ayqsfj@163.com",
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
        "阿拉善右旗全面推行证明事项告知承诺制。行政机关一次性书面告知您需要符合的条件，"
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
