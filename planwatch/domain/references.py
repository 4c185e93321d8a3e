"""Reading the plan's "Reference" texts into the external-review recommendations they cite.

The plan document writes them freely: "Grant Thornton Improvement Rec 15,19, 21, 27 CIPFA
4.2, Corporate Peer Challenge Rec 6", "Grant Thornton Improvement Rec1, 5", "CIPFA Rec 3.3
Rec 4.1", "Corporate Peer Challenge (pg 24)", "Statutory Direction SN5", "n/a". A number
belongs to the review (and, for Grant Thornton, the kind of recommendation) written before
it. Words that cannot be read are kept and reported, never dropped.
"""

import re
from dataclasses import dataclass
from enum import Enum


class Review(Enum):
    GRANT_THORNTON = "Grant Thornton"
    CIPFA = "CIPFA"
    PEER_CHALLENGE = "Corporate Peer Challenge"
    STATUTORY_DIRECTION = "Statutory Direction"


# Grant Thornton sorts its recommendations into three kinds; the other reviews number theirs.
GRANT_THORNTON_KINDS = ("Statutory", "Key", "Improvement")
PAGE = "Page"  # "Corporate Peer Challenge pg13": a page of the report, not a numbered rec
ALL = "all"  # "CIPFA Rec all": every recommendation of that review
WHOLE_REVIEW = ""  # "Statutory Direction": the review cited with no number


@dataclass(frozen=True)
class ReferenceItem:
    review: Review
    kind: str  # one of GRANT_THORNTON_KINDS, PAGE, or "" (numbered without a kind)
    number: str  # "15", "4.2", "SN5", ALL or WHOLE_REVIEW

    @property
    def text(self) -> str:
        """The canonical way of writing this item, which parses back to the same item."""
        words = [self.review.value]
        if self.kind == PAGE:
            words += ["pg", self.number]
        else:
            if self.kind:
                words.append(self.kind)
            # "Statutory Direction SN5": the SN number names itself, with no "Rec" before it.
            if self.kind or (self.number and not self.number.startswith("SN")):
                words.append("Rec")
            if self.number:
                words.append(self.number)
        return " ".join(words)


@dataclass(frozen=True)
class ParsedReferences:
    items: tuple[ReferenceItem, ...]
    unreadable: tuple[str, ...]  # fragments of the text kept as written
    not_applicable: bool  # the text says "n/a": no review is cited, on purpose


def references_text(items: tuple[ReferenceItem, ...] | list[ReferenceItem]) -> str:
    return "; ".join(item.text for item in items)


_TOKEN = re.compile(
    r"""
    (?P<not_applicable>\bn\s*/\s*a\b|\bnone\b)
    |(?P<direction>statutory\s+(?:direction|notice)s?(?:\s+of\s+the\s+secretary\s+of\s+state)?
        |secretary\s+of\s+state'?s?\s+directions?)
    |(?P<grant_thornton>grant\s+thornton(?:'s)?|\bgt\b)
    |(?P<cipfa>\bcipfa\b)
    |(?P<peer_challenge>(?:\blga\s+)?(?:corporate\s+)?peer\s+challenge|\blga\b|\bcpc\b)
    |(?P<kind>\b(?:statutory|key|improvement)\b)
    |(?P<rec>\b(?:recommendations?|recs?|ref|no)\b\.?|\brecs?(?=\d)|\bref(?=\d))
    |(?P<page>\b(?:pg|page|p)\b\.?|\bpg(?=\d))
    |(?P<number>\bsn\s*\d+\b|\d+(?:\.\d+)?|\ball\b)
    |(?P<stop>;)
    |(?P<separator>[\s,&()\[\]./:+\-–]+|\band\b)
    |(?P<word>\w+|\S)
    """,
    re.IGNORECASE | re.VERBOSE,
)
_REVIEW_GROUPS = {
    "direction": Review.STATUTORY_DIRECTION,
    "grant_thornton": Review.GRANT_THORNTON,
    "cipfa": Review.CIPFA,
    "peer_challenge": Review.PEER_CHALLENGE,
}


class _Reader:
    def __init__(self) -> None:
        self.items: list[ReferenceItem] = []
        self.unreadable: list[str] = []
        self.review: Review | None = None
        self.kind = ""
        self.page = False
        self.numbered = True  # whether the current review/kind has had a number yet
        self.not_applicable = False
        self.pending_unreadable: tuple[int, int] | None = None

    def add(self, item: ReferenceItem) -> None:
        if item not in self.items:
            self.items.append(item)

    def flush_whole_review(self) -> None:
        if self.review is not None and not self.numbered:
            self.add(ReferenceItem(self.review, self.kind, WHOLE_REVIEW))
        self.numbered = True

    def unknown(self, start: int, end: int) -> None:
        if self.pending_unreadable is None:
            self.pending_unreadable = (start, end)
        else:
            self.pending_unreadable = (self.pending_unreadable[0], end)

    def close_unreadable(self, text: str) -> None:
        if self.pending_unreadable is not None:
            start, end = self.pending_unreadable
            self.unreadable.append(text[start:end].strip())
            self.pending_unreadable = None

    def read(self, text: str) -> ParsedReferences:
        for match in _TOKEN.finditer(text):
            group = match.lastgroup or "word"
            if group == "separator":
                continue
            if self.token(group, match):
                self.close_unreadable(text)
            else:
                self.unknown(match.start(), match.end())
        self.flush_whole_review()
        self.close_unreadable(text)
        return ParsedReferences(tuple(self.items), tuple(self.unreadable), self.not_applicable)

    def token(self, group: str, match: re.Match[str]) -> bool:
        """Take one token; False when it cannot be read where it stands."""
        if group in _REVIEW_GROUPS:
            self.flush_whole_review()
            self.review, self.kind, self.page = _REVIEW_GROUPS[group], "", False
            self.numbered = False
        elif group == "kind":
            if self.kind or self.review is not Review.GRANT_THORNTON:
                self.flush_whole_review()
            self.review, self.kind = Review.GRANT_THORNTON, match.group().capitalize()
            self.page, self.numbered = False, False
        elif group in {"rec", "page"} and self.review is not None:
            self.page = group == "page"
        elif group == "number" and self.review is not None:
            number = re.sub(r"\s+", "", match.group())
            number = number.upper() if number[0] in "sS" else number.lower()
            self.add(ReferenceItem(self.review, PAGE if self.page else self.kind, number))
            self.numbered = True
        elif group == "stop":
            self.flush_whole_review()
            self.review, self.kind, self.page = None, "", False
        elif group == "not_applicable":
            self.not_applicable = True
        else:
            return False
        return True


def parse_references(text: str) -> ParsedReferences:
    """Every review item the text cites, in order, without repeats; nothing ever raises."""
    return _Reader().read(text)
