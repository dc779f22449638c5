"""Fixtures of the search tests: an Elasticsearch to talk to, and the demo catalog.

The Elasticsearch contract tests run against ``ELASTICSEARCH_URL`` when it is set, and
otherwise against the ``osmem-server`` emulator (an in-memory OpenSearch-compatible server from
PyPI, not Lucene). Which one is printed on the terminal when the first of them starts.
"""

import io
import os
import uuid
from dataclasses import dataclass, field

import pytest
from django.core.management import call_command
from django.db import connection, transaction

from fixtures.demo_data import ITEMS
from search import vocabulary
from search.models import Synonym


def _announce(request, line: str) -> None:
    """Write a line to the terminal even while pytest captures the test's output."""
    plugins = request.config.pluginmanager
    reporter = plugins.get_plugin("terminalreporter")
    capture = plugins.get_plugin("capturemanager")
    if reporter is None:
        return
    if capture is None:
        reporter.write_line(line, bold=True)
        return
    with capture.global_and_fixture_disabled():
        reporter.ensure_newline()
        reporter.write_line(line, bold=True)


@pytest.fixture(autouse=True)
def shipped_vocabulary(request):
    """Tests that use the database search with the vocabulary every installation has
    (migration 0006), whatever an earlier transactional test flushed. Returns its rows."""
    rows = vocabulary.rows()
    if request.node.get_closest_marker("django_db") is None:
        return rows
    if Synonym.objects.count() != len(rows):
        Synonym.objects.all().delete()
        vocabulary.install(Synonym)
    return rows


@pytest.fixture
def without_vocabulary(shipped_vocabulary):
    """An installation whose administrators deleted every synonym."""
    Synonym.objects.all().delete()


@pytest.fixture(scope="session")
def elasticsearch_url(request):
    url = os.environ.get("ELASTICSEARCH_URL")
    if url:
        _announce(
            request, f"Elasticsearch contract tests: real server at {url} (ELASTICSEARCH_URL)"
        )
        yield url
        return
    from osmem_server import OsmemServer

    server = OsmemServer.start(japanese=False)
    _announce(
        request,
        f"Elasticsearch contract tests: osmem-server {server.version} emulator at {server.url} "
        "(ELASTICSEARCH_URL not set)",
    )
    yield server.url
    server.close()


@pytest.fixture(scope="session")
def elasticsearch_target(elasticsearch_url) -> str:
    return "real" if os.environ.get("ELASTICSEARCH_URL") else "emulator"


def make_es_backend(url: str):
    from search.backends.elasticsearch import ElasticsearchBackend

    return ElasticsearchBackend(
        url, alias=f"test-catalog-{uuid.uuid4().hex[:12]}", replicas=0, refresh=True
    )


def drop_es_indexes(backend) -> None:
    for index in backend.concrete_indexes():
        backend.client.indices.delete(index=index, ignore_unavailable=True)


@pytest.fixture
def es_backend(elasticsearch_url):
    backend = make_es_backend(elasticsearch_url)
    yield backend
    drop_es_indexes(backend)


def demo_key(name: str, purpose: str, department: str) -> str:
    for row in ITEMS:
        if (row["name"], row["purpose"], row["department"]) == (name, purpose, department):
            return row["key"]
    raise KeyError(name)


@dataclass
class DemoCatalog:
    """The demo catalog, loaded by the real loader: item ids by demo key and back."""

    ids: dict[str, int] = field(default_factory=dict)
    keys: dict[int, str] = field(default_factory=dict)
    es: object = None  # an Elasticsearch backend holding the demo's published items

    def key_list(self, ids) -> list[str]:
        return [self.keys[i] for i in ids]


@pytest.fixture(scope="module")
def demo_catalog(django_db_setup, django_db_blocker, elasticsearch_url):
    """The demo data (load_demo_data, which also builds the index),
    loaded once per module inside a transaction that is rolled back afterwards; tests of the
    module that use the database run in savepoints inside it. Also indexed into a fresh
    Elasticsearch index (the emulator's or ELASTICSEARCH_URL's)."""
    from catalog.models import CertificateItem
    from search.services import live_documents

    with django_db_blocker.unblock():
        atomic = transaction.atomic()
        atomic.__enter__()
        try:
            call_command("load_demo_data", stdout=io.StringIO())
            demo = DemoCatalog()
            for item in CertificateItem.objects.select_related("department"):
                key = demo_key(item.name, item.purpose, item.department.name)
                demo.ids[key] = item.pk
                demo.keys[item.pk] = key
            demo.es = make_es_backend(elasticsearch_url)
            demo.es.rebuild(live_documents())
        except BaseException:
            transaction.set_rollback(True)
            atomic.__exit__(None, None, None)
            raise
    yield demo
    drop_es_indexes(demo.es)
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        atomic.__exit__(None, None, None)
        assert not connection.in_atomic_block
