"""Restore the case of titles and headings set in small caps or capitals.

Sentence case first; then every word (or pair of words) takes the casing the article's own
body uses for it (KH&CN, KT-XH, Hà Nội); words the body never writes fall back to a list of
well-known acronyms.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field

from bantin.vietnamese import ACRONYM_BY_FOLD, SENTENCE_END, capitalize_first, fold, is_all_caps

WORD_SPLIT_RE = re.compile(r"([^\W_]+(?:[&\-'’][^\W_]+)*)")


@dataclass
class BodyCasing:
    """How the body writes each word and each pair of words, away from sentence starts."""

    words: dict[str, Counter[str]] = field(default_factory=lambda: defaultdict(Counter))
    pairs: dict[tuple[str, str], Counter[tuple[str, str]]] = field(
        default_factory=lambda: defaultdict(Counter)
    )

    def learn(self, text: str) -> None:
        """Count the forms of the words of one paragraph, skipping sentence-initial words."""
        previous: str | None = None
        sentence_start = True
        for piece in WORD_SPLIT_RE.split(text):
            if WORD_SPLIT_RE.fullmatch(piece):
                if not sentence_start:
                    self.words[fold(piece)][piece] += 1
                if previous is not None:
                    self.pairs[(fold(previous), fold(piece))][(previous, piece)] += 1
                previous = None if sentence_start else piece
                sentence_start = False
            elif piece.strip():
                if any(c in SENTENCE_END for c in piece):
                    previous, sentence_start = None, True
                elif any(c in ',;()"“”' for c in piece):
                    previous = None

    def word_form(self, word: str) -> str | None:
        """The body's form of a lone word: an acronym, or a name never written in lower case."""
        forms = self.words.get(fold(word))
        if not forms:
            return None
        best = forms.most_common(1)[0][0]
        if sum(1 for c in best if c.isupper()) >= 2:
            return best
        return best.lower() if best.lower() in forms else None

    def pair_form(self, left: str, right: str) -> tuple[str, str] | None:
        forms = self.pairs.get((fold(left), fold(right)))
        return forms.most_common(1)[0][0] if forms else None


def learn_body(texts: list[str]) -> BodyCasing:
    """The casing knowledge drawn from the body paragraphs, lead and captions."""
    casing = BodyCasing()
    for text in texts:
        casing.learn(text)
    return casing


def needs_restoring(text: str) -> bool:
    """Small caps or capitals: starts in lower case, is all capitals, or has 'Kh&Cn'-like words."""
    letters = [c for c in text if c.isalpha()]
    if not letters:
        return False
    if letters[0].islower() or is_all_caps(text):
        return True
    return any(_looks_small_caps(word) for word in WORD_SPLIT_RE.findall(text))


def _looks_small_caps(word: str) -> bool:
    """'Kh&Cn', 'Kt-xh': a known acronym written in mixed case."""
    return fold(word) in ACRONYM_BY_FOLD and word != ACRONYM_BY_FOLD[fold(word)]


def restore_case(text: str, body: BodyCasing) -> str:
    """Sentence case with the body's own casing for words and names it writes."""
    if not needs_restoring(text):
        return text
    all_caps = is_all_caps(text)
    pieces = WORD_SPLIT_RE.split(text)
    word_at = [i for i, piece in enumerate(pieces) if WORD_SPLIT_RE.fullmatch(piece)]
    chosen = {i: _word_case(pieces[i], body, all_caps) for i in word_at}
    from_pairs: dict[int, list[str]] = defaultdict(list)
    for left, right in itertools.pairwise(word_at):
        pair = body.pair_form(pieces[left], pieces[right]) if not pieces[left + 1].strip() else None
        if pair is not None:
            _take_pair(from_pairs, (left, right), pair)
    for index, forms in from_pairs.items():
        chosen[index] = _prefer_capitals(forms)
    for index, form in chosen.items():
        pieces[index] = form
    return capitalize_first("".join(pieces))


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


def _word_case(word: str, body: BodyCasing, all_caps: bool) -> str:
    form = body.word_form(word)
    if form is not None and (form != form.lower() or all_caps or word == word.lower()):
        return form
    if form is not None:
        return word  # a capital kept through small caps marks a name ('Bắc Ninh')
    if all_caps and fold(word) in body.words:
        return body.words[fold(word)].most_common(1)[0][0]
    if fold(word) in ACRONYM_BY_FOLD:
        return ACRONYM_BY_FOLD[fold(word)]
    return word.lower() if all_caps else word
