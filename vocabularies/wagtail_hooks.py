"""Admin registration only: the vocabularies' viewset and the refusal to delete used terms."""

from wagtail import hooks
from wagtail.admin.compare import register_comparison_class
from wagtail.snippets.models import register_snippet

from .compare import VocabularyFieldComparison
from .fields import VocabularyField
from .viewsets import TermViewSet, delete_refused

register_snippet(TermViewSet)
register_comparison_class(VocabularyField, comparison_class=VocabularyFieldComparison)


@hooks.register("before_delete_snippet")
def refuse_deleting_used_terms(request, instances):
    """A used or protected term is retired, never deleted (ADR 023)."""
    return delete_refused(request, instances)
