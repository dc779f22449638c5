"""Changing the site settings outside the admin (demo data, set-up, tests).

``site_settings_update`` validates with the very form of the admin's settings page (the
``panels`` of the model), checks the same permission (``change_<model>``) and records the edit
as the admin does: a Wagtail log entry ``wagtail.edit`` and a simple-history row naming the
user.
"""

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from wagtail.contrib.settings.views import get_setting_edit_handler
from wagtail.log_actions import log

from .models import PublicWording, SiteIdentity

REFUSED = "您没有修改“{label}”的权限。"


def _change_permission(model) -> str:
    return f"{model._meta.app_label}.change_{model._meta.model_name}"


def _update(model, *, by, values: dict):
    if by is not None and not by.has_perm(_change_permission(model)):
        raise PermissionDenied(REFUSED.format(label=model._meta.verbose_name))
    instance = model.load()
    form_class = get_setting_edit_handler(model).get_form_class()
    unknown = set(values) - set(form_class.base_fields)
    if unknown:
        raise ValueError(f"not settings of {model.__name__}: {sorted(unknown)}")
    data = {name: getattr(instance, name) for name in form_class.base_fields} | values
    form = form_class(data=data, instance=instance, for_user=by)
    if not form.is_valid():
        raise ValidationError(
            {name: [str(e) for e in errors] for name, errors in form.errors.items()}
        )
    with transaction.atomic():
        instance = form.save(commit=False)
        if by is not None:
            instance._history_user = by
        instance.save()
        log(instance=instance, action="wagtail.edit", user=by)
    return instance


def site_identity_update(*, by=None, **values) -> SiteIdentity:
    """Change the government's name, the site title, the footer's contacts and record numbers.
    ``by=None`` is the system itself (migrations' defaults, demo data)."""
    return _update(SiteIdentity, by=by, values=values)


def public_wording_update(*, by=None, **values) -> PublicWording:
    """Change the home page's headline and introduction and the complaint channel's text."""
    return _update(PublicWording, by=by, values=values)
