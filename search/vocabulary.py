"""The domain vocabulary that ships with the product: certificate and public-service language.

Installed on every installation by migration 0006 (``install``) as ``Synonym`` rows, which
administrators then edit under 设置 → 检索同义词 like any other. Pure data, no Django imports.

Two kinds of entries:

``same(...)``   words that mean the same thing (户籍 = 户口, 低保 = 最低生活保障): every pair of
                them is a two-way synonym (the first word is stored as the 检索词).
``means(...)``  everyday words and tasks, mapped one way to the words items use (买房 →
                不动产登记, 退休 → 养老保险待遇): typing the everyday word also finds the catalog
                words, never the other way round. A target never contains its everyday word
                (the word itself already finds such a text).

Each entry notes its source: the certificate catalog and the legal bases it cites
(证明事项目录用语), the names of national government-service items
(全国一体化政务服务平台事项名称), or everyday speech mapped onto them (群众常用说法); and the
area, mostly the focus areas of the plan (户籍管理、市场主体准营、资格考试、社会保险、社会救助、
健康体检、法律服务).

This list is frozen as migration 0006 installed it: add new words in a new list installed by a
new migration, so that installations upgraded and installed fresh hold the same vocabulary.
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import combinations

CATALOG = "证明事项目录用语"
NATIONAL = "全国一体化政务服务平台事项名称"
EVERYDAY = "群众常用说法"

HOUSEHOLD = "户籍管理"
MARKET = "市场主体准营"
EXAM = "资格考试"
INSURANCE = "社会保险"
ASSISTANCE = "社会救助"
HEALTH = "健康体检"
LEGAL = "法律服务"
PROPERTY = "不动产登记"
MARRIAGE = "婚姻登记"
EDUCATION = "教育"
TRANSPORT = "交通运输"
VETERANS = "退役军人服务"
TAX = "税务"
SAFETY = "安全生产与消防"


@dataclass(frozen=True)
class Entry:
    words: tuple[str, ...]  # same: all equivalent; means: (everyday word, *catalog words)
    one_way: bool
    source: str
    area: str

    @property
    def note(self) -> str:
        if self.one_way:
            return f"来源：{self.source}（俗称→规范用语）；领域：{self.area}"
        return f"来源：{self.source}；领域：{self.area}"

    def rows(self) -> list[tuple[str, str, bool, str]]:
        """(term, synonym, one_way, note) rows."""
        if self.one_way:
            everyday, *targets = self.words
            return [(everyday, target, True, self.note) for target in targets]
        return [(a, b, False, self.note) for a, b in combinations(self.words, 2)]


def same(area: str, source: str, *words: str) -> Entry:
    return Entry(tuple(words), False, source, area)


def means(area: str, everyday: str, *targets: str, source: str = EVERYDAY) -> Entry:
    return Entry((everyday, *targets), True, source, area)


ENTRIES: tuple[Entry, ...] = (
    # --- 户籍管理
    same(HOUSEHOLD, CATALOG, "户籍", "户口"),
    same(HOUSEHOLD, NATIONAL, "居民户口簿", "户口簿", "户口本"),
    same(HOUSEHOLD, NATIONAL, "户口迁移", "迁户口"),
    means(HOUSEHOLD, "落户", "户口迁入", "户口登记", "户口迁移"),
    means(HOUSEHOLD, "上户口", "出生登记", "户口登记"),
    means(HOUSEHOLD, "报户口", "出生登记", "户口登记"),
    means(HOUSEHOLD, "销户", "户口注销"),
    means(HOUSEHOLD, "老家", "原籍", "户籍所在地"),
    same(HOUSEHOLD, NATIONAL, "居民身份证", "身份证"),
    same(HOUSEHOLD, NATIONAL, "出生医学证明", "出生证明", "出生证"),
    same(HOUSEHOLD, NATIONAL, "居住证", "暂住证"),
    same(HOUSEHOLD, CATALOG, "居住证明", "住址证明"),
    same(HOUSEHOLD, CATALOG, "亲属关系证明", "亲属证明", "关系证明"),
    means(HOUSEHOLD, "改名", "姓名变更", source=NATIONAL),
    means(HOUSEHOLD, "改名字", "姓名变更", source=NATIONAL),
    means(HOUSEHOLD, "投亲", "投靠亲属"),
    same(HOUSEHOLD, CATALOG, "派出所", "公安派出所"),
    means(HOUSEHOLD, "老公", "配偶", "丈夫", "夫妻"),
    means(HOUSEHOLD, "老婆", "配偶", "妻子", "夫妻"),
    means(HOUSEHOLD, "媳妇", "配偶", "妻子"),
    means(HOUSEHOLD, "爱人", "配偶", "夫妻"),
    means(HOUSEHOLD, "两口子", "配偶", "夫妻"),
    means(HOUSEHOLD, "孩子", "子女", "儿童", "未成年人"),
    means(HOUSEHOLD, "小孩", "子女", "儿童", "未成年人"),
    means(HOUSEHOLD, "儿子", "子女"),
    means(HOUSEHOLD, "女儿", "子女"),
    means(HOUSEHOLD, "爸妈", "父母"),
    means(HOUSEHOLD, "爸爸", "父母", "父亲"),
    means(HOUSEHOLD, "妈妈", "父母", "母亲"),
    means(HOUSEHOLD, "老人", "老年人", "高龄", "赡养"),
    means(HOUSEHOLD, "家里人", "家庭成员"),
    means(HOUSEHOLD, "家人", "家庭成员", "亲属"),
    means(HOUSEHOLD, "亲戚", "亲属"),
    means(HOUSEHOLD, "村里", "嘎查村", "村民委员会"),
    means(HOUSEHOLD, "村委会", "嘎查村民委员会", "村民委员会", "嘎查村"),
    means(HOUSEHOLD, "居委会", "社区", "居民委员会"),
    means(HOUSEHOLD, "乡政府", "苏木镇人民政府", "乡镇人民政府"),
    means(HOUSEHOLD, "镇政府", "苏木镇人民政府", "镇人民政府"),
    same(HOUSEHOLD, CATALOG, "苏木镇", "乡镇"),
    same(HOUSEHOLD, CATALOG, "嘎查", "行政村"),
    means(HOUSEHOLD, "照片", "相片"),
    # --- 婚姻、生育、死亡
    same(MARRIAGE, CATALOG, "婚姻状况证明", "婚姻证明", "婚姻关系证明"),
    means(MARRIAGE, "单身证明", "无婚姻登记记录证明", "婚姻状况证明", "未婚"),
    means(MARRIAGE, "结婚", "婚姻登记", source=NATIONAL),
    means(MARRIAGE, "结婚证", "结婚登记", "婚姻登记"),
    means(MARRIAGE, "离婚证", "离婚登记", "婚姻登记"),
    means(MARRIAGE, "离婚", "婚姻登记", "婚姻关系", source=NATIONAL),
    means(MARRIAGE, "领证", "婚姻登记"),
    means(MARRIAGE, "生孩子", "生育", "分娩"),
    means(MARRIAGE, "生小孩", "生育", "分娩"),
    means(MARRIAGE, "怀孕", "妊娠", "生育"),
    means(MARRIAGE, "流产", "终止妊娠"),
    means(MARRIAGE, "产假", "生育"),
    same(MARRIAGE, NATIONAL, "生育登记", "准生证", "生育服务证"),
    means(MARRIAGE, "独生子女证", "独生子女父母光荣证", source=NATIONAL),
    means(MARRIAGE, "收养孩子", "收养登记", "收养关系"),
    means(MARRIAGE, "去世", "死亡"),
    means(MARRIAGE, "过世", "死亡"),
    means(MARRIAGE, "病故", "死亡", "因病死亡"),
    means(MARRIAGE, "身故", "死亡"),
    means(MARRIAGE, "人没了", "死亡"),
    means(MARRIAGE, "人死了", "死亡"),
    means(MARRIAGE, "死亡证", "死亡医学证明"),
    same(MARRIAGE, NATIONAL, "死亡医学证明", "居民死亡医学证明书"),
    same(MARRIAGE, NATIONAL, "火化证明", "火化证"),
    means(MARRIAGE, "办丧事", "殡葬", "丧葬"),
    means(MARRIAGE, "殡仪馆", "殡葬服务机构"),
    # --- 市场主体准营
    same(MARKET, CATALOG, "营业执照", "执照"),
    means(MARKET, "营业执照", "市场主体设立登记", "市场主体登记", source=NATIONAL),
    means(MARKET, "开公司", "市场主体设立登记", "公司设立登记"),
    means(MARKET, "注册公司", "市场主体设立登记", "公司设立登记"),
    means(MARKET, "开店", "市场主体设立登记", "个体工商户", "经营许可"),
    means(MARKET, "做生意", "市场主体设立登记", "个体工商户", "经营许可"),
    means(MARKET, "开饭店", "食品经营许可", "餐饮服务"),
    means(MARKET, "开餐馆", "食品经营许可", "餐饮服务"),
    means(MARKET, "开超市", "食品经营许可", "食品销售"),
    means(MARKET, "开小卖部", "食品经营许可", "食品销售"),
    means(MARKET, "超市", "食品经营", "食品销售"),
    means(MARKET, "小卖部", "食品经营", "食品销售"),
    means(MARKET, "饭店", "食品经营", "餐饮服务"),
    means(MARKET, "餐馆", "食品经营", "餐饮服务"),
    means(MARKET, "农药店", "农药经营"),
    means(MARKET, "网吧", "互联网上网服务营业场所", "娱乐场所"),
    means(MARKET, "卖吃的", "食品经营许可", "食品销售"),
    means(MARKET, "开药店", "药品经营许可", "药品零售"),
    means(MARKET, "开诊所", "医疗机构执业登记", "医疗机构执业", "诊所"),
    means(MARKET, "开旅馆", "公共场所卫生许可", "住宿"),
    means(MARKET, "开宾馆", "公共场所卫生许可", "住宿"),
    means(MARKET, "开理发店", "公共场所卫生许可", "美容美发"),
    means(MARKET, "开美容院", "公共场所卫生许可", "美容美发"),
    means(MARKET, "开澡堂", "公共场所卫生许可", "沐浴"),
    means(MARKET, "开歌厅", "娱乐场所经营许可"),
    means(MARKET, "卖农药", "农药经营许可"),
    means(MARKET, "卖鞭炮", "烟花爆竹零售经营许可", "烟花爆竹经营许可"),
    means(MARKET, "卖烟花", "烟花爆竹零售经营许可", "烟花爆竹经营许可"),
    means(MARKET, "开幼儿园", "民办幼儿园", "幼儿园设立"),
    means(MARKET, "开学校", "民办学校", "学校设立"),
    means(MARKET, "开门店", "经营场所", "市场主体设立登记"),
    same(MARKET, NATIONAL, "个体工商户", "个体户"),
    same(MARKET, CATALOG, "经营场所", "营业场所"),
    same(MARKET, CATALOG, "住所使用证明", "场所使用证明"),
    means(MARKET, "门面", "经营场所", "营业场所"),
    means(MARKET, "店面", "经营场所", "营业场所"),
    means(MARKET, "仓库", "仓储场所"),
    means(MARKET, "食品许可证", "食品经营许可", source=NATIONAL),
    same(MARKET, NATIONAL, "食品经营许可证", "食品经营许可"),
    means(MARKET, "卫生许可证", "公共场所卫生许可", "卫生许可", source=NATIONAL),
    same(MARKET, CATALOG, "烟花爆竹", "鞭炮"),
    means(MARKET, "炮仗", "烟花爆竹"),
    means(MARKET, "放炮", "烟花爆竹"),
    same(MARKET, CATALOG, "租赁证明", "租房证明", "租赁合同"),
    means(MARKET, "租房", "租赁住房", "公共租赁住房", "租赁"),
    means(MARKET, "房租", "租赁"),
    means(MARKET, "房东", "房屋出租人", "出租人"),
    # --- 资格考试
    same(EXAM, CATALOG, "教师资格", "教资"),
    same(EXAM, NATIONAL, "教师资格证", "教师证"),
    means(EXAM, "考教资", "教师资格"),
    means(EXAM, "当老师", "教师资格"),
    means(EXAM, "老师", "教师"),
    means(EXAM, "毕业证", "学历证书", "学历证明", "学历"),
    means(EXAM, "毕业证书", "学历证书", "学历证明", "学历"),
    means(EXAM, "文凭", "学历证书", "学历"),
    means(EXAM, "学位证", "学位"),
    means(EXAM, "学信网", "中国高等教育学生信息网", source=CATALOG),
    means(EXAM, "政审", "思想品德鉴定", "无犯罪记录证明"),
    means(EXAM, "品德证明", "思想品德鉴定"),
    means(EXAM, "当医生", "医师资格", "医师执业"),
    means(EXAM, "考医师", "医师资格考试", "医师资格"),
    means(EXAM, "医生", "医师"),
    means(EXAM, "大夫", "医师"),
    means(EXAM, "建造师证", "建造师执业资格", "建造师资格"),
    means(EXAM, "考建造师", "建造师资格考试", "建造师"),
    means(EXAM, "工龄证明", "工作年限证明", "工作年限"),
    same(EXAM, CATALOG, "工作年限证明", "工作经历证明"),
    means(EXAM, "实习证明", "工作实践证明", "专业工作实践"),
    means(EXAM, "报考", "考试报名", "资格考试"),
    # --- 社会保险
    same(INSURANCE, CATALOG, "社会保险", "社保"),
    same(INSURANCE, CATALOG, "医疗保险", "医保"),
    same(INSURANCE, NATIONAL, "社会保障卡", "社保卡"),
    same(INSURANCE, NATIONAL, "住房公积金", "公积金"),
    means(INSURANCE, "退休", "养老保险待遇", "养老保险", "基本养老金"),
    means(INSURANCE, "养老金", "养老保险待遇", "养老保险"),
    means(INSURANCE, "退休金", "养老保险待遇", "基本养老金", "养老保险"),
    means(INSURANCE, "领养老金", "养老保险待遇"),
    same(INSURANCE, CATALOG, "城乡居民基本养老保险", "城乡居民养老保险", "居民养老保险"),
    means(INSURANCE, "新农保", "城乡居民基本养老保险", source=NATIONAL),
    means(INSURANCE, "农村养老保险", "城乡居民基本养老保险"),
    same(INSURANCE, CATALOG, "职工基本养老保险", "职工养老保险"),
    means(INSURANCE, "交社保", "社会保险", "参保", "缴费"),
    means(INSURANCE, "买社保", "社会保险", "参保"),
    means(INSURANCE, "交保险", "参保", "缴纳"),
    means(INSURANCE, "断缴", "停止缴费", "欠缴"),
    same(INSURANCE, CATALOG, "失业保险金", "失业金"),
    means(INSURANCE, "失业救济", "失业保险金"),
    means(INSURANCE, "领失业金", "失业保险金申领"),
    means(INSURANCE, "看病报销", "医疗保险", "医疗费用", "基本医疗保险"),
    means(INSURANCE, "住院报销", "医疗保险", "医疗费用"),
    means(INSURANCE, "报销医药费", "医疗费用", "医疗保险"),
    means(INSURANCE, "医药费", "医疗费用"),
    means(INSURANCE, "看病", "就医", "医疗"),
    means(INSURANCE, "外地看病", "异地就医"),
    means(INSURANCE, "异地看病", "异地就医"),
    means(INSURANCE, "长期在外地", "异地长期居住"),
    same(INSURANCE, NATIONAL, "异地就医备案", "异地就医登记备案"),
    same(INSURANCE, CATALOG, "生育保险", "生育险"),
    means(INSURANCE, "生育报销", "生育医疗费用", "生育保险待遇"),
    means(INSURANCE, "生育津贴", "生育保险待遇"),
    same(INSURANCE, CATALOG, "工伤保险", "工伤险"),
    means(INSURANCE, "丧葬费", "丧葬补助金"),
    means(INSURANCE, "死亡待遇", "丧葬补助金", "抚恤金"),
    means(INSURANCE, "遗属待遇", "抚恤金", "丧葬补助金"),
    means(INSURANCE, "辞职", "解除劳动关系", "终止劳动关系"),
    means(INSURANCE, "离职", "解除劳动关系", "终止劳动关系"),
    means(INSURANCE, "被辞退", "解除劳动关系"),
    means(INSURANCE, "合同到期", "终止劳动关系"),
    same(INSURANCE, CATALOG, "离职证明", "解除劳动关系证明", "终止劳动关系证明"),
    means(INSURANCE, "在职证明", "就业证明", "劳动关系"),
    means(INSURANCE, "工作证明", "就业证明", "劳动关系证明"),
    means(INSURANCE, "劳动合同", "劳动关系"),
    means(INSURANCE, "上班", "就业"),
    means(INSURANCE, "有工作", "就业"),
    means(INSURANCE, "没工作", "未就业", "失业"),
    means(INSURANCE, "没有工作", "未就业", "失业"),
    means(INSURANCE, "找工作", "就业"),
    means(INSURANCE, "打工", "就业", "务工"),
    means(INSURANCE, "工资证明", "收入证明"),
    means(INSURANCE, "工资", "收入"),
    # --- 社会救助
    same(ASSISTANCE, CATALOG, "最低生活保障", "低保"),
    same(ASSISTANCE, CATALOG, "特困人员救助供养", "特困", "特困供养"),
    means(ASSISTANCE, "五保", "特困人员", "特困人员救助供养"),
    means(ASSISTANCE, "五保户", "特困人员", "特困人员救助供养"),
    means(ASSISTANCE, "孤寡老人", "特困人员", "特困人员救助供养"),
    same(ASSISTANCE, CATALOG, "临时救助", "临时救济", "急难救助"),
    means(ASSISTANCE, "救济金", "救助金", "临时救助"),
    means(ASSISTANCE, "救济", "救助"),
    means(ASSISTANCE, "困难户", "困难家庭", "经济困难", "最低生活保障"),
    means(ASSISTANCE, "贫困户", "困难家庭", "经济困难", "最低生活保障"),
    means(ASSISTANCE, "家里困难", "经济困难", "家庭困难"),
    means(ASSISTANCE, "家庭困难", "经济困难"),
    means(ASSISTANCE, "没钱", "经济困难"),
    means(ASSISTANCE, "贫困证明", "经济困难证明", "家庭经济困难"),
    means(ASSISTANCE, "困难证明", "经济困难", "家庭经济困难"),
    same(ASSISTANCE, NATIONAL, "残疾人证", "残疾证"),
    means(ASSISTANCE, "残废", "残疾"),
    same(ASSISTANCE, NATIONAL, "困难残疾人生活补贴", "残疾人生活补贴", "残疾补贴"),
    same(ASSISTANCE, NATIONAL, "重度残疾人护理补贴", "残疾人护理补贴", "护理补贴"),
    same(ASSISTANCE, NATIONAL, "高龄津贴", "高龄补贴", "老年人高龄津贴"),
    same(ASSISTANCE, CATALOG, "公共租赁住房", "公租房"),
    means(ASSISTANCE, "廉租房", "公共租赁住房"),
    means(ASSISTANCE, "保障房", "公共租赁住房", "保障性住房"),
    same(ASSISTANCE, CATALOG, "法律援助", "法援"),
    means(ASSISTANCE, "养老院", "养老机构"),
    means(ASSISTANCE, "敬老院", "养老机构", "特困人员供养"),
    means(ASSISTANCE, "养老人", "赡养"),
    means(ASSISTANCE, "养孩子", "抚养"),
    means(ASSISTANCE, "没人养", "无法定赡养", "特困人员"),
    means(ASSISTANCE, "没爹没妈", "孤儿", "事实无人抚养儿童"),
    means(ASSISTANCE, "遭灾", "意外事件", "临时救助"),
    means(ASSISTANCE, "着火", "火灾", "意外事件"),
    means(ASSISTANCE, "得大病", "重大疾病"),
    means(ASSISTANCE, "大病", "重大疾病"),
    # --- 健康体检
    same(HEALTH, CATALOG, "健康证", "健康合格证明"),
    same(HEALTH, CATALOG, "体检", "健康证明"),
    means(HEALTH, "体检证明", "健康证明", "健康体检合格证明"),
    means(HEALTH, "体检报告", "健康证明", "健康检查"),
    same(HEALTH, CATALOG, "健康检查", "体格检查"),
    means(HEALTH, "办健康证", "健康证明", "健康合格证明"),
    means(HEALTH, "食品健康证", "从业人员健康证明", "健康证明"),
    means(HEALTH, "水厂", "供水单位", "集中式供水"),
    means(HEALTH, "自来水厂", "供水单位", "集中式供水"),
    # --- 法律服务
    same(LEGAL, CATALOG, "无违法犯罪记录", "无犯罪"),
    means(LEGAL, "无犯罪证明", "无犯罪记录证明"),
    means(LEGAL, "良民证", "无犯罪记录证明"),
    means(LEGAL, "犯罪记录", "刑事处罚"),
    means(LEGAL, "坐过牢", "刑事处罚", "有期徒刑"),
    same(LEGAL, CATALOG, "律师事务所", "律所"),
    same(LEGAL, NATIONAL, "律师执业证书", "律师证"),
    means(LEGAL, "当律师", "律师执业"),
    means(LEGAL, "打官司", "诉讼", "法律援助"),
    means(LEGAL, "请律师", "法律援助", "律师"),
    means(LEGAL, "找律师", "法律援助", "律师"),
    means(LEGAL, "免费律师", "法律援助"),
    same(LEGAL, CATALOG, "公证处", "公证机构"),
    means(LEGAL, "做公证", "公证"),
    means(LEGAL, "当公证员", "公证员执业"),
    # --- 不动产登记与住房
    same(PROPERTY, CATALOG, "不动产", "房产"),
    means(PROPERTY, "买房", "不动产登记", "购房", "购买家庭唯一住房", "契税"),
    means(PROPERTY, "买房子", "不动产登记", "购房", "购买家庭唯一住房", "契税"),
    means(PROPERTY, "卖房", "不动产转移登记", "转移登记", "转让住房"),
    means(PROPERTY, "卖房子", "不动产转移登记", "转移登记", "转让住房"),
    means(PROPERTY, "过户", "转移登记"),
    means(PROPERTY, "房屋过户", "不动产转移登记"),
    means(PROPERTY, "继承房子", "不动产继承", "继承转移登记"),
    means(PROPERTY, "继承房产", "不动产继承", "继承转移登记"),
    means(PROPERTY, "遗产", "继承"),
    same(PROPERTY, NATIONAL, "不动产权证书", "房产证", "房本"),
    means(PROPERTY, "土地证", "不动产权证书", "土地使用权"),
    means(PROPERTY, "房子", "住房", "房屋"),
    means(PROPERTY, "有房", "自有住房"),
    means(PROPERTY, "没房", "无住房", "无自有住房"),
    means(PROPERTY, "无房", "无住房", "无自有住房"),
    means(PROPERTY, "没有房子", "无住房", "无自有住房"),
    same(PROPERTY, CATALOG, "无住房证明", "无房证明"),
    means(PROPERTY, "住房证明", "住房情况证明", "无自有住房"),
    means(PROPERTY, "首套房", "家庭唯一住房"),
    means(PROPERTY, "契税减免", "契税优惠"),
    same(PROPERTY, CATALOG, "宅基地", "农村村民住宅用地"),
    means(PROPERTY, "盖房子", "宅基地", "建设工程", "施工许可"),
    means(PROPERTY, "农村盖房", "宅基地", "农村村民住宅"),
    means(PROPERTY, "建房", "宅基地", "建设工程", "施工许可"),
    same(PROPERTY, NATIONAL, "建筑工程施工许可证", "施工许可证", "施工证"),
    means(PROPERTY, "盖楼", "建筑工程施工许可"),
    means(PROPERTY, "林权证", "林权", "林木权属"),
    means(PROPERTY, "砍树", "林木采伐"),
    # --- 教育
    means(EDUCATION, "上学", "入学", "义务教育"),
    means(EDUCATION, "孩子上学", "入学", "随迁子女", "义务教育"),
    means(EDUCATION, "借读", "随迁子女", "入学"),
    means(EDUCATION, "转学", "入学", "随迁子女"),
    means(EDUCATION, "上幼儿园", "幼儿园", "入园"),
    same(EDUCATION, NATIONAL, "随迁子女", "进城务工人员随迁子女"),
    means(EDUCATION, "外地孩子", "随迁子女"),
    # --- 交通运输
    means(TRANSPORT, "驾照", "机动车驾驶证", "驾驶证"),
    means(TRANSPORT, "车祸", "交通事故"),
    means(TRANSPORT, "出车祸", "交通事故"),
    means(TRANSPORT, "跑客运", "道路旅客运输经营", "旅客运输"),
    means(TRANSPORT, "跑运输", "道路运输", "道路货物运输"),
    means(TRANSPORT, "开大巴", "道路旅客运输", "客运驾驶人员"),
    means(TRANSPORT, "司机", "驾驶人员"),
    same(TRANSPORT, CATALOG, "驾驶人员", "驾驶员"),
    means(TRANSPORT, "大巴", "道路旅客运输", "客运"),
    means(TRANSPORT, "客车", "道路旅客运输", "客运"),
    means(TRANSPORT, "营运证", "道路运输证"),
    same(TRANSPORT, CATALOG, "道路旅客运输", "道路客运"),
    # --- 退役军人、税务、安全生产
    means(VETERANS, "退伍", "退役"),
    same(VETERANS, NATIONAL, "退役军人", "退伍军人"),
    same(VETERANS, NATIONAL, "退役军人优待证", "优待证"),
    means(VETERANS, "当兵", "兵役", "入伍"),
    means(VETERANS, "参军", "入伍", "兵役登记"),
    means(VETERANS, "军属", "军人家属", "优抚对象"),
    same(TAX, NATIONAL, "完税证明", "纳税证明"),
    means(TAX, "交税", "纳税", "缴纳"),
    means(TAX, "税务所", "税务局"),
    same(SAFETY, CATALOG, "消防安全检查", "消防检查"),
    means(SAFETY, "消防培训", "消防安全培训"),
    means(SAFETY, "开业前检查", "营业前消防安全检查"),
    means(SAFETY, "安全培训证", "安全培训合格证明", "安全知识教育合格证明"),
    means(SAFETY, "安全员证", "安全生产知识", "安全知识教育"),
)


def rows(entries=ENTRIES) -> list[tuple[str, str, bool, str]]:
    """Every (term, synonym, one_way, note) row of the entries, once."""
    seen: set[frozenset[str]] = set()
    found = []
    for entry in entries:
        for term, synonym, one_way, note in entry.rows():
            key = frozenset((term, synonym))
            if key in seen:
                continue
            seen.add(key)
            found.append((term, synonym, one_way, note))
    return found


def install(synonym_model, entries=ENTRIES) -> int:
    """Add the rows the table does not hold yet (in either order); never changes a row an
    administrator kept or edited. Returns the number of rows added."""
    held = {frozenset(pair) for pair in synonym_model.objects.values_list("term", "synonym")}
    new = [
        synonym_model(term=term, synonym=synonym, one_way=one_way, note=note)
        for term, synonym, one_way, note in rows(entries)
        if frozenset((term, synonym)) not in held
    ]
    synonym_model.objects.bulk_create(new)
    return len(new)


def uninstall(synonym_model, entries=ENTRIES) -> int:
    """Remove the rows that still read as shipped (term, synonym and note unchanged)."""
    removed = 0
    for term, synonym, _one_way, note in rows(entries):
        removed += synonym_model.objects.filter(term=term, synonym=synonym, note=note).delete()[0]
    return removed
