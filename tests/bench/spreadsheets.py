"""Speed of the spreadsheet door: preview and import of 10,000 rows, export of 10,000 rows.

Run ``python -m tests.bench.spreadsheets`` (``make bench``). It builds a fresh SQLite file
database in a temporary directory (the embedded default), one department with an editor, and a
10,000-row .xlsx in the 附件4 layout (two legal bases in every other row), then prints one
``name value unit`` line per figure on stdout; progress and the verdicts go to stderr.

The registry of legal documents holds ``DOCUMENTS`` documents with a short name and the texts
of their first articles (a county cites a few hundred), and the sheet cites them as clerks do:
by short name or full name, with or without 文号, with or without article text (the registry's
text then fills it) and with or without 效力层级 (taken from the registry); every tenth row cites
one of ``UNKNOWN`` documents the registry lacks (a warning in the preview when the cell has no
text, an unverified document created by the import).

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
DOCUMENTS = 300  # registry documents, each with a short name and ARTICLES article texts
ARTICLES = 10
UNKNOWN = 200  # documents cited by the sheet that the registry lacks
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


LAW_19 = "成立三年以上并具有二十名以上执业律师的合伙律师事务所，可以设立分所。"


def registry_fill():
    """The lawyers law and ``DOCUMENTS`` regulations, each with a short name and texts (in
    bulk, in one transaction: the figures measure the import, not this)."""
    from django.db import transaction

    from catalog.legal.names import article_key, document_key
    from catalog.models import LegalArticle, LegalDocument, LegalDocumentName

    documents = [("中华人民共和国律师法", "中华人民共和国主席令第七十六号", "law", "律师法")]
    documents += [
        (
            f"内蒙古自治区基准测试管理条例{k:03d}",
            f"内蒙古自治区人民代表大会常务委员会公告第{k + 1}号",
            "local_regulation",
            f"基准测试条例{k:03d}",
        )
        for k in range(DOCUMENTS)
    ]
    with transaction.atomic():
        created = LegalDocument.objects.bulk_create(
            LegalDocument(
                name=name,
                key=document_key(name),
                document_number=number,
                legal_level=level,
                verified=True,
            )
            for name, number, level, _short in documents
        )
        LegalDocumentName.objects.bulk_create(
            LegalDocumentName(document=document, name=short, key=document_key(short))
            for document, (*_rest, short) in zip(created, documents, strict=True)
        )
        articles = [LegalArticle(document=created[0], article="第十九条", text=LAW_19)]
        articles += [
            LegalArticle(document=document, article=f"第{a}条", text=f"条例{k:03d}第{a}条的条文。")
            for k, document in enumerate(created[1:])
            for a in range(1, ARTICLES + 1)
        ]
        for article in articles:
            article.key = article_key(article.article)
        LegalArticle.objects.bulk_create(articles)


def row_bases(n: int) -> list:
    """The bases of row ``n``, cited the ways clerks cite (see the module's docstring)."""
    from catalog.spreadsheets.bases import Basis

    k, a = n % DOCUMENTS, n % ARTICLES + 1
    if n % 4 == 0:  # the short name, no 文号, no text, no level: all from the registry
        return [Basis("《律师法》", "", "第十九条", "", "")]
    if n % 4 == 2:  # the full name without 《》, no text
        return [Basis("中华人民共和国律师法", "", "第十九条", "", "law")]
    law = Basis(
        "《中华人民共和国律师法》", "中华人民共和国主席令第七十六号", "第十九条", LAW_19, "law"
    )
    if n % 10 == 1:  # a document the registry lacks, without text: a warning
        other = Basis(
            f"《基准测试旗第{n // 10 % UNKNOWN}号暂行规定》", "", "第三条", "", "normative_document"
        )
    elif n % 4 == 1:  # a registry document by its short name, without text
        other = Basis(f"《基准测试条例{k:03d}》", "", f"第{a}条", "", "local_regulation")
    else:  # by its full name, with 文号 and its own text
        other = Basis(
            f"《内蒙古自治区基准测试管理条例{k:03d}》",
            f"内蒙古自治区人民代表大会常务委员会公告第{k + 1}号",
            f"第{a}条",
            "本条例所称基准测试，是指按照本条例的规定进行的测试。",
            "local_regulation",
        )
    return [law, other]


def sheet_bytes(department_name: str) -> bytes:
    """A clerk's 10,000-row 附件4 workbook, written with the export's own layout."""
    from catalog.spreadsheets.export import CatalogSelection, catalog_grid, write_xlsx
    from catalog.spreadsheets.layout import ANNEX4
    from catalog.spreadsheets.rows import CatalogRow

    rows = []
    for n in range(1, ROWS + 1):
        bases = row_bases(n)
        rows.append(
            CatalogRow(
                department_name=department_name,
                name=f"基准测试证明{n:05d}号",
                purpose=f"基准测试事项{n:05d}的办理",
                legal_bases=bases,
                legal_levels=[b.legal_level for b in bases if b.legal_level],
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
    """(result, wall-clock seconds); the CPU seconds go to stderr too: on a machine shared
    with other work the wall clock says more about the neighbours than about the import."""
    started, cpu = time.perf_counter(), time.process_time()
    result = function()
    elapsed = time.perf_counter() - started
    log(f"{label}: {elapsed:.1f} s (CPU {time.process_time() - cpu:.1f} s)")
    return result, elapsed


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # kB on Linux


def main():
    tmpdir = tempfile.mkdtemp(prefix="bench-spreadsheets-")
    figures = {}
    try:
        setup_django(tmpdir)
        from catalog.models import CertificateItem, LegalBasis, LegalDocument
        from catalog.spreadsheets.export import catalog_file, published_selection
        from catalog.spreadsheets.report import RowStatus
        from catalog.spreadsheets.services import catalog_import
        from permissions.enums import Role
        from tests.factories import make_department, make_user

        department = make_department("基准测试局")
        editor = make_user("bench_editor", role=Role.EDITOR, departments=[department])
        _, _ = timed("fill the registry", registry_fill)
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
        warned = len(preview.warning_rows)
        assert warned == ROWS // 10, warned  # the unknown documents' bases without text
        log(f"preview: {warned} rows with a warning, no error")
        report, figures["import_commit_10k_rows_s"] = timed("import", lambda: run(True))
        assert report.committed, report.error_lines()[:5]
        assert CertificateItem.objects.filter(department=department).count() == ROWS
        created = LegalDocument.objects.filter(verified=False).count()
        assert created == min(UNKNOWN, ROWS // 10), created
        unlinked = LegalBasis.objects.filter(document__isnull=True).count()
        assert unlinked == 0, unlinked
        log(f"import: {created} unverified documents created, every basis linked")
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
