"""The relevance set: queries a member of the public would type, with the demo items
(fixtures/demo_data.py, by their ``key``) they must find, written from the demo catalog.

Every case runs against every backend (tests/search/test_demo_catalog.py). Meaning of a case:

``first``    these items, in any order, are the first results;
``order``    these items are the first results, in this order;
``include``  these items are among the results;
``exclude``  these items are never among the results (drafts, items in review, sent back,
             withdrawn);
``none``     there are no results at all;
``all_live`` the results are exactly the published items;
``relaxed``  True: nothing matches the whole query and the results come from the best subset of
             its words (search.ranking, relaxation); False: the whole query is answered.

``forms`` says which query forms and which fields a case exercises; test_relevance_set_covers…
checks that every form and every searchable field is covered.
"""

from dataclasses import dataclass

QUERY_FORMS = {
    "simplified",
    "traditional",
    "full_width",
    "half_width",
    "with_spaces",
    "single_char",
    "multi_char",
    "pinyin_full",
    "pinyin_initials",
    "synonym",
    "mixed_scripts",
    "question",
    "task_phrasing",
    "everyday_word",
    "words_apart",
}
FIELDS = {
    "name",
    "purpose",
    "legal_basis",
    "requesting_unit",
    "issuing_unit",
    "department",
    "conditions",
}
OTHER = {"ranking", "unpublished", "nothing", "relaxation"}

# Demo items that are not published: a draft, items in review, sent back, withdrawn.
UNPUBLISHED = (
    "wlgdj-entertainment-investor-record",
    "rsj-injury-labor-relation",
    "gaj-graduate-hukou-return",
    "jtj-kindergarten-staff-health",
    "sfj-grassroots-worker-record",
    "mzj-disability-subsidy-hardship",
    "lcj-timber-ownership",
)

CRIMINAL_RECORD = ("sfj-lawyer-practice-record", "sfj-notary-record")
HEALTH = (
    "scjgj-food-handler-health",
    "wjw-public-place-staff-health",
    "wjw-water-supply-staff-health",
)


@dataclass(frozen=True)
class Case:
    query: str
    forms: tuple[str, ...]
    first: tuple[str, ...] = ()
    order: tuple[str, ...] = ()
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    none: bool = False
    all_live: bool = False
    relaxed: bool | None = None

    def __str__(self):
        return self.query


CASES = [
    # --- the certificate named: simplified, traditional, widths, spaces, pinyin ---------------
    Case(
        "无犯罪记录证明",
        ("simplified", "multi_char", "name", "ranking", "unpublished"),
        first=CRIMINAL_RECORD,
        include=("jtj-teacher-conduct",),
        exclude=("sfj-grassroots-worker-record", "wlgdj-entertainment-investor-record"),
    ),
    Case(
        "无犯罪记录",
        ("simplified", "multi_char", "name", "ranking"),
        first=CRIMINAL_RECORD,
        include=("jtj-teacher-conduct",),
    ),
    Case("無犯罪記錄證明", ("traditional", "multi_char", "name"), first=CRIMINAL_RECORD),
    Case("無犯罪記錄", ("traditional", "name"), first=CRIMINAL_RECORD),
    Case(
        "无犯罪 记录",
        ("with_spaces", "name"),
        include=(*CRIMINAL_RECORD, "jtj-teacher-conduct"),
    ),
    # the names that start with the pinyin (无犯罪记录证明) before the one that has it inside
    Case(
        "wfzjl",
        ("pinyin_initials", "half_width", "name", "ranking"),
        order=(*CRIMINAL_RECORD, "jtj-teacher-conduct"),
    ),
    Case(
        "wufanzuijilu",
        ("pinyin_full", "half_width", "name", "ranking"),
        order=(*CRIMINAL_RECORD, "jtj-teacher-conduct"),
    ),
    Case(
        "ｗｆｚｊｌ",
        ("pinyin_initials", "full_width"),
        first=(*CRIMINAL_RECORD, "jtj-teacher-conduct"),
    ),
    Case(
        "lvshi",
        ("pinyin_full", "half_width", "purpose", "ranking"),
        first=("sfj-lawyer-branch", "sfj-lawyer-practice-record"),
        include=("sfj-notary-record",),
        exclude=("sfj-grassroots-worker-record",),
    ),
    Case(
        "律师",
        ("simplified", "multi_char", "purpose", "conditions", "ranking"),
        first=("sfj-lawyer-branch", "sfj-lawyer-practice-record"),
        include=("sfj-notary-record",),
        exclude=("sfj-grassroots-worker-record",),
    ),
    Case(
        "律師",
        ("traditional", "purpose"),
        first=("sfj-lawyer-branch", "sfj-lawyer-practice-record"),
    ),
    Case(
        "ＬＶＳＨＩ",
        ("pinyin_full", "full_width"),
        first=("sfj-lawyer-branch", "sfj-lawyer-practice-record"),
    ),
    Case(
        "LvShi",
        ("pinyin_full", "half_width"),
        first=("sfj-lawyer-branch", "sfj-lawyer-practice-record"),
    ),
    Case("律师 分所", ("with_spaces", "purpose", "name"), order=("sfj-lawyer-branch",)),
    Case("lvshi事务所", ("mixed_scripts", "pinyin_full", "purpose"), order=("sfj-lawyer-branch",)),
    Case("分所", ("multi_char", "name", "purpose"), order=("sfj-lawyer-branch",)),
    Case("连续执业满三年", ("conditions", "multi_char"), order=("sfj-lawyer-branch",)),
    Case("律师协会", ("requesting_unit",), order=("sfj-lawyer-branch",)),
    Case(
        "律师法",
        ("legal_basis",),
        include=("sfj-lawyer-branch", "sfj-lawyer-practice-record"),
    ),
    Case(
        "中华人民共和国律师法",
        ("legal_basis", "multi_char"),
        include=("sfj-lawyer-branch", "sfj-lawyer-practice-record"),
        exclude=("sfj-grassroots-worker-record",),
    ),
    # --- household registration: synonyms 户口 ↔ 户籍 -------------------------------------------
    Case(
        "户籍",
        ("simplified", "issuing_unit", "conditions", "unpublished"),
        include=(
            "gaj-hukou-relatives",
            "rsj-no-employee-pension",
            "jtj-teacher-conduct",
            "ybj-spouse-unemployed",
            "altabz-special-care-obligor",
        ),
        exclude=("gaj-graduate-hukou-return",),
    ),
    Case(
        "户口",
        ("synonym", "purpose", "ranking"),
        order=("gaj-hukou-relatives",),
        include=("rsj-no-employee-pension", "ybj-spouse-unemployed"),
        exclude=("gaj-graduate-hukou-return",),
    ),
    Case("戶口", ("traditional", "synonym"), order=("gaj-hukou-relatives",)),
    Case("户口迁移", ("multi_char", "purpose"), order=("gaj-hukou-relatives",)),
    Case("hukou", ("pinyin_full", "purpose"), order=("gaj-hukou-relatives",)),
    Case("qsgxzm", ("pinyin_initials", "name"), order=("gaj-hukou-relatives",)),
    Case(
        "原户籍地户籍证明",
        ("unpublished",),
        exclude=("gaj-graduate-hukou-return",),
    ),
    # --- health certificates: 健康证 ↔ 健康合格证明, 体检 ↔ 健康证明 ---------------------------
    Case(
        "健康证",
        ("synonym", "name", "ranking", "unpublished"),
        first=("scjgj-food-handler-health", "wjw-public-place-staff-health"),
        include=("wjw-water-supply-staff-health",),
        exclude=("jtj-kindergarten-staff-health",),
    ),
    Case(
        "健康证明",
        ("synonym", "name", "ranking"),
        first=("scjgj-food-handler-health", "wjw-water-supply-staff-health"),
        include=("wjw-public-place-staff-health",),
    ),
    Case(
        "体检",
        ("synonym", "name"),
        first=("wjw-water-supply-staff-health", "scjgj-food-handler-health"),
        exclude=("jtj-kindergarten-staff-health",),
    ),
    Case("jkz", ("pinyin_initials", "name"), order=("scjgj-food-handler-health",)),
    Case("jiankang", ("pinyin_full", "name"), first=HEALTH),
    Case("從業人員健康證明", ("traditional", "name"), order=("scjgj-food-handler-health",)),
    Case("沐浴", ("multi_char",), order=("wjw-public-place-staff-health",)),
    Case(
        "食品经营许可",
        ("purpose", "multi_char"),
        first=("scjgj-food-premises-distance", "scjgj-food-handler-health"),
    ),
    Case("食品 健康", ("with_spaces", "purpose", "name"), order=("scjgj-food-handler-health",)),
    Case(
        "食品安全法",
        ("legal_basis",),
        include=("scjgj-food-premises-distance", "scjgj-food-handler-health"),
    ),
    Case("污水池", ("conditions",), order=("scjgj-food-premises-distance",)),
    Case("25米", ("conditions", "mixed_scripts"), order=("scjgj-food-premises-distance",)),
    Case("２５米", ("conditions", "full_width"), order=("scjgj-food-premises-distance",)),
    # --- social assistance and insurance --------------------------------------------------------
    Case(
        "低保",
        ("synonym", "purpose", "conditions"),
        order=("mzj-dibao-income",),
        include=("sfj-legal-aid-hardship", "altabz-special-care-obligor"),
    ),
    Case("最低生活保障", ("purpose", "multi_char"), order=("mzj-dibao-income",)),
    Case(
        "社保",
        ("synonym", "legal_basis", "issuing_unit"),
        include=(
            "rsj-funeral-grant-death",
            "rsj-no-employee-pension",
            "rsj-unemployment-termination",
            "ybj-remote-residence",
            "ybj-spouse-unemployed",
        ),
    ),
    Case(
        "医保", ("synonym", "conditions"), include=("ybj-spouse-unemployed", "ybj-remote-residence")
    ),
    Case("失业金", ("synonym", "purpose"), order=("rsj-unemployment-termination",)),
    Case("特困", ("synonym", "purpose"), order=("altabz-special-care-obligor",)),
    Case("公租房", ("synonym", "purpose"), order=("zjj-public-rental-no-housing",)),
    Case("養老保險", ("traditional", "purpose", "name"), order=("rsj-no-employee-pension",)),
    Case("法援", ("synonym", "purpose"), order=("sfj-legal-aid-hardship",)),
    Case("旗法律援助中心", ("requesting_unit",), order=("sfj-legal-aid-hardship",)),
    Case(
        "社会救助暂行办法",
        ("legal_basis",),
        include=(
            "mzj-dibao-income",
            "bdjlz-temporary-relief",
            "altabz-special-care-obligor",
            "zjj-public-rental-no-housing",
        ),
    ),
    Case(
        "国务院令第649号",
        ("legal_basis", "mixed_scripts"),
        include=(
            "mzj-dibao-income",
            "bdjlz-temporary-relief",
            "altabz-special-care-obligor",
            "zjj-public-rental-no-housing",
        ),
    ),
    Case("赡养", ("name", "multi_char"), order=("altabz-special-care-obligor",)),
    Case("shanyang", ("pinyin_full", "name"), order=("altabz-special-care-obligor",)),
    Case("阿拉腾敖包镇", ("department", "requesting_unit"), order=("altabz-special-care-obligor",)),
    Case(
        "死亡证明",
        ("name", "ranking"),
        order=("rsj-funeral-grant-death", "zrzyj-inheritance-death"),
    ),
    Case(
        "殡葬",
        ("issuing_unit",),
        include=("rsj-funeral-grant-death", "zrzyj-inheritance-death"),
    ),
    # --- property, housing, land ----------------------------------------------------------------
    Case(
        "不动产",
        ("purpose", "issuing_unit", "requesting_unit", "synonym"),
        # 房产 (a synonym) is in the name 医疗机构用房产权证明: names rank first
        first=("wjw-medical-institution-premises", "zrzyj-inheritance-death"),
        include=(
            "gaj-residence-permit-address",
            "scjgj-business-premises",
            "nkj-pesticide-premises",
            "wjw-medical-institution-premises",
            "swj-deed-tax-family-housing",
            "mzj-social-org-premises",
        ),
        exclude=("lcj-timber-ownership",),
    ),
    Case(
        "房产",
        ("synonym",),
        include=("zrzyj-inheritance-death", "wjw-medical-institution-premises"),
    ),
    Case(
        "不动产登记机构",
        ("issuing_unit",),
        include=(
            "scjgj-business-premises",
            "nkj-pesticide-premises",
            "wjw-medical-institution-premises",
            "swj-deed-tax-family-housing",
            "mzj-social-org-premises",
            "zjj-public-rental-no-housing",
        ),
        exclude=("lcj-timber-ownership",),
    ),
    Case("宅基地", ("name", "purpose"), order=("yblz-homestead-none",)),
    Case("zhaijidi", ("pinyin_full",), order=("yblz-homestead-none",)),
    Case("  宅基地   雅布赖 ", ("with_spaces", "department"), order=("yblz-homestead-none",)),
    Case("契税", ("purpose", "legal_basis"), order=("swj-deed-tax-family-housing",)),
    Case("税务局", ("department",), order=("swj-deed-tax-family-housing",)),
    Case("开户银行", ("issuing_unit",), order=("zjj-construction-funds",)),
    # --- residence --------------------------------------------------------------------------------
    Case(
        "居住证申领",
        ("purpose",),
        first=("gaj-residence-permit-address", "gaj-residence-permit-employment"),
    ),
    Case(
        "居住证",
        ("multi_char",),
        include=("gaj-residence-permit-address", "gaj-residence-permit-employment"),
    ),
    Case(
        "居住证明",
        ("synonym", "name"),
        include=("gaj-residence-permit-address", "ybj-remote-residence"),
    ),
    # --- qualifications and education -----------------------------------------------------------
    Case(
        "学历",
        ("name", "conditions", "ranking"),
        order=("jtj-teacher-diploma",),
        include=("rsj-constructor-exam-years", "wjw-physician-exam-practice"),
    ),
    Case("xueli", ("pinyin_full",), order=("jtj-teacher-diploma",)),
    Case("xlzm", ("pinyin_initials",), order=("jtj-teacher-diploma",)),
    Case(
        "教师资格",
        ("purpose",),
        first=("jtj-teacher-diploma", "jtj-teacher-conduct"),
    ),
    Case("教资", ("synonym",), first=("jtj-teacher-diploma", "jtj-teacher-conduct")),
    Case("中国高等教育学生信息网", ("conditions",), order=("jtj-teacher-diploma",)),
    Case("一级建造师", ("purpose",), order=("rsj-constructor-exam-years",)),
    Case("自治区人事考试院", ("requesting_unit",), order=("rsj-constructor-exam-years",)),
    Case("醫師資格", ("traditional", "purpose"), order=("wjw-physician-exam-practice",)),
    Case("yishi", ("pinyin_full",), include=("wjw-physician-exam-practice",)),
    # --- safety, transport ----------------------------------------------------------------------
    Case("烟花爆竹", ("name", "purpose"), order=("yjglj-fireworks-retail-training",)),
    Case("yanhuabaozhu", ("pinyin_full",), order=("yjglj-fireworks-retail-training",)),
    Case("yhbz", ("pinyin_initials",), order=("yjglj-fireworks-retail-training",)),
    Case("消防救援大队", ("department", "requesting_unit"), order=("xfdd-venue-staff-training",)),
    Case(
        "60周岁",
        ("conditions", "mixed_scripts"),
        include=("jtysj-passenger-driver-record", "altabz-special-care-obligor"),
    ),
    Case(
        "公安机关",
        ("issuing_unit",),
        include=(
            *CRIMINAL_RECORD,
            "jtysj-passenger-driver-record",
            "jtj-teacher-conduct",
            "rsj-funeral-grant-death",
            "zrzyj-inheritance-death",
        ),
        exclude=("wlgdj-entertainment-investor-record", "sfj-grassroots-worker-record"),
    ),
    # --- one character, and everything ----------------------------------------------------------
    Case(
        "律",
        ("single_char", "purpose", "ranking"),
        first=("sfj-lawyer-branch", "sfj-lawyer-practice-record", "sfj-legal-aid-hardship"),
        exclude=("sfj-grassroots-worker-record",),
    ),
    Case("证", ("single_char", "name"), all_live=True),
    Case("证明", ("multi_char", "name"), all_live=True),
    Case("zhengming", ("pinyin_full", "name"), all_live=True),
    # --- what is not (or no longer, or not yet) in the catalog ----------------------------------
    Case("林木权属证明", ("nothing", "unpublished"), none=True),
    Case("林草局", ("nothing", "department", "unpublished"), none=True),
    Case("娱乐场所", ("nothing", "unpublished"), none=True),
    Case("草稿甲乙丙", ("nothing", "unpublished"), none=True),
    Case("审核中丁戊己", ("nothing", "unpublished"), none=True),
    Case("退回庚辛壬", ("nothing", "unpublished"), none=True),
    # a pending (unpublished) change of an item mentions 低收入家庭成员: nothing has the phrase,
    # relaxation answers with the published items about 家庭 and 收入
    Case(
        "低收入家庭",
        ("unpublished", "relaxation"),
        relaxed=True,
        first=("mzj-dibao-income",),
    ),
    # 营业执照 is what 市场主体设立登记 issues (everyday word → the purpose items state)
    Case("营业执照", ("everyday_word", "synonym"), order=("scjgj-business-premises",)),
]

# --- issue 15: what citizens type -------------------------------------------------------------
# Written from the demo catalog as a citizen would ask, not from the engine's answers: the
# questions and task phrasing of a service counter, everyday words for the catalog's terms, and
# names typed as separate words. Each expects the items a counter clerk would point to.
RESIDENCE_PERMIT = ("gaj-residence-permit-address", "gaj-residence-permit-employment")
DEATH = ("rsj-funeral-grant-death", "zrzyj-inheritance-death")
FOOD_BUSINESS = ("scjgj-food-premises-distance", "scjgj-food-handler-health")
CITIZEN_CASES = [
    # questions: the content words stay, the question words go
    Case("办理居住证需要哪些材料", ("question",), include=RESIDENCE_PERMIT, relaxed=False),
    Case("居住证怎么办", ("question",), include=RESIDENCE_PERMIT, relaxed=False),
    Case("怎么申请低保", ("question", "synonym"), first=("mzj-dibao-income",), relaxed=False),
    Case("低保需要什么证明", ("question", "synonym"), first=("mzj-dibao-income",)),
    Case("法律援助怎么申请", ("question",), first=("sfj-legal-aid-hardship",), relaxed=False),
    Case("申请公租房要什么材料", ("question", "synonym"), first=("zjj-public-rental-no-housing",)),
    Case("公共租赁住房如何申请", ("question",), first=("zjj-public-rental-no-housing",)),
    Case("异地就医怎么备案", ("question",), first=("ybj-remote-residence",), relaxed=False),
    Case("怎么开死亡证明", ("question", "task_phrasing"), first=DEATH, relaxed=False),
    Case("失业了怎么领失业金", ("question", "synonym"), first=("rsj-unemployment-termination",)),
    Case(
        "当老师要开无犯罪证明吗",
        ("question", "task_phrasing"),
        first=("jtj-teacher-conduct",),
        exclude=("wlgdj-entertainment-investor-record",),
    ),
    Case(
        "公证员要无犯罪记录吗",
        ("question",),
        first=("sfj-notary-record",),
        include=("sfj-lawyer-practice-record",),
    ),
    Case("办营业执照需要住所证明吗", ("question", "synonym"), first=("scjgj-business-premises",)),
    Case(
        "买房契税优惠要什么证明",
        ("question", "everyday_word"),
        first=("swj-deed-tax-family-housing",),
    ),
    Case("继承房子需要什么证明", ("question", "everyday_word"), first=("zrzyj-inheritance-death",)),
    Case(
        "孩子上学需要什么证明",
        ("question", "everyday_word"),
        first=("jtj-school-enrolment-residence",),
    ),
    Case(
        "开澡堂要健康证吗", ("question", "everyday_word"), first=("wjw-public-place-staff-health",)
    ),
    Case("考医师资格证需要什么", ("question",), first=("wjw-physician-exam-practice",)),
    Case("请问申请宅基地需要哪些手续", ("question",), first=("yblz-homestead-none",)),
    Case(
        "教师资格认定要带什么材料",
        ("question",),
        include=("jtj-teacher-diploma", "jtj-teacher-conduct"),
    ),
    Case("律师事务所设立分所需要什么", ("question",), first=("sfj-lawyer-branch",)),
    Case("临时救助怎么申请呢", ("question",), first=("bdjlz-temporary-relief",)),
    Case(
        "特困供养需要哪些证明材料", ("question", "synonym"), first=("altabz-special-care-obligor",)
    ),
    Case("食品经营许可证怎么办理", ("question",), include=FOOD_BUSINESS),
    # task phrasing: I want to get something done
    Case("我想办律师执业证", ("task_phrasing",), first=("sfj-lawyer-practice-record",)),
    Case("我想开饭店", ("task_phrasing", "everyday_word"), include=FOOD_BUSINESS),
    Case("怎样开饭店", ("task_phrasing", "question", "everyday_word"), include=FOOD_BUSINESS),
    Case(
        "我想开个小超市", ("task_phrasing", "everyday_word"), include=("scjgj-food-handler-health",)
    ),
    Case(
        "开个农药店要什么手续",
        ("task_phrasing", "everyday_word"),
        first=("nkj-pesticide-premises",),
    ),
    Case("开诊所", ("task_phrasing", "everyday_word"), first=("wjw-medical-institution-premises",)),
    Case("开宾馆", ("task_phrasing", "everyday_word"), first=("wjw-public-place-staff-health",)),
    Case("跑客运", ("task_phrasing", "everyday_word"), first=("jtysj-passenger-driver-record",)),
    Case("卖烟花", ("task_phrasing", "everyday_word"), first=("yjglj-fireworks-retail-training",)),
    Case(
        "帮老人申请特困供养",
        ("task_phrasing", "everyday_word"),
        first=("altabz-special-care-obligor",),
    ),
    Case("给孩子办入学", ("task_phrasing",), first=("jtj-school-enrolment-residence",)),
    Case("我要考建造师", ("task_phrasing",), first=("rsj-constructor-exam-years",)),
    Case("申请成立社会团体", ("task_phrasing",), first=("mzj-social-org-premises",)),
    Case("要申请施工许可证", ("task_phrasing",), first=("zjj-construction-funds",)),
    Case(
        "打官司没钱请律师",
        ("task_phrasing", "everyday_word", "relaxation"),
        first=("sfj-legal-aid-hardship",),
    ),
    # everyday words for the catalog's terms
    Case("退休", ("everyday_word",), include=("rsj-no-employee-pension",)),
    Case("看病报销", ("everyday_word",), include=("ybj-remote-residence", "ybj-spouse-unemployed")),
    Case("人死了", ("everyday_word",), first=DEATH),
    Case("去世", ("everyday_word",), first=DEATH),
    Case("律师证", ("everyday_word", "synonym"), first=("sfj-lawyer-practice-record",)),
    Case("律所开分所", ("everyday_word",), first=("sfj-lawyer-branch",)),
    Case("良民证", ("everyday_word",), first=CRIMINAL_RECORD, exclude=UNPUBLISHED),
    Case("没有房子证明", ("everyday_word",), first=("zjj-public-rental-no-housing",)),
    Case("驾驶员无事故证明", ("everyday_word",), first=("jtysj-passenger-driver-record",)),
    Case("盖房子", ("everyday_word",), first=("yblz-homestead-none",)),
    Case("夫妻投靠落户", ("everyday_word",), first=("gaj-hukou-relatives",)),
    Case("水厂", ("everyday_word",), first=("wjw-water-supply-staff-health",)),
    Case("网吧", ("everyday_word", "nothing", "unpublished"), none=True),
    # words typed apart: the item where they stand together first
    Case(
        "居住 证明",
        ("words_apart", "ranking"),
        first=("ybj-remote-residence", "jtj-school-enrolment-residence"),
        include=RESIDENCE_PERMIT,
    ),
    Case("家庭 收入", ("words_apart", "ranking"), first=("mzj-dibao-income",)),
    Case("无犯罪 证明 律师", ("words_apart", "ranking"), first=("sfj-lawyer-practice-record",)),
    Case("食品 健康证", ("words_apart", "synonym"), first=("scjgj-food-handler-health",)),
    Case("健康 合格 证明", ("words_apart", "ranking"), first=("wjw-public-place-staff-health",)),
    Case("死亡 证明", ("words_apart", "ranking"), first=DEATH),
    Case("工作 年限", ("words_apart", "ranking"), first=("rsj-constructor-exam-years",)),
    Case("就医 备案 异地", ("words_apart",), first=("ybj-remote-residence",)),
    # nothing has the whole query: the best part of it, said so
    Case(
        "老人去世了领抚恤金",
        ("relaxation", "everyday_word"),
        relaxed=True,
        first=("rsj-funeral-grant-death",),
    ),
    Case(
        "旅游大巴驾驶员",
        ("relaxation", "everyday_word"),
        relaxed=True,
        first=("jtysj-passenger-driver-record",),
    ),
    Case(
        "水厂工人体检",
        ("relaxation", "everyday_word"),
        relaxed=True,
        first=("wjw-water-supply-staff-health",),
    ),
    Case(
        "孩子转学",
        ("relaxation", "everyday_word"),
        relaxed=True,
        first=("jtj-school-enrolment-residence",),
    ),
    Case("医保异地", ("relaxation", "synonym"), relaxed=True, first=("ybj-remote-residence",)),
    Case(
        "打工的孩子上学",
        ("relaxation", "question"),
        relaxed=True,
        first=("jtj-school-enrolment-residence",),
    ),
    # not in the catalog, after looking for every part
    Case("出国护照怎么办", ("question", "nothing"), none=True),
    Case("我想办残疾证", ("task_phrasing", "nothing", "unpublished"), none=True),
]
CASES += CITIZEN_CASES
