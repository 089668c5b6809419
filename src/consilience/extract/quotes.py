"""Direct quotes and who said them.

A quote is the text between quote marks (curly or straight). Its speaker comes from the words
next to it ("..., Xi said", "Rein replied, “...”", "he said" -> the person last named before),
or, with a parse, from the subject of the reporting verb of its sentence. A quote left open
runs to the end of its paragraph, as news style does when a quote continues below.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from consilience.extract.names import TITLE_WORDS, clean_name, looks_like_person
from consilience.extract.nlp import ParsedArticle, evidence, sentence_at
from consilience.models import Entity, Fact

__all__ = [
    "SPEECH_VERBS",
    "Quote",
    "extract_quotes",
    "find_quotes",
    "nearest_person_before",
    "quote_facts",
]

# Lemmas of verbs that report speech or writing; a quote's predicate is one of these.
_SPEECH_LEMMAS = """
say tell state add note warn declare write explain argue insist reply respond ask stress
emphasize emphasise urge announce claim remark comment observe predict caution
conclude recall acknowledge admit vow pledge post tweet opine report describe term call
"""
_IRREGULAR_FORMS = {"said": "say", "told": "tell", "wrote": "write", "written": "write"}


def _verb_forms(lemma: str) -> dict[str, str]:
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    past = lemma + "d" if lemma.endswith("e") else lemma + "ed"
    if lemma.endswith("y") and lemma[-2] not in "aeiou":
        past = lemma[:-1] + "ied"
    third = lemma[:-1] + "ies" if past.endswith("ied") else lemma + "s"
    return {lemma: lemma, third: lemma, past: lemma, stem + "ing": lemma}


SPEECH_VERBS: dict[str, str] = dict(_IRREGULAR_FORMS)
for _lemma in _SPEECH_LEMMAS.split():
    SPEECH_VERBS.update(_verb_forms(_lemma))
_SPEECH_LEMMA_SET = frozenset(SPEECH_VERBS.values())

# Quotes shorter than this many words are scare quotes ("bullying") unless a speech verb
# sits right next to them; four words is where news quotes start to be statements.
MIN_QUOTE_WORDS = 4
# How far (characters) before an opening mark a "X said ..." frame may start; a reporting
# clause plus a short paraphrase ("Rein said that Trump's tariffs look like ...") fits.
MAX_FRAME_CHARS = 220

_OPENERS = "“"
_SPEECH = "|".join(sorted(SPEECH_VERBS, key=len, reverse=True))
# A capitalised run that can name a speaker; sentence-initial function words cannot.
_NOT_A_NAME = r"(?!(?:The|A|An|This|That|These|Those|It|In|On|At|For|But|And|As|If|When|While)\b)"
_NAME = rf"{_NOT_A_NAME}(?:[A-Z][\w.’'-]*\s+){{0,4}}[A-Z][\w.’'-]*"
_WHO = rf"(?P<who>{_NAME}|\b[Hh]e|\b[Ss]he|\b[Tt]hey)"
_AFTER = re.compile(
    rf"^[\s,]*(?:{_WHO}\s+(?:\w+ly\s+)?(?P<verb>{_SPEECH})\b"
    rf"|(?P<verb2>{_SPEECH})\s+(?P<who2>{_NAME}))"
)
_BEFORE = re.compile(
    rf"{_WHO}(?:\s*,[^,“”\"]{{1,60}},)?\s+(?:\w+\s+){{0,2}}?(?P<verb>{_SPEECH})\b"
    rf"[^“”\"]{{0,{MAX_FRAME_CHARS}}}$"
)
# "..., stating that “...": a participle frame whose speaker is the sentence's subject.
_PARTICIPLE = re.compile(rf"\b(?P<verb>{_SPEECH})\b[^“”\"]{{0,{MAX_FRAME_CHARS // 2}}}$")
# Its subject: after a leading clause ("Prior to his visit, Xi ..."), else first in line.
_SENTENCE_SUBJECTS = (
    re.compile(rf"^[^,“”\"]{{0,40}},\s*{_WHO}\b"),
    re.compile(rf"^\W*{_WHO}\b"),
)
# A pull-quote's speaker on the line below it: a short line holding just a name.
MAX_CAPTION_WORDS = 4
_PRONOUNS = frozenset({"he", "she", "him", "her", "his"})
_PERSON_LABELS = frozenset({"PERSON", "NAME"})


@dataclass(frozen=True, slots=True)
class Quote:
    """Quoted words at ``article.text[start:end]`` and who said them ("" when unknown)."""

    start: int
    end: int
    speaker: str
    verb: str | None


def nearest_person_before(
    parsed: ParsedArticle, offset: int, aliases: dict[str, str] | None = None
) -> str | None:
    """The last person named before ``offset`` (how "he said" is resolved), or None."""
    names = aliases if aliases is not None else parsed.aliases
    before: list[Entity] = [e for e in parsed.entities if e.end <= offset]
    for entity in reversed(before):
        if entity.label not in _PERSON_LABELS:
            # A tagger may label a lone surname as an organisation ("Venk conceded") after
            # naming the person in full ("Dorota Venk"): opening its sentence, the surname
            # names the person acting there, whom a pronoun then refers to.
            surname_of = _person_with_part(parsed, clean_name(entity.text, entity.label))
            if surname_of and _opens_sentence(parsed, entity):
                return surname_of
            continue
        name = clean_name(entity.text, entity.label)
        full = names.get(name, name)
        if name and looks_like_person(full, entity.label):
            return full
    return None


def _opens_sentence(parsed: ParsedArticle, entity: Entity) -> bool:
    sentence = sentence_at(parsed, entity.start)
    return sentence is not None and not sentence.text[: entity.start - sentence.start].strip()


def _quote_spans(text: str) -> list[tuple[int, int, bool]]:
    """(start, end, opened) of every quote's inner text, paragraph by paragraph.

    ``opened`` is False for a closing mark with no opener, whose quote is taken to start
    with the paragraph; such a quote counts only when a speaker is named right next to it.
    """
    spans: list[tuple[int, int, bool]] = []
    for paragraph in re.finditer(r"[^\n]+", text):
        opened: int | None = None
        opened_straight = False
        for match in re.finditer(r"[“”\"]", paragraph.group()):
            mark, position = match.group(), paragraph.start() + match.start()
            if mark == '"':
                if opened is None:
                    opened, opened_straight = position, True
                elif opened_straight:
                    spans.append((opened + 1, position, True))
                    opened = None
            elif mark in _OPENERS:
                opened, opened_straight = position, False
            elif opened is not None and not opened_straight:
                spans.append((opened + 1, position, True))
                opened = None
            elif opened is None and (not spans or spans[-1][1] < paragraph.start()):
                spans.append((paragraph.start(), position, False))
        if opened is not None and paragraph.end() > opened + 1:
            spans.append((opened + 1, paragraph.end(), True))
    return [(s, e, c) for s, e, c in (_trim(text, *span) for span in spans) if e > s]


def _trim(text: str, start: int, end: int, opened: bool) -> tuple[int, int, bool]:
    inner = text[start:end]
    start += len(inner) - len(inner.lstrip())
    return start, start + len(inner.strip()), opened


def _resolve(parsed: ParsedArticle, who: str, at: int, aliases: dict[str, str]) -> str:
    """The fullest name for the words ``who`` found at offset ``at``."""
    if who.lower() in _PRONOUNS:
        return nearest_person_before(parsed, at, aliases) or ""
    if who.lower() == "they":
        return ""
    inside = [e for e in parsed.entities if at <= e.start and e.end <= at + len(who)]
    # A parse names the speaker by its head word ("Dahl" of "Anouk Ferreira-Dahl"): the
    # entity holding that word names the speaker in full.
    inside = inside or [e for e in parsed.entities if e.start <= at < e.end]
    label = inside[-1].label if inside else "PERSON"
    words = inside[-1].text if inside else who
    name = clean_name(_after_office(words) if label in _PERSON_LABELS else words, label)
    full = aliases.get(name) or name
    if full == name and " " not in name:  # a lone surname the tagger took for an organisation
        return _person_with_part(parsed, name) or name
    return full


def _after_office(who: str) -> str:
    """The name after the last office word of a speaker phrase the tagger did not tag
    ("Belmoran President Anouk Ferreira-Dahl" -> "Anouk Ferreira-Dahl")."""
    words = who.split()
    offices = [i for i, word in enumerate(words) if word.lower() in TITLE_WORDS]
    if not offices or offices[-1] == len(words) - 1:
        return who
    rest = words[offices[-1] + 1 :]
    return " ".join(rest) if all(word[:1].isupper() for word in rest) else who


def _person_with_part(parsed: ParsedArticle, part: str) -> str | None:
    """The one person whose name starts or ends with ``part`` (a tagger may have missed
    that a lone surname is a person)."""
    fulls = {
        clean_name(_after_office(e.text), e.label)
        for e in parsed.entities
        if e.label in _PERSON_LABELS and " " in e.text.strip()
    }
    matches = {f for f in fulls if f.endswith((" " + part, "-" + part)) or f.startswith(part + " ")}
    return matches.pop() if len(matches) == 1 else None


def _paragraph_start(text: str, offset: int) -> int:
    return text.rfind("\n", 0, offset) + 1


def _adjacent_speaker(
    parsed: ParsedArticle, start: int, end: int, aliases: dict[str, str]
) -> tuple[str, str] | None:
    """(speaker, verb lemma) from the words right after or right before the quote."""
    text = parsed.article.text
    after_from = end + 1 if end < len(text) and text[end] in '”"' else end
    line_end = text.find("\n", after_from)
    after = text[after_from : line_end if line_end >= 0 else len(text)]
    # A quote ending in a full stop ended its sentence: "He added" after it starts anew.
    ends_sentence = text[start:end].endswith(".") and not after.lstrip(" ").startswith(",")
    match = None if ends_sentence else _AFTER.match(after)
    if match:
        who = match.group("who") or match.group("who2")
        verb = match.group("verb") or match.group("verb2")
        where = after_from + match.start("who" if match.group("who") else "who2")
        if who.lower() in _PRONOUNS:
            where = start  # "“...,” he said": he is named before the quote, not inside it
        return _resolve(parsed, who, where, aliases), SPEECH_VERBS[verb.lower()]
    open_at = start - 1 if start > 0 and text[start - 1] in '“"' else start
    frame_start = max(_paragraph_start(text, open_at), open_at - MAX_FRAME_CHARS)
    frame = text[frame_start:open_at]
    found = list(_BEFORE.finditer(frame))
    if found:
        match = found[-1]
        who, where = match.group("who"), frame_start + match.start("who")
        return _resolve(parsed, who, where, aliases), SPEECH_VERBS[match.group("verb").lower()]
    return _participle_speaker(parsed, open_at, aliases)


def _participle_speaker(
    parsed: ParsedArticle, open_at: int, aliases: dict[str, str]
) -> tuple[str, str] | None:
    """ "Xi, in a statement, denounced ..., declaring that “...”": the sentence's subject."""
    sentence = sentence_at(parsed, open_at)
    if sentence is None:
        return None
    frame = parsed.article.text[sentence.start : open_at]
    verb = _PARTICIPLE.search(frame)
    subject = next((m for m in (p.match(frame) for p in _SENTENCE_SUBJECTS) if m), None)
    if verb is None or subject is None or not verb.group("verb").lower().endswith("ing"):
        return None
    where = sentence.start + subject.start("who")
    name = _resolve(parsed, subject.group("who"), where, aliases)
    return name, SPEECH_VERBS[verb.group("verb").lower()]


def _caption_speaker(parsed: ParsedArticle, end: int, aliases: dict[str, str]) -> str | None:
    """A pull-quote followed by a line holding only a person's name: that person."""
    text = parsed.article.text
    line_end = text.find("\n", end)
    if line_end < 0:
        return None
    match = re.match(r"\s*([^\n]+)", text[line_end:])
    if match is None or len(match.group(1).split()) > MAX_CAPTION_WORDS:
        return None
    line_start = line_end + match.start(1)
    for entity in parsed.entities:
        if entity.start == line_start and entity.label in _PERSON_LABELS:
            name = clean_name(entity.text, entity.label)
            return aliases.get(name, name) or None
    return None


def _parsed_speaker(
    parsed: ParsedArticle, start: int, end: int, aliases: dict[str, str]
) -> tuple[str, str] | None:
    """(speaker, verb lemma) from the subject of a reporting verb outside the quote."""
    doc: Any = parsed.doc
    if doc is None:
        return None
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return None
    text = parsed.article.text
    # Only the quote's own paragraph: spaCy sentences can run on across a line break.
    low, high = _paragraph_start(text, start), text.find("\n", end) % (len(text) + 1)
    sentences = {span[0].sent, span[-1].sent}
    candidates = [
        token
        for sentence in sentences
        for token in sentence
        if low <= token.idx < high
        and token.pos_ == "VERB"
        and token.lemma_.lower() in _SPEECH_LEMMA_SET
        and not start <= token.idx < end
    ]
    candidates.sort(key=lambda token: min(abs(token.idx - start), abs(token.idx - end)))
    for verb in candidates:
        subject = _subject_of(verb)
        if subject is not None:
            name = _resolve(parsed, subject.text, subject.idx, aliases)
            return name, verb.lemma_.lower()
    return None


def _subject_of(verb: Any) -> Any | None:
    """The nominal subject of a verb, climbing from participles ("..., stating") to theirs."""
    token = verb
    for _ in range(3):
        for child in token.children:
            if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ in ("PROPN", "PRON"):
                return child
        if token.dep_ in ("advcl", "xcomp", "conj", "dep", "ccomp") and token.head is not token:
            token = token.head
        else:
            return None
    return None


def find_quotes(parsed: ParsedArticle) -> list[Quote]:
    """Every direct quote of the article with its speaker; scare quotes are left out."""
    text = parsed.article.text
    aliases = parsed.aliases
    quotes: list[Quote] = []
    for start, end, opened in _quote_spans(text):
        adjacent = _adjacent_speaker(parsed, start, end, aliases)
        words = len(text[start:end].split())
        named = adjacent is not None and bool(adjacent[0])
        if not named and (words < MIN_QUOTE_WORDS or not opened):
            continue
        found = adjacent or _parsed_speaker(parsed, start, end, aliases)
        speaker, verb = found if found else (_caption_speaker(parsed, end, aliases) or "", None)
        if not speaker and _is_headline(text, start, end):
            continue
        quotes.append(Quote(start=start, end=end, speaker=speaker, verb=verb))
    return _continue_speakers(text, quotes)


def _is_headline(text: str, start: int, end: int) -> bool:
    """A quoted line standing alone without end punctuation is a headline, not speech."""
    line_start, line_end = _paragraph_start(text, start), text.find("\n", end)
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    return line.strip(' “”"') == text[start:end] and not text[start:end].endswith((".", "?", "!"))


def _continue_speakers(text: str, quotes: list[Quote]) -> list[Quote]:
    """Paragraphs of one running quote share its speaker, in either direction."""
    result = list(quotes)
    for _sweep in range(2):
        for index in range(len(result) - 1):
            first, second = result[index], result[index + 1]
            between = text[first.end : second.start]
            if (
                "\n" not in between
                or between.strip(' \n“”"')
                or (bool(first.speaker) == bool(second.speaker))
            ):
                continue
            speaker, verb = (
                (first.speaker, first.verb) if first.speaker else (second.speaker, second.verb)
            )
            result[index] = Quote(first.start, first.end, speaker, first.verb or verb)
            result[index + 1] = Quote(second.start, second.end, speaker, second.verb or verb)
    return result


def quote_facts(parsed: ParsedArticle, quotes: list[Quote]) -> list[Fact]:
    """One ``quote`` fact per quote, with the sentences it stands in as evidence."""
    article = parsed.article
    facts = []
    for quote in quotes:
        around = [s for s in parsed.sentences if s.start < quote.end and quote.start < s.end]
        if around:
            sentence_start, sentence_end = around[0].start, around[-1].end
        else:
            sentence_start = _paragraph_start(article.text, quote.start)
            line_end = article.text.find("\n", quote.end)
            sentence_end = line_end if line_end >= 0 else len(article.text)
        span = evidence(article, quote.start, quote.end)
        about = f"quote by {quote.speaker}" if quote.speaker else "unattributed quote"
        facts.append(
            Fact(
                kind="quote",
                article=article.id,
                subject=quote.speaker,
                about=about,
                value=span.text,
                evidence=evidence(
                    article, min(sentence_start, quote.start), max(sentence_end, quote.end)
                ),
                span=span,
                attributed_to=quote.speaker or None,
                predicate=quote.verb,
            )
        )
    return facts


def extract_quotes(parsed: ParsedArticle) -> list[Fact]:
    """Direct quotes as ``quote`` facts: the words, the speaker and the reporting verb."""
    return quote_facts(parsed, find_quotes(parsed))
