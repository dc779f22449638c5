"""Speed of the credit register: the exclusion lookup against 1,000,000 records and the cost
of registering a letter with the lookup against without it, in the same run.

Run ``python -m tests.bench.credit`` (``make bench``; ``CREDIT_BENCH_RECORDS`` to change the
size). It builds a fresh SQLite file database, writes the records with one executemany (every
row a real Fernet token and the real keyed hash of a distinct valid resident ID number), then
prints one ``name value unit`` line per figure on stdout. Progress goes to stderr.
"""

import datetime
import os
import random
import shutil
import statistics
import sys
import tempfile
import time

RECORDS = int(os.environ.get("CREDIT_BENCH_RECORDS", 1_000_000))
LOOKUPS = 2000
LETTERS = 100
TARGETS = {"credit_lookup_p95_ms": 5}
WEIGHTS = (7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2)


def log(message):
    print(message, file=sys.stderr, flush=True)


def resident_id(n: int) -> str:
    birth = datetime.date(1950, 1, 1) + datetime.timedelta(days=n % 20000)
    first17 = f"152922{birth:%Y%m%d}{n // 20000 % 1000:03d}"
    return (
        first17 + "10X98765432"[sum(int(d) * w for d, w in zip(first17, WEIGHTS, strict=True)) % 11]
    )


def setup_django(tmpdir):
    os.environ["DJANGO_SETTINGS_MODULE"] = "cms.settings.test"
    os.environ["DATABASE_URL"] = f"sqlite:///{tmpdir}/bench.sqlite3"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", interactive=False, verbosity=0)


def build():
    from django.db import connection, transaction
    from django.utils import timezone

    from catalog.models import CertificateItem
    from credit.models import GradingRule
    from permissions.enums import Role
    from privacy.crypto import encrypt, lookup_hash
    from tests.factories import make_department, make_user

    started = time.perf_counter()
    department = make_department("基准测试局")
    clerk = make_user("bench_credit_clerk", role=Role.EDITOR, departments=[department])
    item = CertificateItem.objects.create(
        department=department,
        name="基准测试证明",
        purpose="基准测试",
        live=True,
        verification_method="exempt",
    )
    rule = GradingRule.objects.get(behaviour="false_commitment", grade="grave")
    token = encrypt("152922198001010007")  # the lookup never decrypts; one token is enough
    now = timezone.now().isoformat()
    columns = (
        "subject_kind, subject_name, id_number, id_hash, behaviour, rule_id, grade, "
        "department_id, decided_on, document_number, measures, publicity_start, repair_from, "
        "publicity_end, publicised, legal_basis, state, created_by_id, created_at, changed_at"
    )
    sql = f"INSERT INTO credit_creditrecord ({columns}) VALUES ({', '.join(['%s'] * 20)})"  # noqa: S608 (constants)
    with transaction.atomic(), connection.cursor() as cursor:
        batch = []
        for n in range(RECORDS):
            batch.append(
                (
                    "person",
                    "基准",
                    token,
                    lookup_hash(resident_id(n), kind="id"),
                    "false_commitment",
                    rule.pk,
                    "grave",
                    department.pk,
                    "2026-01-05",
                    "基准1号",
                    "",
                    "2026-01-05",
                    "2026-07-05",
                    "2029-01-04",
                    False,
                    "",
                    ["valid", "repaired", "expired"][n % 3],
                    clerk.pk,
                    now,
                    now,
                )
            )
            if len(batch) == 50_000:
                cursor.executemany(sql, batch)
                batch = []
                log(f"  {n + 1} records")
        cursor.executemany(sql, batch)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"{RECORDS} records: {time.perf_counter() - started:.1f} s")
    return clerk, item


def p95(values):
    return statistics.quantiles(values, n=20)[18]


def main():
    tmpdir = tempfile.mkdtemp(prefix="credit-bench-")
    try:
        setup_django(tmpdir)
        from django.db import transaction

        from commitments.letters import eligibility
        from commitments.letters.services import letter_register
        from credit.exclusion import excluding_record
        from tests.letters.helpers import person

        clerk, item = build()
        rng = random.Random(13)
        timings = []
        for _ in range(LOOKUPS):
            number = resident_id(rng.randrange(RECORDS * 2))  # half are not in the register
            started = time.perf_counter()
            excluding_record(number)
            timings.append((time.perf_counter() - started) * 1000)
        lookup = p95(timings)
        from privacy.crypto import lookup_hash

        hashing = []
        for _ in range(LOOKUPS):
            number = resident_id(rng.randrange(RECORDS * 2))
            started = time.perf_counter()
            lookup_hash(number, kind="id")
            hashing.append((time.perf_counter() - started) * 1000)
        log(f"of which the keyed hash p95: {p95(hashing):.3f} ms; load average {os.getloadavg()}")

        def register(n):
            fields = person(person_id_number=resident_id(RECORDS * 3 + n))
            started = time.perf_counter()
            with transaction.atomic():
                letter_register(user=clerk, item=item, fields=fields, disclose=False)
            return (time.perf_counter() - started) * 1000

        checks = list(eligibility._checks)
        with_lookup, without_lookup = [], []
        for n in range(LETTERS):  # interleaved, so both see the same database and load
            with_lookup.append(register(2 * n))
            eligibility._checks[:] = []
            without_lookup.append(register(2 * n + 1))
            eligibility._checks[:] = checks
        print(f"credit_lookup_p95_ms {lookup:.2f} ms (target ≤ {TARGETS['credit_lookup_p95_ms']})")
        print(f"credit_lookup_p50_ms {statistics.median(timings):.2f} ms")
        print(f"load_average_1min {os.getloadavg()[0]:.1f}")
        print(f"credit_records {RECORDS} rows")
        print(f"letter_register_with_lookup_p50_ms {statistics.median(with_lookup):.2f} ms")
        print(f"letter_register_without_lookup_p50_ms {statistics.median(without_lookup):.2f} ms")
        print(
            "letter_register_lookup_cost_p50_ms "
            f"{statistics.median(with_lookup) - statistics.median(without_lookup):.2f} ms"
        )
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


if __name__ == "__main__":
    main()
