"""``site_info`` in every template rendered with a request: read only when a template uses it."""

from django.utils.functional import SimpleLazyObject

from .selectors import site_info as read_site_info


def site_info(request):
    return {"site_info": SimpleLazyObject(read_site_info)}
