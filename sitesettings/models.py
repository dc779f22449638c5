"""The site's own words, kept in the admin (issue 17, ADR 022).

Two Wagtail generic settings (one row each; one deployment is one government's site):

- ``SiteIdentity`` (网站信息): who runs the site and how to reach them, kept by the
  administrator: the government's name and short name, the site title, the footer (主办单位,
  public phone, e-mail, address, working hours, ICP 备案号 and 公安机关备案号 with their links).
- ``PublicWording`` (公开文字): the public wording that the justice bureau also words: the home
  page's headline and introduction, the text on the complaint channel.

Every change is kept with simple-history (who, when, old and new values); Wagtail's log entry of
the settings edit view records the edit as well. Public pages read them through
``sitesettings.selectors``, never from a template constant.
"""

from django.core.validators import EmailValidator, RegexValidator, URLValidator
from django.db import models
from simple_history.models import HistoricalRecords
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseGenericSetting, register_setting

from catalog.text import CleanTextMixin

HTTP_URL = URLValidator(
    schemes=["http", "https"], message="请输入以 http:// 或 https:// 开头的网址。"
)
EMAIL = EmailValidator("请输入有效的电子邮箱地址，例如：sfj@example.cn。")
PHONE = RegexValidator(
    r"^[0-9０-９()（）\-－—+＋、/， ,]{3,40}$",
    "电话号码只能包含数字、括号、连字符和分隔号，例如：010-12345678。",
)

# What a fresh installation starts with (migration 0002): no government named. The names and
# the host unit are left empty, which the admin's form requires before anything else is saved
# there: the administrator fills them in first (网站信息). The public pages leave out what is
# empty (see ``selectors.site_info``).
FRESH_IDENTITY = {
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
FRESH_WORDING = {
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

# The values of the deployment in 阿拉善右旗, set by the demo data through the admin's services
# (``fixtures/demo_site.py``); installations migrated before issue 17 got them from migration
# 0002 and keep them.
DEFAULTS_ALXA_RIGHT = {
    **FRESH_IDENTITY,
    "government_name": "阿拉善右旗",
    "government_short_name": "阿右旗",
    "host_unit": "阿拉善右旗司法局",
    "email": "ayqsfj@163.com",
}
WORDING_ALXA_RIGHT = {
    **FRESH_WORDING,
    "home_introduction": (
        "阿拉善右旗全面推行证明事项告知承诺制。行政机关一次性书面告知您需要符合的条件，"
        "您书面承诺符合要求，就不用再去开具下列证明。"
    ),
}


@register_setting(icon="site", order=10)
class SiteIdentity(CleanTextMixin, BaseGenericSetting):
    government_name = models.CharField(
        "政府名称",
        max_length=40,
        help_text="显示在每个公开页面的抬头和标题中，例如：××旗、××县（不加“人民政府”）。",
    )
    government_short_name = models.CharField(
        "简称",
        max_length=20,
        help_text="用于订阅源、导出文件和管理后台的名称：政府名称通用的简称。",
    )
    site_title = models.CharField(
        "网站名称", max_length=40, help_text="显示在政府名称之后，例如：证明事项告知承诺制。"
    )
    host_unit = models.CharField(
        "主办单位",
        max_length=60,
        help_text="页脚的“主办”单位和答复邮件的署名，例如：××旗司法局。",
    )
    public_phone = models.CharField(
        "咨询电话",
        max_length=40,
        blank=True,
        validators=[PHONE],
        help_text="页脚显示的公开咨询电话。留空时显示司法局在“实施机关”中登记的咨询电话。",
    )
    email = models.CharField("电子邮箱", max_length=100, blank=True, validators=[EMAIL])
    address = models.CharField("通信地址", max_length=100, blank=True)
    working_hours = models.CharField(
        "工作时间",
        max_length=100,
        blank=True,
        help_text="例如：工作日 上午8:30—12:00，下午14:30—18:00（法定节假日除外）。",
    )
    icp_number = models.CharField(
        "ICP备案号",
        max_length=40,
        blank=True,
        help_text="例如：蒙ICP备12345678号-1。留空则不显示。",
    )
    icp_link = models.CharField(
        "ICP备案号链接",
        max_length=200,
        blank=True,
        default="https://beian.miit.gov.cn/",
        validators=[HTTP_URL],
        help_text="点击备案号打开的网址，通常是工业和信息化部的备案管理系统。",
    )
    police_record_number = models.CharField(
        "公安机关备案号",
        max_length=40,
        blank=True,
        help_text="例如：蒙公网安备15292202000123号。留空则不显示。",
    )
    police_record_link = models.CharField(
        "公安机关备案号链接",
        max_length=200,
        blank=True,
        default="https://beian.mps.gov.cn/#/query/webSearch",
        validators=[HTTP_URL],
        help_text="点击备案号打开的网址，通常是全国互联网安全管理服务平台的查询页。",
    )

    history = HistoricalRecords(verbose_name="网站信息变更记录")

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("government_name"),
                FieldPanel("government_short_name"),
                FieldPanel("site_title"),
            ],
            heading="名称",
        ),
        MultiFieldPanel(
            [
                FieldPanel("host_unit"),
                FieldPanel("public_phone"),
                FieldPanel("email"),
                FieldPanel("address"),
                FieldPanel("working_hours"),
            ],
            heading="页脚联系方式",
        ),
        MultiFieldPanel(
            [
                FieldPanel("icp_number"),
                FieldPanel("icp_link"),
                FieldPanel("police_record_number"),
                FieldPanel("police_record_link"),
            ],
            heading="备案信息",
        ),
    ]

    class Meta:
        verbose_name = "网站信息"
        verbose_name_plural = "网站信息"

    def __str__(self):
        return f"{self.government_name}{self.site_title}"


@register_setting(icon="doc-full", order=20)
class PublicWording(CleanTextMixin, BaseGenericSetting):
    home_headline = models.CharField("首页标题", max_length=60)
    home_introduction = models.TextField("首页介绍", max_length=500)
    complaint_introduction = models.TextField(
        "投诉举报说明",
        max_length=500,
        help_text="显示在投诉举报和举报虚假承诺页面的表单上方。",
    )

    history = HistoricalRecords(verbose_name="公开文字变更记录")

    panels = [
        MultiFieldPanel(
            [FieldPanel("home_headline"), FieldPanel("home_introduction")], heading="首页"
        ),
        FieldPanel("complaint_introduction"),
    ]

    class Meta:
        verbose_name = "公开文字"
        verbose_name_plural = "公开文字"

    def __str__(self):
        return "公开文字"
