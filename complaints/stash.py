"""Attachments kept across a refused submission.

When the public form is refused for a reason other than the files (a missing field, the
honeypot, a rate limit), the files that passed the checks are not lost: their cleaned bytes
are stashed in the private storage (``complaints/stash/``, never served: ``cms.media_views``
refuses ``complaints/``) under a random token, and the token is remembered in the visitor's
session with the file's name and an expiry. The re-rendered form lists them as
“已上传：文件名” with a box to remove them; the successful submission attaches them. A token is
honoured only in the session that stashed it and before it expires; nothing is stored as a
complaint until the submission succeeds.
"""

import datetime
import secrets
from dataclasses import dataclass

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

from .attachments import EXTENSIONS, CleanAttachment

SESSION_KEY = "complaint_attachments"
FOLDER = "complaints/stash/"
KEEP_FOR = datetime.timedelta(hours=2)
FIELD = "kept_attachments"


@dataclass(frozen=True)
class Kept:
    token: str
    name: str
    content_type: str
    size: int


def _entries(session) -> dict:
    entries = session.get(SESSION_KEY) or {}
    now = timezone.now().timestamp()
    alive = {t: e for t, e in entries.items() if e.get("expires", 0) > now}
    for token, entry in entries.items():
        if token not in alive:
            default_storage.delete(entry["path"])
    if len(alive) != len(entries):
        session[SESSION_KEY] = alive
    return alive


def kept(session, tokens) -> list[Kept]:
    """The stashed files among ``tokens`` that belong to this session and have not expired,
    in the order given (a token of another session, or made up, is ignored)."""
    entries = _entries(session)
    seen, out = set(), []
    for token in tokens:
        entry = entries.get(token)
        if entry is None or token in seen:
            continue
        seen.add(token)
        out.append(Kept(token, entry["name"], entry["content_type"], entry["size"]))
    return out


def stash(session, attachments: list[CleanAttachment], names: list[str]) -> list[Kept]:
    """Keep cleaned files for the next submission of this session."""
    entries = _entries(session)
    expires = (timezone.now() + KEEP_FOR).timestamp()
    out = []
    for attachment, name in zip(attachments, names, strict=True):
        token = secrets.token_urlsafe(24)
        path = default_storage.save(
            f"{FOLDER}{secrets.token_hex(16)}.{EXTENSIONS[attachment.content_type]}",
            ContentFile(attachment.content.read()),
        )
        entries[token] = {
            "path": path,
            "name": name[-60:],
            "content_type": attachment.content_type,
            "size": attachment.size,
            "expires": expires,
        }
        out.append(Kept(token, name[-60:], attachment.content_type, attachment.size))
    session[SESSION_KEY] = entries
    return out


def take(session, files: list[Kept]) -> list[CleanAttachment]:
    """The kept files as attachments to store with the complaint (the stash copies go)."""
    entries = _entries(session)
    out = []
    for file in files:
        entry = entries[file.token]
        with default_storage.open(entry["path"], "rb") as handle:
            data = handle.read()
        name = f"{secrets.token_hex(16)}.{EXTENSIONS[entry['content_type']]}"
        out.append(CleanAttachment(ContentFile(data, name=name), entry["content_type"], len(data)))
    return out


def release(session, files: list[Kept]) -> None:
    """Forget and delete stashed files (after they were stored with a complaint)."""
    entries = _entries(session)
    for file in files:
        entry = entries.pop(file.token, None)
        if entry is not None:
            default_storage.delete(entry["path"])
    session[SESSION_KEY] = entries


def purge_expired(now=None) -> int:
    """Delete stashed files older than the expiry (sessions that never came back)."""
    now = now or timezone.now()
    try:
        _folders, names = default_storage.listdir(FOLDER)
    except FileNotFoundError:
        return 0
    removed = 0
    for name in names:
        path = FOLDER + name
        if default_storage.get_modified_time(path) < now - KEEP_FOR:
            default_storage.delete(path)
            removed += 1
    return removed
