"""Linked data on the detail pages of the apps below: schema.org JSON-LD, added through the
`detail_context` hook of hubsi/signals.py (the kind's `structured_data` declaration says what).

The block is data, not script: `<script type="application/ld+json">` is never executed, so the
Content Security Policy (`script-src 'self'`) allows it, and its text is escaped the way
Django's `json_script` escapes, so no stored text can end the element.
"""

from hubsi.signals import detail_context
from opendata.kinds import KINDS
from opendata.views import ld_json_script


def structured_data(sender, obj, request, **kwargs) -> dict | None:
    for kind in KINDS.values():
        if kind.structured_data is not None and isinstance(obj, kind.model):
            data = {"@context": "https://schema.org", **kind.structured_data(obj)}
            return {"structured_data": ld_json_script(data)}
    return None


def connect() -> None:
    for kind in KINDS.values():
        if kind.structured_data is not None:
            detail_context.connect(
                structured_data, sender=kind.model, dispatch_uid=f"opendata.ld-{kind.name}"
            )
