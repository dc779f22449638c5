"""Template context for every public page."""

from django.utils.functional import SimpleLazyObject

from search.selectors import contact_department


def site_contact(request):
    """The department that runs the site (司法局, ``SEARCH_CONTACT_DEPARTMENT``): the footer
    shows its public consultation number. Read only when a template uses it."""
    return {"site_contact": SimpleLazyObject(contact_department)}
