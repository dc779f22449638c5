"""Settings of the benchmarks' HTTP measurements: the test settings, plus the bare view that
the search page is compared with (tests/bench/urls.py)."""

from cms.settings.test import *  # noqa: F403

ROOT_URLCONF = "tests.bench.urls"
