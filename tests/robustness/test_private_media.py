"""Flow-chart images are private (issue 10, point 12): originals and renditions are served to
signed-in staff only; the public gets a published guide's flow chart through the checked view,
never a draft's under any URL."""

import pytest
from django.test import Client
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from ..guides.helpers import make_guide
from ..guides.test_guide_public import published_guide

pytestmark = pytest.mark.django_db


@pytest.fixture
def draft_chart(editor_a, dept_a):
    image = Image.objects.create(title="草稿流程图", file=get_test_image_file("草稿流程图.png"))
    guide = make_guide(editor_a, dept_a, flow_chart=image)
    return guide, image


def urls_of(image) -> list[str]:
    """Every URL that names the image's files: the original and the renditions the admin
    shows (thumbnails of the image library and the chooser)."""
    renditions = [image.get_rendition(spec) for spec in ("max-165x165", "max-800x600", "original")]
    return [image.file.url, *(r.url for r in renditions)]


def test_no_url_of_a_drafts_flow_chart_answers_an_anonymous_visitor(draft_chart):
    guide, image = draft_chart
    anonymous = Client()
    urls = urls_of(image)
    assert all(url.startswith("/media/") for url in urls)
    for url in [*urls, reverse("public:guide_flow_chart", args=[guide.pk])]:
        assert anonymous.get(url, follow=True).status_code == 404, url


def test_staff_see_the_originals_and_thumbnails_in_the_admin(client, editor_a, draft_chart):
    _guide, image = draft_chart
    client.force_login(editor_a)
    for url in urls_of(image):
        response = client.get(url)
        assert response.status_code == 200, url
        assert b"".join(response.streaming_content).startswith(b"\x89PNG")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert "no-store" in response["Cache-Control"]


def test_a_published_flow_chart_is_public_only_through_the_checked_view(editor_a, dept_a, reviewer):
    image = Image.objects.create(title="流程图", file=get_test_image_file("流程图.png"))
    guide = published_guide(editor_a, dept_a, reviewer, flow_chart=image)
    anonymous = Client()
    response = anonymous.get(reverse("public:guide_flow_chart", args=[guide.pk]))
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"\x89PNG")
    for url in urls_of(image):
        assert anonymous.get(url, follow=True).status_code == 404, url


def test_a_path_outside_the_media_root_is_refused(client, editor_a):
    client.force_login(editor_a)
    assert client.get("/media/../cms/settings/base.py", follow=True).status_code == 404
    assert client.get("/media/%2e%2e/manage.py", follow=True).status_code == 404
