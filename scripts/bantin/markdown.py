"""Writes an article as escaped Markdown with YAML front matter, and reads that format back.

Source text is data: every character that Python-Markdown (with the extensions in mkdocs.yml)
could read as syntax is escaped, so the page shows exactly the words of the source.
"""

from __future__ import annotations

import difflib
import html
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from bantin import slug
from bantin.exceptions import MetadataError
from bantin.metadata import FrontMatter
from bantin.model import Block, BlockKind
from bantin.vietnamese import CHAPTER_LABEL, PRINTABLE
from bantin.yamlio import dump_yaml, load_model

FENCE = "---"
FIGURE_CLASS = "bantin-figure"
FOOTNOTE_CLASS = "bantin-footnote"
_PREFIX = {
    BlockKind.FIGURE: "f",
    BlockKind.TABLE: "t",
    BlockKind.EQUATION: "e",
    BlockKind.FOOTNOTE: "n",
    BlockKind.REFERENCE: "r",
}
HEADING_LEVEL = 2

# Characters escaped wherever they stand: each can open inline syntax in the middle of a line;
# "&" only where it starts an entity (one character class: the search skips plain text fast).
_INLINE = re.compile(r"[\\`*_{}\[\]#<&]")
_ENTITY_REST = re.compile(r"#?[A-Za-z0-9]+;")
# What a block may not start with: list, quote and block-extension markers.
_LEADING = re.compile(r"^(?:[-+>/]|(?P<num>\d+)\.(?=\s|$))")
_UNESCAPE = re.compile(r"\\([\\`*_{}\[\]()>#+\-.!/|~])|&(amp|lt|gt|quot|#47);")
_ENTITIES = {"amp": "&", "lt": "<", "gt": ">", "quot": '"', "#47": "/"}

_BREAKS = re.compile(r"[\r\n\t\f\v\u0085\u2028\u2029]+")
_CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")

_PARA_ANCHOR = re.compile(
    r"^\{:\s*#(?P<id>[A-Za-z0-9_-]+)(?:\s+\.(?P<cls>[A-Za-z0-9_-]+))?\s*\}\s*$"
)
_HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.*?)\s*$")
_HEADING_ANCHOR = re.compile(r"\s+\{:?\s*#(?P<id>[A-Za-z0-9_-]+)\s*\}\s*$")
_FIGURE_OPEN = re.compile(r"^///\s*html\s*\|\s*figure(?P<attrs>\S*)\s*$")
_PRE_OPEN = re.compile(
    r'^<pre class="bantin-(?P<kind>table|equation)" id="(?P<id>[A-Za-z0-9_-]*)">\s*$'
)
_REFERENCE_ITEM = re.compile(r"^(?P<number>\d{1,4})\.\s+(?P<text>.*)$")
_BULLET_ITEM = re.compile(r"^(?P<indent>(?:    )*)-\s+(?P<text>.*)$")
LIST_INDENT = "    "  # a sub-list's items stand this far right of their item's
_FIGURE_ID = re.compile(r"#(?P<id>[A-Za-z0-9_-]+)")


@dataclass
class ParsedArticle:
    """An article file read back: validated front matter and the body blocks, unescaped."""

    front: FrontMatter
    blocks: list[Block]


# --- escaping ---------------------------------------------------------------------------


def one_line(text: str) -> str:
    """Blocks are written on one line: line breaks and tabs become spaces; control characters
    (Python-Markdown uses STX/ETX as its own placeholders) are dropped."""
    if PRINTABLE[text]:
        return text.strip()  # neither breaks nor control characters: nothing to replace
    spaced = _BREAKS.sub(" ", text)
    return _CONTROLS.sub("", spaced).strip()


def _inline_replacement(match: re.Match[str]) -> str:
    """Backslash before a Markdown special; HTML-significant characters as entities."""
    found = match.group(0)
    if found == "<":
        return "&lt;"
    if found == "&":
        entity = _ENTITY_REST.match(match.string, match.end()) is not None
        return "&amp;" if entity else "&"
    return "\\" + found


def _leading_replacement(match: re.Match[str]) -> str:
    number = match.group("num")
    return f"{number}\\." if number is not None else "\\" + match.group(0)


def escape(text: str) -> str:
    """Markdown text that renders as exactly `text` (on one line)."""
    escaped = _INLINE.sub(_inline_replacement, one_line(text))
    return _LEADING.sub(_leading_replacement, escaped, count=1)


def _unescape_replacement(match: re.Match[str]) -> str:
    char = match.group(1)
    return char if char is not None else _ENTITIES[match.group(2)]


def unescape(text: str) -> str:
    """The text an escaped Markdown line stands for."""
    return _UNESCAPE.sub(_unescape_replacement, text)


# --- anchors --------------------------------------------------------------------------


def anchor_base(block: Block) -> str:
    """The anchor a block would get on first conversion (before collisions)."""
    if block.kind is BlockKind.HEADING:
        return slug.anchor_base("", block.text, words=None)
    return slug.anchor_base(_PREFIX.get(block.kind, "p"), block.text)


def assign_anchors(blocks: Sequence[Block], previous: Sequence[Block] = ()) -> list[Block]:
    """Frozen anchors: reuse the previous file's anchor of a matching block, else a new one."""
    result = list(blocks)
    kept = _reuse_previous(result, previous)
    taken = set(kept.values())
    for index, block in enumerate(result):
        anchor = kept.get(index) or slug.unique_anchor(anchor_base(block), taken)
        result[index] = Block(**{**block.__dict__, "anchor": anchor})  # as replace(), faster
    return result


def _reuse_previous(blocks: list[Block], previous: Sequence[Block]) -> dict[int, str]:
    """Index of a new block -> the anchor it keeps; one previous anchor is used only once."""
    if not previous:
        return {}
    old_keys = [(b.kind, b.text) for b in previous]
    new_keys = [(b.kind, b.text) for b in blocks]
    kept: dict[int, str] = {}
    used: set[str] = set()
    matcher = difflib.SequenceMatcher(None, old_keys, new_keys, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and i2 - i1 == j2 - j1):
            for offset in range(i2 - i1):
                old, index = previous[i1 + offset], j1 + offset
                if old.anchor and old.kind is blocks[index].kind and old.anchor not in used:
                    kept[index] = old.anchor
                    used.add(old.anchor)
    return kept


# --- writing --------------------------------------------------------------------------


#: A heading's number ("2.", "2.1.", "2.1") and the full stop after it, if any.
_ARABIC_MARK = re.compile(r"^(\d{1,2}(?:\.\d{1,2})*)(\.?)\s+(?=\S)")
#: A point's number opening a paragraph ("1. Bộ ...: ...").
_POINT_MARK = re.compile(r"^\s*(\d{1,2})\.\s+(?=\S)")
#: A section numbered in Roman figures, up to XXXIX ("C." or "L." is a lettered point).
_ROMAN_MARK = re.compile(r"^(X{0,3}(?:IX|IV|V?I{0,3}))\.\s")
_LETTER_MARK = re.compile(r"^[a-zđA-ZĐ][.)]\s")
#: The names of an article's own sections, which stand at the top without a number.
_SECTION_NAME = re.compile(
    r"^(?:(?:tài liệu (?:tham khảo|trích dẫn)|danh mục tài liệu tham khảo|danh mục tài liệu"
    r"|lời c[ảá]m ơn|tóm tắt|mở đầu|đặt vấn đề|kết luận|references?|bibliography"
    r"|acknowledge?ments?|abstract|summary|introduction|conclusions?)"
    # the whole heading, "chung" ("Kết luận chung"), or its name joined to another ("Kết luận
    # và kiến nghị", "Kết luận, kiến nghị", "Tài liệu tham khảo (References)"), not a part of
    # a section named so ("Kết luận chương 2", "Summary statistics")
    r"(?:\s+chung|\s*[,/:(–-].*|\s+(?:và|and|&)\s.+)?\s*[.:]?\s*$"
    rf"|phụ lục\b|appendix\b|appendices\b|{CHAPTER_LABEL}\b)",
    re.IGNORECASE,
)


def heading_levels(blocks: Sequence[Block]) -> dict[int, int]:
    """Each heading's level by its number, the title being the page's first: "2." a
    section (##), "2.1." one of its parts (###), "2.1.1." (####); where sections are
    numbered "I.", "II.", the arabic numbers go one deeper; a lettered point ("a.", "b)")
    is a part of the heading before it; a heading without a number is a part of the numbered
    one before it, or a section where none is, or where it names one of an article's own
    ("Tài liệu tham khảo", "Lời cảm ơn", "Kết luận"). A number without a full stop before a
    word in small letters ("10.5 độ C") is a figure, no number. Numbers counted again from
    below the last section's under a part of it ("3.2." then "1.", "2.") are its points, and
    so is a number going back under a section right after a paragraph opened by the number
    before it (point "1." written as a paragraph, "2." as a heading)."""
    roman = {"I", "II"} <= {
        _roman(block.text) for block in blocks if block.kind is BlockKind.HEADING
    }
    levels: dict[int, int] = {}
    above = HEADING_LEVEL - 1  # the level of the heading a lettered point is a part of
    numbered = HEADING_LEVEL - 1  # the level of the numbered heading the text is under
    top = HEADING_LEVEL + (1 if roman else 0)  # the level of a heading numbered "2."
    last = 0  # the number of the last heading numbered so ("2."), 0 after a named section
    point = 0  # the number of the last point counted again from one under a part ("1.")
    opened: set[int] = set()  # the numbers opening paragraphs since the last numbered heading
    for index, block in enumerate(blocks):
        if block.kind is not BlockKind.HEADING:
            opening = _POINT_MARK.match(block.text)
            if opening:
                opened.add(int(opening.group(1)))
            continue
        text = block.text.lstrip()
        arabic = _ARABIC_MARK.match(text)
        if arabic and (arabic.group(2) or not text[arabic.end() :][:1].islower()):
            level = top + arabic.group(1).count(".")
            number = int(arabic.group(1)) if level == top else 0
            if number and numbered > top and number <= last and number == point + 1:
                level = above = numbered + 1  # "1." again under "3.2.": a point of 3.2.
                point = number
            elif number and (
                (number <= last and number - 1 in opened)
                or (point and number == point + 1 and _numbered_again(blocks, index, number))
            ):
                # "1." a paragraph, "2." a heading: a point under the heading above it
                level = above = above if point else (max(numbered, above) + 1)
                point = number
            else:
                above = numbered = level
                last, point = number or last, 0
                opened = set()
        elif roman and _roman(text):
            level = above = numbered = HEADING_LEVEL
            last = 0
        elif _LETTER_MARK.match(text):
            level = above + 1
        elif _SECTION_NAME.match(text):
            level = above = HEADING_LEVEL
            numbered = HEADING_LEVEL - 1
            last = 0
        else:
            level = above = numbered + 1
        levels[index] = min(max(level, HEADING_LEVEL), 6)
    return levels


def _numbered_again(blocks: Sequence[Block], index: int, number: int) -> bool:
    """A heading after blocks[index] is numbered `number` too: the section of that number is
    still to come, and the one at `index` goes on counting points ("2." a point, "3." too,
    then "3. KẾT QUẢ")."""
    for block in blocks[index + 1 :]:
        found = _ARABIC_MARK.match(block.text.lstrip())
        if block.kind is BlockKind.HEADING and found and found.group(1) == str(number):
            return True
    return False


def _roman(text: str) -> str:
    """The Roman figures numbering a heading ("II. KẾT QUẢ" -> "II"), "" when none."""
    found = _ROMAN_MARK.match(text.lstrip())
    return found.group(1) if found else ""


def render_block(block: Block, number: int = 1, level: int = HEADING_LEVEL) -> str:
    """One block in the article format: heading (at `level`), paragraph or footnote with its
    anchor line, figure caption, table or equation (preformatted, lines kept), reference
    list item (`number`) or bulleted list item."""
    if block.kind in (BlockKind.TABLE, BlockKind.EQUATION):
        return _render_pre(block)
    if block.kind is BlockKind.FIGURE:
        return _render_figure(block)
    text = escape(block.text)
    if block.kind is BlockKind.REFERENCE:
        return f"{number}. {text}\n{{: #{block.anchor} }}"
    if block.kind is BlockKind.ITEM:
        indent = LIST_INDENT * block.level
        return f"{indent}- {text}\n{indent}{{: #{block.anchor} }}"
    if block.kind is BlockKind.FOOTNOTE:
        return f"{text}\n{{: #{block.anchor} .{FOOTNOTE_CLASS} }}"
    if block.kind is BlockKind.HEADING:
        return f"{'#' * level} {text} {{ #{block.anchor} }}"
    return f"{text}\n{{: #{block.anchor} }}"


def _render_figure(block: Block) -> str:
    """A figure's caption: its title, then each of its notes (the unit, the source) on a
    line of its own, which the page keeps (the caption's style keeps line breaks)."""
    return "\n".join(
        [
            f"/// html | figure.{FIGURE_CLASS}#{block.anchor}",
            "//// html | figcaption",
            *map(escape, pre_lines(block.text)),
            "////",
            "///",
        ]
    )


def _render_pre(block: Block) -> str:
    """A table or an equation as preformatted lines in raw HTML: its text escaped, so Markdown
    never reads it and no line of it can close the element."""
    opening = f'<pre class="bantin-{block.kind.value}" id="{block.anchor}">'
    lines = [html.escape(line, quote=False) for line in pre_lines(block.text)]
    return "\n".join([opening, *lines, "</pre>"])


def pre_lines(text: str) -> list[str]:
    """The lines a table or an equation keeps: each on one line, none empty."""
    return [one_line(line) for line in text.split("\n") if one_line(line)]


def written_text(block: Block) -> str:
    """The text a block reads back as once written: one line, or a table's, an equation's or
    a caption's lines."""
    if block.kind in (BlockKind.TABLE, BlockKind.EQUATION, BlockKind.FIGURE):
        return "\n".join(pre_lines(block.text))
    return one_line(block.text)


def render_front(front: FrontMatter) -> str:
    return f"{FENCE}\n{dump_yaml(front.to_yaml_dict())}{FENCE}\n"


def render_article(front: FrontMatter, blocks: Sequence[Block]) -> str:
    """The whole article file; blocks must carry their anchors already."""
    body: list[str] = []
    number, item = 0, False
    levels = heading_levels(blocks)
    for index, block in enumerate(blocks):
        if not written_text(block):
            continue
        if block.kind is BlockKind.REFERENCE and number:
            number += 1
            body[-1] += "\n" + render_block(block, number)  # one list: no blank line between
            continue
        if block.kind is BlockKind.ITEM and item:
            body[-1] += "\n" + render_block(block)
            continue
        number = 1 if block.kind is BlockKind.REFERENCE else 0
        item = block.kind is BlockKind.ITEM
        body.append(render_block(block, number, levels.get(index, HEADING_LEVEL)))
    if not body:
        return render_front(front)
    return render_front(front) + "\n" + "\n\n".join(body) + "\n"


# --- reading --------------------------------------------------------------------------


def split_front(text: str, path: Path | str) -> tuple[str, list[str], int]:
    """(front matter YAML, body lines, 1-based line number of the first body line)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != FENCE:
        raise MetadataError(path, "no YAML front matter: the file must start with '---'", 1)
    for index in range(1, len(lines)):
        if lines[index].rstrip() == FENCE:
            return "\n".join(lines[1:index]) + "\n", lines[index + 1 :], index + 2
    raise MetadataError(path, "the front matter is not closed by a '---' line", 1)


def _read_figure(lines: list[str], start: int) -> tuple[Block, int]:
    """A figure html block from its opening line to its closing '///': its caption's lines,
    the title's, then each note's."""
    opened = _FIGURE_OPEN.match(lines[start].strip())
    found = _FIGURE_ID.search(opened.group("attrs")) if opened else None
    caption: list[str] = []
    index = start + 1
    while index < len(lines) and lines[index].strip() != "///":
        line = lines[index]
        if line.strip() and not line.startswith("////") and not line.startswith("    "):
            caption.append(line.strip())
        index += 1
    text = "\n".join(map(unescape, caption))
    return Block(BlockKind.FIGURE, text, anchor=found.group("id") if found else ""), index + 1


def _read_heading(line: str) -> Block:
    """A heading line, with its `{ #id }` anchor taken off."""
    match = _HEADING.match(line)
    text = match.group("text") if match else line
    anchor = _HEADING_ANCHOR.search(text)
    if anchor:
        text = text[: anchor.start()]
    found = anchor.group("id") if anchor else ""
    return Block(BlockKind.HEADING, unescape(text.strip()), anchor=found)


def _read_paragraph(lines: list[str], start: int) -> tuple[Block, int]:
    """Lines up to the next blank line; a last `{: #id }` line is the anchor (and a footnote's
    class)."""
    index, parts, anchor, kind = start, [], "", BlockKind.PARAGRAPH
    while index < len(lines) and lines[index].strip():
        match = _PARA_ANCHOR.match(lines[index].strip())
        if match:
            anchor = match.group("id")
            kind = BlockKind.FOOTNOTE if match.group("cls") == FOOTNOTE_CLASS else kind
        else:
            parts.append(lines[index].strip())
        index += 1
    return Block(kind, unescape(" ".join(parts)), anchor=anchor), index


def _read_pre(lines: list[str], start: int) -> tuple[Block, int]:
    """A table or equation block: its lines as written, up to the closing '///'."""
    opened = _PRE_OPEN.match(lines[start].strip())
    kind = BlockKind(opened.group("kind")) if opened else BlockKind.TABLE
    body: list[str] = []
    index = start + 1
    while index < len(lines) and lines[index].strip() != "</pre>":
        if lines[index].strip():
            body.append(html.unescape(lines[index].strip()))
        index += 1
    return Block(kind, "\n".join(body), anchor=opened.group("id") if opened else ""), index + 1


def _read_items(
    lines: list[str],
    start: int,
    pattern: re.Pattern[str] = _REFERENCE_ITEM,
    kind: BlockKind = BlockKind.REFERENCE,
) -> tuple[list[Block], int]:
    """A list: an ordered one of references, or (`_BULLET_ITEM`, ITEM) a bulleted one; each
    item maybe followed by its `{: #id }` line."""
    blocks: list[Block] = []
    index = start
    while index < len(lines) and lines[index].strip():
        line = lines[index].strip()
        item = pattern.match(lines[index].rstrip() if kind is BlockKind.ITEM else line)
        anchor = _PARA_ANCHOR.match(line)
        if item:
            level = len(item.group("indent")) // len(LIST_INDENT) if kind is BlockKind.ITEM else 0
            blocks.append(Block(kind, unescape(item.group("text").strip()), level=level))
        elif anchor and blocks:
            blocks[-1].anchor = anchor.group("id")
        elif blocks:
            blocks[-1].text = f"{blocks[-1].text} {unescape(line)}"
        index += 1
    return blocks, index


def parse_blocks(lines: list[str]) -> list[Block]:
    """Body lines back into blocks (editors may wrap paragraphs over several lines)."""
    blocks: list[Block] = []
    index = 0
    while index < len(lines):
        line = lines[index]
        if not line.strip():
            index += 1
        elif _FIGURE_OPEN.match(line.strip()):
            block, index = _read_figure(lines, index)
            blocks.append(block)
        elif _PRE_OPEN.match(line.strip()):
            block, index = _read_pre(lines, index)
            blocks.append(block)
        elif _REFERENCE_ITEM.match(line):
            items, index = _read_items(lines, index)
            blocks += items
        elif _BULLET_ITEM.match(line):
            items, index = _read_items(lines, index, _BULLET_ITEM, BlockKind.ITEM)
            blocks += items
        elif _HEADING.match(line):
            blocks.append(_read_heading(line))
            index += 1
        else:
            block, index = _read_paragraph(lines, index)
            blocks.append(block)
    return blocks


def parse_article(text: str, path: Path | str) -> ParsedArticle:
    """Read an article file of our format; MetadataError names the line of a bad key."""
    front_text, body, _ = split_front(text, path)
    front = load_model(FrontMatter, front_text, path, line_offset=1)
    return ParsedArticle(front, parse_blocks(body))


def read_article(path: Path) -> ParsedArticle:
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise MetadataError(path, f"cannot read: {error}") from error
    return parse_article(text, path)
