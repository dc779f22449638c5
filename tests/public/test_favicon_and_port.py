"""The site has its own icon, and `make run` serves on the port given with PORT=."""

import shutil
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from django.contrib.staticfiles import finders
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_favicon_ico_is_served_at_the_site_root(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/x-icon"
    assert "max-age=86400" in response["Cache-Control"]
    body = response.content
    assert body[:4] == b"\x00\x00\x01\x00"  # ICONDIR: reserved 0, type 1 (icon)
    sizes = {(body[6 + 16 * i] or 256) for i in range(int.from_bytes(body[4:6], "little"))}
    assert {16, 32, 48} <= sizes


@pytest.mark.django_db
def test_public_pages_link_the_svg_and_ico_favicons(client):
    soup = BeautifulSoup(client.get(reverse("public:catalog")).content, "html.parser")
    icons = {link.get("type", ""): link["href"] for link in soup.select("link[rel=icon]")}
    assert icons[""] == "/favicon.ico"
    svg = finders.find(icons["image/svg+xml"].removeprefix("/static/"))
    assert svg is not None
    assert Path(svg).read_text().startswith("<svg ")


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
@pytest.mark.parametrize(
    ("args", "address"), [([], "127.0.0.1:8000"), (["PORT=8123"], "127.0.0.1:8123")]
)
def test_make_run_serves_on_the_port_given(args, address):
    dry_run = subprocess.run(  # noqa: S603 (fixed arguments)
        ["make", "--dry-run", "--always-make", "run", *args],  # noqa: S607
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert f"manage.py runserver {address}" in dry_run


def test_readme_documents_the_port():
    assert "make run PORT=" in (ROOT / "README.md").read_text()
