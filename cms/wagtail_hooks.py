"""The admin's chrome in Chinese: no links to Wagtail's English guides, no Wagtail version, no
Wagtail page-site settings (this system serves no Wagtail pages).

The words themselves come from the project's catalog (``cms/locale``) and the template overrides
in ``cms/templates/wagtailadmin/``.
"""

from wagtail import hooks
from wagtail.admin.menu import SubmenuMenuItem

# Help-menu entries that open Wagtail's English release notes and editor guide.
ENGLISH_GUIDE_PREFIXES = ("whats-new-in-wagtail-", "editor-guide")


@hooks.register("construct_help_menu")
def help_menu_without_english_guides(request, menu_items):
    """The help menu keeps what works here (the keyboard shortcuts)."""
    menu_items[:] = [
        item for item in menu_items if not item.name.startswith(ENGLISH_GUIDE_PREFIXES)
    ]


@hooks.register("construct_main_menu")
def settings_menu_without_version(request, menu_items):
    """Wagtail's settings menu prints "Wagtail v8.0.1" below its entries; a plain one does not."""
    for index, item in enumerate(menu_items):
        if item.name == "settings" and type(item) is not SubmenuMenuItem:
            menu_items[index] = SubmenuMenuItem(
                item.label,
                item.menu,
                name=item.name,
                icon_name=item.icon_name,
                classname=item.classname,
                attrs=item.attrs,
                order=item.order,
            )


@hooks.register("construct_settings_menu")
def settings_menu_without_sites(request, menu_items):
    """Wagtail's 站点 bind page trees to host names; the public site here is plain Django views."""
    menu_items[:] = [item for item in menu_items if item.name != "sites"]


@hooks.register("construct_reports_menu")
def reports_menu_without_page_types_usage(request, menu_items):
    """The page types usage report lists the fixed content page types by their code names
    (``content.newspage``); its URL is refused too (permissions/middleware.py)."""
    menu_items[:] = [item for item in menu_items if item.name != "page-types-usage"]
