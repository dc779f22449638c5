"""Images and documents of content pages are public only while a live page shows them."""

import pytest
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

from .helpers import make_page, publish_page


@pytest.fixture
def files(db):
    picture = get_image_model().objects.create(title="流程图", file=get_test_image_file())
    other = get_image_model().objects.create(title="内部图片", file=get_test_image_file())
    doc = get_document_model().objects.create(
        title="实施方案", file=ContentFile(b"%PDF-1.4 test", name="plan.pdf")
    )
    return picture, other, doc


def test_only_files_named_by_a_live_page_are_served(client, reviewer, reviewer2, files):
    picture, other, doc = files
    page = make_page(
        reviewer,
        body=[
            ("image", {"image": picture, "alt": "告知承诺制办理流程图", "caption": ""}),
            ("document", {"document": doc, "title": "实施方案全文"}),
        ],
    )
    image_url = reverse("content_image", args=[page.pk, picture.pk])
    doc_url = reverse("content_document", args=[page.pk, doc.pk])
    assert client.get(image_url).status_code == 404  # draft: nothing public yet
    page = publish_page(page, reviewer, reviewer2)
    html = client.get(page.url).content.decode()
    assert f'src="{image_url}" alt="告知承诺制办理流程图"' in html
    assert f'href="{doc_url}"' in html and "实施方案全文" in html
    response = client.get(image_url)
    assert response.status_code == 200 and response["Content-Type"].startswith("image/")
    assert client.get(doc_url).status_code == 200
    assert client.get(reverse("content_image", args=[page.pk, other.pk])).status_code == 404
