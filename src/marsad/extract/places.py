"""Stage: the places a document names, resolved against the shipped gazetteer.

A thin adapter over :mod:`marsad.geo`: toponyms are found once per document and ranked
with the whole document as context; the mention stage then keeps those whose role is
"event" (not a reporter's seat or an organisation's name).
"""

from __future__ import annotations

from marsad.doc import Doc
from marsad.geo.gazetteer import Gazetteer
from marsad.geo.resolve import resolve_toponyms
from marsad.geo.toponyms import find_toponyms


def find_places(doc: Doc) -> None:
    """Fill ``doc.places``."""
    gazetteer = Gazetteer.default()
    toponyms = find_toponyms(doc.text, doc.tokens, gazetteer, doc.norm)
    doc.places = resolve_toponyms(toponyms, doc.norm, gazetteer)
