"""Restore the case of titles and headings set in small caps or capitals.

Sentence case first; then every word (or pair of words) takes the casing the article's own
body uses for it (KH&CN, KT-XH, Hà Nội); words the body never writes fall back to a list of
well-known acronyms.
"""

from __future__ import annotations

import itertools
import operator
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from operator import itemgetter

from bantin.model import Article
from bantin.slug import ascii_fold
from bantin.vietnamese import (
    ACRONYM_BY_FOLD,
    BMP_DIGITS,
    PRINTABLE,
    SENTENCE_END,
    Memo,
    capitalize_first,
    fold,
    fold_all,
    is_all_caps,
    is_syllable,
    is_vietnamese_letter,
)

WORD_SPLIT_RE = re.compile(r"([^\W_]+(?:[&\-'’][^\W_]+)*)")

# What the run of non-word characters between two words does to the casing statistics:
# whether the next word is inside a sentence (not its first word), and whether the two
# words form a pair (nothing but spaces or hyphens between them). Gaps repeat a lot.
_INSIDE: dict[str, bool] = {}
_JOINS: dict[str, bool] = {}
_GAPS_MAX = 10_000
#: Between two paragraphs when they are counted in one pass: a sentence end, so the first word
#: of a paragraph starts a sentence and no word pair spans two paragraphs.
_TEXT_BREAK = "\n.\n"


#: The gap after a bracketed initial ("(L.) Harms"), which ends no sentence.
_INITIAL_GAP = re.compile(r"\.\s*\)\s*")


#: Characters that break a word pair without ending the sentence.
PAIR_BREAKS = frozenset(',;()"“”')
#: What a run of marks between two words does (see _mark_key), as the keys of the tokens that
#: are not words (a word's key is its fold, which none of these is): it ends a sentence, it
#: breaks a word pair, neither; and a token that mixes words and marks.
_END, _BREAK, _MARK, _MIXED = "\0.", "\0,", "\0-", "\0?"


def _mark_key(marks: str) -> str:
    """A sentence end starts a new sentence; a comma, bracket or quote breaks a word pair."""
    if any(c in SENTENCE_END for c in marks):
        return _END
    return _BREAK if any(c in PAIR_BREAKS for c in marks) else _MARK


def _learn_gap(gap: str) -> None:
    """White space alone neither ends a sentence nor breaks a pair."""
    key = _mark_key(gap) if gap.strip() else _MARK
    _INSIDE[gap], _JOINS[gap] = key != _END, key == _MARK


@dataclass
class _Words:
    """A text's words, those that teach casing (not sentence-initial), and for each pair of
    neighbours whether it counts as a word pair (not split by punctuation or a sentence start)."""

    found: list[str]
    inside: list[str]
    paired: list[bool]

    def pairs(self) -> Iterator[tuple[str, str]]:
        """The word pairs, in order."""
        return itertools.compress(itertools.pairwise(self.found), self.paired)


def _collect(text: str) -> _Words:
    """The words of a text (paragraphs joined by _TEXT_BREAK) for counting."""
    pieces = WORD_SPLIT_RE.split(text)  # gap, word, gap, word, ..., gap
    found = pieces[1::2]
    gaps = pieces[2:-1:2]  # the gap before each word after the first
    inside = list(map(_INSIDE.get, gaps))
    if None in inside:
        if len(_INSIDE) > _GAPS_MAX:
            _INSIDE.clear()
            _JOINS.clear()
        for gap in gaps:
            if gap not in _INSIDE:
                _learn_gap(gap)
        inside = list(map(_INSIDE.get, gaps))
    if ".)" in text:
        for at, gap in enumerate(gaps):
            if _INITIAL_GAP.fullmatch(gap) and len(found[at]) == 1 and found[at].isupper():
                inside[at] = True  # "(L.) Harms": the full stop of a bracketed initial
    left_inside = [False, *inside]  # the first word of a text starts a sentence
    joined = list(map(operator.and_, map(_JOINS.get, gaps), left_inside))
    return _Words(found, list(itertools.compress(found[1:], inside)), joined)


# --- counting only the asked words ----------------------------------------------------
#
# The words asked about are few, so the text is cut at white space (a fast split) instead of
# being matched word by word: each token is a word, a run of marks between words, or (rarely)
# a mix that WORD_SPLIT_RE cuts into those. A gap between two words is then the marks between
# their tokens, and only the asked words look back at it.

_NOT_WORDS = frozenset({_END, _BREAK, _MARK, _MIXED})
#: Characters never part of a word, given spaces around them before the split so that most
#: tokens are a word or a mark alone (only the speed depends on this list).
_SPACED = '.,;:!?…()[]“”"«»/%–—'


def _token_key(token: str) -> str:
    if token.isalnum():
        return fold(token)
    pieces = WORD_SPLIT_RE.split(token)
    if len(pieces) == 1:
        return _mark_key(token)
    return fold(token) if pieces[0] == pieces[2] == "" and len(pieces) == 3 else _MIXED


_KEYS: Memo[str, str] = Memo(_token_key, 200_000)


def _tokens(text: str) -> tuple[list[str], list[str]]:
    """The text's words and runs of marks, in order, with their keys."""
    for mark in _SPACED:
        if mark in text:
            text = text.replace(mark, f" {mark} ")
    tokens = text.split()
    keys = list(map(_KEYS.__getitem__, tokens))
    if _MIXED not in keys:
        return tokens, keys
    cut: list[str] = []
    cut_keys: list[str] = []
    start = 0
    for index in itertools.compress(itertools.count(), map(_MIXED.__eq__, keys)):
        cut += tokens[start:index]
        cut_keys += keys[start:index]
        pieces = WORD_SPLIT_RE.split(tokens[index])  # marks, word, marks, ..., word, marks
        for position, piece in enumerate(pieces):
            if piece:
                cut.append(piece)
                cut_keys.append(fold(piece) if position % 2 else _mark_key(piece))
        start = index + 1
    cut += tokens[start:]
    cut_keys += keys[start:]
    return cut, cut_keys


def _bracketed_initial(tokens: list[str], before: int, index: int) -> bool:
    """The tokens between the word at `before` and the one at `index` close a bracketed
    initial: the word is one capital letter, a full stop and a closing bracket follow."""
    word = tokens[before] if before >= 0 else ""
    return len(word) == 1 and word.isupper() and tokens[before + 1 : index] == [".", ")"]


def _count_asked(text: str, wanted: frozenset[str]) -> tuple[Counter[str], list[tuple[str, str]]]:
    """The asked words' forms written inside a sentence, counted first seen first, and the
    joined word pairs among them in order (to be kept when both forms were counted).

    Gives what _collect and counting every word give for these words."""
    tokens, keys = _tokens(text)
    counted: list[str] = []
    pairs: list[tuple[str, str]] = []
    inside = bytearray(len(tokens))  # 1 at an asked word inside a sentence
    for index in itertools.compress(itertools.count(), map(wanted.__contains__, keys)):
        before = index - 1  # the previous word; usually only white space stands between
        broken = False  # a comma, bracket or quote between: no word pair
        if before < 0 or keys[before] in _NOT_WORDS:
            ends = False
            while before >= 0 and keys[before] in _NOT_WORDS:
                ends = ends or keys[before] == _END
                broken = broken or keys[before] == _BREAK
                before -= 1
            if ends and _bracketed_initial(tokens, before, index):
                ends = False  # "(L.) Harms": the full stop of a bracketed initial
            if before < 0 or ends:
                continue  # the first word of a sentence: neither counted nor paired
        inside[index] = 1
        counted.append(tokens[index])
        if not broken and inside[before]:
            pairs.append((tokens[before], tokens[index]))
    return Counter(counted), pairs


def _most_common(forms: dict[str, int] | dict[tuple[str, str], int]) -> object:
    """The most frequent form; the first one seen wins a tie (as Counter.most_common does)."""
    return max(forms.items(), key=itemgetter(1))[0]


@dataclass
class BodyCasing:
    """How the body writes each word and each pair of words, away from sentence starts.

    Counting is lazy, done when first asked for: most titles and headings need no restoring.
    With `wanted` (the folded words that will be asked about), only those words are kept; a
    question about any other word counts everything again, so answers never depend on it.
    """

    texts: list[str] = field(default_factory=list)
    wanted: frozenset[str] | None = None
    word_counts: dict[str, dict[str, int]] = field(default_factory=dict)
    pair_tally: Counter[tuple[str, str]] = field(default_factory=Counter)
    counted: bool = False
    _pair_order: dict[tuple[str, str], int] | None = None
    _phrases: tuple[str, str] | None = None  # the text as written and in small letters

    def phrase_text(self) -> tuple[str, str]:
        """The body as one line, dashes between words spaced alike, and the same in small
        letters, for looking up runs of words (`phrase_forms`)."""
        if self._phrases is None:
            joined = _PARAGRAPH.join(map(collapse_white, self.texts))
            text = space_dashes(joined)
            lower = text.lower()
            self._phrases = (text, lower) if len(lower) == len(text) else ("", "")
        return self._phrases

    def phrase_forms(self, words: list[str], gaps: list[str]) -> Counter[tuple[str, ...]]:
        """How the body writes a run of words (with these gaps, " " or " - ", between them),
        away from sentence starts and from runs in capitals."""
        inside: Counter[tuple[str, ...]] = Counter()
        opening: Counter[tuple[str, ...]] = Counter()  # the first word's case unknown
        for _, found, within in self._runs(words, gaps):
            if within:
                inside[found] += 1
            else:
                opening[("", *found[1:])] += 1
        return inside or opening

    def _runs(self, words: list[str], gaps: list[str]) -> list[tuple[int, tuple[str, ...], bool]]:
        """`_all_runs`, with the usual answer (the body never writes the run) given at once."""
        _, lower = self.phrase_text()
        wanted, spans = _spaced_run(words, gaps)
        first = lower.find(wanted)  # (the search _all_runs starts from, done once)
        return list(self._all_runs(words, spans, wanted, first)) if first >= 0 else []

    def forms_inside(
        self, words: list[str], gaps: list[str], echoed: list[tuple[int, int]] | None = None
    ) -> Counter[tuple[str, ...]]:
        """How the body writes a run of words inside its sentences, leaving out the runs
        that lie in the `echoed` spans of `phrase_text` (where it repeats a title's phrase)."""
        found: Counter[tuple[str, ...]] = Counter()
        for at, form, within in self._runs(words, gaps):
            if within and not any(start <= at < end for start, end in echoed or ()):
                found[form] += 1
        return found

    def _all_runs(
        self, words: list[str], spans: list[tuple[int, int]], wanted: str, at: int
    ) -> Iterator[tuple[int, tuple[str, ...], bool]]:
        """Where the body writes a run of words (not two of them in capitals), its form
        there, and whether it stands inside a sentence: from `at`, the first place the body
        writes `wanted`, the run as `_spaced_run` spells it (with each word's `spans`)."""
        text, lower = self.phrase_text()
        while at >= 0:
            end = at + len(wanted)
            whole = (at == 0 or not lower[at - 1].isalnum()) and (
                end == len(lower) or not lower[end].isalnum()
            )
            found = (
                tuple(
                    _cased_like(word, text[at + start : at + stop])
                    for word, (start, stop) in zip(words, spans, strict=True)
                )
                if whole
                else ()
            )
            if whole and sum(map(is_all_caps, found)) < 2:
                before = at - 1
                while before >= 0 and text[before].isspace():
                    before -= 1
                yield at, found, not _opens_sentence(text, before)
            at = lower.find(wanted, at + 1)

    def capital_contexts(self, word: str) -> int:
        """How many different words the body writes the word after with its capital, inside
        a sentence: a name is capitalised wherever it stands ("đánh Mỹ", "quân Mỹ", "của
        Mỹ"), a term styled as one only in its own phrase ("bản Huấn thị")."""
        text, lower = self.phrase_text()
        before: set[str] = set()
        pattern = rf"(?<![^\W_])([^\W_]+)[ ]+{re.escape(word.lower())}(?![^\W_])"
        for found in re.finditer(pattern, lower):
            if text[found.end(0) - len(word)].isupper():
                before.add(found[1])
        return len(before)

    def term_rest(self, word: str) -> str | None:
        """The word in small letters the body always writes right after this one, where it
        writes it NAME_EVIDENCE times or more, each with its capital ("định" after "Nghị"):
        the capital is the term's ("Nghị định", a decree's name), not the word's (a name
        goes on with a capital, "Việt Nam", or after it with many words, "Mỹ")."""
        text, lower = self.phrase_text()
        pattern = rf"(?<![^\W_]){re.escape(word.lower())}[ ]+([^\W_]+)"
        rests: set[str] = set()
        seen = 0
        for found in re.finditer(pattern, lower):
            rest = text[found.start(1) : found.end(1)]
            if not text[found.start()].isupper() or rest != rest.lower():
                return None
            rests.add(rest)
            seen += 1
        return rests.pop() if seen >= NAME_EVIDENCE and len(rests) == 1 else None

    def echoes(self, words: list[str]) -> list[tuple[int, int]]:
        """The spans of `phrase_text` where the body repeats these words of a title (a
        phrase of it, from mark to mark): they are written as the title is, and tell nothing
        more of its case."""
        _, lower = self.phrase_text()
        run = r"\W+".join(re.escape(_spaced_word(word)) for word in words)
        return [  # the first word's start checked apart: a literal start is found fast
            found.span()
            for found in re.finditer(rf"{run}(?!\w)", lower)
            if found.start() == 0 or not lower[found.start() - 1].isalnum()
        ]

    def learn(self, text: str) -> None:
        """Add one paragraph to the body (its words are counted when first needed)."""
        self.texts.append(text)
        self.counted, self._phrases = False, None

    def count(self) -> None:
        """Count every form of every word and word pair the body writes, once."""
        if self.counted:
            return
        # words in a run of capitals (a heading left among the paragraphs) teach no casing
        text = _CAPITAL_RUN.sub(_TEXT_BREAK, _TEXT_BREAK.join(self.texts))
        self.word_counts = {}
        if self.wanted is None:
            words = _collect(text)
            tally = Counter(words.inside)  # first seen first, for ties
            self.pair_tally = Counter(words.pairs())
        else:
            tally, pairs = _count_asked(text, self.wanted)
        keys = dict(zip(tally, fold_all(list(tally)), strict=True))
        for word, key in list(keys.items()):
            if word.isupper() and _marked_syllable(key):
                del tally[word], keys[word]  # "LUẬN" of "KẾT LUẬN": in capitals, no initials
        if self.wanted is not None:
            # A pair is asked about only when both its words are: the others need no counting.
            kept = [pair for pair in pairs if pair[0] in tally and pair[1] in tally]
            self.pair_tally = Counter(kept)
        for word, key in keys.items():
            self.word_counts.setdefault(key, {})[word] = tally[word]
        self._pair_order = None
        self.counted = True

    def _key(self, word: str) -> str:
        """The word's fold, with the counts ready to answer for it."""
        key = fold(word)
        if self.wanted is not None and key not in self.wanted:
            self.wanted, self.counted = None, False
        if not self.counted:
            self.count()
        return key

    def pair_forms(self, left: str, right: str) -> dict[tuple[str, str], int]:
        """How often the body writes each form of a word pair, first seen first."""
        keys = self._key(left), self._key(right)  # before reading the counts it may redo
        lefts = self.word_counts.get(keys[0], {})
        rights = self.word_counts.get(keys[1], {})
        found = {
            (one, two): self.pair_tally[(one, two)]
            for one in lefts
            for two in rights
            if (one, two) in self.pair_tally
        }
        if len(found) > 1:
            if self._pair_order is None:
                self._pair_order = {pair: index for index, pair in enumerate(self.pair_tally)}
            order = self._pair_order
            found = dict(sorted(found.items(), key=lambda item: order[item[0]]))
        return found

    def forms_of(self, word: str) -> dict[str, int] | None:
        """How often the body writes each form of a word (None when it never does)."""
        key = self._key(word)  # before reading the counts it may redo
        return self.word_counts.get(key)

    def word_form(self, word: str) -> str | None:
        """The body's form of a lone word: an acronym, or a name never written in lower case."""
        forms = self.forms_of(word)
        if not forms:
            return None
        best = str(_most_common(forms))
        if sum(map(str.isupper, best)) >= 2:
            return best
        return best.lower() if best.lower() in forms else None

    def pair_form(self, left: str, right: str) -> tuple[str, str] | None:
        forms = self.pair_forms(left, right)
        return _most_common(forms) if forms else None  # type: ignore[return-value]


def _spaced_word(word: str) -> str:
    """A word in small letters as `phrase_text` writes it: a hyphen inside it ("Covid-19",
    "e-marketing") spaced like a dash between words ("covid - 19")."""
    lower = word.lower()
    return space_dashes(lower) if "-" in lower or "–" in lower else lower


def _spaced_run(words: list[str], gaps: list[str]) -> tuple[str, list[tuple[int, int]]]:
    """A run of words (with these gaps between them) as `phrase_text` writes it in small
    letters, and where each word stands in it."""
    spans: list[tuple[int, int]] = []
    run = ""
    for gap, word in zip(["", *gaps], words, strict=True):
        run += gap
        spaced = _spaced_word(word)
        spans.append((len(run), len(run) + len(spaced)))
        run += spaced
    return run, spans


def _cased_like(word: str, written: str) -> str:
    """The word with the case of each of its letters as the body writes them, where the body
    writes it with its hyphens spaced ("Covid - 19" for "COVID-19": "Covid-19")."""
    if len(written) == len(word):
        return written
    letters = (char for char in written if char.isalnum())
    return "".join(next(letters, char) if char.isalnum() else char for char in word)


def collapse_white(text: str) -> str:
    """`" ".join(text.split())`: white space collapsed to single spaces, without any at the
    ends; a text that has none of it to collapse (most paragraphs) is returned as it is."""
    if PRINTABLE[text] and "  " not in text and text[:1] != " " and text[-1:] != " ":
        return text  # (no white space but single spaces inside: printable)
    return " ".join(text.split())


def learn_body(texts: list[str], asked: list[str] | None = None) -> BodyCasing:
    """The casing knowledge drawn from the body paragraphs, lead and captions; `asked`, the
    texts to be restored, lets it keep only their words."""
    if asked is None:
        return BodyCasing(texts=[*texts, *unglued_names(texts)])
    wanted = frozenset(fold_all(WORD_SPLIT_RE.findall("\n".join(asked))))
    return BodyCasing(texts=[*texts, *unglued_names(texts, wanted)], wanted=wanted)


#: A name of letters glued to its number ("Servomill700").
_GLUED = re.compile(r"(?<![^\W_])([^\W\d_]{3,})(\d+)(?![^\W_])")
#: A digit right after a letter (what `_GLUED`'s name is made of), found from the digits of
#: the Basic Multilingual Plane (looked up in a table, where `\d` asks the character database)
#: or a character beyond it, which is asked again.
_DIGIT_AFTER_LETTER = re.compile(f"[{BMP_DIGITS}\U00010000-\U0010ffff](?<=[^\\W\\d_].)")


def _letter_before_digit(text: str) -> bool:
    """Whether a letter stands right before a digit: a text without one glues no name to a
    number (every `_GLUED` match holds one). Found from the digits, which are few: many
    times faster than trying `_GLUED` at every letter."""
    found = _DIGIT_AFTER_LETTER.search(text)
    while found is not None and found[0] > "\uffff" and not found[0].isdecimal():
        found = _DIGIT_AFTER_LETTER.search(text, found.end())
    return found is not None


#: The word just before a place in a text, spaces alone between them.
_WORD_BEFORE = re.compile(r"([^\W_]+)[ ]+$")


def unglued_names(texts: list[str], wanted: frozenset[str] | None = None) -> list[str]:
    """Each name these texts glue to its number ("on Servomill700"), spaced as a title may
    print it ("on Servomill 700"), after the word before it: how they write the name inside
    a sentence, for a title or heading that spaces it (when `wanted` is given, those holding
    a wanted word: the words counted are then those a count of every word gives them)."""
    spaced: list[str] = []
    if not _letter_before_digit("\n".join(texts)):
        return spaced  # (asked of the whole body at once: most bodies glue no name)
    for text in texts:
        if not _letter_before_digit(text):
            continue  # nothing glued to a number (a quicker look than the one below)
        for found in _GLUED.finditer(text):
            before = _WORD_BEFORE.search(text, max(0, found.start() - 40), found.start())
            name = f"{before[1] if before else ''} {found[1]} {found[2]}".strip()
            if wanted is None or not wanted.isdisjoint(fold_all(WORD_SPLIT_RE.findall(name))):
                spaced.append(name)
    return spaced


_UPPER = "".join(
    char
    for char in map(chr, [*range(0x41, 0x250), *range(0x1E00, 0x1F00)])
    if char.isupper() and char.isalpha()
)
_CAPITAL_TAIL = rf"[{_UPPER}]*(?:[&\-'’][{_UPPER}]+)*(?![^\W_])"  # after a first capital
_CAPITAL_WORD = rf"[{_UPPER}]{_CAPITAL_TAIL}"
#: Three words or more in capitals (a heading left among the paragraphs, a shouted phrase):
#: nothing there tells how the words are written in running text.
#: (Written to open with a capital, not with the look-behind, so that the search skips to
#: the next capital at once: `_CAPITAL_WORD` whose first capital follows no letter or digit.)
_CAPITAL_RUN = re.compile(
    rf"[{_UPPER}](?<![^\W_][{_UPPER}]){_CAPITAL_TAIL}"
    rf"(?:[ \t,;:\-–]+{_CAPITAL_WORD}){{2,}}"
)


def needs_restoring(text: str) -> bool:
    """Small caps or capitals: starts in lower case, is all capitals, or has 'Kh&Cn'-like words."""
    first = next(filter(str.isalpha, text), None)
    if first is None:
        return False
    if first.islower() or is_all_caps(text) or mostly_capitals(text):
        return True
    return any(_looks_small_caps(word) for word in WORD_SPLIT_RE.findall(text))


MOSTLY_CAPITALS_WORDS = 5  # words in capitals, of two letters or more, to tell a title
CAPITALS_SHARE = 0.6  # of its words: a title in capitals


def mostly_capitals(text: str) -> bool:
    """In capitals but for the words written in their own case (a species, "Lactuca sativa
    L.", a formula, "ZnO:Mn") or typed in small letters that a capitals font drew as capitals
    all the same ("fe3O4-AG"): a title in capitals, not one in sentence case with acronyms."""
    words = [word for word in WORD_SPLIT_RE.findall(text) if sum(map(str.isalpha, word)) >= 2]
    capitals = sum(1 for word in words if not any(map(str.islower, word)))
    return capitals >= MOSTLY_CAPITALS_WORDS and capitals >= CAPITALS_SHARE * len(words)


def _looks_small_caps(word: str) -> bool:
    """'Kh&Cn', 'Kt-xh': a known acronym written in mixed case."""
    folded = fold(word)
    return folded in ACRONYM_BY_FOLD and word != ACRONYM_BY_FOLD[folded]


#: The sections a scholarly paper conventionally has: they name no one, whatever the body
#: capitalises ("Đề tài ..." is a project's name, "ĐẶT VẤN ĐỀ" no name's heading).
CONVENTIONAL_SECTIONS = frozenset(
    fold(name)
    for name in [
        "Đặt vấn đề", "Mở đầu", "Giới thiệu", "Tổng quan", "Tổng quan tài liệu",
        "Tổng quan nghiên cứu", "Cơ sở lý thuyết", "Cơ sở lý luận", "Phương pháp nghiên cứu",
        "Vật liệu và phương pháp", "Vật liệu và phương pháp nghiên cứu",
        "Đối tượng và phương pháp nghiên cứu", "Nội dung và phương pháp nghiên cứu",
        "Thực nghiệm", "Kết quả", "Kết quả nghiên cứu", "Kết quả và thảo luận",
        "Kết quả và bàn luận", "Kết quả nghiên cứu và thảo luận", "Thảo luận", "Bàn luận",
        "Kết luận", "Kết luận và kiến nghị", "Kết luận và đề xuất", "Lời cảm ơn",
        "Tài liệu tham khảo", "Tóm tắt", "Từ khóa", "Phụ lục",
    ]
)  # fmt: skip


def conventional_section(text: str) -> bool:
    """The text names one of the sections a paper conventionally has ("KẾT LUẬN:")."""
    name = text.strip().rstrip(".:")
    return fold(" ".join(name.split())) in CONVENTIONAL_SECTIONS


#: Words of a title restored from capitals named for review, at most.
UNSETTLED_MAX = 5


def unsettled_words(restored: str, body: BodyCasing) -> list[str]:
    """The words of a title restored from capitals whose case the text does not settle: it
    never writes them (a name it does not repeat may have lost its capital, a word may have
    taken one). Figures, initials and the first word (always capitalised) are settled."""
    unsettled: list[str] = []
    for word in WORD_SPLIT_RE.findall(restored)[1:]:
        letters = [char for char in word if char.isalpha()]
        if len(letters) < 2 or any(char.isdigit() for char in word) or word.isupper():
            continue
        if body.forms_of(word) is None and word not in unsettled:
            unsettled.append(word)
    return unsettled[:UNSETTLED_MAX]


def restore_case(text: str, body: BodyCasing) -> str:
    """Sentence case with the body's own casing for words and names it writes."""
    if not needs_restoring(text):
        return text
    if conventional_section(text):
        return capitalize_first(text.lower())
    all_caps = is_all_caps(text) or mostly_capitals(text)
    pieces = WORD_SPLIT_RE.split(text)
    word_at = list(range(1, len(pieces), 2))  # split pieces alternate gap, word, gap...
    chosen = {i: _word_case(pieces[i], body, all_caps) for i in word_at}
    for i in word_at:  # an initial ("Lactuca sativa L.", "Nguyễn V. A.") keeps its capital
        if len(pieces[i]) == 1 and pieces[i].isupper() and pieces[i + 1].startswith("."):
            chosen[i] = pieces[i]
        elif _bracketed_acronym(pieces, i):
            chosen[i] = _bracketed_form(pieces[i], body, chosen[i])
    from_pairs: dict[int, list[str]] = defaultdict(list)
    for left, right in itertools.pairwise(word_at):
        pair = body.pair_form(pieces[left], pieces[right]) if not pieces[left + 1].strip() else None
        if pair is not None:
            _take_pair(from_pairs, (left, right), pair)
    if all_caps:
        _terms_heads(pieces, word_at, chosen, body)
    for index, forms in from_pairs.items():
        chosen[index] = _prefer_capitals(forms)
    for left, right in itertools.pairwise(word_at):
        if right not in from_pairs and _language(pieces[left], pieces[right]):
            chosen[right] = capitalize_first(chosen[right])
    _take_phrases(pieces, word_at, chosen, body)
    _take_year_names(pieces, word_at, chosen, body)
    _take_numerals(pieces, word_at, chosen, body)
    source = pieces.copy()
    for index, form in chosen.items():
        pieces[index] = form
    _take_names(pieces, word_at, body, keep=lambda index: source[index] != source[index].upper())
    for at, index in enumerate(word_at[1:], start=1):
        # "... trong năm - Bài học ...": a subtitle opens with a capital
        if _SUBTITLE_DASH.fullmatch(pieces[index - 1]) and not _joined_terms(
            pieces, word_at, at, body
        ):
            pieces[index] = capitalize_first(pieces[index])
    return capitalize_first("".join(pieces))


def _terms_heads(
    pieces: list[str], word_at: list[int], chosen: dict[int, str], body: BodyCasing
) -> None:
    """A word of a title in capitals, a Vietnamese syllable with a mark, that the body
    capitalises only as the head of one term ("Nghị" of "Nghị định") takes small letters
    where the term's rest does not follow it ("KIẾN NGHỊ": "Kiến nghị")."""
    for position, index in enumerate(word_at):
        form = chosen[index]
        if not form[:1].isupper() or form[1:] != form[1:].lower():
            continue
        if not _marked_syllable(fold(form).lower()):
            continue  # a term's head is a Vietnamese syllable ("Nghị"), not a symbol ("Br")
        rest = body.term_rest(form)
        following = pieces[word_at[position + 1]] if position + 1 < len(word_at) else ""
        if rest is not None and following.lower() != rest:
            chosen[index] = form.lower()


def _joined_terms(pieces: list[str], word_at: list[int], at: int, body: BodyCasing) -> bool:
    """The words on each side of a spaced dash are two terms the body also joins with a
    dash or a slash, in either order ("thiếu khí - hiếu khí", "du lịch/khách sạn"): one
    term, no title and subtitle."""
    _, lower = body.phrase_text()
    if not lower:
        return False

    def term(indices: list[int]) -> str:
        return " ".join(re.escape(_spaced_word(pieces[i])) for i in indices)

    for size in (2, 1):
        left, right = word_at[max(at - size, 0) : at], word_at[at : at + size]
        if len(left) < size or len(right) < size:
            continue
        if any(pieces[i - 1].strip() for i in (*left[1:], *right[1:])):
            continue  # a run of words with nothing but spaces between them
        for one, two in ((term(left), term(right)), (term(right), term(left))):
            if re.search(rf"(?<!\w){one}\s*[-–/]\s*{two}(?!\w)", lower):
                return True
    return False


def name_capitals(text: str, body: BodyCasing) -> str:
    """A title in sentence case (as a contents page writes it) with a capital on the words it
    writes in small letters where the body, between the same neighbours, writes them with
    one and never without ("đánh mỹ" for the body's "đánh Mỹ", "của đảng" for "của Đảng"),
    and on the names of years ("quý mão": "Quý Mão")."""
    pieces = WORD_SPLIT_RE.split(text)
    word_at = list(range(1, len(pieces), 2))
    _take_names(pieces, word_at, body)
    years: dict[int, str] = {}
    _take_year_names(pieces, word_at, years, body)
    for index, form in years.items():
        pieces[index] = form
    return "".join(pieces)


ECHO_WORDS = 5  # words of a phrase of the title that the body repeats: the title echoed
NAME_EVIDENCE = 2  # times the body writes a word with its capital between its neighbours
NAME_CONTEXTS = 3  # different words the body writes a name after with its capital


def _take_names(
    pieces: list[str],
    word_at: list[int],
    body: BodyCasing,
    keep: Callable[[int], bool] = lambda index: False,
) -> None:
    """Capitalise, in place, the words in small letters (but those to `keep`) that the body
    writes with a capital beside each of the same neighbours (those not set apart by a mark),
    NAME_EVIDENCE times or more, and never in small letters, leaving out where it repeats the
    word's phrase of the title (of ECHO_WORDS words or more). A capital seen on one side only
    may belong to a longer name ("Khoa học và Công nghệ" says nothing of "ứng dụng công
    nghệ"). A name is capitalised after other words as well (NAME_CONTEXTS): a word the body
    capitalises in one phrase only is a term it styles so ("bản Huấn thị"), which a title
    may write in small letters."""
    phrases = _phrases_of(pieces, word_at)
    echoes: dict[tuple[str, ...], list[tuple[int, int]]] = {}
    for position, index in enumerate(word_at):
        word = pieces[index]
        if position == 0 or not word.isalpha() or word != word.lower() or keep(index):
            continue
        if not any(form[:1].isupper() for form in body.forms_of(word) or ()):
            continue  # never written with a capital inside a sentence
        phrase = tuple(pieces[at] for at in phrases[position])
        if phrase not in echoes:
            echoes[phrase] = body.echoes(list(phrase)) if len(phrase) >= ECHO_WORDS else []
        named: list[bool | None] = []
        capitals: Counter[str] = Counter()
        for side in _sides(pieces, word_at, position):
            pair, gap, at = side
            found = body.forms_inside(pair, [gap], echoes[phrase])
            named.append(_named(side, found))
            if not named[-1]:
                break
            capitals.update({form[at]: n for form, n in found.items() if form[at][0].isupper()})
        if not (named and all(named) and sum(capitals.values()) >= NAME_EVIDENCE):
            continue
        if body.capital_contexts(word) >= NAME_CONTEXTS:
            pieces[index] = capitals.most_common(1)[0][0]


def _sides(
    pieces: list[str], word_at: list[int], position: int
) -> list[tuple[list[str], str, int]]:
    """A word's pairs with its neighbours not set apart by a mark: the two words, the gap
    between them, and where the word is in the pair."""
    index = word_at[position]
    sides = []
    if position > 0 and (gap := _phrase_gap(pieces[index - 1])) is not None:
        sides.append(([pieces[index - 2], pieces[index]], gap, 1))
    if position + 1 < len(word_at) and (gap := _phrase_gap(pieces[index + 1])) is not None:
        sides.append(([pieces[index], pieces[index + 2]], gap, 0))
    return sides


def _phrases_of(pieces: list[str], word_at: list[int]) -> list[list[int]]:
    """For each word, the words of its phrase: those joined to it by spaces or dashes, up to
    the marks around it (a comma, a quote, the title's ends)."""
    phrases: list[list[int]] = []
    for index in word_at:
        if phrases and _phrase_gap(pieces[index - 1]) is not None:
            phrases[-1].append(index)
        else:
            phrases.append([index])
    return [phrase for phrase in phrases for _ in phrase]


def _named(side: tuple[list[str], str, int], found: Counter[tuple[str, ...]]) -> bool | None:
    """Whether the body writes the word with a capital beside this neighbour (True), in
    small letters at least once (False), or never (None); the neighbour as the title has it
    (any case for a title's first word)."""
    pair, _, at = side
    other = pair[1 - at]
    seen = [
        (form[at], n)
        for form, n in found.items()
        if form[1 - at] == other or (at == 1 and form[0].lower() == other.lower())
    ]
    if not seen:
        return None
    return all(form[0].isupper() for form, _ in seen)


#: The heavenly stems and earthly branches, in order: a year of the sexagenary cycle is
#: named by a stem and a branch of the same parity ("Quý Mão", "Giáp Thìn", "Mậu Thân").
STEMS = ("giáp", "ất", "bính", "đinh", "mậu", "kỷ", "canh", "tân", "nhâm", "quý")
BRANCHES = (
    ("tý", "tí"),
    ("sửu",),
    ("dần",),
    ("mão", "mẹo"),
    ("thìn",),
    ("tỵ", "tị"),
    ("ngọ",),
    ("mùi",),
    ("thân",),
    ("dậu",),
    ("tuất",),
    ("hợi",),
)
_BRANCH = {name: number for number, names in enumerate(BRANCHES) for name in names}


def _year_name(left: str, right: str) -> bool:
    stem, branch = STEMS.index(left) if left in STEMS else -1, _BRANCH.get(right, -2)
    return stem >= 0 and branch >= 0 and stem % 2 == branch % 2


def _take_year_names(
    pieces: list[str], word_at: list[int], chosen: dict[int, str], body: BodyCasing
) -> None:
    """A year's name ("QUÝ MÃO", "quý mão") is a name, unless the body writes the two words
    in small letters inside a sentence."""
    for left, right in itertools.pairwise(word_at):
        words = [pieces[left], pieces[right]]
        if pieces[left + 1] != " " or not _year_name(*fold_all(words)):
            continue
        if any(form[1].islower() for form in body.forms_inside(words, [" "])):
            continue
        chosen[left], chosen[right] = (capitalize_first(word.lower()) for word in words)


#: Words a Roman numeral follows ("Bài đọc I", "Chương IV", "quý III", "lần thứ XIV",
#: "khóa VI", "thế kỷ XXI").
NUMBERED = frozenset(
    [
        "bài",
        "chương",
        "phần",
        "quý",
        "khóa",
        "khoá",
        "kỳ",
        "kì",
        "thứ",
        "tập",
        "mục",
        "đợt",
        "đoạn",
        "kỷ",
        "kỉ",
        "loại",
        "nhóm",
        "hạng",
        "cấp",
        "lục",
        "khu",
        "quyển",
        "tiết",
        "vòng",
        "hội",
    ]
)
_ROMAN = re.compile(r"(?=[IVX])X{0,3}(?:IX|IV|V?I{0,3})")


def _take_numerals(
    pieces: list[str], word_at: list[int], chosen: dict[int, str], body: BodyCasing
) -> None:
    """A Roman numeral in capitals keeps them where it is no Vietnamese word ("I", "II",
    "XIV"), or, when it spells one ("V", "X", "VI", "XI": "vi khuẩn", "xi măng"), after a
    word that numbers and before no other word ("BÀI ĐỌC V", "KHÓA VI", not "LOẠI VI KHUẨN")."""
    for position, index in enumerate(word_at):
        word = pieces[index]
        if not _ROMAN.fullmatch(word):
            continue
        plain = word == "I" or (len(word) > 1 and not is_syllable(word.lower()))
        numbered = position > 0 and fold(pieces[word_at[position - 1]]) in NUMBERED
        alone = position + 1 == len(word_at) or bool(pieces[index + 1].strip())
        if plain or (numbered and alone):
            chosen[index] = word


#: What sets a subtitle apart from its title: a dash with a space on each side.
_SUBTITLE_DASH = re.compile(r"[^\w]*\s[-–—]\s[^\w]*")


ACRONYM_MAX = 6  # letters of an acronym alone in brackets


def _bracketed_form(word: str, body: BodyCasing, chosen: str) -> str:
    """A word in capitals alone in brackets: an acronym the body never writes stays in
    capitals ("(ATC)"); one the body writes with a capital, however often it also writes it
    in small letters, is that symbol ("(RA)" is "(Ra)", beside the "ra" of "tạo ra")."""
    forms = body.forms_of(word)
    if not forms:
        return word
    capitalised = {form: count for form, count in forms.items() if form != form.lower()}
    return str(_most_common(capitalised)) if capitalised else chosen


def _bracketed_acronym(pieces: list[str], index: int) -> bool:
    """A word in capitals alone in brackets, short ("ATC"), or longer and nearly without
    vowels ("ĐHKTKTCN", the initials of a name), not a word ("BLOCKCHAIN")."""
    word = pieces[index]
    alone = pieces[index - 1].endswith("(") and pieces[index + 1].startswith(")")
    if not alone or not word.isupper() or len(word) < 2:
        return False
    if len(word) <= ACRONYM_MAX:
        return True
    return len(word) <= LONG_ACRONYM_MAX and _vowels(word) * ACRONYM_VOWEL_SHARE <= len(word)


LONG_ACRONYM_MAX = 12
ACRONYM_VOWEL_SHARE = 5  # at most one letter in five a vowel
_VOWELS = frozenset("aeiouy")


def _vowels(word: str) -> int:
    """How many vowels the word holds, marked or not ("Ư" is a "u" with its horn)."""
    return sum(1 for char in unicodedata.normalize("NFD", word.lower()) if char in _VOWELS)


def _marked_syllable(key: str) -> bool:
    """A folded word that is a Vietnamese syllable with a mark on its vowel ("luận", "đề"):
    no initials are written so."""
    return (
        not key.isascii()
        and any(char not in "đ" and not char.isascii() and char.isalpha() for char in key)
        and is_syllable(key)
    )


PHRASE_WORDS = 3  # words in a run the body writes that settle their case together
_PARAGRAPH = " \u00b6 "  # between two paragraphs of the body, where a sentence starts
_OPENS_AFTER = frozenset('.!?:“‘«"' + _PARAGRAPH.strip())  # a sentence or a quotation starts
#: A list's mark closing just before a word: "(3)", "3)", "b)", not a function's "f(x)".
_ITEM_MARK = re.compile(r"(?:(?<!\w)\(|(?<![\w(]))(?:\d{1,2}|[^\W\d_])\)$")


def _opens_sentence(text: str, before: int) -> bool:
    """Whether a word whose last non-space character before it is at `before` opens a
    sentence: at the start, after a sentence's end, or after a numbered item's mark ("... hai
    câu hỏi: (1) Lí do là gì? (2) Đánh giá ..."), which the item's first word takes a
    capital after as after a full stop."""
    if before < 0 or text[before] in _OPENS_AFTER:
        return True
    return _ITEM_MARK.search(text, max(0, before - 3), before + 1) is not None


_DASHED = re.compile(r"\s*[-–]\s*(?=\S)")
_DASH = re.compile("[-–]")


def space_dashes(text: str) -> str:
    """`_DASHED.sub(" - ", text)`: a dash before a word, with the white space around it, as
    " - "; found from the dashes, which are few, instead of trying the pattern everywhere."""
    pieces: list[str] = []
    done = 0  # the end of the last replacement
    for dash in _DASH.finditer(text):
        start = dash.start()
        while start > done and text[start - 1].isspace():
            start -= 1  # the white space before it is part of the match
        found = _DASHED.match(text, start)
        if found is not None:
            pieces += [text[done:start], " - "]
            done = found.end()
    return "".join([*pieces, text[done:]]) if pieces else text


def _take_phrases(
    pieces: list[str], word_at: list[int], chosen: dict[int, str], body: BodyCasing
) -> None:
    """Runs of three words or more that the body writes take its case, the longest first
    ("Trường Đại học Kinh tế - Kỹ thuật Công nghiệp" as a name, "các trường đại học kinh tế"
    not): a run's first word only where the body writes it inside a sentence."""
    words = [pieces[i] for i in word_at]
    gaps = [_phrase_gap(pieces[i + 1]) for i in word_at[:-1]]  # the gap after each word
    start = 0
    while start + PHRASE_WORDS <= len(word_at):
        best: tuple[int, tuple[str, ...], int] | None = None
        end = start + PHRASE_WORDS
        while end <= len(word_at):
            spaced = gaps[start : end - 1]
            if None in spaced:
                break
            forms = body.phrase_forms(words[start:end], spaced)  # type: ignore[arg-type]
            if not forms:
                break
            top = max(forms, key=lambda form: (forms[form], form != tuple(map(str.lower, form))))
            best = (end, top, forms[top])
            end += 1
        if best is None:
            start += 1
            continue
        end, form, seen = best
        for position, (index, word) in enumerate(zip(word_at[start:end], form, strict=True)):
            if not word or _kept_in_capitals(pieces[index], chosen[index]):
                continue
            if seen == 1 and position and _slip(form[position - 1], word, chosen[index], body):
                continue
            chosen[index] = word
        start = end


SLIP_AGAINST = 3  # times the body capitalises a name that one small letter is a slip against


def _slip(before: str, word: str, chosen: str, body: BodyCasing) -> bool:
    """The word in small letters after `before` where the title chose its capital, the body
    writing the pair so once and with the capital SLIP_AGAINST times or more ("Hà nội"
    against "Hà Nội"): a slip of the body, no evidence."""
    if word != word.lower() or chosen == chosen.lower():
        return False
    forms = body.pair_forms(before, word)
    small = sum(n for (_, right), n in forms.items() if right == right.lower())
    capital = sum(n for (_, right), n in forms.items() if right != right.lower())
    return small == 1 and capital >= SLIP_AGAINST


def _kept_in_capitals(printed: str, chosen: str) -> bool:
    """A word printed in capitals that the title keeps so (an acronym, a name the body also
    writes in capitals): no run of words changes it."""
    return chosen == printed and is_all_caps(printed)


def _phrase_gap(gap: str) -> str | None:
    """A gap inside a run of words: a space or a dash, spaced as `phrase_text` spaces it."""
    if not gap.strip():
        return " "
    return " - " if gap.strip() in "-–" else None


#: Languages Vietnamese names with "tiếng" ("tiếng Việt"): the name keeps its capital.
_LANGUAGES = frozenset(
    fold(name)
    for name in [
        "Việt",
        "Anh",
        "Pháp",
        "Nga",
        "Trung",
        "Hoa",
        "Nhật",
        "Hàn",
        "Đức",
        "Lào",
        "Thái",
        "Ý",
        "Khmer",
    ]
)


def _language(left: str, right: str) -> bool:
    return fold(left) == "tiếng" and fold(right) in _LANGUAGES


def _take_pair(
    from_pairs: dict[int, list[str]], where: tuple[int, int], pair: tuple[str, str]
) -> None:
    """Both words capitalised is a name ('Hà Nội'); otherwise only the lower-case side counts."""
    capitals = [form != form.lower() for form in pair]
    for index, form, capital in zip(where, pair, capitals, strict=True):
        if all(capitals) or not capital:
            from_pairs[index].append(form)


def _prefer_capitals(forms: list[str]) -> str:
    """When the pairs on either side disagree, the form with capitals (a name) wins."""
    return next((form for form in forms if form != form.lower()), forms[0])


_POSSESSIVE = re.compile(r"(.+)([’']s)", re.IGNORECASE)


def _word_case(word: str, body: BodyCasing, all_caps: bool) -> str:
    possessive = _POSSESSIVE.fullmatch(word)
    if possessive and body.forms_of(word) is None:  # "VIETNAM’S" as the body writes "Vietnam"
        return _word_case(possessive[1], body, all_caps) + possessive[2].lower()
    form = body.word_form(word)
    if all_caps and form is not None and _also_in_capitals(word, form, body):
        return word
    if form is not None and (form != form.lower() or all_caps or word == word.lower()):
        return form
    if form is not None:
        return word  # a capital kept through small caps marks a name ('Bắc Ninh')
    forms = body.forms_of(word) if all_caps else None
    if forms:
        return str(_most_common(forms))
    folded = fold(word)
    if folded in ACRONYM_BY_FOLD:
        return ACRONYM_BY_FOLD[folded]
    if any(map(str.islower, word)):
        return word  # written in its own case among capitals ("Lactuca", "ZnO")
    if any(map(str.isdigit, word)):
        return word  # a code or a model: letters among figures ("6140D/2", "CO2", "COVID-19")
    if _initials(word):
        return word  # initials ("NHTM", "DN"): no word of Vietnamese or English lacks a vowel
    parts = word.split("-")
    if len(parts) > 1 and all(parts):  # "EU-VIETNAM": each part as the body writes it
        return "-".join(_word_case(part, body, all_caps) for part in parts)
    return word.lower() if all_caps else word


def _initials(word: str) -> bool:
    """Two capitals or more and not a vowel among them ("NHTM", "DNNVV", "ĐHQG")."""
    letters = [char for char in word if char.isalpha()]
    return len(letters) >= 2 and all(map(str.isupper, letters)) and not _vowels(word)


def _also_in_capitals(word: str, form: str, body: BodyCasing) -> bool:
    """A name the body writes with capitals inside ("MDSolids") and also all in capitals, as
    the title prints it ("MDSOLIDS"): the printed form is one of its own."""
    return (
        form != word
        and sum(map(str.isupper, form)) >= 2
        and sum(map(str.isalpha, word)) >= 2
        and word.isupper()
        and word in (body.forms_of(word) or {})
    )


#: Two or more capitalised words in a row, in text without its marks: a name ("Nam Dinh").
_NAME_RUN = re.compile(r"\b[A-Z][a-z]*(?: [A-Z][a-z]*)+\b")


def restore_english_title(title: str, english: list[str], vietnamese: list[str]) -> str:
    """An English title in capitals or small caps in sentence case, with the casing of the
    English abstract and keywords, and the names and acronyms the Vietnamese title, abstract
    and keywords write, as English writes them: without their marks ("Quảng Ninh" is
    "Quang Ninh"), a two-word name also as one word ("Việt Nam", "Hà Nội": "Vietnam", "Hanoi")."""
    if not needs_restoring(title):
        return title
    texts = [*english, *vietnamese]
    texts += [_NAME_RUN.sub(_name_and_joined, ascii_fold(text)) for text in vietnamese]
    restored = restore_case(capitals(title), learn_body(texts, asked=[title]))
    restored = binomials(restored, english)
    restored = _PROPER_ADJECTIVE.sub(lambda m: m.group(0).capitalize(), restored)
    restored = company_names(institution_names(restored))
    if restored.isascii():
        return restored  # no word with marks: none to capitalise as a name
    english_words = _small_words(english)
    return re.sub(r"\S+", lambda word: _name_with_marks(word, english_words), restored)


#: The kinds of company English names with capitals after their name ("Van Phu Garment
#: Joint Stock Company"), in small letters.
COMPANIES = (
    ("joint", "stock", "company"),
    ("limited", "company"),
    ("limited", "liability", "company"),
)
COMPANY_NAME_WORDS = 3  # words of a company's name before its kind: a place and a trade


def company_names(title: str) -> str:
    """A named company in a title restored from capitals ("at Ha Lang railways joint stock
    company"), with capitals on its trade and its kind, as English writes a name: the kind
    in the singular after at most three words of which the first is capitalised (the name),
    not after "a" or "an"."""
    pieces = WORD_SPLIT_RE.split(title)
    words = [piece.lower() for piece in pieces[1::2]]
    for kind in COMPANIES:
        for start in range(1, len(words) - len(kind) + 1):
            if tuple(words[start : start + len(kind)]) != kind:
                continue
            name = _company_name_start(pieces, start)
            if name is None:
                continue
            for at in range(name, start + len(kind)):
                pieces[2 * at + 1] = capitalize_first(pieces[2 * at + 1])
    return "".join(pieces)


def _company_name_start(pieces: list[str], kind: int) -> int | None:
    """The first word of the name before a company's kind (the word at `kind`, the word
    at n being pieces[2n + 1]): the furthest capitalised one among the few words before it
    that spaces alone join to it and that are no preposition or article, not the title's
    first word, and after no "a" or "an"."""
    found = None
    at = kind - 1
    while at > 0 and kind - at <= COMPANY_NAME_WORDS and pieces[2 * at + 2] == " ":
        word = pieces[2 * at + 1]
        if word in _NAME_ENDS or word in _NAME_JOINS:  # (in small letters: "An" is a name)
            break
        if word[:1].isupper():
            found = at
        at -= 1
    if found is None or pieces[2 * found - 1] in {"a", "an"}:
        return None
    return found


def _small_words(texts: list[str]) -> frozenset[str]:
    """The words these texts write in small letters."""
    return frozenset(w for text in texts for w in WORD_SPLIT_RE.findall(text) if w.islower())


#: How a Latin species' name ends ("undatus", "sativa", "officinalis", "coli", "album").
_EPITHET = re.compile(r"[a-z]{2,}(?:us|um|a|ae|is|i)")


def binomials(title: str, english: list[str]) -> str:
    """A Latin binomial ("Hylocereus undatus": a species' name that ends as Latin does
    after a word) that the English abstract writes, inside its sentences, more often with
    the genus capitalised than all in small letters: one "of hylocereus undatus" there must
    not turn the title's into small letters. (The abstract's "the Elliptic curve" makes no
    name: "curve" is no Latin species.)"""
    pieces = WORD_SPLIT_RE.split(title)
    casing: BodyCasing | None = None  # the abstract's, learnt for the first candidate
    for left in range(3, len(pieces) - 2, 2):  # not the title's first word
        right = left + 2
        if pieces[left + 1] != " " or not pieces[left].islower():
            continue
        if not _EPITHET.fullmatch(pieces[right]):
            continue
        if casing is None:
            casing = learn_body(english)
        forms = casing.forms_inside([pieces[left], pieces[right]], [" "])
        named = forms[(capitalize_first(pieces[left]), pieces[right])]
        if named > forms[(pieces[left], pieces[right])]:
            pieces[left] = capitalize_first(pieces[left])
    return "".join(pieces)


#: Nationalities, languages, regions and creeds, which English capitalises wherever they
#: stand ("Vietnamese commercial banks", "non-English majors").
_PROPER_ADJECTIVE = re.compile(
    r"(?<![^\W\d_])(?:vietnamese|english|french|chinese|japanese|korean|german|russian"
    r"|american|european|asian|african|australian|british|thai|laotian|cambodian|indonesian"
    r"|malaysian|singaporean|indian|spanish|italian|dutch|portuguese|arabic|latin"
    r"|confucian|buddhist|catholic|christian|marxist|leninist"
    # adjectives made of a person's name ("Cartesian space", "Gaussian noise")
    r"|cartesian|gaussian|euclidean|newtonian|bayesian|markovian|lagrangian|hamiltonian"
    r"|laplacian|riemannian|keynesian|darwinian)(?![^\W\d_])"
)


#: Institutions English names "X of Y" with capitals on the name's words ("University of
#: Economics", "Faculty of Tourism and Hospitality"), in the singular.
INSTITUTIONS = frozenset(
    ["university", "institute", "academy", "ministry", "faculty", "college", "department"]
)
#: Words inside an institution's name that stay in small letters.
_NAME_JOINS = frozenset(["of", "for", "and"])
#: Words that end an institution's name: what follows it in a title is no part of it.
_NAME_ENDS = frozenset(
    [
        "in",
        "at",
        "on",
        "to",
        "with",
        "by",
        "from",
        "the",
        "a",
        "an",
        "following",
        "during",
        "through",
        "under",
        "into",
        "via",
        "as",
        "among",
        "between",
        "within",
        "towards",
        "toward",
        "about",
        "using",
        "based",
        "case",
        "after",
        "before",
        "over",
        "against",
        "since",
        "until",
        "upon",
        "some",
        "its",
        "their",
        "this",
        "these",
    ]
)


def institution_names(title: str) -> str:
    """An institution's name in a title restored from capitals, "university of economic and
    technical industries", with capitals on its words, as English writes a name: from the
    institution's word and "of" on, over spaces and dashes, up to a mark, a preposition or
    an article. "And" belongs to the name after its first word alone ("of X and Y"); after
    more ("... for Industries and possible solutions") it ends the name."""
    pieces = WORD_SPLIT_RE.split(title)  # gap, word, gap, word, ..., gap
    word_at = range(1, len(pieces), 2)
    for at in word_at:
        if pieces[at].lower() not in INSTITUTIONS or at + 2 >= len(pieces):
            continue
        if pieces[at + 1] != " " or pieces[at + 2].lower() != "of":
            continue
        pieces[at] = capitalize_first(pieces[at])
        _capitalise_name(pieces, at + 4)
    return "".join(pieces)


NAME_RUN_WORDS = 2  # words of a name in a row between its joins ("of Industrial Economics")


def _capitalise_name(pieces: list[str], start: int) -> None:
    """Capitalise the words of an institution's name from the word at `start` (after its
    "of"): a dash, "of", "for" or "and" joins its parts, each of at most two words, one
    after "for" ("... Technology for Industries after Covid-19"); "and" only after its first
    word; a mark, a preposition or an article ends it."""
    named = 0  # the name's words after "of"
    run, limit = 0, NAME_RUN_WORDS  # words since the last join, and how many it allows
    for index in range(start, len(pieces), 2):
        word, gap = pieces[index].lower(), _phrase_gap(pieces[index - 1])
        if gap is None or word in _NAME_ENDS or (word == "and" and named != 1):
            return
        if gap != " " or word in _NAME_JOINS:
            run, limit = 0, 1 if word == "for" else NAME_RUN_WORDS
        if word in _NAME_JOINS:
            continue
        if run == limit:
            return
        pieces[index] = "-".join(map(capitalize_first, pieces[index].split("-")))
        named, run = named + 1, run + 1


_WORD_MARKS = ".,;:!?()[]\"“”'’"  # around a word of a title cut at white space


def _name_with_marks(word: re.Match[str], english: frozenset[str]) -> str:
    """A word of an English title with Vietnamese marks is a name ("Nam Đinh"), unless the
    English abstract or keywords write it in small letters, alone or in the singular
    ("purée": "carrot purées"): an English word with an accent."""
    text = word[0]
    core = text.strip(_WORD_MARKS)
    if core in english or core.removesuffix("s") in english or core.removesuffix("es") in english:
        return text
    marked = any(not char.isascii() and is_vietnamese_letter(char) for char in text)
    return capitalize_first(text) if marked and text.islower() else text


def english_title_of(article: Article) -> str:
    """The article's English title, restored from capitals (`restore_english_title`) with
    its English abstract and keywords, and its Vietnamese title, lead and keywords."""
    return restore_english_title(
        article.title_en,
        [article.abstract_en, *article.keywords_en],
        [article.title, article.lead, *article.keywords],
    )


def capitals(title: str) -> str:
    """A title to restore, in capitals; the words a title in capitals writes in their own
    case ("Lactuca sativa L.", "ZnO") kept so."""
    return title if mostly_capitals(title) else title.upper()


def _name_and_joined(name: re.Match[str]) -> str:
    """ "Viet Nam" as "Viet Nam Vietnam": both forms inside the sentence; each two words of a
    longer run of names joined too ("mien Bac Viet Nam": "Bac Viet Nam Bacviet Vietnam
    Bacvietnam"), the run not telling where one name ends and the next begins."""
    run = name[0]
    words = run.split(" ")
    joined = [f"{one}{two.lower()}" for one, two in itertools.pairwise(words)]
    if len(words) > 2:
        joined.append(words[0] + "".join(words[1:]).lower())
    return " ".join([run, *joined])
