"""Joining lines broken by a layout: undo line-break hyphenation, keep real hyphens.

Whether "cyto-" + "kines" is "cytokines" or "pro-" + "inflammatory" is
"pro-inflammatory" is decided from evidence in the document itself, in this order:

1. the part before the hyphen is upper case or digits ("HLA-" + "DR", "MSC-" + "derived"),
   or the part after it starts with a capital or digit: keep the hyphen;
2. the hyphenated pair is written elsewhere in the document ("anti-inflammatory"): keep;
3. the joined word is written elsewhere ("cytokines"): join;
4. the first part is a known prefix (anti, pro, non, self, ...): keep;
5. both parts are words the document uses on their own ("hypoxia" + "induced"): keep;
6. when the document has no say, the domain lexicon (the words of the curated vocabulary's
   names and synonyms) decides: the joined word is in it: join; both parts are words, of the
   lexicon or the document ("epithelial" + "mesenchymal"): keep;
7. otherwise the parts are fragments of one word ("attenu" + "ates", "mesen" + "chymal"): join.

Words are counted with every line-break fragment left out, so a fragment cannot
vouch for itself.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from typing import Collection

from msckg.loaders.vocabulary import load_vocabulary

PREFIXES = frozenset({
    "anti", "pro", "non", "pre", "post", "co", "self", "semi", "multi", "inter", "intra", "extra", "counter",
    "cross", "mid", "neo", "pan", "pseudo", "quasi", "trans", "bi", "tri", "mono", "ex", "well", "long",
    "short", "low", "high", "all", "dual", "double", "single", "full", "half", "cell", "off", "on",
})
_MIN_LEXICON_WORD = 4  # letters: shorter lexicon entries are abbreviations ("ace", "age", "end")
_WORD = re.compile(r"\w+(?:-\w+)*")
_LINE_BREAK_HYPHEN = re.compile(r"\S*-[ \t]*\n(?:[ \t]*\n){0,3}[ \t]*\S*")


@lru_cache(maxsize=1)
def domain_words() -> frozenset[str]:
    """The lower-case words (four letters or more) of the curated vocabulary's names and synonyms."""
    return frozenset(
        word.lower() for term in load_vocabulary() for form in term.surface_forms
        for word in re.findall(r"[A-Za-z]+", form) if len(word) >= _MIN_LEXICON_WORD
    )


class WordEvidence:
    """Word counts of one document, used to decide how to join its broken lines.

    ``lexicon`` holds lower-case words known whatever the document says (default:
    :func:`domain_words`, read when first needed)."""

    def __init__(self, text: str, lexicon: Collection[str] | None = None) -> None:
        self._lexicon = lexicon
        unbroken = _LINE_BREAK_HYPHEN.sub(" ", text)
        self.counts: Counter[str] = Counter()
        self.hyphen_pairs: set[tuple[str, str]] = set()
        for match in _WORD.finditer(unbroken):
            token = match.group(0).lower()
            self.counts[token] += 1
            parts = token.split("-")
            if len(parts) > 1:
                for part in parts:
                    self.counts[part] += 1
                self.hyphen_pairs.update(zip(parts, parts[1:]))

    def knows(self, word: str) -> bool:
        """Whether the document uses ``word`` (case-insensitive) outside line-break fragments."""
        return self.counts[word.lower()] > 0

    def keep_hyphen(self, before: str, after: str) -> bool:
        """Whether "before-" at a line end and "after" on the next line form a hyphenated compound."""
        head = re.split(r"[-/(\[\"'\u201c]", before)[-1]
        tail_match = re.match(r"\w+", after)
        if not head or not tail_match:
            return True
        tail = tail_match.group(0)
        if not any(c.islower() for c in head) or tail[0].isupper() or tail[0].isdigit():
            return True
        if (head.lower(), tail.lower()) in self.hyphen_pairs:
            return True
        if self.knows(head + tail):
            return False
        if head.lower() in PREFIXES:
            return True
        if self.knows(head) and self.knows(tail):
            return True
        if (head + tail).lower() in self.lexicon:
            return False
        return self._is_word(head) and self._is_word(tail)

    @property
    def lexicon(self) -> Collection[str]:
        """Words known beyond this document (see :func:`domain_words`)."""
        if self._lexicon is None:
            self._lexicon = domain_words()
        return self._lexicon

    def _is_word(self, word: str) -> bool:
        """Whether ``word`` is a word of the document or of the lexicon (not just a fragment)."""
        return self.knows(word) or (len(word) >= _MIN_LEXICON_WORD and word.lower() in self.lexicon)

    def join(self, left: str, right: str) -> str:
        """Join two stripped lines of one paragraph (or one table cell)."""
        if not left:
            return right
        if not right:
            return left
        if left.endswith("-") and not left.endswith("--") and len(left) > 1 and left[-2].isalnum():
            before = left[:-1].split()[-1] if left[:-1].split() else ""
            if self.keep_hyphen(before, right):
                return left + right
            return left[:-1] + right
        if left.endswith((")-", "]-")):
            return left + right  # "(CCl4)-" + "induced": a compound, never a split word
        # A word cut without a hyphen ("Immune/Autoim" + "mune Diseases"), seen in narrow table cells.
        last = re.search(r"(\w+)$", left)
        first = re.match(r"(\w+)", right)
        if last and first and right[0].islower():
            a, b = last.group(1), first.group(1)
            if self.counts[a.lower()] <= 1 and self.counts[b.lower()] <= 1 and self.knows(a + b):
                return left + right
        return f"{left} {right}"

    def repair_split_words(self, text: str) -> str:
        """Join words a converter split with a hyphen inside ("Stro-mal" -> "Stromal"): both parts are
        unknown to the document on their own and the joined word is known."""
        def repair(match: re.Match[str]) -> str:
            head, tail = match.group(1), match.group(2)
            if (self.counts[head.lower()] <= 1 and self.counts[tail.lower()] <= 1 and tail.islower()
                    and self.knows(head + tail)):
                return head + tail
            return match.group(0)

        return re.sub(r"\b([A-Za-z]{2,})-([a-z]{2,})\b", repair, text)

    def join_lines(self, lines: list[str]) -> str:
        """Join the stripped lines of one paragraph into one line of text."""
        text = ""
        for line in lines:
            text = self.join(text, line.strip())
        return text
