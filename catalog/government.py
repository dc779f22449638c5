"""The government's names (政府名称, 简称) as the site settings hold them, for catalog code.

The site settings (``sitesettings``) sit above ``catalog`` in the dependency order, so the
catalog cannot import them: the settings app registers its reader here when it is ready
(issue 17). Until then, and in a process without it, the names are empty: nobody's name.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class GovernmentNames:
    name: str = ""  # 政府名称, e.g. 鄂托克旗
    short_name: str = ""  # 简称, e.g. 鄂托克

    @property
    def level_word(self) -> str:
        """The administrative level the name ends with (旗, 县, 区, 市), or ""."""
        return self.name[-1] if self.name and self.name[-1] in LEVEL_WORDS else ""


LEVEL_WORDS = ("旗", "县", "区", "市")
_reader = GovernmentNames


def names_reader_register(reader) -> None:
    """``reader()`` returns the current ``GovernmentNames``."""
    global _reader
    _reader = reader


def government_names() -> GovernmentNames:
    return _reader()
