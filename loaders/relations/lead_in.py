"""List items that finish the sentence introducing them.

"X is considered investigational for all other indications, including but not limited to:" followed by
"- osteoarthritis of the knee;" and "- spinal cord injury." states the claim once per item: each item is read
joined to its lead-in (the sentence before the list that ends with a colon), and what the joined sentence
claims about the item's entities is the item's evidence.
"""

from __future__ import annotations

import re
from dataclasses import replace

from msckg.loaders.document import Sentence
from msckg.loaders.entities import Mention

# "- ", "* ", "• ", "1. ", "a) ", "(ii) " opening a line
ITEM = re.compile(r"\s*(?:[-*\u2022\u2013\u2014]|\(?(?:\d{1,2}|[a-z]|[ivx]{1,4})[.)])\s+")


def item_body(sentence: Sentence) -> int | None:
    """Offset in the sentence where a list item's text starts, or None when the sentence is no list item."""
    m = ITEM.match(sentence.text)
    return m.end() if m and m.end() < len(sentence.text) else None


def is_lead_in(sentence: Sentence) -> bool:
    """A sentence ending with a colon introduces the list items below it."""
    return sentence.text.rstrip().endswith(":")


def joined(lead: Sentence, lead_mentions: list[Mention], item: Sentence, body: int,
           item_mentions: list[Mention]) -> tuple[Sentence, list[Mention]]:
    """The lead-in (without its colon) and the item's text as one sentence at the lead-in's offsets (the item's
    mentions moved to follow it)."""
    head = lead.text.rstrip()[:-1].rstrip()     # without its colon, which would end the clause
    text = f"{head} {item.text[body:]}"
    shift = lead.start + len(head) + 1 - (item.start + body)
    moved = [replace(m, start=m.start + shift, end=m.end + shift, sentence=lead.index)
             for m in item_mentions if m.start >= item.start + body]
    sentence = Sentence(lead.index, lead.start, lead.start + len(text), text, item.section, item.citations)
    return sentence, list(lead_mentions) + moved
