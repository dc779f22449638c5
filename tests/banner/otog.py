"""A second banner, 鄂托克旗 of 鄂尔多斯市, set up from nothing but configuration (issue 17).

Each configuration step is a small function taking the ``SecondBanner`` being built and doing
what its administrator or justice bureau would do, through the functions the admin's own views
call (imports, settings pages, grant requests, the extra-field admin, the review routes, the
content pages, the plan's form, the vocabularies, the letter wording). ``CONFIGURATION`` lists
them in order; a step may change what the walk uses (``banner.matter_type`` …).

``walk_item`` then takes one item from an editor's draft through the leader, the countersign
step and the justice bureau to the public site. All names, phones and record numbers below
are of 鄂托克旗 as its own 附件1 would write them; people, phones and numbers are fictional.
"""

import io
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from openpyxl import Workbook

from catalog.enums import DisclosureScope, FocusArea, LegalLevel, MatterType, VerificationMethod
from catalog.guides.services import guide_create, guide_submit
from catalog.letters.services import (
    letter_wording_review,
    letter_wording_submit,
    letter_wording_update,
)
from catalog.models import Department, ExtraField
from catalog.services import item_create, item_review, item_submit
from catalog.spreadsheets.services import departments_import
from commitments.letters.services import letter_register
from content.enums import ContentKind
from content.services import content_page_create, content_page_review, content_page_submit
from permissions.enums import Role
from permissions.services import (
    department_group,
    grant_request_approve,
    grant_request_create,
    role_grant,
    role_groups_ensure,
)
from publishing.services import WORKFLOW_NAME, catalog_revision_publish, countersign_step_add
from sitesettings.services import public_wording_update, site_identity_update
from supervision.models import Plan
from supervision.services import plan_update
from vocabularies.models import Term

PASSWORD = "Etk-2026-set-up!"

# 网站信息 and 公开文字 of 鄂托克旗.
IDENTITY = {
    "government_name": "鄂托克旗",
    "government_short_name": "鄂旗",
    "site_title": "证明事项告知承诺制",
    "host_unit": "鄂托克旗司法局",
    "public_phone": "0477-6212148",
    "email": "etkqsfj@example.cn",
    "address": "鄂托克旗乌兰镇乌仁都西街司法局二楼",
    "working_hours": "工作日 上午8:30—12:00，下午14:30—18:00",
    "icp_number": "蒙ICP备05012345号-3",
    "police_record_number": "蒙公网安备15062402000123号",
}
WORDING = {
    "home_headline": "鄂托克旗：一份承诺，少跑一趟",
    "home_introduction": "鄂托克旗全面推行证明事项告知承诺制，书面承诺符合条件即可代替下列证明。",
    "complaint_introduction": "鄂托克旗司法局受理投诉举报，受理后5个工作日内调查处理并答复。",
}
PLAN_SOURCE = "《鄂托克旗全面推行证明事项告知承诺制实施方案》"

# 附件1 部门名单 of 鄂托克旗 (its own unit names), with the 附件2 contacts of three units.
UNITS = [
    "旗发展和改革委员会",
    "教育体育局",
    "公安局",
    "民政局",
    "司法局",
    "财政局",
    "人力资源和社会保障局",
    "自然资源局",
    "住房和城乡建设局",
    "农牧局",
    "卫生健康委员会",
    "市场监督管理局",
    "政务服务局",
    "乌兰镇人民政府",
    "棋盘井镇人民政府",
    "蒙西镇人民政府",
    "木凯淖尔镇人民政府",
    "阿尔巴斯苏木人民政府",
    "苏米图苏木人民政府",
    "国家税务总局鄂托克旗税务局",
    "鄂托克旗消防救援大队",
]
CONTACTS = {
    "司法局": ("高志强", "0477-6212101", "19904770001", "白雪", "0477-6212102", "19904770002"),
    "公安局": ("乌力吉", "0477-6212201", "19904770003", "其其格", "0477-6212202", "19904770004"),
    "政务服务局": ("田刚", "0477-6212301", "19904770005", "娜仁", "0477-6212302", "19904770006"),
}


def annex1_sheet() -> bytes:
    """鄂托克旗's unit list as the import reads it: the 附件2 layout (单位名称, then 分管领导
    and 联络员), most units still without contacts."""
    book = Workbook()
    sheet = book.active
    sheet.title = "部门名单"
    sheet.append(["联络信息表"])
    sheet.append(["填报单位（盖章）：鄂托克旗司法局"])
    sheet.append(["单位名称", "分管领导", None, None, "联络员", None, None])
    sheet.append([None, "姓名", "办公号码", "手机号码", "姓名", "办公号码", "手机号码"])
    for name in UNITS:
        sheet.append([name, *CONTACTS.get(name, ())])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


@dataclass
class SecondBanner:
    """What the configuration made, for the walk and the pages to fetch."""

    users: dict = field(default_factory=dict)
    departments: dict = field(default_factory=dict)
    extra_fields: list = field(default_factory=list)
    # what the walk's item uses: a later step (vocabularies as rows) may set its own
    matter_type: str = MatterType.LICENSING
    focus_area: str = FocusArea.LEGAL_SERVICES
    # labels the configuration replaced: no page may show them any more
    replaced_labels: set = field(default_factory=set)
    item: object = None
    guide: object = None
    letter: object = None
    revision: object = None
    content_page: object = None
    wording_version: object = None


def _user(username: str, name: str):
    """An account as the system administrator creates it in the admin (用户 → 添加用户)."""
    return get_user_model().objects.create_user(
        username=username, password=PASSWORD, first_name=name, email=f"{username}@example.cn"
    )


def _request_and_approve(banner: SecondBanner, user, group, *, by) -> None:
    """A role requested on the user's 授权 page, approved by the security administrator."""
    grant = grant_request_create(user=user, group=group, by=by, reason="鄂托克旗司法局任职文件")
    grant_request_approve(grant=grant, by=banner.users["secadmin"], comment="同意")


# --- the configuration steps ------------------------------------------------------------------


def administrators(banner: SecondBanner) -> None:
    """``createsuperuser``, then the three administrators (等保 三权分立) given by the superuser."""
    root = get_user_model().objects.create_superuser("etk_root", password=PASSWORD)
    banner.users["root"] = root
    for username, name, role in (
        ("etk_admin", "系统管理员", Role.ADMINISTRATOR),
        ("etk_secadmin", "安全管理员", Role.SECURITY_ADMIN),
    ):
        user = _user(username, name)
        role_grant(user=user, role=role, by=root)
        banner.users[username.removeprefix("etk_")] = user


def site_settings(banner: SecondBanner) -> None:
    """设置 → 网站信息 (the administrator)."""
    site_identity_update(by=banner.users["admin"], **IDENTITY)


def units_from_annex1(banner: SecondBanner) -> None:
    """实施机关 → 导入联络员信息: 附件1's units (and the contacts given), preview then write."""
    data, filename = annex1_sheet(), "鄂托克旗部门名单.xlsx"
    admin = banner.users["admin"]
    preview = departments_import(user=admin, data=data, filename=filename)
    assert [r.name for r in preview.rows] == UNITS, [r.issues for r in preview.rows]
    report = departments_import(user=admin, data=data, filename=filename, commit=True)
    assert report.committed
    banner.departments = {d.name: d for d in Department.objects.all()}


def staff(banner: SecondBanner) -> None:
    """用户 and 授权: the justice bureau's two reviewers (requested by the superuser), the
    公安局's editor and leader, the 政务服务局's leader who countersigns (requested by the
    system administrator); each approved by the security administrator."""
    root, admin = banner.users["root"], banner.users["admin"]
    for username, name in (("etk_reviewer", "白雪"), ("etk_reviewer2", "高志强")):
        user = _user(username, name)
        _request_and_approve(banner, user, role_groups_ensure()[Role.REVIEWER], by=root)
        banner.users[username.removeprefix("etk_")] = user
    gaj, zwfw = banner.departments["公安局"], banner.departments["政务服务局"]
    for username, name, department, role in (
        ("etk_gaj_editor", "其其格", gaj, Role.EDITOR),
        ("etk_gaj_leader", "乌力吉", gaj, Role.LEADER),
        ("etk_zwfw_leader", "田刚", zwfw, Role.LEADER),
    ):
        user = _user(username, name)
        _request_and_approve(banner, user, department_group(department, role), by=admin)
        banner.users[username.removeprefix("etk_")] = user


def public_wording(banner: SecondBanner) -> None:
    """设置 → 公开文字 (the justice bureau's reviewer)."""
    public_wording_update(by=banner.users["reviewer"], **WORDING)


def extra_field(banner: SecondBanner) -> None:
    """附加字段 → 添加 (the reviewer, in the admin): a public, exported choice field."""
    client = Client()
    client.force_login(banner.users["reviewer"])
    response = client.post(
        reverse("wagtailsnippets_catalog_extrafield:add"),
        {
            "label": "办理渠道",
            "key": "channel",
            "kind": "choice",
            "choices": "全程网办\n一窗受理\n容缺受理",
            "min_value": "",
            "max_value": "",
            "help_text": "申请人可以通过哪种渠道办理。",
            "public": "on",
            "exported": "on",
            "sort_order": "1",
            "active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    banner.extra_fields = list(ExtraField.objects.filter(key="channel"))


def _term_form(user, url: str, data: dict) -> None:
    """设置 → 词表 (ADR 023), as the justice bureau's reviewer fills it in."""
    client = Client()
    client.force_login(user)
    response = client.post(url, data)
    assert response.status_code == 302, response.content.decode()[:2000]


def new_matter_type(banner: SecondBanner) -> None:
    """词表 → 添加: 行政备案, a matter type the seed's list does not have; the walk's item and
    its guide are of this type (and so is the countersign step)."""
    _term_form(
        banner.users["reviewer"],
        reverse("wagtailsnippets_vocabularies_term:add"),
        {"vocabulary": "matter_type", "code": "filing", "label": "行政备案", "order": "15"},
    )
    _term_form(  # then switched on, as a second edit (a new term may be prepared first)
        banner.users["reviewer"],
        reverse(
            "wagtailsnippets_vocabularies_term:edit",
            args=[Term.objects.get(vocabulary="matter_type", code="filing").pk],
        ),
        {"label": "行政备案", "order": "15", "active": "on"},
    )
    banner.matter_type = "filing"


def renamed_focus_area(banner: SecondBanner) -> None:
    """词表 → 重点领域 户籍管理 → 户籍与身份证明 (its code, what records store, stays)."""
    term = Term.objects.get(vocabulary="focus_area", code=FocusArea.HOUSEHOLD)
    banner.replaced_labels.add(term.label)
    _term_form(
        banner.users["reviewer"],
        reverse("wagtailsnippets_vocabularies_term:edit", args=[term.pk]),
        {"label": "户籍与身份证明", "order": str(term.order), "active": "on"},
    )
    banner.focus_area = FocusArea.HOUSEHOLD


def countersign_step(banner: SecondBanner) -> None:
    """设置 → 工作流: the 政务服务局's leader countersigns 行政许可 items before the justice
    bureau (ADR 021), added by the system administrator."""
    from wagtail.models import Workflow

    countersign_step_add(
        user=banner.users["admin"],
        workflow=Workflow.objects.get(name=WORKFLOW_NAME),
        name="政务服务局会签",
        department=banner.departments["政务服务局"],
        matter_types=[banner.matter_type],
    )


def plan_source(banner: SecondBanner) -> None:
    """工作督查 → 实施方案: the plan shipped by migration gets this banner's title."""
    plan_update(user=banner.users["reviewer"], plan=Plan.objects.get(year=2021), source=PLAN_SOURCE)


def content_page(banner: SecondBanner) -> None:
    """页面: a 政策解读 page, approved by the second reviewer."""
    page = content_page_create(
        user=banner.users["reviewer"],
        kind=ContentKind.POLICY,
        title="鄂托克旗证明事项告知承诺制政策解读",
        summary="哪些证明可以用承诺代替，承诺不实有什么后果。",
        body=[("paragraph", "<p>鄂托克旗对下列证明事项实行告知承诺制。</p>")],
    )
    content_page_submit(user=banner.users["reviewer"], page=page)
    page.refresh_from_db()
    content_page_review(user=banner.users["reviewer2"], page=page, action="approve")
    page.refresh_from_db()
    banner.content_page = page.specific


# 告知承诺书文本: the league's credit catalogue of 附件3 becomes this banner's city's platform.
FALSE_COMMITMENT_INTRO = (
    "证明事项告知承诺失信行为信息纳入鄂尔多斯市公共信用信息平台，对执意隐瞒真实情况、"
    "提供虚假承诺办理有关事项的，依法作出如下处理："
)


def letter_wording(banner: SecondBanner) -> None:
    """设置 → 告知承诺书文本: a reviewer changes the 附件3 wording and submits it, the other
    reviewer approves it: version 2 is what every new letter form follows."""
    reviewer, reviewer2 = banner.users["reviewer"], banner.users["reviewer2"]
    letter_wording_update(user=reviewer, texts={"false_commitment_intro": FALSE_COMMITMENT_INTRO})
    letter_wording_submit(user=reviewer)
    banner.wording_version = letter_wording_review(user=reviewer2, action="approve")


CONFIGURATION = [
    administrators,
    site_settings,
    units_from_annex1,
    staff,
    public_wording,
    extra_field,
    new_matter_type,
    renamed_focus_area,
    countersign_step,
    plan_source,
    content_page,
    letter_wording,
]


def configure() -> SecondBanner:
    banner = SecondBanner()
    for step in CONFIGURATION:
        step(banner)
    return banner


# --- the walk ------------------------------------------------------------------------------------

ITEM = {
    "name": "无犯罪记录证明",
    "purpose": "申请设立保安服务公司",
    "requesting_unit": "鄂托克旗公安局",
    "issuing_unit": "户籍所在地公安派出所",
    "level_county": True,
    "certificate_content": "申请人及其拟任的法定代表人、主要管理人员无故意犯罪记录。",
    "agent_may_commit": True,
    "false_commitment_consequences": "终止办理或者撤销许可；记入申请人信用记录。",
    "verification_method": VerificationMethod.ONLINE,
    "verification_time_limit_days": 5,
    "letters_disclosed": True,
    "disclosure_scope": DisclosureScope.PUBLIC,
    "disclosure_period_months": 12,
    "extra_values": {"channel": "一窗受理"},
}
LEGAL_BASIS = {
    "name": "《保安服务管理条例》",
    "document_number": "中华人民共和国国务院令第564号",
    "article": "第八条",
    "article_text": "申请设立保安服务公司，应当向所在地设区的市级人民政府公安机关提交申请书以及"
    "能够证明其符合本条例第八条规定条件的材料。",
    "legal_level": LegalLevel.ADMINISTRATIVE_REGULATION,
}
GUIDE = {
    "name": "保安服务公司设立许可",
    "legal_basis": "《保安服务管理条例》第八条",
    "conditions": "有不低于人民币100万元的注册资本；拟任的保安服务公司法定代表人和主要管理人员"
    "无被刑事处罚、劳动教养、收容教育、强制隔离戒毒或者被开除公职、开除军籍等不良记录。",
    "statutory_time_limit_days": 20,
    "promised_time_limit_days": 10,
    "is_free": True,
    "fee_details": "",
    "hall": "鄂托克旗政务服务中心一楼",
    "window": "公安综合窗口",
    "office_hours": "工作日 8:30—12:00，14:30—18:00",
    "online_url": "",
    "contact_phone": "0477-6212202",
    "complaint_channel": "鄂托克旗司法局 0477-6212148；12345政务服务便民热线",
}
APPLICANT = {
    "applicant_kind": "person",
    "person_name": "巴特尔",
    "person_id_type": "resident_id",
    "person_id_number": "152728198001010004",
    "person_phone": "19904779999",
    "channel": "in_person",
    "form_sent_on": None,
    "conditions_statement": "本人无故意犯罪记录。",
}


def _approve(record, user) -> None:
    item_review(user=user, item=record, action="approve", comment="同意")
    record.refresh_from_db()


def _through_the_route(banner: SecondBanner, record) -> list[str]:
    """The leader, the countersigner and the justice bureau approve; the steps' names."""
    users = banner.users
    steps = []
    for user in (users["gaj_leader"], users["zwfw_leader"], users["reviewer"]):
        steps.append(record.current_workflow_task.name)
        _approve(record, user)
    return steps


def walk_item(banner: SecondBanner) -> SecondBanner:
    """An editor of 公安局 enters an item (with the extra field) and its guide, submits both;
    each passes the leader, the countersign and the justice bureau and is published; a catalog
    revision is published and a signed letter registered with disclosure."""
    editor, department = banner.users["gaj_editor"], banner.departments["公安局"]
    item = item_create(
        user=editor,
        department=department,
        fields={**ITEM, "matter_type": banner.matter_type, "focus_area": banner.focus_area},
        legal_bases=[LEGAL_BASIS],
    )
    item_submit(user=editor, item=item)
    item.refresh_from_db()
    steps = _through_the_route(banner, item)
    assert steps == ["分管领导审批", "政务服务局会签", "司法局审核"], steps
    assert item.live
    banner.item = item
    guide = guide_create(
        user=editor,
        department=department,
        fields={**GUIDE, "matter_type": banner.matter_type},
        materials=[
            {"name": "保安服务公司设立申请书", "copies": "1份", "source": "申请人自备"},
            {
                "name": "无犯罪记录证明",
                "copies": "1份",
                "replaced_by_commitment": True,
                "certificate_item": item,
            },
        ],
        steps=[
            {"title": "受理", "description": "窗口当场审查申请材料是否齐全。"},
            {"title": "决定", "description": "自受理之日起10个工作日内作出决定。"},
        ],
    )
    guide_submit(user=editor, guide=guide)
    guide.refresh_from_db()
    _through_the_route(banner, guide)
    assert guide.live
    banner.guide = guide
    banner.revision = catalog_revision_publish(user=banner.users["reviewer"])
    today = timezone.localdate()
    banner.letter = letter_register(
        user=editor,
        item=item,
        fields={**APPLICANT, "received_on": today, "signed_on": today},
        disclose=True,
    )
    return banner
