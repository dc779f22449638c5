"""Checks of the applicant before the commitment route is taken (二(三) of the plan).

Registering a letter (``letter_register``) and handing out a letter form (``case_open``) ask
every registered check whether this applicant may use the commitment route. A check is a
function ``check(*, user, item, applicant, stage) -> str | None`` returning the refusal the
clerk sees, or None. Apps above ``commitments`` (credit) register theirs in their
``AppConfig.ready()``; this app never imports them.

A check may write (the credit register records each refusal); the callers ask before their
own transaction, so a refusal stays recorded although nothing else is saved.
"""

from dataclasses import dataclass

LETTER = "letter"  # registering a signed letter
FORM = "form"  # handing out the letter form (opening a case)


@dataclass(frozen=True)
class Applicant:
    kind: str  # ApplicantKind value
    id_number: str  # resident ID or unified social credit code, as entered


_checks: list = []


def register(check) -> None:
    if check not in _checks:
        _checks.append(check)


def refusal(*, user, item, applicant: Applicant, stage: str) -> str | None:
    """The first refusal of a registered check, or None when the route is open."""
    if not applicant.id_number:
        return None
    for check in _checks:
        if message := check(user=user, item=item, applicant=applicant, stage=stage):
            return message
    return None
