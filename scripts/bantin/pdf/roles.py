"""What each paragraph of an article is, from its type, place and words.

The article is read in two zones, as a scholarly article is laid out: the front (title,
English title, byline, affiliations, the "received" line, abstract and keywords, in Vietnamese
and in English) and the body (headings, running text, captions, tables, equations, footnotes,
and the references at the end). Each rule is a small named function; `label_article` applies
them in order and records why each paragraph got its role.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import partial

from bantin.bylines import ORGANISATION_WORDS, Author, parse_byline, plausible
from bantin.convert.casing import conventional_section
from bantin.convert.roles import DATELINE_RE
from bantin.convert.scholarly import APPENDIX_RE, references_start
from bantin.pdf.fonts import BodyType, capitals_font, monospaced
from bantin.pdf.page import Box, Line, Style, union_of
from bantin.pdf.reading import (
    BULLET_OR_DASH,
    EQUATION_NUMBER,
    LINE_OF_TEXT_WORDS,
    Para,
    family,
    starts_enumerated,
    starts_item,
)
from bantin.vietnamese import (
    ends_sentence,
    fold,
    is_all_caps,
    is_syllable,
    is_vietnamese_letter,
    starts_enumeration,
    starts_lower,
)

# -- roles ---------------------------------------------------------------------------------

BANNER = "banner"  # a section band above the title
TITLE = "title"
TITLE_EN = "title_en"
BYLINE = "byline"
AFFILIATION = "affiliation"
DATELINE = "dateline"  # "Ngày nhận bài ...", "Đến Tòa soạn ngày ..."
LABEL = "label"  # "Tóm tắt:", "Từ khóa:" standing apart from what they name
ABSTRACT = "abstract"
KEYWORDS = "keywords"
ABSTRACT_EN = "abstract_en"
KEYWORDS_EN = "keywords_en"
HEADING = "heading"
BODY = "body"
CAPTION = "caption"
TABLE = "table"
FIGURE = "figure"  # words drawn inside a figure: labels, axes
EQUATION = "equation"
FOOTNOTE = "footnote"
REFERENCE = "reference"
CONTACT = "contact"  # "Thông tin liên hệ" after the references
FRONT = frozenset({BANNER, TITLE, TITLE_EN, BYLINE, AFFILIATION, DATELINE, LABEL})
FRONT |= {ABSTRACT, KEYWORDS, ABSTRACT_EN, KEYWORDS_EN}

TITLE_RATIO = 1.2  # a paragraph this much larger than the body may open an article
TITLE_MIN_RATIO = 1.1  # an article's title (or English title) is set at least this large
TOP_PARAS = 12  # the title is among the first paragraphs of the first page
LETTER_SHARE = 0.6  # share of a title's characters that are letters (not an equation)
HEADING_MIN_RATIO = 0.85  # headings are not set much smaller than the body
CAPITALS_HEADING_MIN_RATIO = 0.8  # ... those in bold capitals, a little smaller still
HEADING_MAX_WORDS = 30
#: A numbered heading in bold or capitals, a sentence's words without its full stop.
NUMBERED_HEADING_MAX_WORDS = 40
HEADING_MAX_LINES = 5
CAPITALS_HEADING_MAX_WORDS = 60  # of a numbered heading in bold capitals
CAPITALS_HEADING_MAX_LINES = 10
ITALIC_HEADING_LINES = 2  # lines an italic heading (or lettered point) may take
CLOSING_PARAS = 3  # a byline closing the article is among its last paragraphs of text
CAPTION_MAX_LINES = 4
CELL_WIDTH_SHARE = 0.6  # a table cell is narrower than this share of its column
SMALLER = 0.92  # type this much smaller than the body: notes, footnotes, captions

_LABELS = {
    # (a text layer that named no letter for the label's first glyph gives "óm tắt:")
    ABSTRACT: re.compile(r"^\W{0,2}[a-z]?\s*(t?óm\s*tắt|tóm\s*lược)\s*[:.\-–]?\s*", re.I),
    KEYWORDS: re.compile(r"^\W{0,2}(từ\s*kh[óo]á|từ\s*kh[óo]a)\s*[:.\-–]?\s*", re.I),
    ABSTRACT_EN: re.compile(r"^\W{0,2}[a-z]?\s*(abstracts?|summary)\s*[:.\-–]?\s*", re.I),
    KEYWORDS_EN: re.compile(r"^\W{0,2}(key\s*words?|index terms)\s*[:.\-–]?\s*", re.I),
}
_CONTENT_OF = {ABSTRACT: ABSTRACT, KEYWORDS: KEYWORDS, ABSTRACT_EN: ABSTRACT_EN}
_CONTENT_OF[KEYWORDS_EN] = KEYWORDS_EN
_OTHER_LANGUAGE = {ABSTRACT: ABSTRACT_EN, KEYWORDS: KEYWORDS_EN}
_OTHER_LANGUAGE |= {english: vietnamese for vietnamese, english in _OTHER_LANGUAGE.items()}
VIETNAMESE_MARKED = 0.4  # of the words of Vietnamese text, at least, carry its marks
#: The acceptance a "received" line states after its first date ("..., chấp nhận đăng ngày
#: 02/04/2021", "chấp nhận đăng: 2/4/2021"), whatever slip its opening words carry ("Đến
#: toàn soạn ngày ...").
_ACCEPTED = re.compile(r"\bchấp\s+nhận\s+đăng(?:\s+bài)?\s*:?\s*(?:ngày\s+)?\d{1,2}\s*[/.-]", re.I)


def is_dateline(text: str) -> bool:
    """The "received" line: it opens with its usual words, or states the acceptance."""
    return bool(DATELINE_RE.match(text) or _ACCEPTED.search(text))


_REFERENCES = re.compile(
    r"^\W*([IVX]+\.|\d+\.)?\s*(tài\s+liệu\s+tham\s+khảo|danh\s+mục\s+tài\s+liệu|"
    r"references?|bibliography|tài\s+liệu\s+trích\s+dẫn|"
    # a thesis's list of its author's publications
    r"danh\s+mục\s+(?:các\s+)?công\s+trình\b[^.:]{0,80})\s*:?\s*$",
    re.I,
)
_CONTACT = re.compile(r"^\W*(thông\s+tin\s+liên\s+hệ|liên\s+hệ\s*:|địa\s+chỉ\s+liên\s+hệ)", re.I)
_CAPTION = re.compile(
    r"^\W{0,2}(hình|hinh|bảng|biểu\s*đồ|biểu|sơ\s*đồ|đồ\s*thị|ảnh|figure|fig\.|table|chart)"
    r"\s*(\d+[\d.]*[a-z]?|[IVX]+)?\s*([.:\-–]|$)",  # "Hình 3a." names a figure's part
    re.I,
)
# The same label, its number followed by a space and (see `_caption_match`) a capital.
_CAPTION_SPACED = re.compile(_CAPTION.pattern.replace(r"([.:\-–]|$)", r"(\s)(?=\w)"), re.I)


def _caption_match(text: str) -> re.Match[str] | None:
    """A caption's label: "Hình 9:", "Bảng 2.", "Hình 3a.", or its number and a capital with
    no mark between ("Hình 3 Kết quả ..."; "Hình 3 cho thấy ..." opens a sentence)."""
    match = _CAPTION.match(text)
    if match:
        return match
    spaced = _CAPTION_SPACED.match(text)
    if spaced and spaced.group(2) and text[spaced.end()].isupper():
        return spaced
    return None


# ("ĐVT:" abbreviates "đơn vị tính", the unit; "Nguồn;" and "Nguồn," are slips for "Nguồn:",
# running text never opens so, where "Note, however" may)
_CAPTION_NOTE = re.compile(
    r"^\W{0,2}(?:(?:nguồn|source)\s*[:;.(,]"
    r"|(?:đơn\s*vị(?:\s*tính)?|đvt|ghi\s*chú|chú\s*thích|note)\s*[:;.(])",
    re.I,
)
#: A source's note with no mark after "Nguồn" ("Nguồn Báo cáo thường niên ..."): running
#: text may open so ("Nguồn nhân lực ..."), a float's note only where its type says it is one.
_SOURCE_UNMARKED = re.compile(r"^\W{0,2}(?:nguồn|source)\s+\w", re.I)
_PHOTO_CREDIT = re.compile(r"^\W{0,2}ảnh\s*:", re.I)
_SECTION_NUMBER = re.compile(r"(?:\d{1,2}\.){1,4}\d{0,2}\s+(?=\w)")
#: Citations of the numbered references: "[2]", "[7, 10]", "[3-5]".
_CITATIONS = re.compile(r"\[\d{1,3}(?:\s*[,;–-]\s*\d{1,3})*\]")
_GLUED_SECTION_NUMBER = re.compile(r"(?:\d{1,2}\.){1,3}(?=[^\W\d_])")
#: A sentence's last words naming a table or figure ("(bảng 10).", "hình 3b;"): no formula.
_NAMED_TAIL = re.compile(
    r"^[(\[]?(?:bảng|hình|biểu đồ|sơ đồ|đồ thị|phụ lục|table|fig\.?|figure)\s+"
    r"(?:\d{1,2}(?:\.\d{1,2})*[a-z]?(?:\s*(?:,|và|and|-|–)\s*)?)+[)\]]?[.;,:]?$",
    re.IGNORECASE,
)


def _glued_section_number(text: str) -> re.Match[str] | None:
    """A section's number glued to its first word in capitals ("1.MỞ ĐẦU", "3.KẾT LUẬN")."""
    match = _GLUED_SECTION_NUMBER.match(text)
    return match if match is not None and text[match.end()].isupper() else None


_NUMBERED = re.compile(
    r"^\s*(?:(?:\d{1,2}\.){1,4}\d{0,2}\.?|[IVXLC]{1,6}\.|[a-zđ]\)|\d{1,2}\))\s*(?=\S)"
)
#: A formula's signs, and the Greek letters its variables are named with.
_SIGNS = "=+×÷±≤≥≈≠∞∑∏∫√∂∀∃∈∉⊂⊆∪∩→⇒⇔^"
_GREEK = "∆Δπσλμαβγδθ"
_RELATION_OF_LETTER = r"\b[a-zA-Z]\s*[=<>]"
_MATH = re.compile(rf"[{_SIGNS}{_GREEK}]|{_RELATION_OF_LETTER}")
# ... of them, the signs only (a Greek letter alone may be a variable a heading names)
_MATH_SIGN = re.compile(rf"[{_SIGNS}]|{_RELATION_OF_LETTER}")
HEADING_WORDS_BESIDE_VARIABLE = 4  # a heading's words enough that a Greek letter is a name
_PATH = re.compile(r"\S\s*>\s*\S")  # choices in a menu, one after the other: "SETUP > RESET"
_RELATION_FIRST = re.compile(r"^\s*[=<>≤≥≈≠⇒⇔→]")
# A word of running text: letters only, lower case after its first letter.
_WORD = re.compile(r"[^\W\d_][^\W\d_A-Z]*")
_FOOTNOTE_MARK = re.compile(r"^\s*(\(?\d{1,2}\)?|\*{1,3}|\[\d{1,2}\])\s*\S")


@dataclass
class Zone:
    """Where labelling stands in an article: what the next paragraphs of the front are."""

    open_label: str = ""  # the label whose content comes next
    seen_byline: bool = False
    byline_goes_on: bool = False  # the last paragraph was a byline ending with a comma
    swapped: bool = False  # an abstract was labelled in the other language
    seen_abstract: bool = False
    under_title: bool = True  # nothing but the title (and its English title) so far


# -- titles --------------------------------------------------------------------------------


def is_title(para: Para, body: BodyType) -> bool:
    """Set well above the body size, with at least two words of letters."""
    words = [word for word in para.text.split() if any(char.isalpha() for char in word)]
    return body.ratio(para.style) >= TITLE_RATIO and len(words) >= 2


# Words of English that Vietnamese never writes as words of its own ("in", "to", "an" it does).
ENGLISH_WORDS = frozenset(("the", "of", "and", "for", "with", "from", "by", "at", "on", "its"))
ENGLISH_AMONG_MARKED = 0.75  # unmarked words, at least, in English naming a place with marks


def is_english(text: str) -> bool:
    """Latin letters without any Vietnamese mark, and enough of them; or, when a few words
    have marks (a place: "... IN ĐẮK LẮK PROVINCE"), a word English has and Vietnamese has
    not ("the", "of", "at"...), with three words in four unmarked."""
    letters = [char for char in text if char.isalpha()]
    if len(letters) < 8:
        return False
    words = [word for word in text.split() if any(char.isalpha() for char in word)]
    marked = [word for word in words if any(_marked(char) for char in word)]
    if not marked:
        return True
    english = sum(1 for word in words if word.strip(",.:;()").lower() in ENGLISH_WORDS)
    return english >= 1 and len(words) - len(marked) >= ENGLISH_AMONG_MARKED * len(words)


def _marked(char: str) -> bool:
    return char.isalpha() and is_vietnamese_letter(char) and not char.isascii()


# -- the article ---------------------------------------------------------------------------


#: The pictures (images) each page shows, by page number.
Pictures = Mapping[int, Sequence[Box]]


def label_article(paras: list[Para], body: BodyType, pictures: Pictures | None = None) -> None:
    """Give every paragraph of one article its role: the front first, then the body;
    `pictures`, where the pages show images."""
    hang_labels(paras)
    hang_marks(paras, body)
    split_front_lines(paras)
    separate_names(paras, body)
    start = label_front(paras, body)
    label_set_aside_byline(paras, start, body)
    body_paras = paras[start:]
    label_body(body_paras, body, pictures or {})
    paras[start:] = body_paras  # a lead-in read before the formula it stands level with
    label_closing_byline(paras, body)
    for para in [p for p in paras[start:] if p.role == BYLINE]:
        _take_on_behalf(paras, para)


def label_closing_byline(paras: Sequence[Para], body: BodyType) -> None:
    """News signs at the end: with no byline at the top, a short line of names set apart
    (right-aligned, bold, italic or in capitals) closing the text is the byline; pen names
    ("Hải Hằng - Xuân Bình") count there, where nothing else stands."""
    if any(para.role == BYLINE for para in paras):
        return
    text_roles = (BODY, HEADING)
    ending = [para for para in paras if para.role in text_roles][-CLOSING_PARAS:]
    for para in reversed(ending):
        if _closing_byline(para, paras, body):
            para.role = BYLINE
            return
        if para.role == BODY and len(para.lines) > 1:
            return  # running text: the byline would have come after it


#: Signing on behalf of a body, over the name: "TM. Ban tổ chức", "T/M BCH", "Thay mặt ...".
_ON_BEHALF = re.compile(r"^(?:T\.?\s?M\b\.?|T/M\b|KT\b\.?|thay\s+mặt\b|ký\s+thay\b)", re.I)


def _take_on_behalf(paras: Sequence[Para], signature: Para) -> None:
    """The line right over a signature that signs on behalf of a body is the signature's."""
    index = list(paras).index(signature)
    above = paras[index - 1] if index else None
    if above is None or above.role != BODY or len(above.lines) > 1:
        return
    if _ON_BEHALF.match(above.text.strip()):
        above.role = BYLINE


def _closing_byline(para: Para, paras: Sequence[Para], body: BodyType) -> bool:
    """Names alone, set apart; not an item of a list of names (a list's items come in a row)."""
    text = para.text.strip()
    authors = parse_byline(text)
    if len(para.lines) > 2 or len(text) > 120 or not authors or _REFERENCES.match(text):
        return False
    if is_all_caps(text) and not plausible(authors):
        return False  # a heading in capitals ("TÀI LIỆU THAM KHẢO", "KẾT LUẬN")
    index = list(paras).index(para)
    if starts_item(text) or (index and parse_byline(paras[index - 1].text.strip())):
        return False
    if any(_level(para, other) for other in paras if other is not para):
        return False  # a cell of a row ("Hôn Phối" beside "Marriage"), not a signature
    style = para.style
    column = para.column
    right = column is not None and para.box.x0 > (column.left + column.right) / 2
    return right or style.bold or style.italic or is_all_caps(text)


CELL_MAX_WORDS = 6  # a row's other cell is short (a column of running text is not one)


def _level(para: Para, other: Para) -> bool:
    """Set on the same line of the page as another short paragraph, beside it (its row)."""
    if other.page != para.page or para.box.x_overlap(other.box) > 0:
        return False
    if len(other.lines) > 2 or len(other.text.split()) > CELL_MAX_WORDS:
        return False
    return _level_with(para.box, other.box)


def _level_with(one: Box, other: Box) -> bool:
    """The two stand at one height: they overlap by half the shorter one's height."""
    return one.y_overlap(other) > 0.5 * min(one.height, other.height)


LABEL_REACH = 4.0  # line heights: how far right of a hanging label the text it names starts


def hang_labels(paras: list[Para]) -> None:
    """A label set in a narrow column of its own ("Từ khóa:" left of the keywords) leads the
    paragraph level with it on its right, wherever poppler put the two in reading order."""
    first_page = paras[0].page if paras else 0
    for label in [p for p in paras if p.page == first_page and _bare_label(p)]:
        first = label.lines[0]
        for para in paras:
            line = para.lines[0]
            near = first.box.leads(line.box, LABEL_REACH)
            if para is not label and para.page == label.page and near:
                line.words[:0] = first.words
                line.box = line.box.union(first.box)
                paras.remove(label)
                break


_BARE_MARK = re.compile(r"^(?:\d{1,2}|\*{1,3})$")
RAISED_SIZE = 0.85  # a note's mark set apart is smaller than the line it opens


def hang_marks(paras: list[Para], body: BodyType) -> None:
    """A note's mark raised and given apart ("4" left of "Tỉnh ủy - UBND ...") opens the
    note level with it on its right, in type smaller than the body: the note is then told
    by its mark (a figure beside a formula's line or a table's cell is no mark)."""
    for mark in [p for p in paras if len(p.lines) == 1 and _BARE_MARK.match(p.text.strip())]:
        box = mark.box
        for para in paras:
            line = para.lines[0]
            if para is mark or para.page != mark.page:
                continue
            small = box.height < RAISED_SIZE * line.box.height
            raised = small and line.box.y0 < box.y1 < line.box.y1 - 0.1 * line.box.height
            near = 0 <= line.box.x0 - box.x1 <= LABEL_REACH * box.height
            if raised and near and _note_text(para, body):
                para.lines[0] = Line.of(mark.lines[0].words + line.words)
                paras.remove(mark)
                break


NOTE_WORDS = 4  # a note says something: words of letters, at the least


def _note_text(para: Para, body: BodyType) -> bool:
    """A note's text: smaller than the body, not bold, a few words, not opened by a number (a
    numbered heading is no note)."""
    text = para.text.strip()
    words = [word for word in text.split() if any(char.isalpha() for char in word)]
    small = body.ratio(para.style) < SMALLER and not para.style.bold
    return small and len(words) >= NOTE_WORDS and not text[:1].isdigit()


def _bare_label(para: Para) -> bool:
    text = para.text.strip()
    label = _label_of(text)
    return len(para.lines) == 1 and bool(label) and not _LABELS[label].sub("", text).strip()


def separate_names(paras: list[Para], body: BodyType) -> None:
    """A line of names set in the same type as the title beside it (a thesis cover: the
    author above the title) is a paragraph of its own."""
    for index in range(min(len(paras), TOP_PARAS) - 1, -1, -1):
        para = paras[index]
        if len(para.lines) < 2:
            continue
        for cut in (1, len(para.lines) - 1):
            head, tail = para.lines[:cut], para.lines[cut:]
            names = head if cut == 1 else tail
            if names is tail and _byline_below(paras, index, body):
                continue  # the title's last line ("CAO TẦNG"): the byline is further down
            if plausible(parse_byline(" ".join(line.text for line in names))):
                paras[index : index + 1] = [
                    Para(head, para.page, para.indented, column=para.column),
                    Para(tail, para.page, column=para.column),
                ]
                break


BYLINE_REACH = 4  # paragraphs under a title where its byline stands


def _byline_below(paras: Sequence[Para], index: int, body: BodyType) -> bool:
    page = paras[index].page
    below = [para for para in paras[index + 1 : index + 1 + BYLINE_REACH] if para.page == page]
    return any(is_byline_para(para, body) for para in below)


def label_set_aside_byline(paras: Sequence[Para], start: int, body: BodyType) -> None:
    """A byline set in the next column, beside a drop cap, comes after the first column's text
    in reading order: on the first page, before any heading, it is still the byline (and the
    line under it its affiliation)."""
    if any(para.role == BYLINE for para in paras[:start]) or not paras:
        return
    first_page = paras[0].page
    for index in range(start, len(paras)):
        para = paras[index]
        if para.page != first_page or (_is_heading(para, body) and not is_byline_para(para, body)):
            return
        if is_byline_para(para, body) and not para.style.italic:
            _take_bylines(paras, index, body)
            return


def _take_bylines(paras: Sequence[Para], index: int, body: BodyType) -> None:
    """Bylines from `index` on, each maybe followed by its affiliation line."""
    while index < len(paras):
        para = paras[index]
        if is_byline_para(para, body) and not para.style.italic:
            para.role = BYLINE
        elif paras[index - 1].role == BYLINE and is_affiliation(para, body):
            para.role = AFFILIATION
        else:
            return
        index += 1


def label_front(paras: Sequence[Para], body: BodyType) -> int:
    """Label the front matter; the index of the first paragraph of the body."""
    first, last = title_run(paras, body)
    for para in paras[:first]:
        para.role = (
            BYLINE if is_byline_para(para, body) else BANNER
        )  # a thesis names its author first
    for index in range(first, last):
        paras[index].role = TITLE_EN if _english_title(paras, index) else TITLE
    return _label_after_title(paras, last, body)


def title_run(paras: Sequence[Para], body: BodyType) -> tuple[int, int]:
    """Where the title starts and ends: the paragraphs in the largest type near the top of
    the first page, else a first paragraph set apart (bold or capitals, a few lines)."""
    top = _before_text(paras, body)
    display = [i for i in top if _display(paras[i], body)]
    if display:
        largest = max(paras[i].style.size for i in display)
        largest_first = [i for i in display if paras[i].style.size >= largest - 0.5]
        first = next((i for i in largest_first if not is_byline_para(paras[i], body)), display[0])
        while first - 1 in display and _title_above(paras[first - 1], paras[first], body):
            first -= 1  # a title set in two sizes
        last = first + 1
        while last < len(paras) and last in top and _continues_title(paras, first, last, body):
            last += 1
        return first, last
    if paras and _set_apart(paras[0], body):
        last = 1
        while (
            last < len(paras)
            and paras[last].style == paras[0].style
            and not front_label(paras[last], body)
        ):
            last += 1
        return 0, last
    return 0, 0


def _before_text(paras: Sequence[Para], body: BodyType) -> list[int]:
    """Indices of the first page's first paragraphs, up to the first running text: where a
    title stands (a display equation further down is not one)."""
    found = []
    for index, para in enumerate(paras[:TOP_PARAS]):
        if para.page != paras[0].page or (_is_body_text(para, body) and len(para.lines) >= 3):
            break
        found.append(index)
    return found


def _display(para: Para, body: BodyType) -> bool:
    """Display type: large, and words of letters (not a formula)."""
    return body.ratio(para.style) >= TITLE_MIN_RATIO and _worded(para) and mostly_letters(para.text)


def mostly_letters(text: str) -> bool:
    chars = [char for char in text if not char.isspace()]
    return bool(chars) and sum(char.isalpha() for char in chars) >= LETTER_SHARE * len(chars)


def _title_above(above: Para, below: Para, body: BodyType) -> bool:
    """The first part of a title set in another size, right above the rest (not a byline)."""
    gap = below.box.y0 - above.box.y1
    close = above.page == below.page and -2 < gap < 1.5 * above.lines[-1].box.height
    return close and _worded(above) and not is_byline_para(above, body)


def _continues_title(paras: Sequence[Para], first: int, index: int, body: BodyType) -> bool:
    """Display type goes on (an English title may drop the weight); "Chuyên ngành: ..." set
    large under a thesis title does not."""
    para = paras[index]
    if not _display(para, body):
        return False
    return not re.match(r"^[^:]{1,30}:\s", para.text) and not is_byline_para(para, body)


def _worded(para: Para) -> bool:
    return sum(1 for word in para.text.split() if any(c.isalpha() for c in word)) >= 2


def numbered(text: str) -> bool:
    return bool(_NUMBERED.match(text))


def _set_apart(para: Para, body: BodyType) -> bool:
    text = para.text
    style = para.style
    return (
        (style.bold or style.italic or is_all_caps(text) or capitals_font(style))
        and len(para.lines) <= 4
        and _worded(para)
        and not front_label(para, body)
    )


def front_label(para: Para, body: BodyType) -> bool:
    """A label, a "received" line or a byline: a part of an article's front."""
    return _front_marker(para.text.strip()) or is_byline_para(para, body)


def _english_title(paras: Sequence[Para], index: int) -> bool:
    """In English after the title; a Latin name in brackets right under the title and set
    like it ("(STEVIA REBAUDIANA)") is still the title's."""
    earlier = [p for p in paras[:index] if p.role == TITLE]
    para = paras[index]
    if bracketed(para) and index and paras[index - 1].role == TITLE:
        return abs(paras[index - 1].style.size - para.style.size) > 0.5  # set at its size
    return bool(earlier) and is_english(para.text)


def bracketed(para: Para) -> bool:
    """One line in brackets: "(STEVIA REBAUDIANA)"."""
    text = para.text.strip()
    return text.startswith("(") and text.endswith(")") and len(para.lines) == 1


def _label_after_title(paras: Sequence[Para], index: int, body: BodyType) -> int:
    zone = Zone()
    while index < len(paras):
        para = paras[index]
        role = _front_role(para, zone, body, paras[index + 1 :])
        if not role:
            return index
        para.role = role
        zone.under_title = zone.under_title and role == TITLE_EN
        index += 1
    return index


def _front_role(para: Para, zone: Zone, body: BodyType, after: Sequence[Para]) -> str:
    """The role of a paragraph of the front, or '' where the body starts."""
    text = para.text.strip()
    goes_on, zone.byline_goes_on = zone.byline_goes_on, False
    label = _label_of(text)
    if label:
        content = _LABELS[label].sub("", text).strip()
        zone.open_label = in_its_language(label, content, zone) if content else label
        zone.seen_abstract = zone.seen_abstract or label in (ABSTRACT, ABSTRACT_EN)
        return zone.open_label if content else LABEL
    if zone.open_label and not _opens_body(para, body):
        role = in_its_language(_CONTENT_OF[zone.open_label], text, zone)
        if role in (KEYWORDS, KEYWORDS_EN) or _continues_abstract(para, after):
            zone.open_label = "" if role in (KEYWORDS, KEYWORDS_EN) else zone.open_label
        return role
    zone.open_label = ""
    if is_dateline(text):
        return DATELINE
    if zone.under_title and _english_title_set_apart(para):
        return TITLE_EN
    if not zone.seen_abstract and (is_byline_para(para, body) or _goes_on(para, goes_on)):
        zone.seen_byline = True
        zone.byline_goes_on = text.endswith(",")
        return BYLINE
    if zone.seen_byline and not zone.seen_abstract and is_affiliation(para, body):
        return AFFILIATION
    if not zone.seen_abstract and _unlabelled_abstract(para, body, after):
        zone.seen_abstract = True
        return ABSTRACT
    if not zone.seen_abstract and len(para.lines) <= 3 and _front_goes_on(after):
        # in the body's type, but a "received" line or a label follows: still the front
        named = parse_byline(text)
        if not zone.seen_byline and (plausible(named) or _written_as_names(named)):
            zone.seen_byline = True
            return BYLINE
        if zone.seen_byline:
            return AFFILIATION
    return ""


def _goes_on(para: Para, after_comma: bool) -> bool:
    """Names on the line after a byline ending with a comma: more of the byline."""
    return after_comma and len(para.lines) <= 2 and bool(parse_byline(para.text))


def _english_title_set_apart(para: Para) -> bool:
    """Right under the title, in English, in bold or capitals, a few lines: its English title
    (set at the body's size where the title run, in the largest type, left it out)."""
    text = para.text
    apart = para.style.bold or is_all_caps(text) or _capitals_and_formulas(text)
    english = len(para.lines) <= 3 and apart and is_english(text) and len(text.split()) >= 3
    return english and not _names_without_marks(parse_byline(text))


def _names_without_marks(authors: list[Author]) -> bool:
    """Names written without their Vietnamese marks, as an article in English writes them
    ("Vo Thanh Duoc1, Duong Thi Thuy Trang1"): marked, or several, each two to five words
    with a capital each and the rest small."""
    if not authors or (len(authors) < 2 and not authors[0].marks):
        return False
    return all(_name_shaped(author, syllables=False) for author in authors)


_FORMULA = re.compile(r"\S*\d\S*|[A-Z][a-z]?|\S+[a-z][A-Z]\S*")  # MoS2, SnO2, Ag, ZnO:Mn


def _capitals_and_formulas(text: str) -> bool:
    """Words in capitals but for chemical formulas and symbols written in their own case
    ("MODIFIED WITH MoS2 NANOSHEET"): a line of a title in capitals, not a name."""
    words = [word.strip(",.:;()") for word in text.split()]
    words = [word for word in words if any(map(str.isalpha, word))]
    capitals = [word for word in words if not any(map(str.islower, word))]
    rest = [word for word in words if any(map(str.islower, word))]
    return len(capitals) >= 2 and all(_FORMULA.fullmatch(word) for word in rest)


def _written_as_names(authors: list[Author]) -> bool:
    """Each a name as names are written, two to five syllables with a capital each and the
    rest small ("Đường Thị Thanh Hải"): a family name the list lacks, where a "received" line
    or a label close below shows this is still the front."""
    return bool(authors) and all(_name_shaped(author, syllables=True) for author in authors)


def _name_shaped(author: Author, syllables: bool) -> bool:
    """Two to five words, each with a capital and the rest small (and each a Vietnamese
    syllable, with `syllables`)."""
    words = author.name.split()
    return 2 <= len(words) <= 5 and all(
        w[:1].isupper() and w[1:].islower() and (not syllables or is_syllable(w)) for w in words
    )


FRONT_LOOKAHEAD = 3  # paragraphs: how soon a "received" line or a label shows the front goes on


def _front_goes_on(after: Sequence[Para]) -> bool:
    return any(_front_marker(para.text.strip()) for para in after[:FRONT_LOOKAHEAD])


def _front_marker(text: str) -> bool:
    return is_dateline(text) or bool(_label_of(text))


def split_front_lines(paras: list[Para]) -> None:
    """A "received" line or a label ("Tóm tắt.") poppler put in the block above it opens a
    paragraph of its own (on the first page, in the front)."""
    first_page = paras[0].page if paras else 0
    index = 0
    while index < min(len(paras), 2 * TOP_PARAS):
        para = paras[index]
        cut = next(
            (n for n, line in enumerate(para.lines) if n and _front_marker(line.text.strip())),
            None,
        )
        if para.page == first_page and cut is not None:
            paras[index : index + 1] = [
                Para(para.lines[:cut], para.page, para.indented, column=para.column),
                Para(para.lines[cut:], para.page, column=para.column),
            ]
        index += 1


def _label_of(text: str) -> str:
    for role, pattern in _LABELS.items():
        if pattern.match(text):
            return role
    return ""


def in_its_language(role: str, text: str, zone: Zone) -> str:
    """An abstract or keywords labelled in the other language ("Tóm tắt:" over an English
    abstract, "Abstract:" over a Vietnamese one) go by the language of their text: Vietnamese
    by its marks; English by its words for an abstract, and keywords without marks only
    after an abstract so labelled (Vietnamese keywords have none in "β-glucan, JSON")."""
    if role in (ABSTRACT_EN, KEYWORDS_EN) and is_vietnamese_text(text):
        zone.swapped = zone.swapped or role == ABSTRACT_EN
        return _OTHER_LANGUAGE[role]
    english_prose = is_english(text) and any(
        word.strip(",.:;()").lower() in ENGLISH_WORDS for word in text.split()
    )
    if (role == ABSTRACT and english_prose) or (
        role == KEYWORDS and zone.swapped and is_english(text)
    ):
        zone.swapped = True
        return _OTHER_LANGUAGE[role]
    return role


def is_vietnamese_text(text: str) -> bool:
    """Four words or more, enough of them with Vietnamese marks."""
    words = [word for word in text.split() if any(char.isalpha() for char in word)]
    marked = [word for word in words if any(_marked(char) for char in word)]
    return len(words) >= 4 and len(marked) >= VIETNAMESE_MARKED * len(words)


def _continues_abstract(para: Para, after: Sequence[Para]) -> bool:
    """An abstract's text goes on while the next paragraph is set the same way."""
    following = after[0] if after else None
    return following is None or following.style.size != para.style.size


def _opens_body(para: Para, body: BodyType) -> bool:
    return _is_heading(para, body) or (
        _is_body_text(para, body) and len(para.lines) >= 2 and para.style.size > body.size - 0.6
    )


def is_byline_para(para: Para, body: BodyType) -> bool:
    """A short paragraph that is only names, with ranks or degrees, in capitals or bold, or
    set apart from the body's type."""
    text = para.text
    if len(para.lines) > 3 or len(text) > 200:
        return False
    authors = parse_byline(text)
    if not authors:
        return False
    if any(a.rank or a.degree or a.marks for a in authors):
        return True
    set_apart = para.style.bold or para.style.italic or not body.is_body(para.style)
    return (set_apart or is_all_caps(text)) and plausible(authors)


MARKED_AFFILIATIONS = 8  # the most affiliations one block lists, each on a line with its mark
_MARKED = re.compile(r"^\s*(?:[\d*]{1,2}|\(\d{1,2}\))\s*[^\W\d_]")  # "1Trường", "(1)Trường"


def is_affiliation(para: Para, body: BodyType) -> bool:
    """An institution line under the byline: italic, or starting with a mark or an
    institution's word, or an e-mail address."""
    text = para.text.strip()
    if len(para.lines) > 3 and len(para.lines) <= MARKED_AFFILIATIONS:
        return all(_MARKED.match(line.text) for line in para.lines)  # one per line, marked
    if len(para.lines) > 3 or not text or len(text) > 250:
        return False
    words = re.sub(r"^[\d*,()\s]+", "", text).split()
    first = fold(words[0]) if words else ""
    return (
        para.style.italic
        or first in ORGANISATION_WORDS
        or bool(_MARKED.match(text))  # "1Trung tâm", not "12%"
        or "@" in text
        or text.lower().startswith("email")
    )


def _unlabelled_abstract(para: Para, body: BodyType, after: Sequence[Para]) -> bool:
    """A lead set apart from the body (bold, italic or smaller), over two lines, before it."""
    if len(para.lines) < 2 or _is_heading(para, body):
        return False
    style = para.style
    return (style.bold or style.italic or body.ratio(style) < SMALLER) and bool(after)


# -- the body ------------------------------------------------------------------------------


def _level_right_of(label: Para, paras: Sequence[Para]) -> list[Para]:
    """What stands level with a label on its right ("Thông tin liên hệ:" beside the name it
    introduces), though poppler read it before the label."""
    first = label.lines[0].box
    return [p for p in paras if p.page == label.page and first.leads(p.lines[0].box, LABEL_REACH)]


def label_body(paras: list[Para], body: BodyType, pictures: Pictures | None = None) -> None:
    """Headings, running text, captions, tables, figures, equations, footnotes, references."""
    references = False
    tail = ""  # an abstract set after the references, whose paragraphs are being read
    start = _references_start(paras)
    for index, para in enumerate(paras):
        if para.role in FRONT:
            continue
        text = para.text.strip()
        if _CONTACT.match(text) or (para.role == CONTACT):
            for rest in [*paras[index:], *_level_right_of(para, paras[:index])]:
                rest.role = CONTACT
            break
        if start is not None and index >= start and _references_heading(para):
            para.role = HEADING
            references = True
            continue
        ended = references and _ends_references(para, text, body, paras[index + 1 : index + 2])
        if ended or (tail and _is_heading(para, body)):
            # "PHỤ LỤC: THANG ĐO ...": an appendix after the references; "TÓM TẮT",
            # "SUMMARY": the abstracts an older layout sets at the article's end, where it
            # has none at its head
            references = False
            tail = _abstract_at_the_end(para, text, paras)
            para.role = LABEL if tail else HEADING
            continue
        if references:
            para.role = REFERENCE
            continue
        para.role = _body_role(para, paras, index, body)
        if tail and para.role == BODY:
            para.role = tail
    _bullets_alike(paras)
    _labels_alike(paras, body)
    _formula_marks(paras)
    _label_tables(paras, body, pictures or {})
    _lead_ins(paras)
    _numbered_formulas(paras)
    _formulas(paras)
    _strays_of_formulas(paras)
    _lines_of_text(paras)
    _sentence_tails(paras, body)


def _abstract_at_the_end(para: Para, text: str, paras: Sequence[Para]) -> str:
    """The abstract's role ("abstract", "abstract_en") a heading after the references names
    ("TÓM TẮT", "SUMMARY"), when the article has no abstract of that language at its head."""
    role = _label_of(text)
    if role not in (ABSTRACT, ABSTRACT_EN) or len(text.split()) > ABSTRACT_LABEL_WORDS:
        return ""
    return "" if any(other.role == role for other in paras if other is not para) else role


ABSTRACT_LABEL_WORDS = 3  # words of an abstract's label standing as a heading, at the most


def _ends_references(para: Para, text: str, body: BodyType, after: Sequence[Para]) -> bool:
    """A heading after the references: an appendix's ("PHỤ LỤC: THANG ĐO ..."), or one line
    in bold capitals without a figure, which no reference is ("SURVEY QUESTIONAIRES"), over
    no reference (a list's own heading, "TIẾNG ANH", stands over its references)."""
    appendix = APPENDIX_RE.match(text) is not None
    capitals = para.style.bold and is_all_caps(text) and len(para.lines) == 1
    capitals = capitals and not any(c.isdigit() for c in text)
    if not (appendix or capitals) or not _is_heading(para, body):
        return False  # (asked of every reference: the heading's test, the dearest, last)
    return appendix or not any(_REFERENCE_LIKE.search(other.text) for other in after)


#: What a reference holds and other text seldom does: a number opening it, or a year.
_REFERENCE_LIKE = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}\.\s)|\b(?:19|20)\d\d\b")


POINT_LINES = 2  # lines of a short point, at the most


def _bullets_alike(paras: Sequence[Para]) -> None:
    """Short lines opened by the same bullet and the same word are parallel points of one
    list: where one is text ("• Bước 1: ..." in italics), those made headings ("• Bước 2: ..." in
    bold) are items too. A paper that opens its headings of a level with the bullet of its
    items keeps them: their words differ from the items'."""
    kinds: dict[tuple[str, str], set[str]] = {}
    bulleted = [para for para in paras if para.role in (HEADING, BODY) and starts_item(para.text)]
    for para in bulleted:
        if len(para.lines) <= POINT_LINES:
            kinds.setdefault(_point_key(para.text), set()).add(para.role)
    for para in bulleted:
        if para.role == HEADING and BODY in kinds.get(_point_key(para.text), ()):
            para.role = BODY


#: A label and its number opening a line ("Thí nghiệm 2:", "Bước 3.", "Giai đoạn II:").
#: A label and its number ("Thí nghiệm 2:", "Bước 1."), or a number alone with a full stop
#: ("1. Dự báo ..."; "6: Pi = ...", an algorithm's step, is none).
_NUMBERED_LABEL = re.compile(
    r"^(?:([^\W\d_]+(?: [^\W\d_]+)?) (\d{1,2}|[IVX]{1,4})\s*[:.]|(\d{1,2}|[IVX]{1,4})\.)\s"
)
LABEL_LINES = 3  # lines of a numbered label's heading, at the most


def _labels_alike(paras: Sequence[Para], body: BodyType) -> None:
    """Lines opened by the same label and a number (or a number alone) in one face, not the
    text's, are headings of one level: where two or more are headings, the others, a little
    longer or ending with a full stop or a colon, are too ("Thí nghiệm 1: ..." and "Thí
    nghiệm 3: ..." in italics over "Thí nghiệm 2: ... xoài."). Labels in the text's type
    open its paragraphs ("Định nghĩa 1. Đồ thị G ... là")."""
    groups: dict[tuple[str, tuple[str, int, bool, bool]], list[tuple[Para, str]]] = {}
    for para in paras:
        found = _NUMBERED_LABEL.match(para.text.lstrip())
        style = para.style
        own = style.bold or style.italic or abs(style.size - body.size) > 0.6
        if para.role in (HEADING, BODY) and found and own and len(para.lines) <= LABEL_LINES:
            key = (fold(found.group(1) or ""), _face(para.lines[0].words[0].style))
            groups.setdefault(key, []).append((para, found.group(2) or found.group(3)))
    for group in groups.values():
        numbers = [number for _, number in group]
        if len(set(numbers)) < len(numbers):
            continue  # a label counted again: no one list of sections
        if sum(para.role == HEADING for para, _ in group) >= 2:
            for para, _ in group:
                if fold(_tokens(para.text)[-1]) not in _GOES_ON:  # "Định nghĩa 1. G là"
                    para.role = HEADING


def _point_key(text: str) -> tuple[str, str]:
    """A bulleted line's bullet and first word ("▪ We can use ...": ("▪", "we"))."""
    text = text.lstrip()
    words = text[1:].split()
    return text[0], fold(words[0]) if words else ""


def _references_heading(para: Para) -> bool:
    return len(para.lines) <= 2 and _REFERENCES.match(para.text.strip()) is not None


def _references_start(paras: Sequence[Para]) -> int | None:
    """Where the references open (bantin.convert.scholarly.references_start)."""
    found = [
        i for i, para in enumerate(paras) if para.role not in FRONT and _references_heading(para)
    ]
    following = {i: paras[i + 1].text for i in found if i + 1 < len(paras)}
    return references_start(found, following)


def _formula_marks(paras: Sequence[Para]) -> None:
    """A line of no letter or figure next to a formula is part of it: the "......" standing
    for a system's rows left out, a bracket's pieces drawn in a symbol font."""
    for index, para in enumerate(paras):
        if para.role != BODY or any(char.isalnum() for char in para.text):
            continue
        near = paras[max(index - 1, 0) : index + 2]
        if any(other.role == EQUATION for other in near):
            para.role = EQUATION


def _lead_ins(paras: list[Para]) -> None:
    """A line of words ending with a colon ("Đặt:", "trong đó:") read as a table's cell or
    a formula's piece, next in reading order to a piece of a formula (a sign, a brace's
    part) standing level with it, or on a line of its own next to one, is the running text
    leading in to the formula: it is text, read before the
    pieces standing level with it further right (a brace's top, set higher than the word,
    came first), so the formula after it is one equation, not a table it opens."""
    for para in [p for p in paras if _lead_in_cell(p)]:
        shown = [p for p in paras if p.role]
        index = shown.index(para)
        level = [p for p in shown if p is not para and _level_right_of_lead_in(p, para)]
        near = level or [shown[i] for i in (index - 1, index + 1) if 0 <= i < len(shown)]
        if not any(_formula_sign(other) and other.page == para.page for other in near):
            continue  # "Tính: | δ11, Δ1P": words going on along its line, no formula
        if _under_table_caption(shown, index):
            continue  # a captioned table's row label ("Tổng: | +0,85"), no lead-in
        para.role = BODY
        at = paras.index(para)
        while at > 0 and _level_right_of_lead_in(paras[at - 1], para):
            at -= 1
        paras.remove(para)
        paras.insert(at, para)


def _under_table_caption(shown: Sequence[Para], index: int) -> bool:
    """Cells and pieces on the page lead back from shown[index] to a table's caption: it is
    that table's cell."""
    for other in reversed(shown[:index]):
        if other.page != shown[index].page or other.role not in (TABLE, EQUATION, FIGURE):
            return (
                other.page == shown[index].page and other.role == CAPTION and table_caption(other)
            )
    return False


def _lead_in_cell(para: Para) -> bool:
    """One line of a few words and a colon at its end, read as a cell or a formula's piece,
    set from its column's left edge as a line of text opens ("hay:" right of a formula
    ends it)."""
    if para.role not in (TABLE, EQUATION, FIGURE) or para.grid or len(para.lines) != 1:
        return False
    return _lead_in_at_left(para)


def _lead_in_at_left(para: Para) -> bool:
    """A few words and a colon ("Đặt:", "trong đó:") from the column's left edge."""
    column = para.column
    if column is None or abs(para.box.x0 - column.left) > para.box.height:
        return False
    text = para.text.strip()
    return bool(_LEAD_IN.fullmatch(text)) and len(text.split()) <= LEAD_IN_MAX_WORDS


LEAD_IN_MAX_WORDS = 4  # "Đặt:", "Trong đó:", "Khi đó ta có:"
# The pieces an equation editor draws a tall brace or bracket with ("⎧", "⎨", "⎩", "⎛").
_BRACKET_PIECES = re.compile("[\u239b-\u23b3]")


def _formula_sign(para: Para) -> bool:
    """A formula's piece: no ruled table's cell, holding a sign or a brace's piece."""
    if para.role not in (TABLE, EQUATION, FIGURE) or para.grid:
        return False
    return bool(_MATH_SIGN.search(para.text) or _BRACKET_PIECES.search(para.text))


def _level_right_of_lead_in(other: Para, lead: Para) -> bool:
    """On the lead-in's line, in its column, further right."""
    return (
        other.page == lead.page
        and other.column is lead.column
        and other.box.x0 >= lead.box.x1
        and _level_with(other.box, lead.box)
    )


def _numbered_formulas(paras: Sequence[Para]) -> None:
    """An equation's number standing alone at the margin ("(5)") gathers the pieces of its
    formula into one equation with it: among the paragraphs around it in reading order that
    are no running text nor a lead-in ("ta có:"), in its column to its left, those standing
    nearer it than any other number there and within a line and a half of each other (a
    fraction's denominator under the first formula, the next one's numerator over the
    second). Numbers set one under another, each level with a line of one paragraph of
    formulas, number that paragraph. Pieces next to a table's rows or caption, or set within
    a line of the running text, stay as they are."""
    shown = [para for para in paras if para.role]
    index = 0
    while index < len(shown):
        if not _lone_number(shown[index]):
            index += 1
            continue
        start, end = index, index + 1
        while start > 0 and _numbered_piece(shown[start - 1], shown[index]):
            start -= 1
        while end < len(shown) and (
            _lone_number(shown[end]) or _numbered_piece(shown[end], shown[index])
        ):
            end += 1
        reach = 2 * shown[start].lines[0].box.height
        if not _bordered_by_table(shown, start, end, reach):
            for run in _numbered_runs(shown[start:end]):
                _gather(shown, run)
        index = end


def _numbered_runs(stretch: Sequence[Para]) -> list[list[Para]]:
    """The formulas of a stretch of pieces and numbers: each number (or numbers set one under
    another, or a formula's line ending with its number) with the pieces nearer it than any
    other number, within a line and a half of each other."""
    margin = max(para.box.x1 for para in stretch if _lone_number(para))
    groups: list[list[Para]] = []
    for para in stretch:
        if not (_lone_number(para) or _ends_numbered(para, margin)):
            continue
        stacked = groups and _lone_number(groups[-1][-1]) and _lone_number(para)
        if stacked and any(_level_with_lines(p, [groups[-1][-1], para]) for p in stretch):
            groups[-1].append(para)
        else:
            groups.append([para])
    anchors = [para for group in groups for para in group]
    pieces = [para for para in stretch if para not in anchors]
    under = [
        _lone_number(group[0]) and not any(_beside(piece, group[0]) for piece in pieces)
        for group in groups
    ]
    lowest = max(_number_box(number).y0 for group in groups for number in group)
    # each piece goes to the group of numbers it stands nearest (the first of equals)
    nearest_group = [
        min(range(len(groups)), key=lambda i: _distance(p, lowest, (groups[i], under[i])))
        for p in pieces
    ]
    runs = []
    for index, numbers in enumerate(groups):
        nearest = [p for p, group in zip(pieces, nearest_group, strict=True) if group == index]
        reach = REACH * max(_number_box(number).height for number in numbers)
        band = union_of([number.box for number in numbers])
        run = list(numbers)
        grown = True
        while grown:
            near = [p for p in nearest if p not in run and _within(p.box, band, reach)]
            grown = bool(near)
            run += near
            band = union_of([band, *[p.box for p in near]])
        if len(run) > 1:
            runs.append([para for para in stretch if para in run])
    return runs


def _ends_numbered(para: Para, margin: float) -> bool:
    """A formula's line (read as an equation or a table) ending with its number "(12)" at
    the margin where the numbers end (not an argument: "Σn(0)")."""
    if para.role not in (EQUATION, TABLE) or para.grid or len(para.lines) > 1:
        return False
    words = para.lines[-1].words
    last = words[-1].box
    at_margin = abs(last.x1 - margin) <= 2 * last.height
    return len(words) > 1 and at_margin and bool(EQUATION_NUMBER.match(words[-1].text))


def _number_box(para: Para) -> Box:
    """Where the number of a formula stands: the number alone, or the last word of its line."""
    return para.box if _lone_number(para) else para.lines[-1].words[-1].box


REACH = 1.5  # lines' heights between a formula's pieces, and between it and its number


def _distance(piece: Para, lowest: float, numbers: tuple[list[Para], bool]) -> float:
    """How far `piece` stands from a formula's numbers, from their middle. A number level
    with no piece is set under its formula (too long to leave it room) or between two of its
    lines: pieces under it are its only when no other number stands lower (at `lowest`), as
    the next formula's would."""
    group, under = numbers
    if under and piece.box.cy > group[0].box.y0 and lowest > group[0].box.y0:
        return math.inf
    return min(abs(piece.box.cy - _number_box(number).cy) for number in group)


def _beside(piece: Para, number: Para) -> bool:
    """A line of `piece` stands level with `number`."""
    return any(line.box.y_overlap(number.box) > 0.5 * number.box.height for line in piece.lines)


def _within(box: Box, band: Box, reach: float) -> bool:
    return band.y0 - reach <= box.y1 and box.y0 <= band.y1 + reach


def _gather(shown: Sequence[Para], run: list[Para]) -> None:
    """Join `run` (a formula's pieces and its number) into one equation, its first piece in
    reading order standing for it; unless no piece holds a sign of a formula (words beside
    a number), or they stand within a line of the running text (a formula in a sentence)."""
    pieces = [para for para in run if not _lone_number(para)]
    if not any(_MATH_SIGN.search(piece.text) for piece in pieces):
        return
    start, end = shown.index(run[0]), shown.index(run[-1]) + 1
    if _inline(shown, start, end, union_of([para.box for para in run])):
        return
    _join_formula(run)


def _join_formula(run: Sequence[Para]) -> None:
    """One equation of `run`'s pieces: the first stands for it, holding every line."""
    seed = run[0]
    seed.role = EQUATION
    seed.formula = True
    for piece in run[1:]:
        seed.lines += piece.lines
        piece.role = ""


def _lone_number(para: Para) -> bool:
    """An equation's number set apart from its formula: "(5)" alone."""
    return para.role == EQUATION and bool(EQUATION_NUMBER.match(para.text.strip()))


def _level_with_lines(piece: Para, numbers: list[Para]) -> bool:
    """Every number stands level with a line of `piece`: the rows of one paragraph of
    formulas, each numbered at the margin."""
    return len(piece.lines) > 1 and all(_beside(piece, number) for number in numbers)


NUMBERED_PIECE_MAX_LINES = 6  # a matrix's rows, a system's equations, one under another


def _numbered_piece(para: Para, number: Para) -> bool:
    """A paragraph that may be a piece of the formula `number` numbers: on its page, in its
    column to its left, a few lines of no running text."""
    if para.role not in (TABLE, EQUATION, BODY, FIGURE) or para.grid or para.formula:
        return False
    box, height = para.box, number.box.height
    if para.page != number.page or len(para.lines) > NUMBERED_PIECE_MAX_LINES:
        return False
    if box.x1 > number.box.x1 + height or (number.column and box.x0 < number.column.left - height):
        return False
    text = para.text.strip()
    if (
        _lone_number(para)
        or text.endswith(":")
        or _LEAD_IN.match(text)
        or any(_all_words(line.text) for line in para.lines)
    ):
        return False
    return _few_words(text)


def _few_words(text: str, syllables: bool = False) -> bool:
    """Few words of running text among a formula piece's tokens (a quarter, or one): its
    variables ("Ls", "sinϕ", "is") are no words; with `syllables` (a piece no number
    anchors), those spelled as a Vietnamese syllable ("Suy ra") are, and two words with
    Vietnamese letters make a sentence whatever else it holds."""
    tokens = text.split()
    words = [
        token
        for token in _tokens(text)
        if _is_word(token) and (not _variable(token) or (syllables and is_syllable(token.lower())))
    ]
    if syllables and sum(1 for word in words if not word.isascii() and not _greek(word)) > 1:
        return False  # two words with Vietnamese letters ("Vậy ... tại"): a sentence
    return bool(tokens) and len(words) <= max(1, len(tokens) // 4)


# Words and a colon opening a line: a lead-in or a gloss ("Ở đây: Y = ln(hs)"), not a formula.
_LEAD_IN = re.compile(r"^[^\W\d_]+(?:\s+[^\W\d_]+)*\s*:")


def _all_words(text: str) -> bool:
    """A line of words and nothing else, two or more ("Ta có", "Do đó,") or one with a
    Vietnamese letter ("và", "với"): running text ("dt" or a Greek variable alone may be a
    denominator; a token with a Greek letter, "sinϕ", is a variable's function)."""
    tokens = _tokens(text)
    worded = bool(tokens) and all(_is_word(token) and not _greek(token) for token in tokens)
    return worded and (len(tokens) >= 2 or not (text.isascii() or _variable(tokens[0])))


def _greek(token: str) -> bool:
    return any("\u0370" <= char <= "\u03ff" for char in token)


def _variable(token: str) -> bool:
    """A variable named with letters, not a word, among the pieces of a numbered formula
    (whose words of running text have Vietnamese letters, or are more than two): a
    subscript in capitals set after it ("vR", "ωL"), a Greek letter ("ρu"), two Latin
    letters ("vs", "xi", "tr"), or a capital and one or two ("Fn", "Rad")."""
    if any(char.isupper() for char in token[1:]) and not token.isupper():
        return True
    if _greek(token):
        return True
    if len(token) <= 2 and token.isascii():
        return True
    return token[:1].isupper() and len(token) <= 3 and token.isascii()


def _formulas(paras: Sequence[Para]) -> None:
    """The pieces of a display formula an equation editor left as text (a fraction's
    numerator over its sign, the denominator under it, the unit, the number at the margin),
    read as a small table, paragraphs and an equation, are one equation: every piece standing
    within a line of the others, next to each other in reading order, none of running text,
    around one that holds a relation sign. Pieces next to a table's rows or caption stay, as
    do equations set one under another and pieces set within a line of the running text."""
    shown = [para for para in paras if para.role]
    index = 0
    while index < len(shown):
        seed = shown[index]
        if seed.role not in (TABLE, EQUATION) or seed.grid or not _RELATION.search(seed.text):
            index += 1
            continue
        if seed.formula:  # gathered by its number already (_numbered_formulas)
            index += 1
            continue
        start, end = index, index + 1
        band = seed.box
        reach = max(line.box.height for line in seed.lines)
        while start > 0 and _formula_piece(shown[start - 1], band, reach):
            start -= 1
            band = union_of([band, shown[start].box])
        while end < len(shown) and _formula_piece(shown[end], band, reach):
            band = union_of([band, shown[end].box])
            end += 1
        run = shown[start:end]
        if (
            _bordered_by_table(shown, start, end)
            or (all(p.role == EQUATION for p in run) and not _numbered_on_its_line(run))
            or _inline(shown, start, end, band)
        ):
            index = end
            continue
        _join_formula(run)
        index = end


def _strays_of_formulas(paras: Sequence[Para]) -> None:
    """A piece of a display formula poppler read apart from it (last on the page, after the
    text under the formula) stands inside the formula's box: it is the formula's. Only a
    piece of no running text, holding a sign of a formula, and inside a joined formula of
    several pieces (the piece may have been taken for a formula of its own)."""
    formulas = [para for para in paras if para.role == EQUATION and para.formula]
    if not formulas:
        return
    for para in paras:
        if para.role not in (TABLE, EQUATION, BODY) or para.grid:
            continue
        text = para.text.strip()
        if len(para.lines) > FORMULA_PIECE_MAX_LINES or not _MATH_SIGN.search(text):
            continue
        host = next(
            (
                formula
                for formula in formulas
                if formula.page == para.page
                and len(formula.lines) > len(para.lines)
                and formula.role == EQUATION
                and _inside(para, formula)
            ),
            None,
        )
        if host is not None and _few_words(text, syllables=True):
            host.lines += para.lines
            para.role = ""


def _inside(piece: Para, formula: Para) -> bool:
    """`piece` stands within `formula`'s box, a few points' slack around it."""
    box, band = piece.box, formula.box
    slack = STRAY_SLACK * max(line.box.height for line in piece.lines)
    return (
        band.x0 - slack <= box.x0
        and box.x1 <= band.x1 + slack
        and band.y0 - slack <= box.y0
        and box.y1 <= band.y1 + slack
    )


STRAY_SLACK = 0.25  # of a line's height: how far a formula's piece may stand out of its box


def _numbered_on_its_line(run: Sequence[Para]) -> bool:
    """A formula and its number at the margin, level with it: one equation, set apart by
    poppler (equations set one under another are not level with each other)."""
    first = run[0]
    return (
        len(run) == 2
        and bool(EQUATION_NUMBER.match(run[1].text.strip()))
        and run[1].box.y_overlap(first.lines[-1].box) > 0.5 * run[1].box.height
    )


# A relation or an operator between terms: what makes pieces of text a formula.
_RELATION = re.compile(r"[=×÷±≤≥≈≠∑∏∫√→⇒⇔]")
FORMULA_PIECE_MAX_LINES = 2


def _formula_piece(para: Para, band: Box, reach: float) -> bool:
    """A piece of the formula standing in `band`: short, no words of running text, within
    `reach` (a line's height) above or below, on the formula's page and not a ruled table's."""
    if para.role not in (TABLE, EQUATION, BODY, FIGURE) or para.grid:
        return False
    box = para.box
    if len(para.lines) > FORMULA_PIECE_MAX_LINES or box.y0 > band.y1 + reach:
        return False
    if box.y1 < band.y0 - reach or box.x1 < band.x0 - 4 * reach:
        return False
    text = para.text.strip()
    if para.formula or _lead_in_at_left(para) or (_all_words(text) and len(text.split()) > 1):
        return False  # gathered by its number already; a lead-in ("Do đó,", "Đặt:")
    return _few_words(text, syllables=True)


def _lines_of_text(paras: Sequence[Para]) -> None:
    """A line read as an equation for its figures and units ("rev/min, S = 0,065 mm/rev,
    t = 0,3 mm)") that fills its column from its left edge, between two lines of a sentence
    that goes on (in small letters after it), is a line of that sentence: a display formula
    is set apart, and holds no word."""
    shown = [para for para in paras if para.role]
    for before, para, after in zip(shown, shown[1:], shown[2:], strict=False):
        column = para.column
        if para.role != EQUATION or len(para.lines) != 1 or column is None:
            continue
        flush = abs(para.box.x0 - column.left) <= column.slack and para.last_full
        sentence = before.role == BODY and not ends_sentence(before.text)
        goes_on = after.role == BODY and starts_lower(after.text)
        worded = any(_is_word(token) for token in _tokens(para.text))
        if flush and sentence and goes_on and worded and before.column is column:
            para.role = BODY


TAIL_ENDS = (".", ";")  # a sentence's tail ends it, or ends a list's item


def _sentence_tails(paras: Sequence[Para], body: BodyType) -> None:
    """One line in the text's own type ending a sentence ("(p ≤ 0,05).", "DU1, DU2, PT5.",
    "(l/100 km);"), read as an equation or a figure's label for its sign or its codes, right
    after a paragraph broken off mid-sentence on a full line (at a column's foot, or right
    above it): the end of that paragraph's sentence. A display formula holds no final stop,
    and its number ("(5)") none either."""
    shown = [para for para in paras if para.role]
    for before, para in itertools.pairwise(shown):
        if para.role not in (EQUATION, FIGURE) or len(para.lines) != 1 or para.formula:
            continue
        text = para.text.strip()
        if not text.endswith(TAIL_ENDS) or EQUATION_NUMBER.match(text) or in_math_fonts(para):
            continue
        if before.role != BODY or not before.last_full or not _open_end(before.text):
            continue
        if not _is_body_text(para, body) or abs(para.style.size - before.style.size) > 0.5:
            continue
        at_top = para.column is not before.column or para.page != before.page
        under = abs(para.box.x0 - before.lines[-1].box.x0) <= para.lines[0].box.height
        if at_top or (under and 0 <= para.box.y0 - before.box.y1 <= para.lines[0].box.height):
            para.role = BODY


def _open_end(text: str) -> bool:
    """The text breaks off its sentence: it ends with a word, a number or a comma."""
    end = text.rstrip()[-1:]
    return (end.isalnum() or end == ",") and not ends_sentence(text)


def _inline(shown: Sequence[Para], start: int, end: int, band: Box) -> bool:
    """The pieces stand within a line of the running text around them: a formula set in the
    sentence, which goes on past it (a lead-in ending with a colon left of it does not)."""
    return any(
        line.box.y_overlap(band) > 0.5 * line.box.height
        for para in _around(shown, start, end)
        if para.role == BODY and para.page == shown[start].page and not _leads_in(para, band)
        for line in para.lines
    )


def _leads_in(para: Para, band: Box) -> bool:
    """A lead-in ("Đặt:") standing left of a formula, level with it."""
    return para.text.rstrip().endswith(":") and para.box.x1 <= band.x0


def _bordered_by_table(
    shown: Sequence[Para], start: int, end: int, reach: float | None = None
) -> bool:
    """The paragraph before or after the pieces is a table's row or caption: they are its.
    With `reach`, a table's rows count only on the pieces' page within `reach` of them (a
    table over the page's turn is another's)."""
    band = union_of([para.box for para in shown[start:end]])
    page = shown[start].page

    def near(row: Para) -> bool:
        return reach is None or (row.page == page and _within(row.box, band, reach))

    return any(
        (p.role == TABLE and near(p)) or (p.role == CAPTION and table_caption(p))
        for p in _around(shown, start, end)
    )


def _around(shown: Sequence[Para], start: int, end: int) -> list[Para]:
    """The paragraphs just before and just after shown[start:end]."""
    return [shown[i] for i in (start - 1, end) if 0 <= i < len(shown)]


def _body_role(para: Para, paras: Sequence[Para], index: int, body: BodyType) -> str:
    text = para.text.strip()
    if _is_caption(para, body):
        return CAPTION
    if _is_equation(para, body):
        return EQUATION
    if _is_footnote(para, paras, index, body):
        return FOOTNOTE
    if _is_heading(para, body):
        if not _float_note(para, body):
            return HEADING
        if not _under_heading(paras, index):
            return CAPTION
        # (a float's note stands under a float: right under a heading, the section's text)
    if _is_body_text(para, body) or len(para.lines) >= 3 or _label_running_on(para):
        return BODY  # (a bold label running into its words: an entry, "Chương 1. Tổng quan")
    if len(text.split()) <= 4 and not ends_sentence(text) and not _program_line(para, body):
        return FIGURE
    return BODY


def _under_heading(paras: Sequence[Para], index: int) -> bool:
    """The paragraph read before `paras[index]` is a heading."""
    before = next((para for para in reversed(paras[:index]) if para.role), None)
    return before is not None and before.role == HEADING


CODE_MIN_RATIO = 0.6  # of the body's size: a listing's type, not a screenshot's in a figure


def _program_line(para: Para, body: BodyType) -> bool:
    """A line of a program's listing, no figure's label: in a monospaced font of a size to
    be read ("int Pksent(){" in Courier New of 9 points, not a screenshot's 4)."""
    return monospaced(para.style.font) and body.ratio(para.style) >= CODE_MIN_RATIO


#: A justified line fills its column to within this share of its width at each side.
FILLED_SHARE = 0.02


def _fills(para: Para) -> bool:
    """Its one line spans its column from edge to edge, as a justified line of text does
    (a column's `slack`, the room a ragged line may leave, is no measure of that)."""
    column, box = para.column, para.lines[-1].box
    if column is None:
        return False
    room = FILLED_SHARE * (column.right - column.left)
    return box.x0 <= column.left + room and reaches_the_edge(para)


def reaches_the_edge(para: Para) -> bool:
    """Its last line ends at its column's right edge, as a justified line does."""
    column = para.column
    if column is None:
        return False
    room = FILLED_SHARE * (column.right - column.left)
    return para.lines[-1].box.x1 >= column.right - room


def _is_body_text(para: Para, body: BodyType) -> bool:
    style = para.style
    return abs(style.size - body.size) <= 0.6 and not style.bold


_CLOSING_QUOTES = "\"”’»'"


def _is_heading(para: Para, body: BodyType) -> bool:
    """Short, not a sentence, and set apart: bold, capitals, a capitals font, or numbered."""
    text = para.text.strip()
    words = text.split()
    limit, lines = HEADING_MAX_WORDS, HEADING_MAX_LINES
    numbered_heading = _NUMBERED.match(text) and not ends_sentence(text)
    if numbered_heading and (para.style.bold or is_all_caps(text)):
        limit = NUMBERED_HEADING_MAX_WORDS  # "3.3. Một số vấn đề ... hiện nay", four lines
    if numbered_heading and para.style.bold and is_all_caps(text):
        # no running text is set so: "3. CÁC BIỆN PHÁP ... DI CHÚC", 44 words on 8 lines
        limit, lines = CAPITALS_HEADING_MAX_WORDS, CAPITALS_HEADING_MAX_LINES
    if not words or len(words) > limit or len(para.lines) > lines:
        return False
    if text.rstrip(_CLOSING_QUOTES).endswith((".", ",", ";")) and not _NUMBERED.match(text):
        return False  # a sentence, quoted or not ('"Hãy dọn đường Chúa.”')
    if text.startswith("*") and text.lstrip("* ")[:1].islower():
        return False  # "* là giá trị trung bình ...": a note on a mark, under a table
    ratio = body.ratio(para.style)
    section = para.style.bold and _SECTION_NUMBER.match(text) is not None
    if ratio < HEADING_MIN_RATIO and not (
        ratio >= CAPITALS_HEADING_MIN_RATIO and para.style.bold and (is_all_caps(text) or section)
    ):
        # ("LỜI CẢM ƠN" or "3.1. Thực trạng" in bold of 10 points over 12; a paper's own
        # section in bold capitals or numbered, "LỜI CẢM ƠN" of 9 points, whatever its size;
        # a table's bold header cell "Kết quả" is none)
        own = is_all_caps(text) or section
        return own and para.style.bold and len(para.lines) == 1 and _conventional_section(text)
    style = para.style
    worded = sum(map(_heading_word, _word_pieces(text)))
    if not worded or (_MATH_SIGN.search(text) and not (section and _names_its_signs(text, worded))):
        return False  # a formula's line, a variable ("C1", "XI = yI"), a chart's codes ("KMR")
    if _PATH.search(text):
        return False  # a path of choices in a menu ("SETUP > RESET > YES"), no section
    if worded < HEADING_WORDS_BESIDE_VARIABLE and _MATH.search(text):
        return False  # "Hệ số δ", a label: a heading names its variable among more words
    if fold(_tokens(text)[-1]) in _GOES_ON:
        return False  # "3. Tính phản xứng: Nếu": a sentence that goes on, not a heading
    if style.bold and _label_running_on(para):
        return False  # "Địa điểm nghiên cứu: 3 xã ...": a bold label opening its sentence
    marked = style.bold or is_all_caps(text) or capitals_font(style)
    numbered = bool(_NUMBERED.match(text)) and not ends_sentence(text[-1:] or ".")
    # an italic heading stands short of its column's edge: a line filling it opens a paragraph
    # (a lettered or numbered point's line may span its column all the same)
    filled = _fills(para) and not starts_enumerated(text)
    # an italic line heads the paragraph under it; so do two whose second stops short of
    # the column's edge (a second line running to it: the sentence goes on below)
    # (a sentence ended on two lines, "... instead?", is text; a bracket left open, "...
    # phân hạng (Pecking", goes on; an item in italics is a list's)
    two = len(para.lines) <= ITALIC_HEADING_LINES and not para.last_full
    two = two and not ends_sentence(text)
    balanced = text.count("(") <= text.count(")")
    short = (len(para.lines) == 1 or two) and balanced and not starts_item(text)
    run_in = style.italic and short and not text.endswith(":") and not filled
    # and a point lettered or counted ("c. Hệ thống ...", "Thứ tư, về ...") unless it ends
    # its sentence
    point = style.italic and short and starts_enumeration(text) and not ends_sentence(text)
    return marked or (numbered and style.italic) or point or (run_in and not _two_sentences(text))


#: How far into its column, at the least, a line set flush right starts (a share of it).
FLUSH_RIGHT_START = 0.25
NOTE_MIN_WORDS = 2  # words of letters a float's note says, at the least


def _float_note(para: Para, body: BodyType) -> bool:
    """A short line in italics, not numbered, in type smaller than the body's or set flush
    right in its column: a float's note (the program that computed a table, "Nguồn: tác giả")
    under a table or chart, not a heading (the publication's italic headings stand at the
    column's left in the body's type, or are numbered or lettered points)."""
    style, text = para.style, para.text.strip()
    if not style.italic or style.bold or len(para.lines) > ITALIC_HEADING_LINES:
        return False
    if _NUMBERED.match(text) or starts_enumeration(text) or starts_enumerated(text):
        return False
    if sum(map(_heading_word, _word_pieces(text))) < NOTE_MIN_WORDS:
        return False  # a formula's piece in italics ("⎪ dirq"), no note
    return body.ratio(style) < SMALLER or _flush_right(para)


def _flush_right(para: Para) -> bool:
    """Its last line ends at its column's right edge and starts well inside it, as a line
    set flush right does (a heading starts at the column's left, or is centred in it)."""
    column, box = para.column, para.lines[-1].box
    if column is None:
        return False
    width = column.right - column.left
    return reaches_the_edge(para) and box.x0 >= column.left + FLUSH_RIGHT_START * width


#: A sentence's end inside a line, after a word (not an abbreviation's few letters).
_INNER_END = re.compile(r"[^\W\d_]{4,}[.?!]\s+\S")
TWO_SENTENCES_MIN_WORDS = 8


def _label_running_on(para: Para) -> bool:
    """Bold words ending with a colon, or with a number and a full stop, then words not in
    bold: a label that runs into its sentence ("Địa điểm nghiên cứu: 3 xã"), or an entry's
    label in a list ("Chương 1. Tổng quan", "Định lý 1.1. Cho ..."), not a heading, which is
    bold throughout (a bold abbreviation, "TS." or "Tp.", labels nothing)."""
    words = para.words
    for index, word in enumerate(words[:-1]):
        if not word.style.bold:
            return False
        if word.text.endswith(":") or _NUMBERED_LABEL_END.search(word.text):
            return not any(after.style.bold for after in words[index + 1 :])
    return False


_NUMBERED_LABEL_END = re.compile(r"\d\.$")  # "1.", "1.1.", "IV." is no number


def _conventional_section(text: str) -> bool:
    """One of the sections a paper conventionally has ("Lời cảm ơn", "4. Kết luận")."""
    return conventional_section(_SECTION_NUMBER.sub("", text.strip(), count=1))


def _names_its_signs(text: str, worded: int) -> bool:
    """A numbered heading's words name a condition or ions among many more words ("... khi
    Ne = const", "... ion Co2+, Ni2+ và Zn2+"), twice as many words as signs at the least,
    and no relation follows a label's colon ("3. Phương trình chính tắc: δX + Δ = 0": a
    step of a worked example; "... của K2SiF6: Mn4+" names a compound)."""
    signs = len(_MATH_SIGN.findall(text))
    after_colon = text.rpartition(":")[2] if ":" in text else ""
    return (
        worded >= HEADING_WORDS_BESIDE_VARIABLE
        and worded >= 2 * signs
        and not _RELATION.search(after_colon)
    )


def _two_sentences(text: str) -> bool:
    """A line that ends one sentence and goes on with another is text, not a heading."""
    return len(text.split()) >= TWO_SENTENCES_MIN_WORDS and bool(_INNER_END.search(text))


def is_float_note(text: str) -> bool:
    """Words that open a table's or a figure's note, once its type or place made it a
    caption: "Nguồn: ...", "(Nguồn: ...)", "Đơn vị: Triệu đồng", "ĐVT:", "Ghi chú:", or
    "Nguồn" and the source named with no colon between."""
    text = text.strip()
    return bool(_CAPTION_NOTE.match(text) or _SOURCE_UNMARKED.match(text))


def _unmarked_source_note(para: Para, body: BodyType) -> bool:
    """ "Nguồn" and the source it names with no colon between, in italics smaller than the
    text's, as a float's notes are set: running text never is."""
    style = para.style
    return bool(_SOURCE_UNMARKED.match(para.text.strip())) and (
        style.italic and body.ratio(style) < SMALLER
    )


def is_caption_text(text: str) -> bool:
    """Words that open a numbered caption: "Hình 9:", "Bảng 2.", "Figure 3 -"."""
    match = _caption_match(text.strip())
    return bool(match and match.group(2) and match.group(3))


def _is_caption(para: Para, body: BodyType) -> bool:
    """A float's caption ("Hình 2.", "Bảng 1:"), or its note ("Nguồn: ...", "Chú thích:
    ...") or a photo's credit, of a few lines; a note in smaller type than the text's,
    however long (a figure's key of many items)."""
    text = para.text.strip()
    if _CAPTION_NOTE.match(text) and body.ratio(para.style) < SMALLER:
        return True
    if _unmarked_source_note(para, body) and len(para.lines) <= CAPTION_MAX_LINES:
        return True
    if len(para.lines) > CAPTION_MAX_LINES:
        return False
    if _CAPTION_NOTE.match(text) or _PHOTO_CREDIT.match(text):
        return True
    match = _caption_match(text)
    if not match:
        return False
    if text[:1].islower() and _is_body_text(para, body):
        return False  # "hình 1. Lượng ... tăng dần": a sentence going on, naming the figure
    numbered = bool(match.group(2)) and bool(match.group(3))
    return numbered or not _is_body_text(para, body)


# TeX's and equation editors' fonts of mathematics (TeX's roman, CMR, also sets text).
_MATH_FONT = re.compile(
    r"^(?:[A-Z]{6}\+)?(?:CM(?:MI|SY|EX|BSY|MIB)\d|MSAM|MSBM|EUFM|RSFS|ESINT|STMARY|WASY"
    r"|MT ?Extra|MTMI|MTSY|Euclid|.*Math)",
    re.I,
)
MATH_FONT_SHARE = 0.6  # of a paragraph's letters set in fonts of mathematics: an equation


def in_math_fonts(para: Para) -> bool:
    """Set mostly in a font only mathematics uses (TeX's CMMI, CMSY, CMEX; MathType's MT
    Extra; Cambria Math): the pieces of a formula, whatever they spell ("VS", "h")."""
    sizes = [(len(word.text), bool(_MATH_FONT.match(word.style.font))) for word in para.words]
    total = sum(size for size, _ in sizes)
    math = sum(size for size, is_math in sizes if is_math)
    return total > 0 and math >= MATH_FONT_SHARE * total


def opens_sentence(para: Para, body: BodyType) -> bool:
    """Opens with a word of the language in small letters (of two letters or more, or one
    with a Vietnamese mark: "ở 10°C."), in the text's own type, at its column's left edge
    ("với K_m = ...", "trong đó a = ..."): a sentence going on about the
    formula above it, however much of it is formula, not a formula; a word set beside a
    formula inside a display ("khi n = 1") stands further in, and a line opening with a
    capital may be a display of its own (a reaction: "MOx + H2O → ...")."""
    first = para.words[0] if para.words else None
    if first is None or para.column is None:
        return False
    tokens = para.text.split()
    letters = tokens[0].rstrip(",.:;")  # as read: "sin" + "β" is "sinβ"
    if len(tokens) > 1 and _RELATION.match(tokens[1]):
        return False  # a variable defined ("ge = 183 g/ml.h"), not a sentence's word
    in_text = first.style.font == body.font and body.is_body(first.style)
    at_edge = para.lines[0].box.x0 <= para.column.left + body.size
    return (
        in_text
        and at_edge
        and (len(letters) >= 2 or not letters.isascii())
        and letters.islower()
        and is_syllable(letters)
        and letters not in MATH_FUNCTIONS
    )


# Functions an equation editor sets in the text's type, which spell Vietnamese syllables too.
MATH_FUNCTIONS = frozenset((
    "sin", "cos", "tan", "tg", "cot", "cotg", "lim", "min", "max", "det", "dim", "ln", "log",
    "exp", "arg", "sup", "inf", "mod", "sh", "ch", "th",
))  # fmt: skip


def _is_equation(para: Para, body: BodyType) -> bool:
    """Mostly symbols, numbers and variables ("EJ", "δ11", "M1M1ds"), few words: a display
    equation, or the pieces of one an equation editor left as text."""
    text = para.text
    tokens = text.split()
    if not tokens:
        return False
    if opens_sentence(para, body) or _item_of_words(text):
        return False
    if in_math_fonts(para):
        return True
    if len(para.lines) > 4:  # a tall block: an equation only when it holds almost no words
        count = sum(1 for token in _tokens(text) if _is_word(token))
        return count <= len(tokens) // 10 and bool(_MATH.search(text))
    if EQUATION_NUMBER.match(text.strip()):
        return True  # an equation's number set apart from it
    numbered = _SECTION_NUMBER.match(text.strip()) or _glued_section_number(text.strip())
    if numbered:  # a heading's or an item's number is no mathematics: "2.1. Ý định", "1.MỞ"
        text = text.strip()[numbered.end() :]
        tokens = text.split()
    words = [t for t in _tokens(text) if _is_word(t)]
    if _RELATION_FIRST.match(text) and len(words) <= len(tokens) // 2:
        return True  # "⇒ Uchăn, Ucối = 0.": no sentence opens with a relation sign
    if words and _CITATIONS.search(text):
        text = _CITATIONS.sub(" ", text)  # "rãi [2], [7].": a sentence's end and its sources
        tokens = text.split()
    if len(words) > max(1, len(tokens) // 4) or _NAMED_TAIL.match(text.strip()):
        return False
    if _NAMED_VALUE.match(text.strip()):
        return False  # "Sknewness: 0.23378.": a name, its colon and its value
    mathy = _MATH.search(text) or any(ch.isdigit() for ch in text)
    return bool(mathy) and len(tokens) >= 2


#: A name of three letters or more, its colon and a number ("Sknewness: 0.23378.").
_NAMED_VALUE = re.compile(r"^[^\W\d_]{3,}(?:\s+[^\W\d_]+){0,3}\s*:\s*[\d.,]+\s*[.;]?$")


def _item_of_words(text: str) -> bool:
    """A bullet or a dash, then a word (three letters, or two with a Vietnamese mark): a
    list's item ("- Phôi: CT38;", "▪ Ngoài ra, R(n,φ) = ..."), however many figures and signs
    follow ("- x = 5", "- Fn = m.a" are none)."""
    text = text.lstrip()
    opened = BULLET_OR_DASH.match(text)
    if opened is None:
        return False
    first = _tokens(text[opened.end() :])[:1]
    return bool(first) and _is_word(first[0]) and (len(first[0]) >= 3 or not first[0].isascii())


# Words that leave a sentence open: a line ending with one is no heading.
_GOES_ON = frozenset(
    [
        "và",
        "của",
        "là",
        "với",
        "thì",
        "nếu",
        "khi",
        "để",
        "các",
        "những",
        "một",
        "mà",
        "hoặc",
        "nhưng",
        "rằng",
        "bởi",
    ]
)


def _heading_word(token: str) -> bool:
    """A word a heading is made of: three letters or more, or two with a Vietnamese mark
    ("xử", "lý"), and in capitals without a mark four or more ("KMR", "SSG" are codes)."""
    if not _is_word(token) or len(token) < 2:
        return False
    if len(token) == 2 and (token.isascii() or not is_syllable(token.lower())):
        return False  # ("bω", "Uа": a variable in Greek or Cyrillic letters)
    return len(token) >= 4 or not token.isupper() or not token.isascii()


def _tokens(text: str) -> list[str]:
    return [token.strip('.,;:()“”"') for token in text.split()]


def _word_pieces(text: str) -> list[str]:
    """The tokens, those joined by a slash or a hyphen cut in their words ("Preparation/",
    "Warm-up": three words)."""
    return [
        piece.strip('.,;:()“”"')
        for token in _tokens(text)
        for piece in (_JOINED.split(token) if _JOINED.search(token) else [token])
    ]


_JOINED = re.compile(r"(?<=[^\W\d_])[/‐-]|[/‐-](?=[^\W\d_])")


def _is_word(token: str) -> bool:
    """A word of running text, not a variable: letters only, two or more; in capitals it
    needs three letters or a Vietnamese mark ("THIỆU" is a word, "EJ" a variable)."""
    if len(token) < 2 or not _WORD.fullmatch(token.capitalize()):
        return False
    if token.isupper():
        return len(token) >= 3 or any(not c.isascii() for c in token)
    return True


def _is_footnote(para: Para, paras: Sequence[Para], index: int, body: BodyType) -> bool:
    """Smaller type at the foot of a page, opened by a mark, below the page's running text."""
    mark = _FOOTNOTE_MARK.match(para.text)
    if body.ratio(para.style) >= SMALLER or not mark or para.style.bold:
        return False
    if _SECTION_NUMBER.match(para.text.strip()) and para.text.strip()[:1] != "(":
        return False  # "2.1. Thiết kế...": a section's number, not a note's mark
    if sum(1 for token in _tokens(para.text[mark.end() - 1 :]) if _is_word(token)) < 2:
        return False  # a table's figures at the foot of a page ("10-c-c-0", "43.9503")
    below = [p for p in paras[index + 1 :] if p.page == para.page and p.box.y0 > para.box.y1]
    return not any(_is_body_text(p, body) and len(p.lines) >= 2 for p in below)


# -- tables --------------------------------------------------------------------------------


def _label_tables(paras: Sequence[Para], body: BodyType, pictures: Pictures) -> None:
    """Captions take the lines that continue them; narrow paragraphs set side by side are
    cells; what stands between a figure's caption and the text above it is the figure's (up
    to the picture it captions, over which stands no word of it in the text's type), what
    follows a table's caption until the text resumes is the table's."""
    _merge_continued(paras, CAPTION)
    _heading_lines_above(paras)
    _merge_continued(paras, HEADING)
    widths = _text_widths(paras)
    goes_on = _continuations(paras)
    cells = [
        p
        for p in paras
        if p.role in (BODY, FIGURE, EQUATION) and p not in goes_on and _is_cell(p, paras, widths)
    ]
    rows = _header_rows(paras)
    for para in cells + [cell for row in rows for cell in row]:
        para.role = TABLE
    for para in [p for p in paras if p.role == HEADING and _row_header(p, paras)]:
        para.role = TABLE
    tabled: set[int] = set()  # the paragraphs a table's caption took as its rows
    over = partial(_clause, body=body, goes_on=goes_on, tabled=tabled)  # a figure's labels stop
    above = partial(_sentence_or_going_on, goes_on=goes_on)  # a table's rows stop there
    for index, para in enumerate(paras):
        if para.role == CAPTION and figure_caption(para):
            stops = partial(_ends_words, over=over, caption=para, body=body, pictures=pictures)
            _claim(paras, index, -1, FIGURE, body, stops)
        elif para.role == CAPTION and table_caption(para):
            under = _rows_apart(para, body) if _figure_follows(paras, index, body) else None
            taken = _claim(paras, index, +1, TABLE, body, under) or _claim(
                paras, index, -1, TABLE, body, above
            )
            tabled.update(id(p) for p in taken)
    for row in rows:  # a table's header repeated over a page break: the rows under it
        _claim(paras, paras.index(row[-1]), +1, TABLE, body, across=union_of([p.box for p in row]))
    _cells_of_figures(paras, tabled)
    _axis_ticks(paras)
    _keys_under_captions(paras, body)
    _keys_over_captions(paras)
    _notes_under_tables(paras, body)
    _notes_going_on(paras)


KEY_MAX_LINES = 3  # lines of one block of a figure's key, at the most
KEY_REST_GAP = 0.5  # of the key's line: the widest gap over the rest of its sentence
#: Points of a key, two or more, each opened by a letter or a figure in brackets: "a) 20mV/s;
#: b) 40mV/s;", "(1) Bể chứa; (2) Bơm".
_KEY_POINTS = re.compile(r"^\(?[a-zA-Z0-9]\)\s*\S.*?[;,]\s*\(?[a-zA-Z0-9]\)\s*\S")
KEY_GAP = 1.5  # of the line above: the widest gap over a line of a figure's key (a wider one:
# a drawing between, whose words they are)


def _keys_under_captions(paras: Sequence[Para], body: BodyType) -> None:
    """Lines in type smaller than the body's, not bold, set right under a figure's numbered
    caption and under each other, across some of its width, are the figure's key, part of
    its caption ("(1) Bể chứa; (2) Bơm ...", "a) khi ...; b) khi ...", "a, b, c: Biểu diễn
    sự khác nhau ..."), not running text: the text resumes in the body's type."""
    caption: Para | None = None
    above: Para | None = None  # the caption's or its key's last line read
    for para in paras:
        if not para.role:
            continue
        if para.role == CAPTION and figure_caption(para) and is_caption_text(para.text):
            caption = above = para
        elif caption is not None and above is not None and _key_line(para, above, caption, body):
            caption.lines += para.lines
            para.role = ""
            above = para
        else:
            caption = above = None


def _key_line(para: Para, above: Para, caption: Para, body: BodyType) -> bool:
    """`para` a block of a figure's key under `above`, its caption or the key's line before."""
    # (a key's numbered line at a page's foot reads as a footnote, which never stands so
    # close under a caption)
    # (a key of letters, "a, b, c: Biểu diễn ...", the figure below may have taken for its
    # words: it names the letters over the bars of the figure its caption is of)
    lettered = _LETTER_KEY.match(para.text.strip()) is not None
    # (the rest of a key's sentence, in its last line's type right under it, the figure
    # below may have taken for its words too)
    rest = (
        para.role == FIGURE
        and above is not caption
        and not ends_sentence(above.text)
        and _face(para.lines[0].words[0].style) == _face(above.lines[-1].words[-1].style)
        and para.box.y0 - above.box.y1 < KEY_REST_GAP * above.lines[-1].box.height
    )
    # (a key's points in small type, "a) 20mV/s; b) 40mV/s;", read as an equation for their
    # figures and signs)
    pointed = para.role == EQUATION and _KEY_POINTS.match(para.text.strip()) is not None
    taken = lettered and para.role == FIGURE
    if para.role not in (BODY, FOOTNOTE) and not (taken or rest or pointed):
        return False
    if para.page != caption.page or len(para.lines) > KEY_MAX_LINES:
        return False
    if para.style.bold or body.ratio(para.style) >= SMALLER or is_caption_text(para.text):
        return False
    gap = para.box.y0 - above.box.y1
    reach = (LETTER_KEY_GAP if lettered else KEY_GAP) * above.lines[-1].box.height
    return -1 < gap < reach and para.box.x_overlap(caption.box) > 0


#: A key of a figure's variables: two letters or more, each with a colon and what it stands
#: for ("A: tỉ lệ diện tích màng/ khối lượng; B: nhiệt độ bảo quản").
_VARIABLE_KEY = re.compile(
    r"^[A-Za-z][A-Za-z0-9₀-₉]{0,2}\s*:\s*[^\W\d_]{2}.*?[\s;,][A-Za-z][A-Za-z0-9₀-₉]{0,2}\s*:\s*[^\W\d_]{2}"
)


def _keys_over_captions(paras: Sequence[Para]) -> None:
    """A key of a figure's variables set right over its numbered caption, across some of its
    width, is part of the caption: not a heading (in the body's italics) nor the drawing's
    words (in small type)."""
    live = [para for para in paras if para.role]
    for key, caption in itertools.pairwise(live):
        if caption.role != CAPTION or not figure_caption(caption):
            continue
        if key.role not in (BODY, HEADING, FIGURE, FOOTNOTE) or key.page != caption.page:
            continue
        if len(key.lines) > KEY_MAX_LINES or not _VARIABLE_KEY.match(key.text.strip()):
            continue
        gap = caption.box.y0 - key.box.y1
        if -1 < gap < KEY_GAP * key.lines[-1].box.height and key.box.x_overlap(caption.box) > 0:
            caption.lines += key.lines
            key.role = ""


_LETTER_KEY = re.compile(r"^(?:[a-zA-Z]\s*,\s*){2,}[a-zA-Z]?\s*:?\s*[^\W\d_]{2}")
LETTER_KEY_GAP = 3.0  # of the line above: the widest gap over a key of letters


def _notes_under_tables(paras: Sequence[Para], body: BodyType) -> None:
    """Short lines of words in type smaller than the body's, under a table's rows and the
    note under them ("Nguồn: ...", "Ghi chú: ...") on their page, before the text resumes, are
    the table's note (a test's name and its statistic, "Kiểm định ... 0,09"), not words drawn
    in a figure nor running text: a figure's words stand over its own caption, which the run
    never meets (lines right under the rows may still be rows, a formula's pieces or an
    item). Lines of the note set one under another become one."""
    table = noted = False  # the paragraphs before, on this page: a table's rows, its note
    previous: Para | None = None
    for para in paras:
        if not para.role:
            continue
        if previous is not None and para.page != previous.page:
            table = noted = False
        if para.role == TABLE:
            table, noted = True, False
        elif para.role == CAPTION and _CAPTION_NOTE.match(para.text):
            noted = noted or table
        elif noted and _small_note(para, body):
            para.role = CAPTION
        elif table and _LETTERED_NOTE.match(para.text.strip()) and _small_note(para, body):
            para.role = CAPTION  # "a. Dependent Variable: ydmuax" right under the rows
            noted = True
        else:
            table = noted = False
        previous = para
    _merge_continued(paras, CAPTION)


#: Lines a table's note under its source holds, at the most (a test's name, its statistic).
NOTE_MAX_LINES = 2
#: The widest gap between a note's lines and the rest of the list it goes on with, in the
#: note's line heights (the rest set a little apart, as an item of its own).
NOTE_ITEM_GAP = 1.5


def _notes_going_on(paras: Sequence[Para]) -> None:
    """A float's note ending with a semicolon ("Ghi chú: (*): p < 0,1 ...; (**): ...;") goes
    on in the short paragraph of its type right under it, at its left edge, that the list's
    last item was set in ("(***): p < 0,01 ..."): the note's rest, not running text. A
    short paragraph of its type right over a note that closes the bracket it opens ("(KQT:
    Khách quốc tế; ..." over "Nguồn: ... 2022)") is the note's first line, a caption."""
    previous: Para | None = None
    for para in paras:
        if not para.role:
            continue
        if previous is not None and _rest_of_note(previous, para):
            previous.lines += para.lines
            para.role = ""
            continue
        if previous is not None and _opens_note(previous, para):
            previous.role = CAPTION
        previous = para


def _rest_of_note(note: Para, para: Para) -> bool:
    """`para` goes on with the list `note` leaves open (see `_notes_going_on`)."""
    if note.role != CAPTION or not _CAPTION_NOTE.match(note.text.strip()):
        return False
    ends_open = note.text.rstrip().endswith(";")
    return ends_open and para.role == BODY and _short_part(para) and _note_part(note, para)


def _opens_note(para: Para, note: Para) -> bool:
    """`para` opens the bracket the note under it closes (see `_notes_going_on`)."""
    if note.role != CAPTION or not _CAPTION_NOTE.match(note.text.strip()):
        return False
    text = para.text.strip()
    opened = text.startswith("(") and text.count("(") > text.count(")")
    closed = note.text.count(")") > note.text.count("(")
    return para.role == BODY and opened and closed and _short_part(para) and _note_part(para, note)


def _short_part(para: Para) -> bool:
    """Of the few lines a part of a float's note set apart takes."""
    return len(para.lines) <= NOTE_MAX_LINES


def _note_part(above: Para, below: Para) -> bool:
    """`below` stands right under `above` on its page in its type, from its left edge or to
    its right edge (both set flush right): two parts of one float's note."""
    if below.page != above.page or _type_of_note(above) != _type_of_note(below):
        return False
    last, first = above.lines[-1].box, below.lines[0].box
    aligned = min(abs(first.x0 - above.box.x0), abs(first.x1 - last.x1)) <= last.height
    return aligned and -1 < first.y0 - last.y1 < NOTE_ITEM_GAP * last.height


def _type_of_note(para: Para) -> tuple[str, int, bool]:
    """The font, size and slant a note's parts share."""
    style = para.style
    return style.font, round(style.size), style.italic


#: A note a statistics program prints under its table: a letter, a full stop, a label and a
#: colon ("a. Dependent Variable: ydmuax", "b. Predictors: (Constant), TD").
_LETTERED_NOTE = re.compile(r"^[a-z]\.\s+[^:]{2,40}:\s*\S")


def _small_note(para: Para, body: BodyType) -> bool:
    """Words in type smaller than the body's, not a sentence of running text, a footnote or
    a formula, nor a section's numbered heading, a paragraph of several lines (a column set
    in a smaller face than the body's) or a lead-in: a line a table's note may hold."""
    if para.role not in (BODY, FIGURE) or body.ratio(para.style) >= SMALLER:
        return False
    text = para.text.strip()
    if len(para.lines) > NOTE_MAX_LINES or _SECTION_NUMBER.match(text) or text.endswith(":"):
        return False  # a section, a paragraph, a lead-in to what follows
    if reaches_the_edge(para) and len(text.split()) >= LINE_OF_TEXT_WORDS:
        return False  # a line of running text across its column, in a smaller face
    if running_text(para, body) or _MATH_SIGN.search(para.text):
        return False
    return any(_heading_word(piece) for piece in _word_pieces(para.text))


CLAUSE_MIN_WORDS = 3


#: The gap between one of a table's rows and the next, at the most, in the body's type size
#: (not its lines, which are wider): a wider gap under the rows is a figure set under the
#: table (its words are no rows).
ROWS_GAP = 3.0


def _figure_follows(paras: Sequence[Para], index: int, body: BodyType) -> bool:
    """The first caption after a table's caption on its page, before any heading or running
    text, is a figure's set under it: the table is set over a figure, whose words come
    before its caption (a figure's caption atop the next column is no figure under it)."""
    caption = paras[index]
    for para in paras[index + 1 :]:
        if para.page != caption.page or para.role == HEADING or running_text(para, body):
            return False
        if para.role == CAPTION and not _CAPTION_NOTE.match(para.text):
            under = para.box.y0 > caption.box.y1 and para.box.x_overlap(caption.box) > 0
            return figure_caption(para) and under
    return False


def _rows_apart(caption: Para, body: BodyType) -> Callable[[Para], bool]:
    """For a table's caption taking the rows under it: whether a paragraph stands further
    below the lowest of those taken so far (the caption at first) than a table sets its rows
    apart: a picture between them, whose words (an axis's title over the figure's caption)
    are the figure's. Cells read column by column go back up, which is no gap."""
    lowest = [caption.box.y1]

    def apart(para: Para) -> bool:
        if para.box.y0 - lowest[0] > ROWS_GAP * body.size:
            return True
        lowest[0] = max(lowest[0], para.box.y1)
        return False

    return apart


def _clause(para: Para, body: BodyType, goes_on: set[Para], tabled: set[int]) -> bool:
    """A clause of the text over a figure, not one of its labels: the end of the sentence
    above it (`goes_on`: "có tính" over "đàn hồi."), or in the body's type a list's item, a
    line ending as an item, a sentence or a lead-in does ("Kho mực tồn PET: 4.364 kg;",
    "Kết quả thực nghiệm như hình 1:") or pointing to a figure ("(hình 4)"); or a row of
    the table set over the figure, which its caption ("Bảng 1" over the rows) took first."""
    if id(para) in tabled:
        return True
    text = para.text.strip()
    if para in goes_on and text[:1].islower():  # words, not a figure's "1" or "12:04"
        return True
    if _POINTS_TO_FIGURE.search(text) and not para.style.bold:
        return True  # "... bao gồm: (hình 4)", "Kết quả thực nghiệm như hình 1:", any size
    return _is_body_text(para, body) and (
        starts_item(text)  # a list's item ("• Chiều dày cắt lớn nhất [2]:")
        or (text.endswith((";", ".", ":")) and len(text.split()) >= CLAUSE_MIN_WORDS)
    )


#: The text's pointer to a figure, after a word: "(hình 4)", "(xem hình 2a)", "như hình 1"
#: (a figure's own words never name it; a caption opens with its name).
_POINTS_TO_FIGURE = re.compile(r"\S\s+\(?hình\s+\d+[a-z]?\b", re.I)


def _ends_words(
    para: Para,
    over: Callable[[Para], bool],
    caption: Para,
    body: BodyType,
    pictures: Pictures,
) -> bool:
    """Going up from a figure's caption: `para` is no word of the figure (`over` says it is
    a clause of the text over it, or it stands over the picture)."""
    return over(para) or _over_picture(para, caption, body, pictures)


def _over_picture(para: Para, caption: Para, body: BodyType, pictures: Pictures) -> bool:
    """A formula, or words in the text's type, wholly over a picture set right above the
    caption, over it: the text (formulas, a lead-in to them) before the figure, none of the
    words of a figure drawn as a picture (its labels, in smaller type, stand in it or
    beside it)."""
    if body.ratio(para.style) < SMALLER and para.role != EQUATION:
        return False
    return any(
        picture.x_overlap(caption.box) > 0
        and picture.x_overlap(para.box) > 0
        and para.box.y1 <= picture.y0 + 1
        and picture.y1 <= caption.box.y0 + 1
        and caption.box.y0 - picture.y1 <= CAPTION_GAP_UNDER_PICTURE
        for picture in pictures.get(para.page, ())
        if para.page == caption.page
    )


CAPTION_GAP_UNDER_PICTURE = 40.0  # points between a picture and its caption under it, at most


def _merge_continued(paras: Sequence[Para], role: str) -> None:
    """A caption or heading set on two lines that poppler cut in two: the second, in the
    same type right under the first, joins it."""
    previous: Para | None = None
    for para in paras:
        if (
            previous is not None
            and previous.role == role
            and _same_type_under(previous, para)
            and not (role == HEADING and _opens_heading(previous, para))
            and not (role == CAPTION and is_caption_text(para.text))  # the next one's
            and not starts_item(para.text)  # "• Thực trạng ..." under a note: an item
        ):
            previous.lines += para.lines
            para.role = ""
            continue
        previous = para if para.role else previous


def _heading_lines_above(paras: Sequence[Para]) -> None:
    """A heading's first lines, each a block of its own and left out for ending with a word
    that leaves a sentence open ("2. Thách thức từ thị trường bán lẻ và" / "một số khuyến
    nghị đối với các"), open it: bold lines in its type right above it."""
    for index, para in enumerate(paras):
        if para.role != HEADING:
            continue
        start = index
        while start > 0:
            above, below = paras[start - 1], paras[start]
            if above.role != BODY or not above.style.bold or not _same_type_under(above, below):
                break
            tokens = _tokens(above.text)
            if not tokens or fold(tokens[-1]) not in _GOES_ON:
                break
            start -= 1
        if start == index:
            continue
        head = paras[start]
        head.lines = [line for piece in paras[start : index + 1] for line in piece.lines]
        head.role = HEADING
        for piece in paras[start + 1 : index + 1]:
            piece.role = ""


def _opens_heading(above: Para, below: Para) -> bool:
    """A numbered line, or a line in small letters under one in capitals, is the next
    heading ("2. TỔNG QUAN NGHIÊN CỨU" over "2.1. Ý định")."""
    if starts_enumerated(below.text):
        return True
    # (a line of no letters, a year range "2019-2022", goes on whatever its case)
    return any(map(str.isalpha, below.text)) and is_all_caps(above.text) != is_all_caps(below.text)


def _same_type_under(above: Para, below: Para) -> bool:
    if _face(above.style) != _face(below.style):
        return False
    gap = below.box.y0 - above.box.y1
    line = above.lines[-1].box.height
    return below.page == above.page and -2 < gap < line and above.box.x_overlap(below.box) > 0


def _face(style: Style) -> tuple[str, int, bool, bool]:
    """A type by its face, whatever the PDF names it ("Arial,Bold" and "Arial Bold,Bold")."""
    return family(style.font), round(style.size), style.bold, style.italic


def figure_caption(para: Para) -> bool:
    head = fold(para.text.strip().split()[0]) if para.text.split() else ""
    return head in ("hình", "figure", "fig.", "fig", "sơ", "biểu", "đồ", "ảnh", "chart")


def table_caption(para: Para) -> bool:
    head = fold(para.text.strip().split()[0]) if para.text.split() else ""
    return head in ("bảng", "table")


def _claim(
    paras: Sequence[Para],
    index: int,
    step: int,
    role: str,
    body: BodyType,
    stops: Callable[[Para], bool] | None = None,
    across: Box | None = None,
) -> list[Para]:
    """From a caption, give `role` to the paragraphs before it (step -1) or after it (+1) on
    its page, over its width (or `across`), until running text, a heading, another caption or
    a paragraph `stops` says ends the run; the paragraphs given it."""
    caption = paras[index]
    width = across or caption.box
    taken: list[Para] = []
    position = index + step
    while 0 <= position < len(paras):
        para = paras[position]
        if step > 0 and not taken and para.role == CAPTION and _CAPTION_NOTE.match(para.text):
            position += step  # "Đơn vị: triệu người" under the caption: the rows come next
            continue  # (a source's note under the rows ends them)
        if para.page != caption.page or para.role in (HEADING, CAPTION, REFERENCE, CONTACT):
            break
        if not para.role:
            position += step
            continue
        if running_text(para, body) or not _spanned(para, width, paras, body):
            break
        if stops is not None and stops(para):
            break
        if role == FIGURE and step < 0 and _numbered_text(paras, position, body):
            break
        if role == FIGURE and _legend(para):
            break  # "Các cụm thiết bị chính là: 1- Thân máy; 2 - ...": the figure's legend
        para.role = role
        taken.append(para)
        position += step
    return taken


LEGEND_WORDS = 12  # words of letters, at the least, of a figure's legend set as text


def _legend(para: Para) -> bool:
    """Lines of many words parted by colons or semicolons: a figure's legend set as text
    ("... chính là: 1- Thân máy; 2 - ..."), no labels drawn in it (a diagram's boxes, read
    together, have many words but no such marks)."""
    text = para.text
    words = sum(1 for token in _tokens(text) if _is_word(token))
    return len(para.lines) >= 2 and words >= LEGEND_WORDS and (":" in text or ";" in text)


#: A point numbered as a section's part opening a line of words ("2.2. Bước 2: Chọn ...").
_STEP_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2})+\.?\s+\S")
STEP_WORDS = 4


def _numbered_step(para: Para, body: BodyType) -> bool:
    """A section's numbered point in the body's type: text over a figure, no label in it."""
    return (
        _is_body_text(para, body)
        and bool(_STEP_NUMBER.match(para.text))
        and len(para.text.split()) >= STEP_WORDS
    )


def _numbered_text(paras: Sequence[Para], position: int, body: BodyType) -> bool:
    """A numbered point's line, or the line going on right under one in its type: text
    over a figure, none of the words drawn in it."""
    para = paras[position]
    above = paras[position - 1] if position > 0 else None
    return _numbered_step(para, body) or (
        above is not None and _numbered_step(above, body) and _same_type_under(above, para)
    )


SENTENCE_WORDS = 4  # a sentence of this many words over a table's caption is text, no row


def _sentence_or_going_on(para: Para, goes_on: set[Para]) -> bool:
    """Over a table set above its caption: the rest of a sentence going on from the text
    before it, a sentence of its own ("Kết quả hồi qui: Xem bảng 7.") or a list's item is
    no row of it."""
    text = para.text.strip()
    sentence = ends_sentence(text) and len(text.split()) >= SENTENCE_WORDS
    return para in goes_on or sentence or starts_item(text)


def _spanned(para: Para, width: Box, paras: Sequence[Para], body: BodyType) -> bool:
    """Under the caption's width, or in a row with something that is (a table is often wider
    than its centred caption)."""
    if para.box.x_overlap(width) > 0:
        return True
    return any(
        other.page == para.page
        and other.box.y_overlap(para.box) > 0
        and other.box.x_overlap(width) > 0
        and not running_text(other, body)
        for other in paras
        if other is not para and other.role
    )


def running_text(para: Para, body: BodyType) -> bool:
    """Text of the body proper: body type, over a line that fills its column, or a sentence."""
    if not _is_body_text(para, body):
        return False
    text = para.text.strip()
    full = any(
        para.column is not None and line.box.x1 >= para.column.right - para.column.slack
        for line in para.lines[:-1]
    )
    return full or (ends_sentence(text) and len(text.split()) >= 8) or _line_of_text(para)


def _line_of_text(para: Para) -> bool:
    """One line across its whole column, from edge to edge, nearly all words: a line of the
    running text that poppler gave a block of its own (some PDFs set every line apart)."""
    column = para.column
    if len(para.lines) != 1 or column is None:
        return False
    box = para.lines[0].box
    flush = abs(box.x0 - column.left) <= column.slack and box.x1 >= column.right - column.slack
    tokens = para.text.split()
    words = [token for token in _tokens(para.text) if _is_word(token)]
    return flush and len(words) >= LINE_OF_TEXT_WORDS and 3 * len(words) >= 2 * len(tokens)


def _continuations(paras: Sequence[Para]) -> set[Para]:
    """Paragraphs at the top of a column that go on with the running text before them in
    small letters ("nhau.", "supremum của khoảng."): the rest of a sentence, never a cell,
    though two of them stand level at the tops of two columns."""
    found: set[Para] = set()
    previous: Para | None = None
    for para in paras:
        if para.role != BODY:
            continue
        top = para.column is not None and not any(
            other.page == para.page
            and other.column is para.column
            and other.box.y1 <= para.box.y0
            and other.role
            for other in paras
        )
        opens = para.text.strip()[:1].isupper()  # "nhau.", "12%, lợi nhuận" go on
        if previous is not None and not opens and not ends_sentence(previous.text):
            under = para.text.strip()[:1].islower() and _goes_on_under(previous, para)
            found.update([para] if top or under else [])
        previous = para
    return found


def _goes_on_under(above: Para, below: Para) -> bool:
    """Right under a paragraph whose last line fills the column, in that column and from
    where that line starts (lines set wide apart, which poppler gives as a block each; a
    piece of a line cut by a formula starts further in)."""
    last = above.lines[-1].box
    return (
        above.last_full
        and below.page == above.page
        and below.column is above.column
        and abs(below.box.x0 - last.x0) <= last.height  # from the column's edge, as lines go on
        and 0 <= below.box.y0 - last.y1 <= 2 * last.height
    )


def _text_widths(paras: Sequence[Para]) -> dict[int, float]:
    """How wide each page's text is, from its leftmost to its rightmost paragraph."""
    edges: dict[int, tuple[float, float]] = {}
    for para in paras:
        left, right = edges.get(para.page, (para.box.x0, para.box.x1))
        edges[para.page] = (min(left, para.box.x0), max(right, para.box.x1))
    return {page: right - left for page, (left, right) in edges.items()}


def _row_header(para: Para, paras: Sequence[Para]) -> bool:
    """A heading level with two of a table's cells in its own column heads that table's
    row (a heading of the next column's text stands level with cells only by chance)."""
    column = para.column
    level = [
        other
        for other in paras
        if other.role == TABLE
        and other.page == para.page
        and (column is None or column.left - 2 <= other.box.cx <= column.right + 2)
        and _level_with(other.box, para.box)
        and other.box.x_overlap(para.box) <= 0
    ]
    return len(level) >= 2


def _header_rows(paras: Sequence[Para]) -> list[list[Para]]:
    """Headings standing level with each other, right before a table's cells, are a table's
    header row ("STT", "Lĩnh vực", "Tên tiêu chí")."""
    found: list[list[Para]] = []
    index = 0
    while index < len(paras):
        end = index
        while end < len(paras) and paras[end].role in (HEADING, ""):
            end += 1
        row = [p for p in paras[index:end] if p.role == HEADING]
        level = len(row) >= 2 and all(
            a.page == b.page and a.box.y_overlap(b.box) > 0 and a.box.x_overlap(b.box) <= 0
            for a, b in itertools.pairwise(row)
        )
        before = next((p for p in reversed(paras[:index]) if p.role), None)
        captioned = before is not None and before.role == CAPTION and table_caption(before)
        if level and (captioned or (end < len(paras) and paras[end].role in (TABLE, FIGURE))):
            found.append(row)
        index = end + 1
    return found


def _is_cell(para: Para, paras: Sequence[Para], widths: dict[int, float]) -> bool:
    """A narrow paragraph with another narrow one level with it (an equation's number
    beside it does not make a table)."""
    if not _narrow(para, widths):
        return False
    if EQUATION_NUMBER.match(para.text.strip()) or _in_a_list(para, paras):
        return False
    return any(
        other is not para
        and other.page == para.page
        and _level_with(other.box, para.box)
        and other.box.x_overlap(para.box) < 0
        and abs(other.box.x0 - para.box.x0) < 300
        and _narrow(other, widths)
        and not EQUATION_NUMBER.match(other.text.strip())
        and _same_table(para, other)
        and not _heading_of_another_column(other, para)
        for other in paras
    )


def _heading_of_another_column(other: Para, para: Para) -> bool:
    """A heading of the next column's text ("4. KẾT LUẬN") stands level with a line of this
    one ("(l/100 km);", a sentence's tail at the column's top) only by chance: no row."""
    return (
        other.role == HEADING
        and other.column is not None
        and para.column is not None
        and other.column is not para.column
    )


def _in_a_list(para: Para, paras: Sequence[Para]) -> bool:
    """A bulleted item next to another in its column ("• Đủ độ bền;" between longer items):
    a list's, however short, not a table's cell."""
    if para.column is None or not starts_item(para.text):
        return False
    index = paras.index(para)
    return any(
        paras[i].column is para.column and starts_item(paras[i].text)
        for i in (index - 1, index + 1)
        if 0 <= i < len(paras)
    )


def _same_table(para: Para, other: Para) -> bool:
    """Cells of one table: in one column, or (a table set across the columns) in one size; a
    line of words in the other column level with a table's row (or a formula's piece), in
    another size, is no cell of it, nor makes it one (a diagram's labels beside formulas);
    a formula's pieces, few words and sizes of their own, still pair."""
    one, two = para.column, other.column
    if one is None or two is None or one is two:
        return True
    if round(para.style.size) == round(other.style.size):
        return True
    return all(
        sum(1 for token in _tokens(one.text) if _is_word(token)) < TEXT_LINE_WORDS
        for one in (para, other)
    )


#: Words that make a line of text, not a formula's piece or a figure.
TEXT_LINE_WORDS = 3


def _narrow(para: Para, widths: dict[int, float]) -> bool:
    """Narrower than a share of its column, or of the page's text outside the columns."""
    column = para.column
    if column is None:
        return para.box.width < CELL_WIDTH_SHARE * widths.get(para.page, 0.0)
    return para.box.width < CELL_WIDTH_SHARE * (column.right - column.left)


def _cells_of_figures(paras: Sequence[Para], tabled: set[int]) -> None:
    """Cells right before a figure caption ("Hình 2") belong to the figure, not a table;
    but for the rows a table's caption took (`tabled`: a table set right over a figure)."""
    run: list[Para] = []
    for para in paras:
        if para.role in (TABLE, FIGURE):
            run.append(para)
            continue
        if para.role == CAPTION and run and figure_caption(para):
            for cell in run:
                if id(cell) not in tabled:
                    cell.role = FIGURE
        if para.role != CAPTION:
            run = []


#: A chart's tick label: a figure alone ("10,000", "2,5", "40%", "-0.5").
_TICK = re.compile(r"^[-−]?\d[\d.,]*\s?%?$")
AXIS_TICKS = 4  # tick labels stacked one above the other that make a chart's axis
TICK_SPACING = 0.15  # how far the gaps between ticks may differ from their median (a share)


def _axis_ticks(paras: Sequence[Para]) -> None:
    """Figures alone on their lines, four or more stacked at one right edge and evenly
    spaced, nothing level with any of them: the labels of a chart's axis (a chart Word drew
    as lines and text), not paragraphs or cells. A table's column of figures has its rows'
    labels (words, codes, years) level with it, and a ruled table's cells are its own."""
    candidates = sorted(
        (
            para
            for para in paras
            if len(para.lines) == 1 and para.grid is None and _TICK.match(para.text.strip())
        ),
        key=lambda p: (p.page, p.box.x1),
    )
    stacks: list[list[Para]] = []
    for para in candidates:  # one right edge, within a point and a half (poppler's jitter)
        last = stacks[-1][-1] if stacks else None
        if last is not None and last.page == para.page and para.box.x1 - last.box.x1 <= 1.5:
            stacks[-1].append(para)
        else:
            stacks.append([para])
    for stack in stacks:
        if len(stack) < AXIS_TICKS:
            continue
        stack.sort(key=lambda p: p.box.y0)
        gaps = [b.box.y0 - a.box.y0 for a, b in itertools.pairwise(stack)]
        middle = sorted(gaps)[len(gaps) // 2]
        if middle <= 0 or any(abs(gap - middle) > TICK_SPACING * middle for gap in gaps):
            continue
        page = [p for p in paras if p.page == stack[0].page and p not in stack]
        if any(_anything_level_with(tick, page) for tick in stack):
            continue  # a table's column of figures beside its rows' labels
        for tick in stack:
            tick.role = FIGURE


def _anything_level_with(para: Para, page: Sequence[Para]) -> bool:
    """Another paragraph of its page stands level with it, in its column."""
    return any(
        _level_with(other.box, para.box) and (para.column is None or other.column is para.column)
        for other in page
    )


def same_family(a: Para, b: Para) -> bool:
    return family(a.style.font) == family(b.style.font)
