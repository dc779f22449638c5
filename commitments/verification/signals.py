"""The events of verification other apps build on.

``false_commitment_found`` is sent once a verification result finding a commitment 不实 or
部分不实 is committed to the database (three(四) of the plan: the event a credit record is made
from). Receivers get ``sender=VerificationResult`` and the keyword arguments:

- ``result``: the ``VerificationResult`` (``finding``, ``reason``, ``checked_on``, evidence);
- ``letter``: the ``CommitmentLetter`` found false (department, item, applicant);
- ``user``: who recorded the result.

A corrected result is a new result: a receiver sees the correction as a new event and may look
at ``result.corrects`` to undo what it did for the corrected one. Connect receivers in their
app's ``AppConfig.ready()``; a receiver must not raise (the result is already saved).
"""

from django.dispatch import Signal

false_commitment_found = Signal()
