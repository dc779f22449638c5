"""Speed of the public search on the embedded backend (SQLite FTS5) with 100,000 items.

Run ``python -m tests.bench.search`` (``make bench``). It builds a fresh SQLite file database
in a temporary directory, generates 100,000 realistic published items (the 46 departments of
the demo data; names, purposes, conditions and units combined from the vocabulary of a county
catalog; legal bases taken from the demo catalog's real ones), builds the search index with
the real rebuild code (``search.services.index_rebuild``), then times a fixed mix of queries
and prints one ``name value unit`` line per figure on stdout. Progress goes to stderr.

Figures (targets from issues 3 and 15):
  search_query_p50_ms / search_query_p95_ms   the backend's answer for the query mix (names,
      fragments, pinyin, questions, task phrasing, everyday words, spaced words): hits of page 1,
      total, exact total and the four facets' counts (target ≤ 5 / ≤ 20 ms), in the steady
      state: the rows of the characters searched before are in memory
  search_query_cold_p95_ms                    the same right after a publication: before each
      query one item is indexed again, as publishing it does (target ≤ 20 ms)
  search_page_vs_item_page_ratio              p50 of the full search page (view, database,
      template) / p50 of the public item page, same run, both through the test client (≤ 2)
  search_index_build_s                        the rebuild from an empty index (target ≤ 60 s)
  search_peak_rss_mb                          peak resident memory of this process (≤ 500 MB)
Further figures, without targets:
  search_query_cold_p50_ms, search_query_uncached_p95_ms (no character rows in memory at all)
  search_page_p50_ms, item_page_p50_ms        the two sides of the ratio
  search_page_vs_item_page_ratio_http         the same ratio over HTTP: gunicorn, one worker,
      persistent database connections (plus its two sides, *_http_p50_ms)
BENCH_ITEMS=1000000 sets another number of items (the targets are for 100,000).
Set BENCH_SEARCH_DB=/path/file.sqlite3 to keep the generated database and time it again later
without generating it (the index build is then not timed).
"""

import os
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time

ITEMS = int(os.environ.get("BENCH_ITEMS", "100000"))
BATCH = 5_000
ROUNDS = 5  # the first round warms up and is not counted
TARGETS = {
    "search_query_p50_ms": 5,
    "search_query_p95_ms": 20,
    "search_query_cold_p95_ms": 20,
    "search_page_vs_item_page_ratio": 2,
    "search_index_build_s": 60,
    "search_peak_rss_mb": 500,
}
# What people type: certificate names, matters, topics, traditional characters, pinyin,
# initials, two words, one very broad word, and (issue 15) questions, task phrasing, everyday
# words and words typed apart. Fixed, so that runs compare.
QUERY_MIX = [
    "无犯罪记录",
    "无犯罪记录证明",
    "户口",
    "户籍证明",
    "健康证",
    "lvshi",
    "wfzjl",
    "律师事务所 分所",
    "营业执照",
    "社保",
    "低保",
    "死亡证明",
    "居住证",
    "宅基地",
    "不动产登记",
    "学历",
    "食品经营许可",
    "消防安全",
    "jkz",
    "公共租赁住房",
    "养老保险",
    "無犯罪記錄",
    "契税",
    "医师资格",
    "zhaijidi",
    "收入证明",
    "出生医学证明",
    "婚姻状况",
    "残疾人",
    "道路旅客运输",
    "烟花爆竹",
    "证明",
    "办理居住证需要哪些材料",
    "怎么申请低保",
    "给老人办高龄津贴要带什么",
    "我想开饭店",
    "失业了怎么领失业金",
    "买房",
    "退休",
    "看病报销",
    "身份证",
    "户籍 证明",
    "食品 经营 许可",
    "孩子上学需要什么证明",
]

SUBJECTS = [
    "申请人",
    "法定代表人",
    "拟任负责人",
    "从业人员",
    "投资人",
    "监护人",
    "配偶",
    "子女",
    "主要负责人",
    "驾驶人员",
    "保教人员",
    "合伙人",
    "股东",
    "经营者",
    "被继承人",
    "参保人员",
    "家庭成员",
    "技术人员",
    "安全管理人员",
    "执业人员",
]
CERTIFICATES = [
    "无犯罪记录证明",
    "户籍证明",
    "亲属关系证明",
    "居住证明",
    "收入证明",
    "健康证明",
    "健康合格证明",
    "学历证明",
    "工作年限证明",
    "死亡证明",
    "婚姻状况证明",
    "无住房证明",
    "经营场所使用证明",
    "安全培训合格证明",
    "未参保证明",
    "劳动关系证明",
    "建设资金落实证明",
    "房屋产权证明",
    "纳税情况证明",
    "职业资格证明",
    "执业经历证明",
    "身份关系证明",
    "出生医学证明",
    "残疾情况证明",
    "经济困难证明",
    "就业证明",
    "退休证明",
    "无违法违规记录证明",
    "场地租赁证明",
    "污染源距离符合要求的证明",
    "消防安全培训证明",
    "房屋安全鉴定证明",
    "生育情况证明",
    "独生子女证明",
    "户口迁移证明",
    "社会保险缴费证明",
    "医疗保险参保证明",
    "宅基地使用证明",
    "林木权属证明",
    "草原承包经营证明",
    "农机具所有权证明",
    "牲畜存栏证明",
    "危房鉴定证明",
    "意外事件证明",
    "突发重大疾病证明",
    "赡养义务人无履行能力证明",
    "专业工作实践证明",
    "思想品德鉴定",
    "交通责任事故记录证明",
    "仓储场所租赁证明",
]
FIELDS = [
    "食品经营",
    "药品零售",
    "道路旅客运输经营",
    "道路货物运输经营",
    "建筑工程施工",
    "公共场所卫生",
    "娱乐场所经营",
    "烟花爆竹零售经营",
    "农药经营",
    "种子生产经营",
    "兽药经营",
    "旅行社设立",
    "民办学校设立",
    "医疗机构执业",
    "律师事务所设立分所",
    "公证员执业",
    "劳务派遣经营",
    "人力资源服务",
    "危险化学品经营",
    "出版物零售",
    "印刷经营",
    "特种设备使用",
    "林木采伐",
    "草原征占用",
    "取水",
    "排污",
    "集中式供水单位卫生",
    "放射诊疗",
]
ACTIONS = ["许可", "许可证核发", "许可延续", "许可变更", "登记", "备案", "资格认定", "审批"]
SERVICES = [
    "最低生活保障申请",
    "临时救助申请",
    "特困人员救助供养申请",
    "公共租赁住房申请",
    "城乡居民基本养老保险参保登记",
    "失业保险金申领",
    "丧葬补助金和抚恤金领取",
    "居住证申领",
    "投靠亲属户口迁移",
    "教师资格认定",
    "医师资格考试报名",
    "一级建造师资格考试报名",
    "随迁子女义务教育阶段入学",
    "公民申请法律援助",
    "异地长期居住人员跨省异地就医备案",
    "职工未就业配偶生育医疗费用待遇申领",
    "不动产继承转移登记",
    "个人购买家庭唯一住房契税优惠办理",
    "困难残疾人生活补贴申请",
    "高龄津贴申领",
    "农村村民宅基地申请审批",
    "社会团体成立登记",
    "市场主体设立登记",
    "退役军人优待证申领",
    "草原生态保护补助奖励发放",
    "农机购置补贴申领",
]
MATTER_OF = {"许可": "licensing", "登记": "confirmation", "备案": "other_power"}
PLACES = [
    "巴丹吉林镇",
    "雅布赖镇",
    "阿拉腾敖包镇",
    "曼德拉苏木",
    "阿拉腾朝格苏木",
    "塔木素布拉格苏木",
    "巴彦高勒苏木",
]
CONDITIONS = [
    "申请人在{place}连续居住满{n}个月，申报的居住地址真实，住房为本人自有住房或者租赁住房。",
    "申请人未受过刑事处罚（过失犯罪除外），近{n}年内未因违法行为受到行政处罚。",
    "经营场所面积不少于{m}平方米，距离粪坑、污水池、垃圾场等污染源{n}米以上。",
    "申请人家庭人均月收入低于{place}当年最低生活保障标准，且家庭财产状况符合规定。",
    "拟聘用的全部从业人员已取得有效期{n}年内的健康证明，未患有影响公众健康的疾病。",
    "申请人与原用人单位的劳动关系已终止或者解除，累计缴纳失业保险费满{n}年。",
    "申请人取得相关专业学历后工作满{n}年，其中从事本专业工作满{k}年。",
    "申请人及共同申请的家庭成员在{place}无自有住房，且申请前{n}年内未转让过住房。",
    "建设工期不足一年的，到位资金不少于工程合同价的{m}%。",
    "主要负责人已参加安全知识培训并考核合格，全部从业人员已接受岗前安全教育。",
    "被继承人已经死亡，死亡时间、死亡地点与申请材料所载一致。",
    "申请人所在农户在本嘎查及其他嘎查村均无宅基地，且此前未出卖、出租农村住宅。",
]
ISSUING = [
    "公安机关",
    "申请人所在单位",
    "嘎查村（社区）",
    "不动产登记机构",
    "医疗卫生机构",
    "原用人单位",
    "社会保险经办机构",
    "毕业院校或者学历认证机构",
    "承担从业人员健康检查的医疗卫生机构",
    "安全生产培训机构",
    "建设单位开户银行",
    "苏木镇人民政府",
]
FOCUS = [
    "household",
    "market_access",
    "qualification_exam",
    "social_insurance",
    "social_assistance",
    "health_check",
    "legal_services",
    "other",
]


def log(message):
    print(message, file=sys.stderr, flush=True)


def setup_django(path):
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{path}"
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    log(f"migrate: {time.perf_counter() - started:.1f} s")


def generate_catalog(rnd):
    """Benchmark setup only: 100,000 *live* item rows and their legal bases are bulk-created
    directly, without Wagtail revisions, workflow or history (publishing 100,000 items through
    Wagtail would take hours). The search index is then built from these rows by the real
    rebuild code, exactly as for items published through review."""
    from django.utils import timezone

    from catalog.enums import DepartmentKind
    from catalog.models import CertificateItem, Department, LegalBasis
    from fixtures.demo_data import DEPARTMENTS
    from fixtures.demo_data import ITEMS as DEMO_ITEMS

    departments = [
        Department.objects.create(
            name=row["name"], kind=row["kind"] or DepartmentKind.BANNER_DEPARTMENT, sort_order=i
        )
        for i, row in enumerate(DEPARTMENTS, start=1)
    ]
    bases = [basis for row in DEMO_ITEMS for basis in row["legal_bases"]]
    now = timezone.now()
    started = time.perf_counter()
    for start in range(0, ITEMS, BATCH):
        items = []
        for _ in range(BATCH):
            certificate = rnd.choice(CERTIFICATES)
            name = f"{rnd.choice(SUBJECTS)}{certificate}" if rnd.random() < 0.6 else certificate
            if rnd.random() < 0.55:
                action = rnd.choice(ACTIONS)
                purpose = rnd.choice(FIELDS) + action
                matter = next((m for k, m in MATTER_OF.items() if k in action), "licensing")
            else:
                purpose = rnd.choice(SERVICES)
                matter = rnd.choice(["payment", "public_service", "confirmation"])
            department = rnd.choice(departments)
            levels = rnd.choice(
                [(0, 0, 1, 0), (0, 1, 1, 0), (1, 1, 1, 0), (0, 0, 1, 1), (0, 0, 0, 1)]
            )
            items.append(
                CertificateItem(
                    department=department,
                    name=name,
                    purpose=purpose,
                    requesting_unit=f"旗{department.name}",
                    issuing_unit=rnd.choice(ISSUING),
                    level_provincial=bool(levels[0]),
                    level_city=bool(levels[1]),
                    level_county=bool(levels[2]),
                    level_township=bool(levels[3]),
                    matter_type=matter,
                    focus_area=rnd.choice(FOCUS),
                    remarks=rnd.choice(["", "", "", f"限于{rnd.choice(PLACES)}范围内办理。"]),
                    certificate_content=rnd.choice(CONDITIONS).format(
                        place=rnd.choice(PLACES),
                        n=rnd.randint(1, 12),
                        m=rnd.choice([20, 30, 50, 100]),
                        k=rnd.randint(1, 5),
                    ),
                    false_commitment_consequences="终止办理；依法撤销行政决定；纳入信用记录。",
                    verification_method="online",
                    verification_time_limit_days=rnd.choice([5, 10, 20]),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
        created = CertificateItem.objects.bulk_create(items)
        LegalBasis.objects.bulk_create(
            LegalBasis(item=item, sort_order=i, **basis)
            for item in created
            for i, basis in enumerate(rnd.sample(bases, rnd.choice([1, 1, 2])))
        )
        log(f"  {start + BATCH} items")
    log(f"generated {ITEMS} live items in {time.perf_counter() - started:.1f} s")


def percentile(values, p):
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def time_queries(*, after_publication: bool = False, uncached: bool = False):
    """Times of the query mix on the backend (the first round warms up and is not counted).

    ``after_publication``: before each query one live item is indexed again through
    ``search.services.item_index``, as publishing it does (a new index version, the change
    log, the snapshot patched on the next search); the write itself is not timed.
    ``uncached``: every query reads its characters' rows from the full-text index (the
    snapshot's character rows are dropped first).
    """
    from search.analysis import parse_query
    from search.backends import SearchFilters, get_database_backend
    from search.backends.database import _snapshots
    from search.selectors import synonyms
    from search.services import item_index

    backend = get_database_backend()
    republished = live_item_ids(ROUNDS * len(QUERY_MIX)) if after_publication else []
    timings, totals = [], {}
    for round_number in range(ROUNDS):
        for i, text in enumerate(QUERY_MIX):
            if after_publication:
                item_index(item_id=republished[round_number * len(QUERY_MIX) + i])
            if uncached:
                for _version, snapshot in _snapshots.values():
                    snapshot.characters.clear()
            started = time.perf_counter()
            results = backend.search(parse_query(text, synonyms()), SearchFilters(), limit=20)
            elapsed = (time.perf_counter() - started) * 1000
            if round_number:
                timings.append(elapsed)
            totals[text] = results.total
            assert results.hits or not results.total
    return timings, totals


def live_item_ids(count: int) -> list[int]:
    """``count`` live items spread over the catalog, the same in every run."""
    from catalog.models import CertificateItem

    ids = list(
        CertificateItem.objects.filter(live=True).order_by("pk").values_list("pk", flat=True)
    )
    step = max(1, len(ids) // count)
    return (ids[::step] * count)[:count]


def time_pages():
    """p50 of the search page and of the public item page, through Django's test client; one
    item page after each search page, a different item each time."""
    from django.test import Client

    client = Client()
    items = live_item_ids(ROUNDS * len(QUERY_MIX))
    page, item_page = [], []
    for round_number in range(ROUNDS):
        for i, text in enumerate(QUERY_MIX):
            started = time.perf_counter()
            response = client.get("/search/", {"q": text})
            elapsed = (time.perf_counter() - started) * 1000
            assert response.status_code == 200
            url = f"/catalog/item/{items[round_number * len(QUERY_MIX) + i]}/"
            started = time.perf_counter()
            assert client.get(url).status_code == 200
            item_elapsed = (time.perf_counter() - started) * 1000
            if round_number:
                page.append(elapsed)
                item_page.append(item_elapsed)
    return page, item_page


def time_pages_http(port: int = 8765):
    """p50 of the search page and of the item page over HTTP: gunicorn (the production server)
    with one worker and persistent database connections (DB_CONN_MAX_AGE=60, as
    docs/deployment.md recommends), a new HTTP connection per request."""
    import http.client
    import subprocess
    from urllib.parse import urlencode

    server = subprocess.Popen(  # noqa: S603 (our own gunicorn, fixed arguments)
        [
            os.path.join(os.path.dirname(sys.executable), "gunicorn"),
            "cms.wsgi:application",
            "--workers=1",
            f"--bind=127.0.0.1:{port}",
            "--log-level=warning",
        ],
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "cms.settings.test",
            "DB_CONN_MAX_AGE": "60",
        },
    )

    def get(path: str) -> float:
        started = time.perf_counter()
        connection = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        connection.request("GET", path)
        response = connection.getresponse()
        response.read()
        connection.close()
        assert response.status == 200, (path, response.status)
        return (time.perf_counter() - started) * 1000

    items = live_item_ids(ROUNDS * len(QUERY_MIX))
    try:
        for _ in range(100):  # wait for the worker
            try:
                get(f"/catalog/item/{items[0]}/")
                break
            except OSError:
                time.sleep(0.1)
        page, item_page = [], []
        for round_number in range(ROUNDS):
            for i, text in enumerate(QUERY_MIX):
                page_elapsed = get("/search/?" + urlencode({"q": text}))
                item_elapsed = get(f"/catalog/item/{items[round_number * len(QUERY_MIX) + i]}/")
                if round_number:
                    page.append(page_elapsed)
                    item_page.append(item_elapsed)
        return page, item_page
    finally:
        server.terminate()
        server.wait(timeout=30)


def main():
    # BENCH_SEARCH_DB=/path/file.sqlite3 keeps the generated database there and, when it
    # exists already, reuses it (no generation, no index build) to time queries again.
    kept = os.environ.get("BENCH_SEARCH_DB")
    tmpdir = tempfile.mkdtemp(prefix="bench-search-")
    path = kept or f"{tmpdir}/bench.sqlite3"
    reuse = bool(kept) and os.path.exists(kept)
    try:
        setup_django(path)
        build_s = None
        if not reuse:
            from django.db import transaction

            with transaction.atomic():
                generate_catalog(random.Random(2026))

            from search.services import index_rebuild

            started = time.perf_counter()
            report = index_rebuild()
            build_s = time.perf_counter() - started
            assert report.documents == ITEMS, report
            log(f"index rebuild: {report.documents} documents in {build_s:.1f} s")

        timings, totals = time_queries()
        cold_timings, _totals = time_queries(after_publication=True)
        uncached_timings, _totals = time_queries(uncached=True)
        for text, total in totals.items():
            log(f"  {text!r}: {total} results")
        page, item_page = time_pages()
        rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        http_page, http_item_page = time_pages_http()

        figures = {
            "search_query_p50_ms": (statistics.median(timings), "ms"),
            "search_query_p95_ms": (percentile(timings, 95), "ms"),
            "search_query_cold_p95_ms": (percentile(cold_timings, 95), "ms"),
            "search_page_vs_item_page_ratio": (
                statistics.median(page) / statistics.median(item_page),
                "ratio",
            ),
            "search_index_build_s": (build_s, "s"),
            "search_peak_rss_mb": (rss_mb, "MB"),
        }
        if build_s is None:  # a reused database: the build was not timed in this run
            del figures["search_index_build_s"]
        print(f"search_items {ITEMS} items", flush=True)
        for name, (value, unit) in figures.items():
            print(f"{name} {value:.2f} {unit}", flush=True)
        print(f"search_query_cold_p50_ms {statistics.median(cold_timings):.2f} ms", flush=True)
        print(f"search_query_uncached_p95_ms {percentile(uncached_timings, 95):.2f} ms", flush=True)
        print(f"search_page_p50_ms {statistics.median(page):.2f} ms", flush=True)
        print(f"item_page_p50_ms {statistics.median(item_page):.2f} ms", flush=True)
        print(
            "search_page_vs_item_page_ratio_http "
            f"{statistics.median(http_page) / statistics.median(http_item_page):.2f} ratio",
            flush=True,
        )
        print(f"search_page_http_p50_ms {statistics.median(http_page):.2f} ms", flush=True)
        print(f"item_page_http_p50_ms {statistics.median(http_item_page):.2f} ms", flush=True)
        for name, target in TARGETS.items():
            if name not in figures:
                continue
            value = figures[name][0]
            if ITEMS != 100_000:
                continue  # the targets are for 100,000 items
            log(f"{name}: {value:.2f}, target <= {target}: {'ok' if value <= target else 'MISSED'}")
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


if __name__ == "__main__":
    main()
