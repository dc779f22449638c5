"""The security headers: a strict Content-Security-Policy on the public site and the sign-in
page, Wagtail's allowances in the rest of the admin only, no framing except the admin's
previews, a Permissions-Policy, and production settings that pass `check --deploy`."""

import os
import subprocess
import sys
from pathlib import Path

from django.urls import reverse

from tests.factories import make_item

ROOT = Path(__file__).resolve().parents[2]


def directives(response) -> dict[str, str]:
    policy = response["Content-Security-Policy"]
    return dict(part.strip().split(" ", 1) for part in policy.split(";") if part.strip())


def test_public_pages_allow_no_inline_script_or_style(client, db):
    response = client.get("/")
    csp = directives(response)
    assert csp["script-src"] == "'self'"
    assert csp["style-src"] == "'self'"
    assert csp["object-src"] == "'none'"
    assert csp["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_the_sign_in_page_keeps_the_strict_policy(client, db):
    csp = directives(client.get(reverse("wagtailadmin_login")))
    assert "unsafe-inline" not in csp["script-src"]


def test_the_admin_gets_wagtails_allowances_and_nothing_more(client, editor_a):
    client.force_login(editor_a)
    response = client.get(reverse("wagtailadmin_home"))
    csp = directives(response)
    assert csp["script-src"] == "'self' 'unsafe-inline'"
    assert "unsafe-eval" not in response["Content-Security-Policy"]
    assert csp["frame-ancestors"] == "'none'"
    assert response["X-Frame-Options"] == "DENY"


def test_only_the_admin_preview_may_be_framed_by_the_site_itself(client, editor_a, dept_a):
    item = make_item(editor_a, dept_a)
    client.force_login(editor_a)
    url = reverse("wagtailsnippets_catalog_certificateitem:preview_on_edit", args=[item.pk])
    response = client.get(url)
    assert response["X-Frame-Options"] == "SAMEORIGIN"
    assert directives(response)["frame-ancestors"] == "'self'"


def test_powerful_browser_features_are_switched_off(client, db):
    policy = client.get("/")["Permissions-Policy"]
    for feature in ("camera=()", "geolocation=()", "microphone=()", "payment=()"):
        assert feature in policy


# Production refuses to start without the personal-data keys (ADR 017); for the check only.
PRIVACY_ENV = {
    "PRIVACY_ENCRYPTION_KEYS": "Y2hlY2stb25seS1rZXktZm9yLXRoZS1kZXBsb3ktdGU=",
    "PRIVACY_HASH_KEY": "check-only-hash-key-for-the-deploy-test-4d1e7b",
}


def test_production_settings_pass_the_deployment_checks_without_warnings():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "k" * 30 + "-production-secret-for-the-check-only-9f3a2c",
        "DATABASE_URL": "sqlite:///:memory:",
        **PRIVACY_ENV,
    }
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_production_redirects_to_https_and_sets_hsts():
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "cms.settings.production",
        "SECRET_KEY": "k" * 30 + "-production-secret-for-the-check-only-9f3a2c",
        "DATABASE_URL": "sqlite:///:memory:",
        **PRIVACY_ENV,
    }
    code = (
        "import django; django.setup(); from django.conf import settings as s; "
        "print(s.SECURE_SSL_REDIRECT, s.SECURE_HSTS_SECONDS, s.X_FRAME_OPTIONS)"
    )
    result = subprocess.run(  # noqa: S603 (fixed arguments)
        [sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert result.stdout.split() == ["True", str(365 * 24 * 3600), "DENY"], result.stderr
