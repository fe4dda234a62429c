"""Zones of a scholarly article that are not its running text: the abstracts and keywords
under their labels ('Tóm tắt:', 'Abstract:', 'Từ khóa:', 'Keywords:'), figure and table
captions under theirs ('Hình 1.', 'Bảng 2:', 'Ảnh:'), and the references after their heading
('Tài liệu tham khảo'). Each is found by the words the article prints, as GROBID first cuts
a paper into zones before it labels lines inside them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bantin.bylines import parse_byline, plausible
from bantin.convert.layout import Segment
from bantin.model import BlockKind, Role, SourceLine
from bantin.vietnamese import (
    ends_sentence,
    first_letter,
    is_all_caps,
    is_vietnamese_letter,
    starts_lower,
)

if TYPE_CHECKING:
    from bantin.convert.roles import Labelling

#: Front matter fields by the label that opens them.
FRONT_LABELS = (
    ("lead", r"tóm\s*tắt|tóm\s*lược"),
    ("abstract_en", r"abstract|summary"),
    ("keywords", r"từ\s*khó?a|từ\s*khoá"),
    ("keywords_en", r"key\s*words?"),
)
FRONT_LABEL_RE = re.compile(
    # a stray glyph of a symbol font glued before a capitalised label: 'cTóm tắt:', '•Abstract'
    r"^\s*(?:(?-i:[^\sA-ZĐ\d])(?=(?-i:[A-ZĐ])))?"
    r"(?:[IVX]{1,4}\.\s*|\d{1,2}\.\s*)?(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in FRONT_LABELS)
    + r")\b\s*(?P<colon>[:.–-])?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
FRONT_REASON = "front matter"
LABELLED_CAPTION = "caption: opens with its label ('Hình 1.', 'Bảng 2:')"
CAPTION_LABEL_RE = re.compile(
    r"^(?:hình|bảng|biểu đồ|sơ đồ|đồ thị|ảnh|figure|fig\.|table)\s*\d{1,3}(?:\.\d{1,2})*[a-z]?"
    r"(?:\s*[.:–-]\s*\S|\s+(?P<word>[^\W\d_]))"
    r"|^ảnh\s*:\s*\S",
    re.IGNORECASE,
)


def opens_with_caption_label(text: str) -> bool:
    """The line opens with a figure's or table's label in capitals, then a mark ('Hình 1.',
    'Bảng 2:') or a word in capitals ('Hình 1 Sơ đồ ...'). 'Hình 2 cho thấy ...' opens a
    sentence about the figure, and 'hình 4 ...' in small letters is a sentence's word
    wrapped onto the line: neither is a caption (the pattern ignores case, so both are
    asked here)."""
    match = CAPTION_LABEL_RE.match(text)
    return (
        match is not None
        and text[0].isupper()
        and (match["word"] is None or match["word"].isupper())
    )


CAPTION_MAX_LINES = 3
SOURCE_NOTE = "caption: a float's source note ('Nguồn: ...')"
#: A table's or figure's source note ('Nguồn: Tổng cục Thống kê', '(Nguồn: tác giả tổng
#: hợp)', '[Source: ...]'): running text never opens so.
SOURCE_NOTE_RE = re.compile(r"^[(\[]?\s*(?:nguồn|source)\s*[:;]", re.IGNORECASE)
#: The first two characters a source note opens with: a line opening otherwise is asked no
#: more (most lines opening with 'N' or 'S').
SOURCE_NOTE_STARTS = frozenset(
    ("Ng", "ng", "NG", "So", "so", "SO", "(N", "(n", "(S", "(s", "[N", "[n", "[S", "[s", "( ", "[ ")
)
REFERENCES_RE = re.compile(
    r"^(?:[IVX]{1,4}\.\s*|\d{1,2}\.\s*)?(?:(?:danh mục )?(?:tài liệu tham khảo"
    r"|tài liệu trích dẫn|references?|bibliography)"
    r"|danh mục (?:các )?công trình (?:khoa học )?(?:đã công bố|của tác giả)[^.:]*)\s*:?\s*$",
    re.IGNORECASE,
)
#: The characters a match of CAPTION_LABEL_RE or REFERENCES_RE can open with (the pattern
#: ignores case: 'ſ' is an 's' to it, 'ı' and 'İ' an 'i'); a line opening with another is
#: turned down without trying the pattern.
CAPTION_FIRSTS = frozenset("hHbBsSſđĐảẢfFtT")
REFERENCES_FIRSTS = frozenset("dDtTrRbBiIıİvVxX")


def may_open_references(text: str) -> bool:
    """The text opens as a match of REFERENCES_RE may: a letter it opens with, or a digit."""
    return text[:1] in REFERENCES_FIRSTS or text[:1].isdecimal()


REFERENCE_ITEM_RE = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)])\s*\S")
#: The first reference's number, opening its entry or set apart from it.
FIRST_REFERENCE_RE = re.compile(r"^\s*(?:\[1\]|1[.)])(?:\s|$)")
BACK_MATTER_RE = re.compile(r"^\s*(?:thông tin (?:liên hệ|tác giả)|contact)\b", re.IGNORECASE)
#: An appendix's heading ("PHỤ LỤC: THANG ĐO ...", "Phụ lục 1", "Appendix A").
APPENDIX_RE = re.compile(r"^\s*(?:phụ lục|appendix|appendices)\b", re.IGNORECASE)


#: What every line FRONT_LABEL_RE, REFERENCES_RE or CAPTION_LABEL_RE matches holds, in small
#: letters, searched for in the whole text at once (`Labelling.may_hold`): a text without
#: them has no front label, references heading or labelled caption, and the rules that
#: look for those ask none of its lines. A caption's label opens its line.
#: (Words are looked for one by one: a pattern of several would be tried at every 't'.)
FRONT_WORDS = ("tóm", "abstract", "summary", "key", "khóa", "khoá")
FRONT_WORDS_RE = re.compile(r"từ\s*khoa")  # 'từ khoa': "khoa" alone is a common word
REFERENCES_WORDS = ("tài liệu t", "reference", "bibliography", "danh mục")
CAPTION_WORDS_RE = re.compile(
    r"\n\s*(?:(?:hình|bảng|biểu đồ|sơ đồ|đồ thị|ảnh|figure|fig\.|table)\s*\d|ảnh\s*:)"
)


def front_label(text: str) -> tuple[str, str] | None:
    """('keywords', 'a, b') for 'Từ khóa: a, b': the field a label opens and the text after it
    on its line. A label needs its colon, a line of its own, or capitals ('ABSTRACT Revenue')."""
    match = FRONT_LABEL_RE.match(text)
    if match is None:
        return None
    field = next(name for name, _ in FRONT_LABELS if match[name])
    rest = match["rest"].strip()
    if rest and not match["colon"] and not match[field].isupper():
        return None  # 'Tóm tắt lại, ...': a sentence that starts with the word
    return field, rest


def label_front_matter(doc: Labelling) -> None:
    """Each labelled abstract or keyword list (its label, the rest of the line and the one
    paragraph after it) leaves the text for the article's front matter."""
    if not doc.may_hold(FRONT_WORDS, FRONT_WORDS_RE):
        return  # no line holds a label (most texts)
    _cut_at_labels(doc)
    for seg in [s for s in doc.segments if s.role is Role.BODY]:  # segments only change role
        if seg.role is not Role.BODY:
            continue
        found = front_label(seg.first.text)
        if found is None:
            continue
        field, rest = found
        lines = seg.lines[1:]
        if not rest and not lines:
            lines = _paragraph_after(doc, seg)
        elif not ends_sentence((lines[-1].text if lines else rest) or "."):
            lines = lines + _paragraph_after(doc, seg, going_on=True)
        for line in [seg.first, *lines]:
            line.role, line.reason = Role.LEAD, f"{FRONT_REASON}: {field}"
        seg.role = Role.LEAD
        texts = [rest, *(line.text.strip() for line in lines)]
        doc.front[field] = " ".join(text for text in texts if text)


def _cut_at_labels(doc: Labelling) -> None:
    """A label standing alone on a line inside a block ('TÓM TẮT', 'Abstract:', printed under
    the last reference with no blank line between) opens a block of its own."""
    index = 0
    while index < len(doc.segments):
        seg = doc.segments[index]
        at = None
        if seg.role is Role.BODY and seg.kind is None and len(seg.lines) > 1:
            at = next((i for i, line in enumerate(seg.lines) if i and _bare_label(line.text)), None)
        if at is not None:
            doc.segments[index : index + 1] = [
                _piece(doc, seg.lines[:at], opens=seg.opens_paragraph),
                _piece(doc, seg.lines[at:], opens=True),
            ]
        index += 1


def _bare_label(text: str) -> bool:
    """The line holds a label and nothing else, with its colon or in capitals (a sentence
    ending with the word, 'xem phần Tóm tắt.', is none)."""
    label = text.strip()
    # the label's shape first: most lines end neither with a colon nor in capitals
    return (
        (label.endswith(":") or (label.isupper() and not label.endswith(".")))
        and (found := front_label(text)) is not None
        and not found[1]
    )


def _paragraph_after(doc: Labelling, label: Segment, going_on: bool = False) -> list[SourceLine]:
    """The paragraph after a label standing alone: the next segment, and those after it while
    its sentence is not finished; with `going_on`, the rest of an unfinished paragraph that
    the label's own segment began (the segments after it that go on in lower case)."""
    taken: list[SourceLine] = []
    if going_on:
        taken.extend(label.lines)
        following = doc.neighbour(label, +1, frozenset(Role) - {Role.RUNNING_HEAD})
        if following is None or not starts_lower(following.text):
            return []
    index = doc.segments.index(label) + 1
    while index < len(doc.segments):
        seg = doc.segments[index]
        if seg.role is Role.RUNNING_HEAD:
            index += 1
            continue
        if seg.role is not Role.BODY or front_label(seg.first.text) is not None:
            break
        if taken and (ends_sentence(taken[-1].text) or seg.opens_paragraph):
            break
        seg.role = Role.LEAD
        taken.extend(seg.lines)
        index += 1
    return taken[len(label.lines) :] if going_on else taken


def label_labelled_captions(doc: Labelling) -> None:
    """A line opening with 'Hình 1.', 'Bảng 2:' or 'Ảnh:' is a caption, with the lines after it
    that go on in lower case; it is cut out of the block it was printed in. So is a float's
    source note ('(Nguồn: ...)', with the lines up to its closing bracket: the text after
    it, which pdftotext runs into it, may go on in lower case), after which the text opens
    a paragraph."""
    notes = _may_hold_source_note(doc.joined())  # most texts hold none: asked once
    if not notes and not doc.may_hold((), CAPTION_WORDS_RE):
        return  # no line opens with a caption's label or a source note's (most texts)
    segments: list[Segment] = []
    for seg in doc.segments:
        if seg.role is not Role.BODY or seg.kind is not None:
            segments.append(seg)
            continue
        segments.extend(_cut_captions(doc, seg, notes))
    doc.segments[:] = segments


def _cut_captions(doc: Labelling, seg: Segment, notes: bool) -> list[Segment]:
    """The segment cut at its captions' and (with `notes`) source notes' lines."""
    starts = [
        i
        for i, line in enumerate(seg.lines)
        # a labelled caption ('Hình 1.') or a float's source note ('Nguồn:'), each asked for
        # by its first characters (most lines are turned down at once)
        if ((text := line.text.strip())[:1] in CAPTION_FIRSTS and opens_with_caption_label(text))
        or (notes and text[:2] in SOURCE_NOTE_STARTS and _source_note(text))
    ]
    if not starts:
        return [seg]
    pieces: list[Segment] = []
    index = 0
    note = False  # the last piece cut out is a source note: the text after opens a paragraph
    for start in starts:
        if start < index:
            continue
        if start > index:
            pieces.append(
                _piece(
                    doc, seg.lines[index:start], opens=(not pieces and seg.opens_paragraph) or note
                )
            )
        note = _source_note(seg.lines[start].text)
        end = start + 1
        while (
            end < len(seg.lines)
            and end - start < CAPTION_MAX_LINES
            and (
                _bracket_open(seg.lines[start:end])  # a note's bracket (a caption has none)
                if note
                else starts_lower(seg.lines[end].text)
            )
        ):
            end += 1
        caption = _piece(doc, seg.lines[start:end], opens=False)
        caption.label(Role.CAPTION, SOURCE_NOTE if note else LABELLED_CAPTION)
        pieces.append(caption)
        index = end
    if index < len(seg.lines):
        pieces.append(_piece(doc, seg.lines[index:], opens=note))
    return pieces


#: A source note's label anywhere in a text, as SOURCE_NOTE_RE reads it at a line's start.
_SOURCE_WORDS = ("nguồn", "source")
_SOURCE_LABEL = re.compile(rf"(?:{'|'.join(_SOURCE_WORDS)})\s*[:;]", re.IGNORECASE)
#: What ends the label: a search for the label itself, ignoring case, tries every character.
_LABEL_END = re.compile("[:;]")


def _may_hold_source_note(text: str) -> bool:
    """The text holds a source note's label ('Nguồn:', 'NGUỒN :', 'Source;'; 'nguồn', a
    resource, is a common word): the text is asked once, where asking every line costs
    more; it finds every label SOURCE_NOTE_RE would. The label is looked for before each
    colon or semicolon (few), past the white space before it: a word of the label, one
    character for each of the word's, ends there."""
    for mark in _LABEL_END.finditer(text):
        end = mark.start()
        while end and text[end - 1].isspace():
            end -= 1
        for word in _SOURCE_WORDS:
            if end >= len(word) and _SOURCE_LABEL.match(text, end - len(word)) is not None:
                return True
    return False


def _source_note(text: str) -> bool:
    """The line opens with a source note's label ('Nguồn:', '(Nguồn:', '[Source:')."""
    text = text.lstrip()
    # a colon near the start first: most lines opening with 'N' or 'S' have none
    return (":" in text[:10] or ";" in text[:10]) and SOURCE_NOTE_RE.match(text) is not None


def _bracket_open(lines: list[SourceLine]) -> bool:
    """The note's lines so far leave the bracket it opened with unclosed."""
    text = " ".join(line.text for line in lines).lstrip()
    closer = {"(": ")", "[": "]"}.get(text[:1])
    return closer is not None and text.count(text[0]) > text.count(closer)


def _piece(doc: Labelling, lines: list[SourceLine], opens: bool) -> Segment:
    return Segment(
        lines, wide=any(doc.layout.is_wide(line.text) for line in lines), opens_paragraph=opens
    )


def label_references(doc: Labelling) -> None:
    """After a 'Tài liệu tham khảo' heading, each item ('[1] ...', '2. ...') is a reference,
    up to the end or to the back matter (an abstract, contact details)."""
    if not doc.may_hold(REFERENCES_WORDS):
        return  # no line is a references heading (most texts)
    _cut_references_heading(doc)
    start = _references_start(doc.segments)
    if start is None:
        return
    heading = doc.segments[start]
    heading.label(Role.HEADING, "heading: the references follow it")
    end = start + 1
    while end < len(doc.segments) and not _back_matter(doc.segments[end]):
        end += 1
    kept = [s for s in doc.segments[start + 1 : end] if s.role is Role.RUNNING_HEAD]
    lines = [
        line
        for s in doc.segments[start + 1 : end]
        if s.role is not Role.RUNNING_HEAD
        for line in s.lines
    ]
    items = _reference_items(doc, lines)
    doc.segments[start + 1 : end] = sorted(kept + items, key=lambda s: s.first.number)


def _cut_references_heading(doc: Labelling) -> None:
    """A 'Tài liệu tham khảo' line printed in a block, right under the last paragraph (after
    its end mark) and over the first item, is cut out of it to stand alone."""
    for index, seg in enumerate(doc.segments):
        if seg.role is not Role.BODY or seg.kind is not None or len(seg.lines) < 2:
            continue
        at = next(
            (
                i
                for i, line in enumerate(seg.lines)
                if i
                and may_open_references(text := line.text.strip())
                and REFERENCES_RE.match(text) is not None
            ),
            None,
        )
        if at is None:
            continue
        pieces = [seg.lines[:at], seg.lines[at : at + 1], seg.lines[at + 1 :]]
        made = [
            _piece(doc, lines, opens=seg.opens_paragraph if not number else True)
            for number, lines in enumerate(pieces)
            if lines
        ]
        doc.segments[index : index + 1] = made
        return


def _references_start(segments: list[Segment]) -> int | None:
    found = [i for i, seg in enumerate(segments) if _references_heading(seg)]
    following = {i: segments[i + 1].first.text for i in found if i + 1 < len(segments)}
    return references_start(found, following)


def references_start(found: list[int], following: dict[int, str]) -> int | None:
    """Of the headings the references may open at (`found`, in order; `following`, the text
    after each), the first one the first entry ("[1]", "1.") follows, else the first one. A
    table's column headed "Tài liệu tham khảo" (the sources its rows cite, "[16]") opens no
    list when the real heading, over its entries, comes later."""
    numbered = (i for i in found if FIRST_REFERENCE_RE.match(following.get(i, "")))
    return next(numbered, found[0] if found else None)


def _references_heading(seg: Segment) -> bool:
    return (
        seg.role in (Role.BODY, Role.HEADING)
        and len(seg.lines) == 1
        and REFERENCES_RE.match(seg.first.text.strip()) is not None
    )


def _back_matter(seg: Segment) -> bool:
    """What ends the references: an abstract, contact details, an appendix's heading."""
    text = seg.first.text
    return (
        seg.role is Role.LEAD
        or front_label(text) is not None
        or BACK_MATTER_RE.match(text) is not None
        or (len(seg.lines) == 1 and APPENDIX_RE.match(text) is not None)
    )


def _reference_items(doc: Labelling, lines: list[SourceLine]) -> list[Segment]:
    """Items start at their numbers; without numbers, each line that starts a sentence after
    one that ended does."""
    numbered = any(REFERENCE_ITEM_RE.match(line.text) for line in lines)
    groups: list[list[SourceLine]] = []
    for line in lines:
        starts = (
            REFERENCE_ITEM_RE.match(line.text) is not None
            if numbered
            else bool(groups)
            and ends_sentence(groups[-1][-1].text)
            and first_letter(line.text).isupper()
        )
        if starts or not groups:
            groups.append([line])
        else:
            groups[-1].append(line)
    items = []
    for group in groups:
        item = _piece(doc, group, opens=True)
        item.kind = BlockKind.REFERENCE
        for line in group:
            line.role, line.reason = Role.BODY, "reference: an item of the list after its heading"
        items.append(item)
    return items


BACK_MATTER_MAX_LINES = 8
BACK_MATTER_REASON = "back matter: the authors' contact details after the text"


def label_back_matter(doc: Labelling) -> None:
    """'Thông tin liên hệ:' (or 'Thông tin tác giả', 'Contact') near the end opens the
    authors' contact details: that block and the short blocks after it, to the end of the
    text, are a footnote, not running text."""
    start = next(
        (
            i
            for i, s in enumerate(doc.segments)
            if s.role is Role.BODY and s.kind is None and BACK_MATTER_RE.match(s.first.text)
        ),
        None,
    )
    if start is None:
        return
    later = [s for s in doc.segments[start:] if s.role is not Role.RUNNING_HEAD]
    if sum(len(s.lines) for s in later) > BACK_MATTER_MAX_LINES:
        return  # more than an address: the label was a sentence of the text
    for seg in later:
        if seg.role is Role.BODY and seg.kind is None:
            seg.kind = BlockKind.FOOTNOTE
            for line in seg.lines:
                line.reason = BACK_MATTER_REASON


TITLE_MAX_LINES = 4
AFFILIATION_MAX_LINES = 4
FRONT_BYLINE = "byline: names under a title in capitals"
FRONT_AFFILIATION = f"{FRONT_REASON}: affiliation"
MARK_RE = re.compile(r"^[\d*,\s]{1,6}$")


def label_capitals_title(doc: Labelling) -> None:
    """A block in capitals opening a scholarly article (labelled abstracts, references) or set
    over a byline is the title (an English title in capitals may follow it, or come before
    it: then its lines run up to the first line with a Vietnamese letter); the lines under
    it naming people (with ranks, degrees or marks) are the byline, and the lines after those,
    up to the text, their affiliations."""
    first = next((s for s in doc.segments if s.role is not Role.RUNNING_HEAD), None)
    if first is None or first.role is not Role.BODY or first.kind is not None:
        return
    lines = [line for s in doc.segments[doc.segments.index(first) :] for line in s.lines][:24]
    # An English title printed first runs up to the first line holding a Vietnamese letter.
    first_vietnamese = 0
    if lines and _foreign(lines[0].text):
        while (
            first_vietnamese < min(len(lines), TITLE_MAX_LINES * 2)
            and _title_line(lines[first_vietnamese].text)
            and _ascii_letters(lines[first_vietnamese].text)
        ):
            first_vietnamese += 1
    count = first_vietnamese
    while count < min(len(lines), first_vietnamese + TITLE_MAX_LINES * 3) and _title_line(
        lines[count].text
    ):
        count += 1
    if count == first_vietnamese or (count < len(lines) and not _byline(lines[count].text)):
        # Not in capitals (or not all of it): a legacy capitals font came out in lower case.
        count = _lower_case_title(lines, doc) or count
        if count == first_vietnamese:
            return
    scholarly = bool(doc.front) or any(s.kind is BlockKind.REFERENCE for s in doc.segments)
    if not scholarly and not (count < len(lines) and _byline(lines[count].text)):
        return  # a news page may open with a section's heading: only a paper's title is sure
    english = lines[:first_vietnamese]
    rest = lines[first_vietnamese:count]
    title = [line for line in rest if not _foreign(line.text)][:TITLE_MAX_LINES]
    english += [line for line in rest if _foreign(line.text)]
    for line in title:
        line.role, line.reason = Role.TITLE, "title: lines in capitals opening the text"
    for line in english:
        line.role, line.reason = Role.LEAD, f"{FRONT_REASON}: title_en"
    if english:
        doc.front["title_en"] = " ".join(line.text.strip() for line in english)
    _label_front_byline(doc, lines[count:])
    _resegment_front(doc)
    label_front_matter(doc)  # a label in the block of the title and byline now opens one


def _lower_case_title(lines: list[SourceLine], doc: Labelling) -> int:
    """How many lines opening a scholarly article (its abstract or keywords are labelled)
    make its title though not in capitals (a legacy capitals font comes out of `pdftotext` in
    lower case, a small capitals font in mixed case): a few lines, none ending a sentence,
    right above the byline; 0 if not so."""
    if not doc.front or not lines:
        return 0
    for count in range(1, min(len(lines), TITLE_MAX_LINES * 2 + 1)):
        if ends_sentence(lines[count - 1].text):
            return 0
        if _byline(lines[count].text):
            vietnamese = any(not _foreign(line.text) for line in lines[:count])
            return count if vietnamese else 0
    return 0


def _title_line(text: str) -> bool:
    """A line of a title in capitals (but for a formula's letters: 'TiO2'), not a line of
    names; an English title's line with a formula in it ('DECORATED SnO2 THIN FILM') may read
    as names and is one all the same."""
    text = text.strip()
    # a species' Latin name in brackets keeps its own case ("XÀ LÁCH (Lactuca sativa L.)")
    unbracketed = _BRACKETED.sub(" ", text)
    printed = unbracketed if unbracketed.strip() else text
    letters = [char for char in printed if char.isalpha()]
    capitals = is_all_caps(printed) or (
        bool(letters) and sum(map(str.isupper, letters)) >= ENGLISH_CAPITALS * len(letters)
    )
    if not capitals:
        return False
    if _foreign(text) and not is_all_caps(printed):
        return True
    return not _byline(text)


_BRACKETED = re.compile(r"\([^()]*\)")


ENGLISH_CAPITALS = 0.75  # a title's line in capitals but for a formula's letters


def _ascii_letters(text: str) -> bool:
    """Every letter of the line (there is one) is ASCII: no Vietnamese letter in it."""
    letters = [char for char in text if char.isalpha()]
    return bool(letters) and all(char.isascii() for char in letters)


def _foreign(text: str) -> bool:
    """Written without one Vietnamese letter beyond ASCII (another script's letter may stand
    in it, 'ШX15'): an English title under the title."""
    letters = [char for char in text if char.isalpha()]
    return len(letters) > 10 and not any(
        not char.isascii() and is_vietnamese_letter(char) for char in letters
    )


def _byline(text: str) -> bool:
    authors = parse_byline(text.strip().rstrip(","))
    return plausible(authors, text)


def _label_front_byline(doc: Labelling, lines: list[SourceLine]) -> None:
    """Byline lines (a line ending in a comma goes on), then affiliations and their marks."""
    index = 0
    while index < len(lines) and (
        _byline(lines[index].text) or (index and lines[index - 1].text.rstrip().endswith(","))
    ):
        lines[index].role, lines[index].reason = Role.BYLINE, FRONT_BYLINE
        index += 1
    if not index:
        return
    taken = 0
    affiliations: list[str] = []
    while index < len(lines) and taken < AFFILIATION_MAX_LINES:
        text = lines[index].text.strip()
        if lines[index].role is Role.BLANK:
            index += 1
            continue
        following = lines[index + 1].text if index + 1 < len(lines) else ""
        if not MARK_RE.match(text) and (
            ends_sentence(text) or front_label(text) or "ngày" in text or starts_lower(following)
        ):
            break  # the text (a sentence wrapped on the next line), a label or a dateline
        lines[index].role, lines[index].reason = Role.BYLINE, FRONT_AFFILIATION
        if not MARK_RE.match(text):
            affiliations.append(text)
            taken += 1
        index += 1
    if affiliations:
        doc.front["affiliations"] = "\n".join(affiliations)


def _resegment_front(doc: Labelling) -> None:
    """Segments holding lines of several roles are cut where the role changes."""
    segments: list[Segment] = []
    for seg in doc.segments:
        roles = {line.role for line in seg.lines}
        if len(roles) == 1:
            if seg.role is Role.BODY and seg.lines[0].role is not Role.BODY:
                seg.role, seg.reason = seg.lines[0].role, seg.lines[0].reason
            segments.append(seg)
            continue
        runs: list[list[SourceLine]] = []
        for line in seg.lines:
            if runs and runs[-1][-1].role is line.role:
                runs[-1].append(line)
            else:
                runs.append([line])
        for number, run in enumerate(runs):
            piece = _piece(doc, run, opens=seg.opens_paragraph if number == 0 else True)
            piece.role, piece.reason = run[0].role, run[0].reason
            segments.append(piece)
    doc.segments[:] = segments
