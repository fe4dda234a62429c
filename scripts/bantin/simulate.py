"""Layout simulator: an article laid out the way text extracted from a bulletin's PDF pages looks.

`lay_out` wraps the body into narrow columns, breaks columns and pages mid-sentence, inserts the
title band after the first columns, drops photo captions into the flow, adds running heads,
small-caps headings, an end mark and a byline. Every choice comes from the given rng.
"""

from __future__ import annotations

import datetime as dt
import json
import random
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any

ACRONYMS = ("KH&CN", "KT-XH", "ĐMST", "UBND", "TP")
END_MARKS = (" ?", " ■", " ♦")
FINAL_PUNCTUATION = ".…?!"
_ACRONYM_RE = re.compile("|".join(re.escape(a) for a in sorted(ACRONYMS, key=len, reverse=True)))


@dataclass(frozen=True)
class Section:
    """One section of the body: its heading ("" for none) and its paragraphs."""

    heading: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True)
class Caption:
    """A photo caption; `after` is the index (over all paragraphs) of the paragraph it follows."""

    text: str
    after: int


@dataclass
class ArticleSpec:
    """The article as the editor wrote it: what a converter should get back from its layout."""

    title: str
    lead: str
    sections: list[Section]
    captions: list[Caption] = field(default_factory=list)
    authors: list[str] = field(default_factory=list)
    date: dt.date | None = None
    issue: int = 1
    year: int = 2021
    section: str = "Diễn đàn khoa học và công nghệ"
    first_page: int = 1

    def paragraphs(self) -> list[str]:
        return [p for s in self.sections for p in s.paragraphs]

    def headings(self) -> list[str]:
        return [s.heading for s in self.sections if s.heading]

    def issue_label(self) -> str:
        return f"Số {self.issue} năm {self.year}"


@dataclass
class LayoutOptions:
    """The ranges and odds the layout draws from; tests narrow them to pin one feature."""

    width: tuple[int, int] = (26, 45)
    column_lines: tuple[int, int] = (12, 45)
    columns_per_page: tuple[int, int] = (2, 4)
    title_after_column: tuple[int, int] = (1, 3)
    title_width: tuple[int, int] = (70, 100)
    lead_width: tuple[int, int] = (88, 100)
    trailing_space: float = 0.85
    hyphen_split: float = 0.8
    leading_space: float = 0.15
    caption_blank_after: float = 0.5
    form_feed: float = 0.3
    heads_at_end: float = 0.2
    end_mark_replaces_period: float = 0.3
    nfd: float = 0.3
    crlf: float = 0.2


@dataclass
class Layout:
    """The extracted text and what the converter should recover from it."""

    text: str
    width: int
    paragraphs: list[str]
    end_mark: str
    pages: list[int]
    body_lines: list[str] = field(default_factory=list)


@dataclass
class _Line:
    """One line of the body flow; `open` lines end mid-sentence, so a column may break there."""

    text: str
    paragraph: int = -1
    open: bool = False


# ---------------------------------------------------------------- wrapping


def wrap(text: str, width: int, rng: random.Random, hyphen_split: float = 0.0) -> list[str]:
    """Greedy word wrap; a hyphenated word that does not fit may break after its hyphen."""
    lines: list[str] = []
    current = ""
    for word in text.split(" "):
        candidate = f"{current} {word}" if current else word
        if len(candidate) <= width or not current:
            current = candidate
            continue
        head, tail = _split_hyphenated(word, width - len(current) - 1)
        if head and rng.random() < hyphen_split:
            lines.append(f"{current} {head}")
            current = tail
        else:
            lines.append(current)
            current = word
    lines.append(current)
    return lines


def _split_hyphenated(word: str, room: int) -> tuple[str, str]:
    """The longest 'XX-' prefix of a glued compound that fits in `room`, and the rest."""
    cuts = [m.end() for m in re.finditer(r"(?<=\w)-(?=\w)", word) if m.end() <= room]
    if not cuts:
        return "", word
    return word[: cuts[-1]], word[cuts[-1] :]


def _with_trailing_spaces(lines: list[str], rng: random.Random, odds: float) -> list[str]:
    """Wrapped lines often keep the space they broke at; a line ending in a glued hyphen never."""
    out = []
    for index, line in enumerate(lines):
        last = index == len(lines) - 1
        keep = not line.endswith("-") or line.endswith(" -")
        chance = odds if not last else odds / 8
        out.append(line + " " if keep and rng.random() < chance else line)
    return out


# ---------------------------------------------------------------- small caps


def small_caps(text: str, rng: random.Random) -> str:
    """Text set in small caps as extraction returns it: first letter lowered, acronyms mangled."""
    mangled = _ACRONYM_RE.sub(lambda m: _mangle_acronym(m.group(0), rng), text)
    if mangled[:1] and not _ACRONYM_RE.match(text):
        mangled = mangled[0].lower() + mangled[1:]
    return mangled


def _mangle_acronym(acronym: str, rng: random.Random) -> str:
    style = rng.choice(("title", "capitalize"))
    return acronym.title() if style == "title" else acronym.capitalize()


# ---------------------------------------------------------------- body flow


def _body_flow(
    spec: ArticleSpec, width: int, rng: random.Random, opts: LayoutOptions
) -> list[_Line]:
    """Headings and wrapped paragraphs in reading order, blank lines between blocks."""
    flow: list[_Line] = []
    index = 0
    for section in spec.sections:
        if section.heading:
            if flow:
                flow.append(_Line(""))
            heading = wrap(small_caps(section.heading, rng), width, rng)
            flow.extend(_Line(t) for t in _with_trailing_spaces(heading, rng, opts.trailing_space))
            flow.append(_Line(""))
        for paragraph in section.paragraphs:
            if flow and flow[-1].text:
                flow.append(_Line(""))
            flow.extend(_paragraph_lines(paragraph, index, width, rng, opts))
            index += 1
    return flow


def _paragraph_lines(
    text: str, index: int, width: int, rng: random.Random, opts: LayoutOptions
) -> list[_Line]:
    wrapped = _with_trailing_spaces(
        wrap(text, width, rng, opts.hyphen_split), rng, opts.trailing_space
    )
    lines = [_Line(t, index, open=_ends_mid_sentence(t)) for t in wrapped]
    lines[-1].open = False
    return lines


def _ends_mid_sentence(line: str) -> bool:
    return not line.rstrip().endswith(tuple(FINAL_PUNCTUATION))


def _columns(flow: list[_Line], rng: random.Random, opts: LayoutOptions) -> list[list[_Line]]:
    """Cut the flow into columns, each ending after a line that ends mid-sentence."""
    columns: list[list[_Line]] = []
    start = 0
    while start < len(flow):
        target = start + rng.randint(*opts.column_lines)
        cut = next((i for i in range(target, len(flow) - 1) if _cuttable(flow, i)), len(flow) - 1)
        columns.append(flow[start : cut + 1])
        start = cut + 1
    return columns


def _cuttable(flow: list[_Line], index: int) -> bool:
    """A column may end after an unfinished line, unless what continues is one capitalised
    line closing its paragraph: set apart, that line could be a caption as well."""
    if not flow[index].open:
        return False
    after = flow[index + 1]
    lone = index + 2 >= len(flow) or flow[index + 2].paragraph != after.paragraph
    return not (lone and after.text[:1].isupper())


# ---------------------------------------------------------------- page furniture


def running_heads(
    spec: ArticleSpec, page: int, rng: random.Random, opts: LayoutOptions
) -> list[str]:
    """Page number, section name and issue label, in one of the orders pages use."""
    parts = [str(page), spec.section, spec.issue_label()]
    if rng.random() < 0.5:
        parts.reverse()
    lines: list[str] = []
    for part in parts:
        lines.extend([part, ""])
    if rng.random() < opts.form_feed:
        lines[0] = "\f" + lines[0]
    return lines[:-1]


def title_band(spec: ArticleSpec, rng: random.Random, opts: LayoutOptions) -> list[str]:
    """The title in small caps over wide lines, then the lead in wide lines."""
    title = wrap(small_caps(spec.title, rng), rng.randint(*opts.title_width), rng)
    lead = wrap(spec.lead, rng.randint(*opts.lead_width), rng) if spec.lead else []
    return _with_trailing_spaces(title, rng, 0.5) + _with_trailing_spaces(lead, rng, 0.9)


def byline(authors: list[str], rng: random.Random) -> str:
    return rng.choice((" - ", ", ")).join(authors)


# ---------------------------------------------------------------- assembly


@dataclass
class _Assembly:
    """The output being built, and the captions still waiting for a place."""

    spec: ArticleSpec
    rng: random.Random
    opts: LayoutOptions
    lines: list[str] = field(default_factory=list)
    pending: list[Caption] = field(default_factory=list)
    pages: list[int] = field(default_factory=list)

    def captions_before(self, paragraph: int) -> list[str]:
        """Captions of paragraphs before `paragraph`, dropped in at this break (two at most)."""
        due = [c for c in self.pending if c.after < paragraph][:2]
        for caption in due:
            self.pending.remove(caption)
        return [c.text for c in due]

    def add_captions(self, texts: list[str]) -> None:
        for text in texts:
            self.lines.append(text)
            if self.rng.random() < self.opts.caption_blank_after:
                self.lines.append("")

    def add_continuation(self, column: list[_Line]) -> None:
        texts = [line.text for line in column]
        if texts and self.rng.random() < self.opts.leading_space:
            texts[0] = " " + texts[0]
        self.lines.extend(texts)


def _break(asm: _Assembly, kind: str, interrupted: int) -> None:
    """What stands between two columns: a blank, the title band or a page's running heads."""
    rng, spec = asm.rng, asm.spec
    asm.lines.append("")
    captions = asm.captions_before(interrupted)
    if kind == "title":
        asm.lines.extend(title_band(spec, rng, asm.opts))
        asm.lines.append("")
        asm.add_captions(captions)
    elif kind == "page":
        asm.add_captions(captions)
        asm.lines.extend([""] * rng.randint(0 if asm.lines[-1] == "" else 1, 3))
        page = spec.first_page + len(asm.pages)
        asm.pages.append(page)
        asm.lines.extend(running_heads(spec, page, rng, asm.opts))
        asm.lines.append("")
    else:
        asm.add_captions(captions)


def _break_kinds(count: int, rng: random.Random, opts: LayoutOptions) -> list[str]:
    """Kind of each of `count` column breaks: one title band, page breaks every few columns."""
    kinds = ["column"] * count
    per_page = rng.randint(*opts.columns_per_page)
    for i in range(per_page - 1, count, per_page):
        kinds[i] = "page"
    if count:
        kinds[min(rng.randint(*opts.title_after_column), count) - 1] = "title"
    return kinds


def _ending(asm: _Assembly, end_mark: str) -> None:
    """End mark after the last sentence, byline, stray blanks, leftover captions, and the
    running heads when no page break printed them yet."""
    asm.lines[-1] = asm.lines[-1].rstrip() + end_mark
    asm.lines.append("")
    if asm.spec.authors:
        asm.lines.extend([byline(asm.spec.authors, asm.rng), ""])
    asm.lines.extend(asm.rng.choice(([], [" ", ""], [" ", "", " ", ""])))
    for caption in asm.pending:
        asm.lines.extend([caption.text, ""])
    asm.pending = []
    if not asm.pages or asm.rng.random() < asm.opts.heads_at_end:
        page = asm.spec.first_page + len(asm.pages)
        asm.pages.append(page)
        asm.lines.extend([*running_heads(asm.spec, page, asm.rng, asm.opts), ""])


def lay_out_detailed(
    spec: ArticleSpec, rng: random.Random, options: LayoutOptions | None = None
) -> Layout:
    """The extracted text of `spec` plus what a converter should recover from it."""
    opts = options or LayoutOptions()
    width = rng.randint(*opts.width)
    paragraphs = spec.paragraphs()
    end_mark = rng.choice(END_MARKS)
    if paragraphs and rng.random() < opts.end_mark_replaces_period and paragraphs[-1].endswith("."):
        paragraphs[-1] = paragraphs[-1][:-1]
    last = spec.sections[-1]
    body = [*spec.sections[:-1], Section(last.heading, (*last.paragraphs[:-1], paragraphs[-1]))]
    flow = _body_flow(ArticleSpec(spec.title, spec.lead, body), width, rng, opts)
    columns = _columns(flow, rng, opts)
    asm = _Assembly(spec, rng, opts, pending=sorted(spec.captions, key=lambda c: c.after))
    if len(columns) == 1:
        asm.lines.extend([*title_band(spec, rng, opts), ""])
    kinds = _break_kinds(len(columns) - 1, rng, opts)
    for index, column in enumerate(columns):
        if index:
            _break(asm, kinds[index - 1], columns[index - 1][-1].paragraph)
            asm.add_continuation(column)
        else:
            asm.add_continuation(column)
    _ending(asm, end_mark)
    text = _finish("\n".join(asm.lines) + "\n", rng, opts)
    return Layout(text, width, paragraphs, end_mark.strip(), asm.pages, [x.text for x in flow])


def lay_out(spec: ArticleSpec, rng: random.Random, options: LayoutOptions | None = None) -> str:
    """The text a PDF extraction gives for `spec`, every choice drawn from `rng`."""
    return lay_out_detailed(spec, rng, options).text


def _finish(text: str, rng: random.Random, opts: LayoutOptions) -> str:
    """Encoding noise: some letters decomposed (NFD) throughout, CRLF line ends."""
    if rng.random() < opts.nfd:
        text = decompose_some(text, rng)
    if rng.random() < opts.crlf:
        text = text.replace("\n", "\r\n")
    return text


def decompose_some(text: str, rng: random.Random) -> str:
    """Decompose every occurrence of a few accented letters, as some PDF fonts extract them."""
    letters = sorted({c for c in text if unicodedata.normalize("NFD", c) != c})
    if not letters:
        return text
    chosen = set(rng.sample(letters, min(len(letters), rng.randint(1, 4))))
    return "".join(unicodedata.normalize("NFD", c) if c in chosen else c for c in text)


# ---------------------------------------------------------------- random articles


@cache
def vocabulary() -> dict[str, Any]:
    """Vietnamese names, places, section names and phrase lists shipped in bantin/data."""
    data: dict[str, Any] = json.loads(_data_text("vocabulary.json"))
    data["sentences"] = [s for s in _data_text("sentences.txt").splitlines() if s.strip()]
    return data


def _data_text(name: str) -> str:
    return (resources.files("bantin") / "data" / name).read_text(encoding="utf-8")


def person_name(rng: random.Random) -> str:
    vocab = vocabulary()
    parts = [rng.choice(vocab["surnames"]), rng.choice(vocab["middle_names"])]
    return " ".join([*parts, rng.choice(vocab["given_names"])])


def pen_name(rng: random.Random) -> str:
    """A byline name: a full name or the two-syllable form bulletins often print."""
    vocab = vocabulary()
    if rng.random() < 0.5:
        return person_name(rng)
    return f"{rng.choice(vocab['middle_names'])} {rng.choice(vocab['given_names'])}"


def fill(template: str, rng: random.Random, year: int) -> str:
    """Replace {slot}s in a phrase with names, places, years and numbers."""
    vocab = vocabulary()
    start = rng.randint(year - 6, year - 1)
    values: dict[str, Callable[[], str]] = {
        "province": lambda: rng.choice(vocab["provinces"]),
        "city": lambda: rng.choice(vocab["cities"]),
        "year": lambda: str(rng.randint(year - 5, year)),
        "period": lambda: f"{start}-{start + rng.choice((4, 5, 9, 10))}",
        "number": lambda: str(rng.randint(3, 95)),
        "number2": lambda: str(rng.randint(96, 300)),
        "person": lambda: f"{rng.choice(('ông', 'bà'))} {person_name(rng)}",
        "person_title": lambda: f"{rng.choice(('Ông', 'Bà'))} {person_name(rng)}",
        "object_short": lambda: rng.choice(vocab["object_short"]),
        "event_lower": lambda: _lower_first(rng.choice(vocab["events"])),
    }
    return re.sub(r"\{(\w+)\}", lambda m: values[m.group(1)](), template)


def _lower_first(text: str) -> str:
    return text if _ACRONYM_RE.match(text) else text[:1].lower() + text[1:]


def _upper_first(text: str) -> str:
    return text[:1].upper() + text[1:]


def sentence(rng: random.Random, year: int) -> str:
    """One sentence ending in a period: a real one, a follow-up, or subject-verb-object."""
    vocab = vocabulary()
    roll = rng.random()
    if roll < 0.2:
        return str(rng.choice(vocab["sentences"]))
    if roll < 0.35:
        return fill(rng.choice(vocab["follow_ups"]), rng, year)
    parts = [
        rng.choice(vocab["subjects"]),
        rng.choice(vocab["verbs"]),
        rng.choice(vocab["objects"]),
    ]
    if rng.random() < 0.6:
        parts.append(rng.choice(vocab["adjuncts"]))
    body = fill(" ".join(parts), rng, year)
    if rng.random() < 0.35:
        return fill(rng.choice(vocab["openings"]), rng, year) + body + "."
    return _upper_first(body) + "."


def sentences(rng: random.Random, year: int, count: int) -> list[str]:
    """`count` sentences, none said twice (a few draws are allowed per sentence)."""
    chosen: list[str] = []
    for _ in range(count * 4):
        candidate = sentence(rng, year)
        if candidate not in chosen:
            chosen.append(candidate)
        if len(chosen) == count:
            break
    return chosen


def paragraph(rng: random.Random, year: int, count: tuple[int, int] = (2, 6)) -> str:
    return " ".join(sentences(rng, year, rng.randint(*count)))


def random_article(
    rng: random.Random,
    words: tuple[int, int] = (250, 700),
    *,
    issue: int | None = None,
    year: int | None = None,
    section: str | None = None,
    published: dt.date | None = None,
) -> ArticleSpec:
    """A realistic article of about `words` words, with headings, captions and a byline."""
    vocab = vocabulary()
    year = year or rng.randint(2015, 2025)
    target = rng.randint(*words)
    sections = _sections(rng, year, target)
    count = sum(len(s.paragraphs) for s in sections)
    lead, date = random_lead(rng, year, published)
    spec = ArticleSpec(
        title=title(rng, year),
        lead=lead,
        sections=sections,
        captions=_captions(rng, year, count),
        authors=[pen_name(rng) for _ in range(rng.choice((1, 1, 2, 2, 3)))],
        date=date,
        issue=issue or rng.randint(1, 12),
        year=year,
        section=section or rng.choice(vocab["sections"]),
        first_page=rng.randint(3, 60),
    )
    return ensure_acronyms(spec, rng)


def title(rng: random.Random, year: int) -> str:
    """A headline: a stock one, or verb + object + place or period; no final period."""
    vocab = vocabulary()
    if rng.random() < 0.3:
        return fill(rng.choice(vocab["title_phrases"]), rng, year)
    parts = [rng.choice(vocab["title_verbs"]), rng.choice(vocab["objects"])]
    return fill(" ".join(parts) + rng.choice(vocab["title_places"]), rng, year)


def _sections(rng: random.Random, year: int, target: int) -> list[Section]:
    """Sections of paragraphs until about `target` words; acronyms of headings are in the body."""
    vocab = vocabulary()
    count = max(1, min(6, target // 250 + rng.randint(0, 1)))
    headings = rng.sample(vocab["heading_phrases"], count)
    per_section = max(1, target // count)
    sections = []
    for heading in headings:
        paragraphs: list[str] = []
        while sum(len(p.split()) for p in paragraphs) < per_section:
            paragraphs.append(paragraph(rng, year))
        sections.append(Section(fill(heading, rng, year), tuple(paragraphs)))
    return sections


def random_lead(
    rng: random.Random, year: int, published: dt.date | None = None
) -> tuple[str, dt.date | None]:
    """Two to four sentences; often the first says when the event took place (before
    `published` when given)."""
    said = sentences(rng, year, rng.randint(2, 3))
    if rng.random() < 0.6:
        date = dt.date(year, rng.randint(1, 12), rng.randint(1, 28))
        if published:
            date = published - dt.timedelta(days=rng.randint(7, 75))
        return " ".join([_dated_sentence(rng, date), *said]), date
    return " ".join(said), None


def _dated_sentence(rng: random.Random, date: dt.date) -> str:
    event = rng.choice(vocabulary()["events"])
    place = rng.choice(vocabulary()["provinces"])
    when = f"{date.day}/{date.month}/{date.year}"
    return f"{event} được tổ chức ngày {when} tại {place}."


def ensure_acronyms(spec: ArticleSpec, rng: random.Random) -> ArticleSpec:
    """Give every acronym of the title and headings a use in the body, where case comes from."""
    body = " ".join(spec.paragraphs())
    heads = " ".join([spec.title, *spec.headings()])
    missing = sorted(
        {m.group(0) for m in _ACRONYM_RE.finditer(heads)} - set(_ACRONYM_RE.findall(body))
    )
    if not missing:
        return spec
    extra = " ".join(f"Vai trò của {a} ngày càng được khẳng định." for a in missing)
    first = spec.sections[0]
    spec.sections[0] = Section(
        first.heading, (f"{first.paragraphs[0]} {extra}", *first.paragraphs[1:])
    )
    return spec


def _captions(rng: random.Random, year: int, paragraphs: int) -> list[Caption]:
    templates = vocabulary()["caption_templates"]
    count = rng.choice((0, 1, 1, 2, 2, 3))
    spots = sorted(rng.randrange(paragraphs) for _ in range(count))
    return [Caption(fill(rng.choice(templates), rng, year), after) for after in spots]
