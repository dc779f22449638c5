"""Page-speed figures of the public site: the catalog (附件4 table) and item pages.

Run ``python -m tests.bench.pages`` (``make bench``). It builds a fresh SQLite file database in a
temporary directory with 20 departments and 1000 published items (each with legal bases, made
live the way an approval makes them live), then times the pages with Django's test client and
prints one ``name value unit`` line per figure on stdout. Progress goes to stderr.

Publishing: every item is created with ``catalog.services.item_create`` (validated row, legal
bases, first revision) and its latest revision is published with ``Revision.publish`` - the call
that ends an approved review (``publishing.workflows.publish_reviewed_revision``) - skipping only
the review workflow's bookkeeping (task states), which the public pages never read.
"""

import os
import random
import shutil
import statistics
import sys
import tempfile
import time

DEPARTMENTS = 20
ITEMS = 1000
PAGE_SIZE = 50  # cms.views.PAGE_SIZE
WARMUP = 5
REQUESTS = 50
TARGETS_MS = {"catalog_page_1000_items": 150, "item_page": 30}


def log(message):
    print(message, file=sys.stderr, flush=True)


def setup_django(tmpdir):
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{tmpdir}/bench.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command

    started = time.perf_counter()
    call_command("migrate", interactive=False, verbosity=0)
    log(f"migrate: {time.perf_counter() - started:.1f} s")


def legal_bases(n):
    from catalog.enums import LegalLevel

    bases = [
        {
            "name": "《中华人民共和国律师法》",
            "document_number": "中华人民共和国主席令第七十六号",
            "article": "第十九条",
            "article_text": "成立三年以上并具有二十名以上执业律师的合伙律师事务所，可以设立分所。",
            "legal_level": LegalLevel.LAW,
        },
        {
            "name": "《律师事务所管理办法》",
            "document_number": "司法部令第142号",
            "article": f"第{n % 50 + 1}条",
            "article_text": "律师事务所设立分所，应当具备下列条件。",
            "legal_level": LegalLevel.DEPARTMENTAL_RULE,
        },
    ]
    return bases[: 1 + n % 2]  # half the items have one basis, half two


def build_catalog():
    """20 departments and 1000 live items; returns {department: [item, ...]} in catalog order."""
    from django.db import transaction

    from catalog.services import item_create
    from permissions.enums import Role
    from tests.factories import item_fields, make_department, make_user

    started = time.perf_counter()
    with transaction.atomic():
        departments = [make_department(f"基准测试局{d:02d}") for d in range(1, DEPARTMENTS + 1)]
        editor = make_user("bench_editor", role=Role.EDITOR, departments=departments)
        reviewer = make_user("bench_reviewer", role=Role.REVIEWER)
    log(f"departments and users: {time.perf_counter() - started:.1f} s")

    by_department = {department: [] for department in departments}
    created = published = 0.0
    with transaction.atomic():
        for n in range(ITEMS):
            department = departments[n % DEPARTMENTS]
            t0 = time.perf_counter()
            item = item_create(
                user=editor,
                department=department,
                fields=item_fields(name=f"基准测试证明{n + 1:04d}号"),
                legal_bases=legal_bases(n),
            )
            t1 = time.perf_counter()
            item.get_latest_revision().publish(user=reviewer, skip_permission_checks=True)
            t2 = time.perf_counter()
            created += t1 - t0
            published += t2 - t1
            by_department[department].append(item)
            if (n + 1) % 200 == 0:
                log(f"  {n + 1} items")
    log(
        f"{ITEMS} items: item_create {created:.1f} s ({created / ITEMS * 1000:.1f} ms each), "
        f"publish {published:.1f} s ({published / ITEMS * 1000:.1f} ms each)"
    )
    return by_department


def check_catalog(by_department):
    from catalog.models import CertificateItem, LegalBasis

    live = CertificateItem.objects.filter(live=True)
    assert live.count() == ITEMS, live.count()
    assert not live.filter(has_unpublished_changes=True).exists()
    assert LegalBasis.objects.filter(item__live=True).count() == ITEMS + ITEMS // 2
    assert sum(len(items) for items in by_department.values()) == ITEMS


def timed_get(client, url, expected_text):
    started = time.perf_counter()
    response = client.get(url)
    elapsed_ms = (time.perf_counter() - started) * 1000
    assert response.status_code == 200, (url, response.status_code)
    body = response.content.decode()
    assert expected_text in body, (url, expected_text)
    return elapsed_ms, body


def measure(client, requests):
    """``requests`` is a list of (url, expected text); returns the timings of the measured ones."""
    for url, expected in requests[:WARMUP]:
        timed_get(client, url, expected)
    return [timed_get(client, url, expected)[0] for url, expected in requests[WARMUP:]]


def count_queries(client, url):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return len(queries)


def percentile(values, p):
    return statistics.quantiles(values, n=100, method="inclusive")[p - 1]


def main():
    tmpdir = tempfile.mkdtemp(prefix="bench-pages-")
    try:
        setup_django(tmpdir)
        by_department = build_catalog()
        check_catalog(by_department)

        from django.test import Client

        client = Client()
        # Page 1 of the catalog: the catalog order is department (sort order), then pk, so the
        # first page holds the first department's items; the 51st item must not be on it.
        first_department_items = next(iter(by_department.values()))
        page_1 = first_department_items[:PAGE_SIZE]
        catalog_requests = [
            ("/catalog/", page_1[i % len(page_1)].name) for i in range(WARMUP + REQUESTS)
        ]
        _ms, body = timed_get(client, "/catalog/", page_1[0].name)
        assert body.count('data-label="证明名称"') == PAGE_SIZE, "page 1 must show 50 rows"
        assert all(item.name in body for item in page_1)

        all_items = [item for items in by_department.values() for item in items]
        sample = random.Random(2026).sample(all_items, WARMUP + REQUESTS)
        item_requests = [(f"/catalog/item/{item.pk}/", item.name) for item in sample]
        _ms, body = timed_get(client, item_requests[0][0], item_requests[0][1])
        assert "《中华人民共和国律师法》第十九条" in body, "item page must show its legal bases"

        figures = {
            "catalog_page_1000_items": measure(client, catalog_requests),
            "item_page": measure(client, item_requests),
        }
        queries = {
            "catalog_page_1000_items": count_queries(client, "/catalog/"),
            "item_page": count_queries(client, item_requests[0][0]),
        }
        for name, timings in figures.items():
            print(f"{name}_p50_ms {statistics.median(timings):.1f} ms", flush=True)
            print(f"{name}_p95_ms {percentile(timings, 95):.1f} ms", flush=True)
        for name, count in queries.items():
            print(f"{name}_queries {count} queries", flush=True)
        for name, target in TARGETS_MS.items():
            p50 = statistics.median(figures[name])
            verdict = "ok" if p50 <= target else "SLOW"
            log(f"{name}: p50 {p50:.1f} ms, target <= {target} ms: {verdict}")
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


if __name__ == "__main__":
    main()
