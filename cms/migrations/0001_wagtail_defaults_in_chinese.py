"""Wagtail's initial records in Chinese, or gone where they serve nobody here.

Wagtail's own migrations create a page tree ("Root", "Welcome to your new Wagtail site!"), a
root collection "Root" (shown wherever image permissions are granted) and two sample groups
"Editors" and "Moderators" with page permissions. This system serves no Wagtail pages and has
its own role groups, so the sample groups are removed (when nobody is in them) and the other
records are named in Chinese. Nothing is done when the records were renamed already.
"""

from django.conf import settings
from django.db import migrations

WAGTAIL_SAMPLE_GROUPS = ["Editors", "Moderators"]


def forwards(apps, schema_editor):
    Page = apps.get_model("wagtailcore", "Page")
    Collection = apps.get_model("wagtailcore", "Collection")
    Group = apps.get_model("auth", "Group")
    Page.objects.filter(depth=1, title="Root").update(title="根页面", draft_title="根页面")
    Page.objects.filter(depth=2, title="Welcome to your new Wagtail site!").update(
        title=settings.WAGTAIL_SITE_NAME, draft_title=settings.WAGTAIL_SITE_NAME
    )
    Collection.objects.filter(depth=1, name="Root").update(name="默认集合")
    Group.objects.filter(name__in=WAGTAIL_SAMPLE_GROUPS, user__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
