"""Labelled paragraphs -> the parts of a scholarly article: front matter and body blocks.

Running text broken by a column or a page, or interrupted by a figure or a table, is joined
back into one paragraph; captions, tables and footnotes follow the paragraph they interrupted.
"""

from __future__ import annotations

import itertools
import re
import statistics
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from bantin.bylines import SUPERSCRIPT_DIGITS, Author, parse_byline
from bantin.convert.order import split_keywords
from bantin.model import Block, BlockKind
from bantin.pdf import roles
from bantin.pdf.groups import Groups
from bantin.pdf.page import Line, Word
from bantin.pdf.reading import (
    BULLET_OR_DASH,
    INDENT_MAX,
    MARK,
    Para,
    ends_item,
    from_the_edge,
    join_lines,
    starts_enumerated,
    starts_item,
)
from bantin.pdf.tables import grid_text
from bantin.vietnamese import ends_sentence, is_all_caps, is_vietnamese_letter, starts_lower

INDENT_CONVENTION = 0.3  # share of paragraphs set in: the publication marks paragraphs so
# What floats out of the text: the paragraph it interrupts goes on after it. A display
# equation does not float: it stands where it is set, between two blocks of text.
_FLOATS = frozenset({roles.CAPTION, roles.TABLE, roles.FIGURE, roles.FOOTNOTE})
_KIND = {
    roles.HEADING: BlockKind.HEADING,
    roles.BODY: BlockKind.PARAGRAPH,
    roles.CAPTION: BlockKind.FIGURE,
    roles.TABLE: BlockKind.TABLE,
    roles.EQUATION: BlockKind.EQUATION,
    roles.FOOTNOTE: BlockKind.FOOTNOTE,
    roles.REFERENCE: BlockKind.REFERENCE,
}
_REFERENCE_ITEM = re.compile(r"^\s*(\[\d{1,3}\]|\d{1,3}[.)]\s)")


@dataclass
class Front:
    """What the front of an article says."""

    title: str = ""
    title_en: str = ""
    authors: list[Author] = field(default_factory=list)
    affiliations: list[str] = field(default_factory=list)
    abstract: str = ""
    abstract_en: str = ""
    keywords: list[str] = field(default_factory=list)
    keywords_en: list[str] = field(default_factory=list)
    dateline: str = ""
    banner: str = ""


def front_of(paras: Sequence[Para]) -> Front:
    """Title, byline, affiliations, abstracts and keywords from the labelled front."""
    front = Front()
    titles = [p for p in paras if p.role == roles.TITLE]
    in_english = [p for p in titles if roles.is_english(p.text) and not roles.bracketed(p)]
    if in_english and len(in_english) < len(titles):  # the English title set first, or larger
        for para in in_english:
            para.role = roles.TITLE_EN
    front.title = _joined(paras, roles.TITLE, unmarked=True)
    front.title_en = _joined(paras, roles.TITLE_EN, unmarked=True)
    front.title, english = _bilingual(front.title)
    front.title_en = front.title_en or english
    front.banner = _joined(paras, roles.BANNER)
    for para in paras:
        if para.role == roles.BYLINE:
            front.authors += parse_byline(para.text)
    front.affiliations = _affiliations([p for p in paras if p.role == roles.AFFILIATION])
    front.abstract = _label_stripped(paras, roles.ABSTRACT)
    front.abstract_en = _label_stripped(paras, roles.ABSTRACT_EN)
    front.keywords = split_keywords(_label_stripped(paras, roles.KEYWORDS))
    front.keywords_en = split_keywords(_label_stripped(paras, roles.KEYWORDS_EN))
    front.dateline = _joined(paras, roles.DATELINE)
    return front


def _bilingual(title: str) -> tuple[str, str]:
    """The Vietnamese title and its English one, from a label naming a notice in both
    languages: "Suy niệm | Reflections", or framed, in either order (":: Announcements /
    Thông Báo ::"); a title in one language is left as it is (a framed one unframed)."""
    framed = _FRAMED.fullmatch(title.strip())
    text = framed.group(1).strip() if framed else title
    for bar in (" | ", " / ") if framed else (" | ",):
        left, found, right = text.partition(bar)
        if not found:
            continue
        if _english_name(right) and not _english_name(left) and _marked(left):
            return left.strip(), right.strip()
        if framed and _english_name(left) and _marked(right):
            return right.strip(), left.strip()
    return text, ""


#: A label framed by double colons, as a bulletin heads its notices (":: Thông Báo ::").
_FRAMED = re.compile(r"::\s*(.+?)\s*::")
ENGLISH_NAME_LETTERS = 4  # a name in English beside its Vietnamese: "Prayers", "Baptism"


def _english_name(text: str) -> bool:
    """English: by its words, or a short name with no Vietnamese mark beside one with marks."""
    letters = [char for char in text if char.isalpha()]
    return roles.is_english(text) or (
        len(letters) >= ENGLISH_NAME_LETTERS and all(char.isascii() for char in letters)
    )


def _marked(text: str) -> bool:
    return any(char.isalpha() and not char.isascii() for char in text)


def _joined(paras: Sequence[Para], role: str, unmarked: bool = False) -> str:
    lines = [line for p in paras if p.role == role for line in p.lines]
    return join_lines([(_without_marks(line) if unmarked else line).text for line in lines])


MARK_SIZE = 0.75  # a note's mark on a title is set this much smaller than the title, or more


def _without_marks(line: Line) -> Line:
    """A title's line without the notes' marks set small and raised beside its words
    ("AERO¹"); a subscript ("TiO₂") stays."""
    size = max(word.style.size for word in line.words)
    words: list[Word] = []
    for word, after in zip(line.words, [*line.words[1:], None], strict=True):
        before = words[-1] if words else None
        mark = MARK.fullmatch(word.text.translate(SUPERSCRIPT_DIGITS))
        small = mark and word.style.size <= MARK_SIZE * size
        raised = before is not None and word.box.y1 < before.box.y1 - 0.2 * before.box.height
        if not (small and raised) or _charge_sign(word, after) or _formula_count(before, word):
            words.append(word)
    return Line(words, line.box) if words else line


#: A chemical formula's symbols, in mixed case ("CsPbBr", "TiO"): a capital word ("AERO") is none.
_FORMULA = re.compile(r"^(?:[A-Z][a-z]?){2,}$")


def _formula_count(before: Word | None, word: Word) -> bool:
    """A figure glued to a formula ("CsPbBr" "3"): the formula's count, no note's mark."""
    return (
        before is not None
        and _FORMULA.match(before.text) is not None
        and not before.text.isupper()
        and word.text.isdigit()
        and word.box.x0 - before.box.x1 <= 0.1 * before.style.size
    )


def _charge_sign(word: Word, after: Word | None) -> bool:
    """A sign glued to the raised figure: an ion's charge ("Zn" "2" "+"), no note's mark."""
    return (
        after is not None
        and after.text[:1] in "+-−⁺⁻"
        and after.box.x0 - word.box.x1 <= 0.1 * word.style.size
    )


def _label_stripped(paras: Sequence[Para], role: str) -> str:
    text = " ".join(p.text for p in paras if p.role == role).strip()
    label = roles._label_of(text)  # that of the other language, where the text is in this one
    return roles._LABELS[label].sub("", text, count=1).strip() if label else text


# "1", "*", "(1)", and the marks of several authors sharing one ("1,2,4")
_AFFILIATION_MARK = re.compile(r"^(?:[\d*]{1,2}(?:,\d{1,2})*|\(\d{1,2}\))\s*")


def _affiliations(paras: list[Para]) -> list[str]:
    """One affiliation per line or per mark ("1 Trung tâm A; 2 Viện B"), marks removed; a
    line without a mark goes on with a marked affiliation over it when it stands under its
    words (right of the mark: "2" / "Phòng thí nghiệm ..." / "Trường Đại học ...")."""
    texts: list[str] = []
    words_at: float | None = None  # where the last marked affiliation's words start
    for para in paras:
        for line in para.lines:
            text = line.text.strip()
            lone_mark = bool(texts) and _AFFILIATION_MARK.fullmatch(texts[-1]) is not None
            marked = _AFFILIATION_MARK.match(text)
            goes_on = texts and not marked
            under = words_at is not None and line.box.x0 >= words_at - MARK_ALIGN
            if lone_mark or (goes_on and (_continues_line(texts[-1], text) or under)):
                if lone_mark:
                    words_at = line.box.x0
                texts[-1] = f"{texts[-1]} {text}"
                continue
            # a mark glued to its words: the lines under them stand right of the mark
            glued = marked and marked.end() < len(text)
            words_at = line.box.x0 + MARK_WIDTH * line.style.size if glued else None
            texts.append(text)
    texts = [piece for text in texts for piece in _at_next_marks(text)]
    stripped = (_AFFILIATION_MARK.sub("", text, count=1).strip() for text in texts)
    return [text for text in map(_without_separator, stripped) if text]


#: Short forms an affiliation may end with, whose full stop is their own ("Co., Ltd.").
_ABBREVIATIONS = frozenset({"co", "ltd", "inc", "corp", "jsc", "dept", "univ", "tp", "q", "p"})


def _without_separator(text: str) -> str:
    """An affiliation without the comma, semicolon or full stop the page prints after it
    to part it from the next ("Viện A, Trường Đại học B," over "Khoa C"): a list entry ends
    with neither. A full stop closing an abbreviation ("Co., Ltd.") is the word's own."""
    text = text.rstrip(",;").rstrip()
    last = text.rsplit(maxsplit=1)[-1] if text else ""
    if text.endswith(".") and last[:-1].lower() not in _ABBREVIATIONS and "." not in last[:-1]:
        text = text[:-1].rstrip(",; ")
    return text


MARK_ALIGN = 1.5  # points: a line under a marked affiliation's words, not under its mark
MARK_WIDTH = 0.25  # ems: a superscript mark's width, its words' start right of the line's


def _at_next_marks(text: str) -> list[str]:
    """An affiliation marked N cut where the next mark, N + 1, is glued to a word after a
    comma ("1 Khoa A, Học viện B, 2Viện C"); a number spaced from its word ("12 Chùa Bộc") is
    an address's."""
    mark = re.match(r"\d{1,2}", text)
    if mark is None:
        return [text]
    pieces: list[str] = []
    number = int(mark.group())
    while True:
        cut = re.search(rf",\s*(?={number + 1}[^\W\d_])", text)
        if cut is None:
            return [*pieces, text]
        pieces.append(text[: cut.start()])
        text, number = text[cut.end() :], number + 1


def _continues_line(before: str, after: str) -> bool:
    return not before.endswith((".", ";")) and (starts_lower(after) or before.endswith((",", "-")))


# -- the body ------------------------------------------------------------------------------


def body_blocks(paras: Sequence[Para]) -> list[Block]:
    """Headings, paragraphs (joined across breaks), captions, tables, equations, footnotes and
    references, in reading order."""
    flow = _run_in_headings(_headings_across_columns([p for p in paras if p.role in _KIND]))
    flow = _items_going_on(flow)
    indent = _indent_convention(flow)
    notes = _float_notes(paras)
    merged = _notes_into_captions(join_continued(flow, indent), _note_captions(paras, notes), notes)
    blocks: list[Block] = []
    bullets: dict[int, _Bullet] = {}  # an item's bullet, where it stands, its type, by id
    last: Para | None = None  # the last paragraph of the group the last block came from
    for group in _groups(merged):
        for block in _blocks_of(group):
            repeated = _header_repeated(blocks[-1], block) if blocks else 0
            if repeated or (blocks and _table_goes_on(blocks[-1], block, last, group[0])):
                # the table before it going on over a break, its header again or not
                rows = block.text.splitlines()[repeated:]
                text = "\n".join([blocks[-1].text, *rows])
                blocks[-1] = Block(BlockKind.TABLE, text, blocks[-1].lines + block.lines)
            else:
                blocks.append(block)
                if block.kind is BlockKind.ITEM:
                    first = group[0]
                    marked = _emphasised(first)
                    bullets[id(block)] = (_bullet_of(first.text), first.lines[0].box.x0, marked)
        last = group[-1]
    _nest_items(blocks, bullets)
    return blocks


#: An item's bullet, where it stands, and whether it is set in italics or bold.
_Bullet = tuple[str, float, bool]
_NO_BULLET: _Bullet = ("", 0.0, False)

LIST_LEVELS = 2  # levels of a list and its items' own lists, at the most
NEST_STEP = 2.0  # points: an item's own item stands at least this far right of it


LABEL_ITEM_WORDS = 6  # words of an item naming what the items under it are, at the most


def _heads_items(text: str) -> bool:
    """An item announcing items under it: ending with a colon ("... khách hàng cần:"), or a
    short name, no sentence ("❖ Động lực khởi nghiệp" over "▪ Nhu cầu thành đạt.")."""
    text = text.rstrip()
    return text.endswith(":") or (
        len(text.split()) <= LABEL_ITEM_WORDS and not text.endswith((".", ";", ",", "!", "?"))
    )


def _emphasised(para: Para) -> bool:
    """Its first line set in italics or in bold throughout (its bullet aside)."""
    words = [word for word in para.lines[0].words if any(char.isalpha() for char in word.text)]
    return bool(words) and (
        all(word.style.italic for word in words) or all(word.style.bold for word in words)
    )


def _nest_items(blocks: list[Block], bullets: Mapping[int, _Bullet]) -> None:
    """A list's items opened by another bullet than the item before them, set further in or
    under an item announcing them (`_heads_items`: "▪ Để sử dụng dịch vụ, khách hàng cần:" /
    "- Có tài khoản thanh toán ...", or an item in italics or bold over upright ones), are
    that item's own list, until its bullet comes back. Items of one bullet are one level."""
    stack: list[tuple[str, float]] = []  # the bullet and place of each open level
    seen: dict[str, int] = {}  # the level each bullet of the list opened at
    before: Block | None = None
    for block in blocks:
        if block.kind is not BlockKind.ITEM or block.text == "":
            stack, seen, before = [], {}, None
            continue
        bullet, x0, marked = bullets.get(id(block), _NO_BULLET)
        known = [level for level, (mark, _) in enumerate(stack) if mark == bullet]
        heads = before is not None and (
            _heads_items(before.text) or (bullets.get(id(before), _NO_BULLET)[2] and not marked)
        )
        if known:
            del stack[known[0] + 1 :]
        elif bullet in seen and seen[bullet] < len(stack):
            stack = [*stack[: seen[bullet]], (bullet, x0)]  # a level the list had before
        elif stack and len(stack) < LIST_LEVELS and (x0 >= stack[-1][1] + NEST_STEP or heads):
            stack.append((bullet, x0))
        else:
            stack = [*stack[:-1], (bullet, x0)] if stack else [(bullet, x0)]
        seen.setdefault(bullet, len(stack) - 1)
        block.level = len(stack) - 1
        before = block


LONE_CELL_WORDS = 2  # words that make a line standing alone text, not a formula's piece


def _lone_cell(text: str) -> list[Block]:
    """A "table" of one cell is none: a line of words ("Trong đó:", "For example:") is a
    paragraph, a formula's piece ("n − k") an equation; a mark alone ("•"), nothing."""
    if sum(1 for token in text.split() if _text_word(token)) >= LONE_CELL_WORDS:
        if starts_item(text):  # "• Áp dụng: C = ...": a list's item
            return [Block(BlockKind.ITEM, without_bullet(text))]
        return [Block(BlockKind.PARAGRAPH, text)]
    if not any(char.isalnum() for char in text):
        return []
    return [Block(BlockKind.EQUATION, text)]


def _text_word(token: str) -> bool:
    """Two letters or more of the Vietnamese or Latin alphabet ("θm" is a variable)."""
    letters = token.rstrip(".,:;")
    return len(letters) >= 2 and all(map(is_vietnamese_letter, letters))


def _header_repeated(before: Block, block: Block) -> int:
    """How many first rows of a table right after a table repeat the first one's (its header
    printed again over a page or column break; no caption stands between): 0 where they
    differ, where either is no table, or where the second holds nothing else."""
    if before.kind is not BlockKind.TABLE or block.kind is not BlockKind.TABLE:
        return 0
    rows = block.text.splitlines()
    count = 0
    for one, other in zip(before.text.splitlines(), rows, strict=False):
        if one.strip() != other.strip() or not one.strip():
            break
        count += 1
    return count if count < len(rows) else 0


def _table_goes_on(before: Block, block: Block, end: Para | None, start: Para) -> bool:
    """`block`, a table right after the table `before` (no caption between), is its rows
    going on over a page or column break: from the next page or column, as many cells in a
    row (each page's grid of a ruled table is read on its own)."""
    if before.kind is not BlockKind.TABLE or block.kind is not BlockKind.TABLE or end is None:
        return False
    broken = start.page > end.page or (
        start.page == end.page and start.box.y0 < end.box.y0 and start.box.x0 >= end.box.x1
    )
    last, first = before.text.splitlines()[-1], block.text.splitlines()[0]
    return broken and _cells(before.text) == _cells(block.text) and _shape(last) == _shape(first)


def _cells(table: str) -> int:
    """The cells of a table's widest row."""
    return max(row.count(" | ") for row in table.splitlines()) + 1


_FIGURES = re.compile(r"[\d\s.,:;±%()+\-−–/]*\d[\d\s.,:;±%()+\-−–/]*")


def _shape(row: str) -> list[str]:
    """Each cell of a table's row as figures, words or nothing: the rows of one table's body
    have one shape ("10 | BT | BT", "20 | BT | XLN"), a new table's header another."""
    cells = [cell.strip() for cell in row.split(" | ")]
    return ["" if not cell else "9" if _FIGURES.fullmatch(cell) else "a" for cell in cells]


def _notes_into_captions(
    paras: list[Para], captions: Mapping[int, Para], notes: frozenset[int]
) -> list[Para]:
    """Each float's note goes into its float's caption, one of the caption's notes: the
    caption before it past the float's rows, as floats follow the text they interrupt, else
    the one `_note_captions` found it by in the page's order (by the note's id). A note
    whose caption is not found stays where it is, a paragraph: never a figure of its own."""
    out: list[Para] = []
    for at, para in enumerate(paras):
        if id(para) not in notes:
            out.append(para)
            continue
        caption = _float_caption(paras, at, -1, notes) or captions.get(id(para))
        if caption is None:
            para.role = roles.BODY
            out.append(para)
            continue
        caption.notes.append(para)
        caption.pages = sorted({*caption.pages, *para.pages})
    return out


_FLOAT_PARTS = (roles.TABLE, roles.FIGURE)


def _note_captions(paras: Sequence[Para], notes: frozenset[int]) -> dict[int, Para]:
    """The caption of the float each float's note ("Nguồn: ...", "Đơn vị: Triệu đồng") stands
    under or over, by the note's id, read in the page's order: the caption before the note
    past the float's rows or words, else the one after the rows or words it stands over."""
    found: dict[int, Para] = {}
    for at, para in enumerate(paras):
        if id(para) in notes:
            caption = _float_caption(paras, at, -1, notes) or _float_caption(paras, at, 1, notes)
            if caption is not None:
                found[id(para)] = caption
    return found


def _float_caption(paras: Sequence[Para], at: int, step: int, notes: frozenset[int]) -> Para | None:
    """The caption, not a note, nearest to the note `paras[at]` going `step` past a float's
    rows, words and other notes only; going forward, past some the note stands over."""
    index = at + step
    while 0 <= index < len(paras) and (
        paras[index].role in _FLOAT_PARTS or id(paras[index]) in notes
    ):
        index += step
    if not 0 <= index < len(paras):
        return None
    if step > 0 and (index == at + 1 or not _over(paras[at], paras[at + 1])):
        return None  # a note under a float, before the next float's caption, is not its
    found = paras[index]
    return found if found.role == roles.CAPTION else None


def _float_notes(paras: Sequence[Para]) -> frozenset[int]:
    """The ids of the floats' notes, labelled captions: those a note's words open ("Nguồn:
    ...", "Ghi chú: ..."), and a caption with no label of a float ("Hình 2", "Bảng 1") right
    after a note, or right before one, another line of the float's notes (a test's name and
    statistic under a table's source, a chart's key over its source)."""
    shown = [para for para in paras if para.role]
    found = {id(para) for para in shown if _note(para)}
    for before, para in itertools.pairwise(shown):
        if id(before) in found and _unlabelled(para):
            found.add(id(para))
    for para, after in itertools.pairwise(shown):
        if id(after) in found and _unlabelled(para):
            found.add(id(para))
    return frozenset(found)


def _note(para: Para) -> bool:
    """A float's note by its words, labelled a caption."""
    return para.role == roles.CAPTION and roles.is_float_note(para.text)


def _unlabelled(para: Para) -> bool:
    """A caption opening with no float's label ("Hình 2.", "Bảng 1:", "Biểu đồ", "Ảnh:")."""
    return para.role == roles.CAPTION and not (
        roles.figure_caption(para) or roles.table_caption(para)
    )


def _items_going_on(paras: list[Para]) -> list[Para]:
    """A bulleted item ending with a colon goes on in the one paragraph set apart under it,
    unbulleted, before the list's next item: what its colon announces ("... gồm:" over
    "9257BA, hộp điều khiển ...", "... kích thước:" over "(L×b×h) = (100×10×20) mm.")."""
    out: list[Para] = []
    for index, para in enumerate(paras):
        after = paras[index + 1] if index + 1 < len(paras) else None
        if out and after is not None and _announced(out[-1], para, after):
            out[-1].lines += para.lines
            continue
        out.append(para)
    return out


def _announced(item: Para, para: Para, after: Para) -> bool:
    """`para`, between two items of one list, is what `item`'s last colon announces."""
    bullet = _bullet_of(item.text)
    return (
        item.role == roles.BODY
        and bool(bullet)
        and item.text.rstrip().endswith(":")
        and (para.role == roles.BODY or (para.role == roles.EQUATION and not para.formula))
        and not _bullet_of(para.text)
        and not starts_enumerated(para.text)
        and (not _opens_sentence(para.text) or _describes_label(after.text))
        and after.role == roles.BODY
        and _bullet_of(after.text) == bullet
        and _set_under(item, para)
        and _set_under(para, after)
    )


def _describes_label(text: str) -> bool:
    """An item that names its label, then describes it in a sentence after the colon ("•
    Khối Adder: Cộng nhiễu vào tín hiệu."): its list's items may do so on the line under."""
    label, colon, rest = text.partition(":")
    rest = rest.lstrip()
    return bool(colon) and len(label.split()) <= LABEL_MAX_WORDS and rest[:1].isupper()


LABEL_MAX_WORDS = 8  # of an item's label before its colon


def _opens_sentence(text: str) -> bool:
    """The text opens with a word in capitals and small letters ("Họ kiếm được ..."): a
    sentence of its own, not the rest of one (a code, "9257BA, ...", a formula, a name in
    capitals)."""
    word = text.lstrip()[:2]
    return len(word) == 2 and word[0].isupper() and word[1].islower()


def _bullet_of(text: str) -> str:
    """The bullet or dash opening an item ("•", "-"), "" for none."""
    found = BULLET_OR_DASH.match(text.lstrip())
    return found.group().strip() if found else ""


def _set_under(above: Para, below: Para) -> bool:
    """`below` opens under `above` in its column, within a line's space, from the column's
    edge or where `above` starts."""
    last, first = above.lines[-1].box, below.lines[0].box
    column, height = above.column, max(last.height, 1.0)
    if above.page != below.page or column is None or below.column is not column:
        return False
    near = -1 <= first.y0 - last.y1 <= 2 * height
    lefts = (column.left, above.box.x0)
    return near and any(abs(first.x0 - left) <= height for left in lefts)


def _headings_across_columns(paras: list[Para]) -> list[Para]:
    """A heading going on in small letters at the top of the next column, after a line in
    its type filling the foot of the one before, opens with that line ("Thứ tư, đa dạng hóa
    các hoạt động ngoại khóa" / "tạo môi trường rèn luyện KNM cho SV")."""

    def goes_on(before: Para, para: Para) -> bool:
        return (
            para.role == roles.HEADING
            and before.role in (roles.BODY, roles.HEADING)  # (a point: a heading already)
            and len(before.lines) == 1
            and starts_lower(para.text)
            and not starts_enumerated(para.text)  # "d. Thực hành ..." under "c. ...": the next
            and not ends_sentence(before.text)
            and _same_style_at_join(before, para)
            and _next_column_top(before, para)
        )

    return _joined_on(paras, goes_on, roles.HEADING, follow=True)


def _same_style_at_join(one: Para, other: Para) -> bool:
    """Set in one slope, weight and size where the one ends and the other starts."""
    first, second = one.lines[-1].words[-1].style, other.lines[0].words[0].style
    return (first.italic, first.bold, round(first.size)) == (
        second.italic,
        second.bold,
        round(second.size),
    )


def _run_in_headings(paras: list[Para]) -> list[Para]:
    """A heading whose text goes on in small letters on the next line, in its column or at the
    top of the next, is the phrase that opens a paragraph ("Phép quay quanh trục Oy: Tương tự
    như" / "góc α..."); so is one whose last line runs to its column's edge, its sentence
    unfinished, over a line right under it ("Thứ nhất, gián đoạn ... ở Việt" / "Nam bị trì
    trệ.", "Lý thuyết Trật tự phân hạng (Pecking" / "Order Theory): ..."), or a label
    whose colon ends it there ("Hệ thống thanh tra và kiểm tra nội bộ:" / "Thanh tra ...")."""

    def goes_on(before: Para, para: Para) -> bool:
        if before.role != roles.HEADING or para.role != roles.BODY:
            return False
        if starts_enumerated(para.text):  # "a. Tỷ lệ ...": a point under it
            return False
        if starts_lower(para.text) and not _opens_with_formula(para.text):
            if starts_enumerated(before.text) and not para.text.lstrip()[:1].islower():
                return False  # "2.3. ... θ, ð" over "/θ, ð ...": its words, not their end
            return (
                _right_under(before, para)
                or _ends_column(before, paras)
                or _next_column_top(before, para)
            )
        end = before.text.rstrip()[-1:]
        return (
            (end.isalnum() or end in ",(:")  # a label's colon: the paragraph it opens
            and not starts_enumerated(before.text)  # a numbered heading ends where it ends
            and not starts_item(before.text)
            and not starts_item(para.text)
            and not is_all_caps(before.text)
            and roles.reaches_the_edge(before)
            and _right_under(before, para)
        )

    return _joined_on(paras, goes_on, roles.BODY)


def _opens_with_formula(text: str) -> bool:
    """Its first word, opening in a small letter, holds figures, or is a short symbol with a
    capital: a formula ("g-C3N4 được tổng hợp ...", "pH của dung dịch ..."), which opens a
    sentence (a program's name, "dbo.TH_DUBAO.SODONHANG,", goes on with what is over it)."""
    words = text.split()
    first = words[0].strip(",.;:") if words else ""
    capital = any(char.isupper() for char in first) and len(first) <= SYMBOL_LETTERS
    return capital or any(char.isdigit() for char in first)


SYMBOL_LETTERS = 6  # a symbol opening a sentence in a small letter ("pH", "mRNA") is this short


def _joined_on(
    paras: list[Para], goes_on: Callable[[Para, Para], bool], role: str, follow: bool = False
) -> list[Para]:
    """Each paragraph that `goes_on` says goes on from the one before joins it, the two
    then in `role`; with `follow`, the column the joined one stands in is the last part's
    (a heading's edge is then measured where its last line stands)."""
    out: list[Para] = []
    for para in paras:
        before = out[-1] if out else None
        if before is not None and goes_on(before, para):
            before.role = role
            before.lines += para.lines
            before.pages = sorted({*before.pages, *para.pages})
            if follow:
                before.column = para.column
            continue
        out.append(para)
    return out


def _ends_column(para: Para, paras: list[Para]) -> bool:
    """Nothing stands under the paragraph in its column: the text goes on in the next."""
    return para.column is not None and not any(
        other.page == para.page and other.column is para.column and other.box.y0 > para.box.y1
        for other in paras
    )


def _next_column_top(before: Para, after: Para) -> bool:
    """The text goes on at the top of the next column or page: the column `before` stands
    in ended with it, its line filled (a heading does not), whatever stands under a band set
    across the page further down."""
    if not before.last_full:
        return False
    if after.page != before.page:
        return after.page == before.page + 1
    moved = after.column is None or after.column is not before.column
    return moved and after.box.y0 < before.box.y0 and after.box.x0 > before.box.x1 - 1


def _right_under(above: Para, below: Para) -> bool:
    """The next line of the same column: close under, starting where the other starts (or,
    under a first line set in, left of it, where the paragraph's other lines start)."""
    last, first = above.lines[-1], below.lines[0]
    height = max(last.box.height, 1.0)
    close = -1 <= first.box.y0 - last.box.y1 <= height
    here = _lines_in_column_of(above, last)
    shift = min(line.box.x0 for line in here) - first.box.x0
    column = above.column
    at_edge = column is not None and abs(first.box.x0 - column.left) <= height
    aligned = abs(shift) <= height or (
        at_edge and len(here) == 1 and 0 < shift <= INDENT_MAX * height
    )
    return above.page == below.page and close and aligned


def _lines_in_column_of(para: Para, last: Line) -> list[Line]:
    """The paragraph's last lines standing in `last`'s column: a paragraph gone on from
    another column holds lines there too, which say nothing of where its lines here start."""
    lines = para.lines
    start = len(lines) - 1
    while start and lines[start - 1].box.x_overlap(last.box) > 0:
        start -= 1
    return lines[start:]


def _indent_convention(paras: Sequence[Para]) -> bool:
    body = [p for p in paras if p.role == roles.BODY]
    return bool(body) and sum(p.indented for p in body) >= INDENT_CONVENTION * len(body)


def join_continued(paras: Sequence[Para], indent: bool) -> list[Para]:
    """Body paragraphs broken by a column, a page or a float become one again; the floats
    that stood in between follow the joined paragraph."""
    spaces = word_spaces(paras)
    out: list[Para] = []
    held: list[Para] = []  # floats met since the last paragraph of running text
    last: Para | None = None
    for para in paras:
        if para.role in _FLOATS and _back_under_its_float(para, out, held):
            continue
        if para.role in _FLOATS or (last is not None and _stray_label(last, para)):
            held.append(para)
            continue
        if (
            last is not None
            and para.role == roles.BODY
            and _continues(last, para, held, indent, spaces)
        ):
            last.lines += para.lines
            last.pages = sorted({*last.pages, *para.pages})
            last.column = para.column  # where its last line now stands
            continue
        out += held
        held = []
        out.append(para)
        last = para if para.role == roles.BODY else None
    return out + held


def _back_under_its_float(para: Para, out: list[Para], held: Sequence[Para]) -> bool:
    """A caption read after text standing wholly below it on its page, that text read right
    after floats one of which stands over it, goes back after those floats (into `out`):
    a note set under a float across the columns, in the band below it but in a column
    other than the first ("Nguồn: ..." flush right under a chart or table), is read after
    the first column's text there, yet belongs to the float, not after that text. The float
    over it may be among those `held` since that text, a part of one of those floats' table
    (a table read column by column: its cells in the second column come after the first
    column's text; another table's cells there are no float it stands under). (Only a caption: a
    table's stray cell or a figure's word put back among other cells made a table of a list
    item and the line before it.)"""
    if para.role != roles.CAPTION:
        return False
    index = len(out)
    while index and out[index - 1].role not in _FLOATS and _wholly_below(out[index - 1], para):
        index -= 1
    floats = index
    while floats and out[floats - 1].role in _FLOATS and out[floats - 1].page == para.page:
        floats -= 1
    before = out[floats:index]
    over = [*before, *(f for f in held if _same_table(f, before))]
    if index == len(out) or not any(_over(float_, para) for float_ in over):
        return False
    out.insert(index, para)
    return True


def _same_table(cell: Para, cells: Sequence[Para]) -> bool:
    """`cell` stands in the ruled grid of one of `cells`: a part of their table."""
    return cell.grid is not None and any(cell.grid is other.grid for other in cells)


def _wholly_below(text: Para, para: Para) -> bool:
    """`text` opens on `para`'s page under `para`'s last line."""
    return text.page == para.page and text.lines[0].box.y0 >= para.box.y1 - 1


def _over(float_: Para, para: Para) -> bool:
    """`float_` stands over `para`, across some of its width or across the columns (a
    short caption centred over a chart as wide as the page)."""
    above, below = float_.box, para.box
    across = float_.column is None or (above.x0 < below.x1 and above.x1 > below.x0)
    return above.y1 <= below.y0 + 1 and across


#: A label's type is this much smaller than the running text's, at least.
LABEL_SMALLER = 1.5


def _stray_label(before: Para, para: Para) -> bool:
    """A line of words in smaller type, no sentence, read while `before` stops in mid-
    sentence: a diagram's label standing between a sentence's two halves ("... Phiếu khảo" /
    "Hành vi của giảng viên" / "sát được ..."), set aside as a float is."""
    last = before.lines[-1].words[-1].style
    column = para.column
    return (
        para.role == roles.BODY
        and len(para.lines) == 1
        and para.style.size <= last.size - LABEL_SMALLER
        and not ends_sentence(para.text)
        and not starts_item(para.text)
        and not ends_sentence(before.text)
        # set in from the column's edge, not on the line under: a label, no line of text
        and column is not None
        and para.box.x0 > column.left + 2 * para.lines[0].box.height
        and not _right_under(before, para)
    )


def _continues(
    before: Para,
    after: Para,
    held: list[Para],
    indent: bool,
    spaces: Mapping[_Type, float] | None = None,
) -> bool:
    """Is `after` the rest of `before`? Across a break or a float: when `before` stops mid-
    sentence or fills its last line, and `after` is not set in as a new paragraph; `spaces`:
    the width of a space in each type of the running text (`word_spaces`)."""
    if (indent and after.indented) or starts_item(after.text) or _dash_item(before, after):
        return False
    if starts_enumerated(after.text) and (not before.last_full or starts_enumerated(before.text)):
        return False  # the next item of a list, or a numbered line after a short one
    text = before.text
    if _item_ended(before, after):
        return False  # an item or a definition ended short ("...;"), or the next opens
    broken = after.page != before.page or after.column is not before.column or bool(held)
    broken = broken or after.box.y0 < before.box.y0
    if not broken:
        # Mid-sentence: the next line in small letters, or in the same type right under a
        # full line that is no one-line list item's (a name, a figure, a bracket opening the
        # rest: "(DCMT11T302 của ...)"; some PDFs set every line apart, a block each).
        item = starts_item(text) and len(before.lines) == 1
        under = not item and before.last_full and _right_under(before, after)
        same = after.lines[0].words[0].style.bold == before.lines[-1].words[-1].style.bold
        end, start = text.rstrip()[-1:], after.text.lstrip()[:1]
        # not a citation, a formula's number, a ";"; a dash leaves the sentence open
        open_end = end.isalnum() or end in ",-–"
        going_on = starts_lower(after.text) or (
            under and same and open_end and (start.isalnum() or start in "([")
        )
        return not ends_sentence(text) and going_on
    if _stops_short(before) and after.text[:1].isupper() and not indent:
        return False  # ended above a figure, an equation or the break; a sentence opens after
    if not ends_sentence(text) or indent:
        return True  # stopped mid-sentence; or, where paragraphs are set in, this one is not
    # Paragraphs marked by space alone: a full stop at the end of a full line followed by a
    # capital is a paragraph's end or a break inside it. A line whose spaces were stretched
    # to fill the column was justified, which a paragraph's last line never is: it goes on.
    # One filled by its words at their own spacing may end either way, and a new paragraph
    # is the lesser harm. A lead-in's colon over a float announces the float.
    announces = bool(held) and text.rstrip().endswith(":")
    return before.last_full and (
        starts_lower(after.text) or (not announces and stretched(before.lines[-1], spaces or {}))
    )


_Type = tuple[str, int]  # a font and its size in whole points

#: Short last lines of paragraphs of one type that tell its own space width, at least.
SPACE_SAMPLES = 3
#: A line's spaces this much wider than its type's own: stretched to fill the column.
#: Measured on 97 unseen articles: of 3,146 paragraphs' last lines stopping short, 24 went
#: past it (a line broken by hand is justified too); of 32,732 full lines inside paragraphs,
#: 93 % did (the others filled the column at their own spacing).
STRETCHED = 1.06


def _type_of(line: Line) -> _Type:
    """The type a line ends in: its spaces are measured against that type's own."""
    style = line.words[-1].style
    return style.font, round(style.size)


def _space(line: Line) -> float | None:
    """The median space between a line's words, in ems of its last word's type (None for a
    line of fewer than three words)."""
    words = line.words
    if len(words) < 3:
        return None
    size = words[-1].style.size or 1.0
    return statistics.median(b.box.x0 - a.box.x1 for a, b in itertools.pairwise(words)) / size


def word_spaces(paras: Sequence[Para]) -> dict[_Type, float]:
    """The width of a space in each type of running text, in ems, as the short last lines of
    its paragraphs set it: a justified paragraph's last line is not stretched, its spaces
    are the type's own (the PDF gives no font's metrics)."""
    found: dict[_Type, list[float]] = {}
    for para in paras:
        if para.role != roles.BODY or para.column is None or para.last_full:
            continue
        space = _space(para.lines[-1])
        if space is not None:
            found.setdefault(_type_of(para.lines[-1]), []).append(space)
    return {
        kind: statistics.median(values)
        for kind, values in found.items()
        if len(values) >= SPACE_SAMPLES
    }


def stretched(line: Line, spaces: Mapping[_Type, float]) -> bool:
    """The line's spaces are wider than its type's own (`word_spaces`): it was justified."""
    own, space = spaces.get(_type_of(line)), _space(line)
    return own is not None and space is not None and space >= STRETCHED * own


_DASH_ITEM = re.compile(r"^[-−–+]\s")  # a dash's item, or a "+" item under one


def _dash_item(before: Para, after: Para) -> bool:
    """`after` opens with a dash (or a "+") after a text that ended its item or sentence, or
    after an item (bulleted, or a dash's) stopping short of its line's end: the next item of
    a list ("...: ≥ 0,5;" / "- Hệ số ...", "• Cấu trúc (hình 1)" / "- Hệ vào ...", "+ Lập kế
    hoạch ... sơ sài." / "+ Hầu hết ..."), not a spaced dash going on with the sentence
    ("Trường Đại học Kinh tế" / "- Kỹ thuật Công nghiệp", "• ... thương mại Mỹ" filling its
    line / "– Trung đã tác động ...")."""
    end = before.text.rstrip()[-1:]
    listed = bool(_bullet_of(before.text))
    ended = (bool(end) and end in ".;:!?") or (listed and not before.last_full)
    return ended and bool(_DASH_ITEM.match(after.text.lstrip()))


def _item_ended(before: Para, after: Para) -> bool:
    """`before` stops short from its column's edge, an item or a definition ended (`ends_item`)."""
    column = before.column
    if column is None or before.last_full or not from_the_edge(before.lines[-1], column):
        return False
    return ends_item(before.text, after.text)


def _stops_short(para: Para) -> bool:
    """Its last line ends short of its column's edge (a column known on its page)."""
    return para.column is not None and not para.last_full


def _groups(paras: list[Para]) -> list[list[Para]]:
    """Consecutive table cells are one table, consecutive references one list; every other
    paragraph stands alone."""
    groups: list[list[Para]] = []
    grids: dict[int, list[Para]] = {}  # a ruled table's cells, wherever they come in order
    for para in paras:
        if para.grid is not None and para.role == roles.TABLE:
            if id(para.grid) in grids:
                grids[id(para.grid)].append(para)
            else:
                groups.append(grids.setdefault(id(para.grid), [para]))
            continue
        together = para.role in (roles.TABLE, roles.REFERENCE)
        if together and groups and groups[-1][-1].role == para.role and not groups[-1][-1].grid:
            groups[-1].append(para)
        else:
            groups.append([para])
    return groups


def _blocks_of(group: list[Para]) -> list[Block]:
    first = group[0]
    if first.role == roles.TABLE:
        text = grid_text(group) if first.grid else table_text(group)
        if not first.grid and "\n" not in text and " | " not in text:
            return _lone_cell(text)
        return [Block(BlockKind.TABLE, text)]
    if first.role == roles.REFERENCE:
        return [Block(BlockKind.REFERENCE, item) for item in reference_items(group)]
    if first.role == roles.FIGURE:
        return []
    text = without_bullet(first.text)
    if first.role == roles.EQUATION:
        lines = first.lines
        text = first.written or (
            formula_text(lines) if first.formula else "\n".join(line.text for line in lines)
        )
    elif first.role == roles.BODY and text != first.text:
        return [Block(BlockKind.ITEM, text)]  # its bullet taken off: Markdown draws one
    elif first.role == roles.CAPTION:
        text = "\n".join([text, *(_note_lines(note) for note in first.notes)])  # a line each
    return [Block(_KIND[first.role], text)]


def _note_lines(note: Para) -> str:
    """A float's note, a line each for the notes poppler read as one block ("Nguồn: ..."
    over "Ghi chú: ..."): a line opening with a note's label opens a note of its own."""
    groups: list[list[str]] = []
    for line in note.lines:
        if not groups or roles.is_float_note(line.text):
            groups.append([line.text])
        else:
            groups[-1].append(line.text)
    return "\n".join(join_lines(group) for group in groups)


def table_text(cells: list[Para]) -> str:
    """A table's rows as lines, cells separated by " | ", rows top to bottom: the cells'
    lines grouped by the height they stand at (poppler may give a column of cells as one
    block)."""
    lines = [(cell.page, line) for cell in cells for line in cell.lines]
    return "\n".join(" | ".join(c.text for c in row) for row in _rows(lines))


def formula_text(lines: list[Line]) -> str:
    """The pieces of a formula: those standing level with each other (a sign, the fraction
    bar's height, the unit, the number) on one line left to right, a numerator over it and a
    denominator under it."""
    rows = _rows([(0, line) for line in lines])
    return "\n".join(" ".join(line.text for line in row) for row in rows)


def _rows(lines: list[tuple[int, Line]]) -> list[list[Line]]:
    """Lines (with their page) grouped in rows by the height they stand at, top to bottom,
    each row left to right."""
    ordered = sorted(lines, key=lambda item: (item[0], item[1].box.y0))
    rows: list[list[Line]] = []
    pages: list[int] = []
    for page, line in ordered:
        if rows and pages[-1] == page and line.box.cy < max(c.box.y1 for c in rows[-1]):
            rows[-1].append(line)
        else:
            rows.append([line])
            pages.append(page)
    return [sorted(row, key=lambda c: c.box.x0) for row in rows]


def reference_items(paras: list[Para]) -> list[str]:
    """The items of a reference list: cut where a line opens with a number ("[3]", "3."),
    else where a paragraph starts (a hanging indent sets the other lines in)."""
    lines = _printed_order(paras)
    styles = Counter(style for line in lines if (style := _numbering(line.text)))
    items: list[list[str]] = []
    if styles.total() >= 2:
        style = styles.most_common(1)[0][0]
        for line in lines:
            if not items or _numbering(line.text) == style:
                items.append([line.text])
            else:
                items[-1].append(line.text)
    else:
        left = min(line.box.x0 for line in lines)
        for line in lines:
            if not items or line.box.x0 <= left + 2:
                items.append([line.text])
            else:
                items[-1].append(line.text)
    return [_REFERENCE_ITEM.sub("", join_lines(item), count=1).strip() for item in items]


def _numbering(text: str) -> str | None:
    """How a line opening a reference numbers it: "[]" for "[3]", "." for "3.", ")" for
    "3)"; None for a line opening with no number. A list numbers all its items one way, so a
    line numbered another way ("4. Tr. 155-163.", a volume's number wrapped) goes on the
    item above it."""
    item = _REFERENCE_ITEM.match(text)
    if item is None:
        return None
    number = item.group(1)
    return "[]" if number.startswith("[") else number.rstrip()[-1]


def _printed_order(paras: list[Para]) -> list[Line]:
    """The list's lines, the pieces poppler made of one printed line (an item's number set
    apart, a wide gap of justified type) joined left to right where its leftmost piece of
    text stood; an entry that prints its number again beside the number set apart keeps one
    of them."""
    lines = [(para, line) for para in paras for line in para.lines]
    groups = Groups()
    for (index, one), (other_index, other) in itertools.combinations(enumerate(lines), 2):
        if _pieces(one, other):
            groups.join(index, other_index)
    rows: dict[object, list[int]] = {}
    for index in range(len(lines)):
        rows.setdefault(groups.find(index), []).append(index)
    placed = []
    for row in rows.values():
        text = [index for index in row if not _bare(lines[index][1])] or row
        where = min(text, key=lambda index: lines[index][1].box.x0)
        placed.append((where, _one_line([lines[index][1] for index in row])))
    return [line for _, line in sorted(placed, key=lambda item: item[0])]


PIECE_GAP = 4.0  # line heights: the widest gap between two pieces of one printed line


def _pieces(one: tuple[Para, Line], other: tuple[Para, Line]) -> bool:
    """Two pieces of one printed line: a number and its entry, or a line and the piece
    poppler cut off it; lines of two columns, or of a table's cells, are not."""
    (left_para, left), (right_para, right) = sorted((one, other), key=lambda i: i[1].box.x0)
    if left is right or left_para.page != right_para.page:
        return False
    columns = (left_para.column, right_para.column)
    if None not in columns and columns[0] is not columns[1]:
        return False
    if len(right_para.lines) > 1 and not _bare(left):
        return False  # a cut-off piece stands alone; a paragraph of lines is a column's
    return left.box.leads(right.box, PIECE_GAP)


_BARE_NUMBER = re.compile(r"^\s*(?:\[\d{1,3}\]|\d{1,3}[.)])\s*$")


def _bare(line: Line) -> bool:
    return bool(_BARE_NUMBER.match(line.text))


def _one_line(row: list[Line]) -> Line:
    pieces = sorted(row, key=lambda line: line.box.x0)
    if (
        len(pieces) > 1
        and _bare(pieces[0])
        and pieces[1].text.split()[:1] == pieces[0].text.split()
    ):
        pieces = pieces[1:]  # the entry prints its number again
    if len(pieces) == 1:
        return pieces[0]
    return Line.of([word for line in pieces for word in line.words])


def without_bullet(text: str) -> str:
    """A list item's text without the bullet a symbol font drew before it."""
    return BULLET_OR_DASH.sub("", text, count=1)
