"""Finding the passage to cite from a few remembered words or a loose paraphrase.

Every sentence of every seed (its readers' comments left out: they are never
evidence) is a candidate. A sentence scores by how much of the query's
weight it holds, word by word: a word counts as found when the sentence has
it, or a word of the same stem, or one rapidfuzz rates as a near spelling
("negotiations" for "negotiating"); rarer words weigh more (inverse sentence
frequency across the project's seeds), and words such as "the" or "said"
weigh nothing. A share of the score is rapidfuzz's partial ratio of the
whole query against the sentence, so that an exact phrase, stop words and
all, comes first. The words found are returned with each passage, to be
marked.
"""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz, process

from macros.seeds.article import Seed
from macros.seeds.matching import normalized_text, word_count
from macros.seeds.sentences import sentence_starts

_WORD = re.compile(r"\w+(?:['’]\w+)*")
STOP_WORDS = frozenset("""
a about after again against all also an and any are as at be because been before being between both but by can
could did do does during each for from had has have he her here hers him his how i if in into is it its itself
me more most my no nor not of off on once only or other our out over own s same she should so some such than
that the their them then there these they this those through to too under until up very was we were what when
where which while who whom why will with would you your said says say told according also
""".split())  # noqa: SIM905 (a list of words reads better as words)
_SUFFIXES = ("ations", "ation", "ings", "ing", "ments", "ment", "ions", "ion", "ies", "ied", "ers", "er", "ed",
             "es", "ly", "s")
NEAR_SPELLING = 84  # rapidfuzz ratio from which two words count as one, misspelt or inflected
PHRASE_SHARE = 0.25  # the share of the score that the whole query's closeness, as a phrase, makes


@dataclass(frozen=True)
class Passage:
    source_id: str
    start: int  # offsets in the seed's text
    end: int
    text: str  # the sentence as the seed prints it
    score: float  # 0 to 1
    found: tuple[tuple[int, int], ...]  # spans of the words found, relative to `text`


def stem(word: str) -> str:
    word = word.lower().replace("’", "'")
    word = word.split("'")[0] if word.endswith(("'s", "'")) else word
    for suffix in _SUFFIXES:
        if len(word) - len(suffix) >= 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def _content_words(text: str) -> list[str]:
    return [w for w in (m.group().lower() for m in _WORD.finditer(text)) if w not in STOP_WORDS]


@dataclass(frozen=True)
class _Sentence:
    source_id: str
    start: int
    end: int
    text: str
    stems: frozenset[str]
    words: tuple[str, ...]


def sentences_of(seed: Seed) -> list[tuple[int, int]]:
    """The spans of the seed's sentences, outside its readers' comments."""
    spans = []
    for paragraph in seed.paragraphs:
        if seed.is_comment(paragraph.start):
            break
        starts = [paragraph.start, *sentence_starts(seed, paragraph), paragraph.end]
        for a, b in itertools.pairwise(starts):
            while b > a and seed.text[b - 1].isspace():
                b -= 1
            if b > a:
                spans.append((a, b))
    return spans


class Finder:
    """The sentences of a project's seeds, indexed once, searched by `nearest`."""

    def __init__(self, seeds: dict[str, Seed], min_words: int):
        self.sentences: list[_Sentence] = []
        for source_id, seed in sorted(seeds.items()):
            for start, end in sentences_of(seed):
                text = seed.text[start:end]
                if word_count(text) < min_words:
                    continue
                words = tuple(_content_words(text))
                self.sentences.append(_Sentence(source_id, start, end, text, frozenset(map(stem, words)), words))
        counts: Counter[str] = Counter()
        for sentence in self.sentences:
            counts.update(sentence.stems)
        total = max(1, len(self.sentences))
        self._idf = {s: math.log(1 + total / n) for s, n in counts.items()}
        self._unseen = math.log(1 + total)

    def nearest(self, query: str, top: int = 3, source_id: str | None = None) -> list[Passage]:
        words = list(dict.fromkeys(_content_words(query)))
        weights = {w: self._idf.get(stem(w), self._unseen) for w in words}
        whole = sum(weights.values()) or 1.0
        needle = normalized_text(query).lower()
        scored: list[Passage] = []
        for sentence in self.sentences:
            if source_id and sentence.source_id != source_id:
                continue
            found_words = self._found(words, sentence)
            held = sum(weights[w] for w in found_words) / whole
            phrase = fuzz.partial_ratio(needle, normalized_text(sentence.text).lower()) / 100 if needle else 0.0
            score = (1 - PHRASE_SHARE) * held + PHRASE_SHARE * phrase ** 2
            if held == 0 and phrase < 0.9:
                continue
            marks = _spans_of(sentence.text, set(found_words.values()))
            scored.append(Passage(sentence.source_id, sentence.start, sentence.end, sentence.text, round(score, 3), marks))
        scored.sort(key=lambda p: (-p.score, p.source_id, p.start))
        return scored[:top]

    @staticmethod
    def _found(words: list[str], sentence: _Sentence) -> dict[str, str]:
        """query word -> the sentence's word that stands for it."""
        found: dict[str, str] = {}
        for word in words:
            if stem(word) in sentence.stems:
                found[word] = next(w for w in sentence.words if stem(w) == stem(word))
                continue
            if len(word) < 5 or not sentence.words:
                continue
            near = process.extractOne(word, sentence.words, scorer=fuzz.ratio, score_cutoff=NEAR_SPELLING)
            if near is not None:
                found[word] = near[0]
        return found


def _spans_of(text: str, words: set[str]) -> tuple[tuple[int, int], ...]:
    return tuple(m.span() for m in _WORD.finditer(text) if m.group().lower() in words)
