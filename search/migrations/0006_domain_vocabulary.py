"""The product's search vocabulary (search.vocabulary): at least 150 synonym groups and
everyday-word mappings of certificate and public-service language, on every installation.
Rows an administrator already keeps (in either order) are left as they are; the reverse removes
only the rows that still read as shipped."""

from django.core.cache import cache
from django.db import migrations

from search import vocabulary

SYNONYM_CACHE_KEY = "catalog_search:synonyms"  # search.selectors.SYNONYM_CACHE_KEY


def _forget_cached_synonyms():
    try:
        cache.delete(SYNONYM_CACHE_KEY)
    except Exception:  # an unreachable cache: the entry expires within the hour
        pass


def install(apps, schema_editor):
    vocabulary.install(apps.get_model("catalog_search", "Synonym"))
    _forget_cached_synonyms()


def uninstall(apps, schema_editor):
    vocabulary.uninstall(apps.get_model("catalog_search", "Synonym"))
    _forget_cached_synonyms()


class Migration(migrations.Migration):
    dependencies = [
        ("catalog_search", "0005_vocabulary_and_change_log"),
    ]

    operations = [migrations.RunPython(install, uninstall)]
