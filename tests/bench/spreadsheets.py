"""Speed of the spreadsheet door: preview and import of 10,000 rows, export of 10,000 rows.

Run ``python -m tests.bench.spreadsheets`` (``make bench``). It builds a fresh SQLite file
database in a temporary directory (the embedded default), one department with an editor, and a
10,000-row .xlsx in the 附件4 layout (two legal bases in every other row), then prints one
``name value unit`` line per figure on stdout; progress and the verdicts go to stderr.

- ``import_preview_10k_rows_s``: upload to preview (read, check, match; nothing written).
- ``import_commit_10k_rows_s``: the confirmed import: 10,000 new draft items, each checked as
  ``catalog.services.item_create`` checks it and written in bulk by ``items_create`` (row,
  legal bases, history record, revision, log entry, reference index) in one transaction.
- ``import_peak_rss_mb``: the process's peak resident memory after the preview and the import.
- ``export_10k_rows_s``: the published catalog as .xlsx (the public download). To have 10,000
  published items without running 10,000 reviews, the bench marks the imported drafts live in
  one UPDATE (row and legal bases are already the approved content); the export only reads.
- ``export_10k_rows_csv_s`` and ``import_preview_10k_unchanged_rows_s`` (the exported file
  read back: every row must be unchanged) are extra figures.
"""

import os
import resource
import shutil
import sys
import tempfile
import time

ROWS = 10_000
TARGETS = {
    "import_preview_10k_rows_s": 15,
    "import_commit_10k_rows_s": 30,
    "export_10k_rows_s": 5,
    "import_peak_rss_mb": 500,
}


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


def sheet_bytes(department_name: str) -> bytes:
    """A clerk's 10,000-row 附件4 workbook, written with the export's own layout."""
    from catalog.spreadsheets.bases import Basis
    from catalog.spreadsheets.export import CatalogSelection, catalog_grid, write_xlsx
    from catalog.spreadsheets.layout import ANNEX4
    from catalog.spreadsheets.rows import CatalogRow

    law = Basis(
        "《中华人民共和国律师法》",
        "中华人民共和国主席令第七十六号",
        "第十九条",
        "成立三年以上并具有二十名以上执业律师的合伙律师事务所，可以设立分所。",
        "law",
    )
    rows = []
    for n in range(1, ROWS + 1):
        bases = [law]
        if n % 2:
            bases.append(
                Basis(
                    "《律师事务所管理办法》",
                    "司法部令第142号",
                    f"第{n % 50 + 1}条",
                    "律师事务所设立分所，应当具备下列条件。",
                    "departmental_rule",
                )
            )
        rows.append(
            CatalogRow(
                department_name=department_name,
                name=f"基准测试证明{n:05d}号",
                purpose=f"基准测试事项{n:05d}的办理",
                legal_bases=bases,
                legal_levels=[b.legal_level for b in bases],
                requesting_unit="旗司法局",
                issuing_unit="申请人所在单位",
                level_county=True,
                level_township=bool(n % 3),
                matter_type="licensing",
                remarks="限于该负责人原在区内执业" if n % 5 == 0 else "",
            )
        )
    selection = CatalogSelection(
        rows=rows,
        title=ANNEX4.title,
        unit=department_name,
        phone="",
        date="",
        stem="bench",
        sections=False,
    )
    return write_xlsx(catalog_grid(selection), ANNEX4, sheet_title=ANNEX4.title)


def timed(label, function):
    started = time.perf_counter()
    result = function()
    elapsed = time.perf_counter() - started
    log(f"{label}: {elapsed:.1f} s")
    return result, elapsed


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def main():
    tmpdir = tempfile.mkdtemp(prefix="bench-spreadsheets-")
    figures = {}
    try:
        setup_django(tmpdir)
        from catalog.models import CertificateItem
        from catalog.spreadsheets.export import catalog_file, published_selection
        from catalog.spreadsheets.report import RowStatus
        from catalog.spreadsheets.services import catalog_import
        from permissions.enums import Role
        from tests.factories import make_department, make_user

        department = make_department("基准测试局")
        editor = make_user("bench_editor", role=Role.EDITOR, departments=[department])
        data, _ = timed("build the 10,000-row workbook", lambda: sheet_bytes(department.name))
        log(f"workbook: {len(data) / 1024 / 1024:.1f} MB")

        def run(commit):
            return catalog_import(
                user=editor,
                data=data,
                filename="bench.xlsx",
                department=department,
                commit=commit,
                submit=True,
            )

        preview, figures["import_preview_10k_rows_s"] = timed("preview", lambda: run(False))
        assert preview.counts[RowStatus.NEW] == ROWS, preview.summary()
        report, figures["import_commit_10k_rows_s"] = timed("import", lambda: run(True))
        assert report.committed, report.error_lines()[:5]
        assert CertificateItem.objects.filter(department=department).count() == ROWS
        figures["import_peak_rss_mb"] = peak_rss_mb()

        CertificateItem.objects.filter(department=department).update(
            live=True,
            has_unpublished_changes=False,
            live_revision_id=django_f("latest_revision_id"),
        )
        exported, figures["export_10k_rows_s"] = timed(
            "export .xlsx", lambda: catalog_file(published_selection(), "xlsx")
        )
        _, figures["export_10k_rows_csv_s"] = timed(
            "export .csv", lambda: catalog_file(published_selection(), "csv")
        )
        again, figures["import_preview_10k_unchanged_rows_s"] = timed(
            "preview of the exported file",
            lambda: catalog_import(
                user=editor, data=exported.content, filename="x.xlsx", department=department
            ),
        )
        assert again.counts[RowStatus.UNCHANGED] == ROWS, again.summary()

        units = {"_s": "s", "_mb": "MB"}
        for name, value in figures.items():
            unit = next(u for suffix, u in units.items() if name.endswith(suffix))
            print(f"{name} {value:.1f} {unit}", flush=True)
        for name, target in TARGETS.items():
            verdict = "ok" if figures[name] <= target else "SLOW"
            log(f"{name}: {figures[name]:.1f}, target <= {target}: {verdict}")
    finally:
        shutil.rmtree(tmpdir, ignore_errors=True)


def django_f(name):
    from django.db.models import F

    return F(name)


if __name__ == "__main__":
    main()
