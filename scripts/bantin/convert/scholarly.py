"""Zones of a scholarly article that are not its running text: the abstracts and keywords
under their labels ('Tóm tắt:', 'Abstract:', 'Từ khóa:', 'Keywords:'), figure and table
captions under theirs ('Hình 1.', 'Bảng 2:', 'Ảnh:'), and the references after their heading
('Tài liệu tham khảo'). Each is found by the words the article prints, as GROBID first cuts
a paper into zones before it labels lines inside them.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from bantin.convert.layout import Segment
from bantin.model import BlockKind, Role, SourceLine
from bantin.vietnamese import ends_sentence, first_letter, starts_lower

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
    r"^\s*(?:[IVX]{1,4}\.\s*|\d{1,2}\.\s*)?(?:"
    + "|".join(f"(?P<{name}>{pattern})" for name, pattern in FRONT_LABELS)
    + r")\b\s*(?P<colon>[:.–-])?\s*(?P<rest>.*)$",
    re.IGNORECASE,
)
FRONT_REASON = "front matter"
LABELLED_CAPTION = "caption: opens with its label ('Hình 1.', 'Bảng 2:')"
CAPTION_LABEL_RE = re.compile(
    r"^(?:hình|bảng|biểu đồ|sơ đồ|đồ thị|ảnh|figure|fig\.|table)\s*\d{1,3}(?:\.\d{1,2})*[a-z]?"
    r"(?:\s*[.:–-]\s*|\s+(?=[A-ZĐÀ-Ỹ]))\S"
    r"|^ảnh\s*:\s*\S",
    re.IGNORECASE,
)
CAPTION_MAX_LINES = 3
REFERENCES_RE = re.compile(
    r"^(?:[IVX]{1,4}\.\s*|\d{1,2}\.\s*)?(?:danh mục )?(?:tài liệu tham khảo|tài liệu trích dẫn"
    r"|references|bibliography)\s*:?\s*$",
    re.IGNORECASE,
)
REFERENCE_ITEM_RE = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)])\s*\S")
BACK_MATTER_RE = re.compile(r"^\s*(?:thông tin (?:liên hệ|tác giả)|contact)\b", re.IGNORECASE)


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
    for seg in list(doc.body_segments()) + [s for s in doc.segments if s.kind is not None]:
        if seg not in doc.segments or seg.role is not Role.BODY:
            continue
        found = front_label(seg.first.text)
        if found is None:
            continue
        field, rest = found
        lines = seg.lines[1:]
        if not rest and not lines:
            lines = _paragraph_after(doc, seg)
        for line in [seg.first, *lines]:
            line.role, line.reason = Role.LEAD, f"{FRONT_REASON}: {field}"
        seg.role = Role.LEAD
        texts = [rest, *(line.text.strip() for line in lines)]
        doc.front[field] = " ".join(text for text in texts if text)


def _paragraph_after(doc: Labelling, label: Segment) -> list[SourceLine]:
    """The paragraph after a label standing alone: the next segment, and those after it while
    its sentence is not finished."""
    taken: list[SourceLine] = []
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
    return taken


def label_labelled_captions(doc: Labelling) -> None:
    """A line opening with 'Hình 1.', 'Bảng 2:' or 'Ảnh:' is a caption, with the lines after it
    that go on in lower case; it is cut out of the block it was printed in."""
    segments: list[Segment] = []
    for seg in doc.segments:
        if seg.role is not Role.BODY or seg.kind is not None:
            segments.append(seg)
            continue
        segments.extend(_cut_captions(doc, seg))
    doc.segments[:] = segments


def _cut_captions(doc: Labelling, seg: Segment) -> list[Segment]:
    starts = [i for i, line in enumerate(seg.lines) if CAPTION_LABEL_RE.match(line.text.strip())]
    if not starts:
        return [seg]
    pieces: list[Segment] = []
    index = 0
    for start in starts:
        if start < index:
            continue
        if start > index:
            pieces.append(
                _piece(doc, seg.lines[index:start], opens=not pieces and seg.opens_paragraph)
            )
        end = start + 1
        while (
            end < len(seg.lines)
            and end - start < CAPTION_MAX_LINES
            and starts_lower(seg.lines[end].text)
        ):
            end += 1
        caption = _piece(doc, seg.lines[start:end], opens=False)
        caption.label(Role.CAPTION, LABELLED_CAPTION)
        pieces.append(caption)
        index = end
    if index < len(seg.lines):
        pieces.append(_piece(doc, seg.lines[index:], opens=False))
    return pieces


def _piece(doc: Labelling, lines: list[SourceLine], opens: bool) -> Segment:
    return Segment(
        lines, wide=any(doc.layout.is_wide(line.text) for line in lines), opens_paragraph=opens
    )


def label_references(doc: Labelling) -> None:
    """After a 'Tài liệu tham khảo' heading, each item ('[1] ...', '2. ...') is a reference,
    up to the end or to the back matter (an abstract, contact details)."""
    start = next((i for i, s in enumerate(doc.segments) if _references_heading(s)), None)
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


def _references_heading(seg: Segment) -> bool:
    return (
        seg.role in (Role.BODY, Role.HEADING)
        and len(seg.lines) == 1
        and REFERENCES_RE.match(seg.first.text.strip()) is not None
    )


def _back_matter(seg: Segment) -> bool:
    text = seg.first.text
    return (
        seg.role is Role.LEAD
        or front_label(text) is not None
        or BACK_MATTER_RE.match(text) is not None
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
