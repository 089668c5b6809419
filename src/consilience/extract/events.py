"""Which event a date belongs to, named by one lemma however the outlet words it.

News names one event many ways: "the trip", "his visit", "was visiting"; "the strike", "the
walkout", "dockers downed tools"; "was sentenced", "was jailed". Dates are aligned by the
event they date, so every wording maps to one event lemma here ("visit", "strike",
"sentence"). The parse-based finder climbs from the date to the verb or event noun it
modifies, prefers an event noun that is the subject of a verb that only places it in time
("the strike began on Friday", "the walkout, which began on Friday"), and stays inside the
sentence even when the tagger's sentence runs on into a headline.

Another occurrence of an event is another event: "a further walkout from April 14" dates
"strike (further)", never the strike under way. A phase of an event is named with it ("the
talks resume on Monday": "talks resume"), except its first day, which dates the event itself
("the opening day of the protest passed off quietly on Monday": "protest").
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from consilience.extract.wordforms import singular

__all__ = [
    "EVENT_NOUNS",
    "OTHER_OCCURRENCE_SUFFIX",
    "OTHER_OCCURRENCE_WORDS",
    "event_lemma",
    "event_of_token",
    "event_of_words",
    "named_date_before",
]


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Nouns that name datable events; a date attached to one of them dates that event.
EVENT_NOUNS = _words(
    """
    visit trip tour meeting summit talks talk negotiation election vote referendum verdict
    ruling trial hearing sentencing sentence conviction earthquake quake tremor attack shooting
    crash storm hurricane flood fire explosion blast announcement signing deal agreement
    ceremony conference speech interview protest strike walkout stoppage war invasion
    ceasefire launch release collapse arrest death funeral inauguration match game race
    festival opening closure outbreak raid bombing coup resignation appointment decision
    derailment takeover merger acquisition transaction blaze inferno runoff landfall
    """
)
# One event, many words: each maps to the lemma every outlet's wording shares.
_SYNONYMS = {
    "trip": "visit", "tour": "visit", "quake": "earthquake", "tremor": "earthquake",
    "walkout": "strike", "stoppage": "strike", "sentencing": "sentence", "jail": "sentence",
    "imprison": "sentence", "talk": "talks", "negotiation": "talks", "negotiate": "talks",
    "meet": "meeting", "conviction": "convict", "arrest": "arrest", "detain": "arrest",
    "resignation": "resign", "appointment": "appoint", "announcement": "announce",
    "signing": "sign", "inauguration": "inaugurate", "bombing": "attack",
    "die": "death", "launch": "launch", "derailment": "derail",
    "takeover": "deal", "merger": "deal", "acquisition": "deal", "transaction": "deal",
    "blaze": "fire", "inferno": "fire",
}  # fmt: skip
# Verb + particle or object idioms that name an event: "walked out", "downed tools".
_IDIOMS = {
    ("walk", "out"): "strike", ("walk", "off"): "strike", ("down", "tool"): "strike",
    ("stop", "work"): "strike", ("lay", "tool"): "strike", ("give", "way"): "collapse",
    ("find", "guilty"): "convict", ("step", "down"): "resign", ("take", "office"): "inaugurate",
    ("fall", "ill"): "fall ill", ("fall", "sick"): "fall ill", ("become", "ill"): "fall ill",
    ("take", "effect"): "entry into force", ("come", "force"): "entry into force",
    ("enter", "force"): "entry into force", ("come", "effect"): "entry into force",
    ("go", "effect"): "entry into force", ("become", "effective"): "entry into force",
    ("apply", "from"): "entry into force", ("kick", "in"): "entry into force",
    ("leave", "rail"): "derail", ("leave", "track"): "derail", ("come", "rail"): "derail",
    ("come", "track"): "derail", ("jump", "track"): "derail", ("jump", "rail"): "derail",
    ("make", "landfall"): "landfall", ("come", "ashore"): "landfall", ("hit", "land"): "landfall",
    ("make", "land"): "landfall", ("reach", "land"): "landfall",
    ("shoot", "dead"): "kill", ("stab", "death"): "kill", ("beat", "death"): "kill",
    ("shoot", "death"): "kill", ("burn", "death"): "kill", ("crush", "death"): "kill",
}  # fmt: skip
# Idioms whose second word is the object of a preposition: "came into force", "came off the
# rails", "stabbed to death" are (verb, noun) above, found through the preposition.
_PREPOSITIONS = _words("into in off from to")
# The same idioms as surface text, for the no-model path.
_IDIOM_PATTERNS = [
    (re.compile(r"\b(?:walk(?:s|ed|ing)?\s+(?:out|off)|down(?:s|ed|ing)?\s+tools|"
                r"stop(?:s|ped|ping)?\s+work|(?:go(?:es|ing)?|went)\s+on\s+strike)\b", re.I),
     "strike"),
    (re.compile(r"\b(?:give|gave|gives|giving)\s+way\b", re.I), "collapse"),
    (re.compile(r"\bfound\s+guilty\b", re.I), "convict"),
    (re.compile(r"\b(?:f[ae]ll(?:s|en|ing)?|bec[oa]m(?:e|es|ing))\s+(?:ill|sick)\b", re.I),
     "fall ill"),
    (re.compile(r"\b(?:(?:takes?|took|taken|taking)\s+effect|(?:comes?|came|coming|enters?|"
                r"entered|entering|go(?:es)?|went|gone|going)\s+into\s+(?:force|effect)|"
                r"becomes?\s+effective|(?:will|to)\s+apply\s+from|kicks?\s+in)\b", re.I),
     "entry into force"),
    (re.compile(r"\b(?:derail(?:s|ed|ing)?|(?:left|leaves?|leaving|came|comes?|coming|"
                r"jump(?:s|ed|ing)?)\s+(?:off\s+)?the\s+(?:rails?|tracks?))\b", re.I),
     "derail"),
    (re.compile(r"\b(?:(?:made|makes?|making)\s+landfall|(?:came|comes?|coming)\s+ashore|"
                r"(?:hit|hits|hitting|made|reached)\s+land)\b", re.I),
     "landfall"),
    (re.compile(r"\b(?:(?:stabbed|beaten|shot|burned|crushed)\s+to\s+death|shot\s+dead)\b", re.I),
     "kill"),
]  # fmt: skip
# Verbs that only place an event in time or say it happened ("the visit starts on Monday",
# "the quake struck at dawn"): an event noun as their subject or object is the better name.
LIGHT_VERBS = _words(
    """
    be have start begin end take come happen occur hold conclude mark make place strike hit
    continue resume break erupt open close finish get go
    """
)
# Light verbs that name an event's end or a later phase, not the event: "the deal is expected
# to close in June" dates the deal's closing ("deal close"), not when it was struck; "the
# trial continues on Monday with new witnesses" dates a later day of it ("trial continue").
_PHASE_VERBS = _words("close end finish conclude complete continue resume")
# Words before an event noun that make it another occurrence: "a further walkout", "the next
# strike", "another vote". Its date is not the date of the event the story reports.
OTHER_OCCURRENCE_WORDS = _words("further next another fresh repeat")
# A suffix, not a prefix: "further strike" would read as a kind of "strike" (a compound and
# its head) to alignment, which must never line the two up.
OTHER_OCCURRENCE_SUFFIX = " (further)"
# "The first day of the strike" dates the strike; "the last day of the strike" its end.
_FIRST_DAY = _words("first opening")
_LAST_DAY = _words("last final closing")
# Court verbs that mean a sentence was passed when the sentence speaks of a prison term
# ("a judge ruled on Monday that he will spend 12 years in prison").
_RULING_VERBS = _words("rule order decide")
_PRISON_WORDS = re.compile(r"\b(?:prison|jail|imprisonment|sentenc\w*|custody)\b", re.I)
_RELATIVE_PRONOUNS = _words("which that who")
_SUBJECT_DEPS = ("nsubj", "nsubjpass", "dobj", "attr")
# A named date right before the date it holds: "best-before dates up to 24 October".
_NAMED_DATE = re.compile(
    r"(?:\b(?P<name>[a-z]+(?:-[a-z]+)*)[\s-])?(?P<noun>date|deadline)s?,?\s+"
    r"(?:(?:of|is|was|up\s+to(?:\s+and\s+including)?|until|through|no\s+later\s+than)\s+)?$",
    re.I,
)
# Words before "date" that do not name it ("the date of", "a deadline of").
_NOT_DATE_NAMES = _words("the a an its their this that new same")
# How far up the dependency tree to look for the event a date belongs to.
MAX_EVENT_CLIMB = 5


def event_lemma(lemma: str, sentence: str = "") -> str:
    """One lemma per event: "trip" -> "visit", "walkout" -> "strike", "jail" -> "sentence"."""
    word = lemma.lower()
    if word in _RULING_VERBS and _PRISON_WORDS.search(sentence):
        return "sentence"
    return _SYNONYMS.get(word, word)


def _idiom(verb: Any) -> str | None:
    lemma = str(verb.lemma_).lower()
    for child in verb.children:
        if child.dep_ in ("prt", "advmod", "dobj", "acomp", "prep", "oprd"):
            event = _IDIOMS.get((lemma, str(child.lemma_).lower()))
            if event is not None:
                return event
        if child.dep_ == "prep" and str(child.lemma_).lower() in _PREPOSITIONS:
            for noun in child.children:  # "came into force", "came off the rails"
                event = (
                    _IDIOMS.get((lemma, str(noun.lemma_).lower())) if noun.dep_ == "pobj" else None
                )
                if event is not None:
                    return event
    return None


def _event_noun_of(verb: Any) -> Any | None:
    """An event noun the verb only places in time: its subject, object or relative head."""
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            if _noun_lemma(child) in EVENT_NOUNS:
                return child
            relative = str(child.lemma_).lower() in _RELATIVE_PRONOUNS and verb.dep_ == "relcl"
            if relative and _noun_lemma(verb.head) in EVENT_NOUNS:
                return verb.head
        if child.dep_ == "prep" and str(child.lemma_).lower() == "on":  # "went on strike"
            for grandchild in child.children:
                if str(grandchild.lemma_).lower() in EVENT_NOUNS:
                    return grandchild
    return None


def _event_name(noun: Any) -> str:
    """The event lemma of an event noun; "strike (further)" for "a further walkout"."""
    name = event_lemma(_noun_lemma(noun))
    if any(
        child.dep_ in ("amod", "advmod", "det") and child.lower_ in OTHER_OCCURRENCE_WORDS
        for child in noun.children
    ):
        return name + OTHER_OCCURRENCE_SUFFIX
    return name


def _day_of_event(noun: Any) -> str | None:
    """ "The first day of the strike" -> "strike"; "the final day of the trial" -> "trial
    end"; None for any other noun."""
    if str(noun.lemma_).lower() != "day":
        return None
    words = {str(child.lower_) for child in noun.children if child.dep_ == "amod"}
    if not words & (_FIRST_DAY | _LAST_DAY):
        return None
    for prep in noun.children:
        if prep.dep_ != "prep" or prep.lower_ != "of":
            continue
        for event in prep.children:
            if event.dep_ == "pobj" and _noun_lemma(event) in EVENT_NOUNS:
                name = _event_name(event)
                return name if words & _FIRST_DAY else f"{name} end"
    return None


def _day_of_event_of(verb: Any) -> str | None:
    """The event whose first or last day is the verb's subject or object ("the first day of
    the protest passed off peacefully on Monday": the protest)."""
    for child in verb.children:
        if child.dep_ in _SUBJECT_DEPS:
            event = _day_of_event(child)
            if event is not None:
                return event
    return None


@lru_cache(maxsize=1)
def _doc_text(doc: Any) -> str:
    """The text of a parse: spaCy joins ``doc.text`` from every token on each call, and the
    dates of one article ask for it once per date."""
    return str(doc.text)


def event_of_token(token: Any, start: int, end: int) -> str | None:
    """The event lemma a date token dates, staying within the sentence ``[start, end)``."""
    sentence = _doc_text(token.doc)[start:end]
    before = _event_noun_before(token, start)
    if before is not None:
        return _event_name(before)
    for _ in range(MAX_EVENT_CLIMB):
        head = token.head
        if head.i == token.i or not start <= head.idx < end:
            break
        if head.pos_ in ("NOUN", "PROPN") and _noun_lemma(head) in EVENT_NOUNS:
            return _event_name(head)
        day = _day_of_event(head) if head.pos_ == "NOUN" else None
        if day is not None:  # "Tuesday, the first day of the strike"
            return day
        lemma = str(head.lemma_).lower()
        if head.pos_ == "VERB" and lemma == "do" and _has_child(head, "advmod", "so"):
            head = _antecedent_verb(head, start) or head  # "fell ill ... did so on 18 May"
            lemma = str(head.lemma_).lower()
        if head.pos_ == "VERB" or (head.pos_ == "AUX" and head.dep_ == "ROOT"):
            return _event_of_verb(head, lemma, sentence)
        token = head
    return None


def _event_of_verb(verb: Any, lemma: str, sentence: str) -> str:
    """The event a date hanging on ``verb`` dates: the verb's own event, an idiom, the
    first day of an event, or the event noun a light or phase verb only places in time."""
    deadline = _deadline_verb(verb) if lemma == "have" else None
    if deadline is not None:  # "will have until May to comply": the complying
        return event_lemma(str(deadline.lemma_).lower(), sentence)
    idiom = _idiom(verb)
    if idiom is not None:
        return idiom
    day = _day_of_event_of(verb)
    if day is not None:
        return day
    if lemma in LIGHT_VERBS or lemma in _PHASE_VERBS:
        noun = _event_noun_of(verb) or _raised_event_noun(verb)
        if noun is not None and lemma in _PHASE_VERBS:
            return f"{_event_name(noun)} {lemma}"
        if noun is not None:
            return _event_name(noun)
    return event_lemma(lemma, sentence)


def _noun_lemma(token: Any) -> str:
    """A noun's lemma, joining a hyphenated compound the tagger splits ("run-off")."""
    lemma = str(token.lemma_).lower()
    doc = token.doc
    if token.i >= 2 and doc[token.i - 1].text == "-":
        return str(doc[token.i - 2].lower_) + lemma
    return lemma.replace("-", "")


def _event_noun_before(date: Any, start: int) -> Any | None:
    """The event noun right before the date's "on" inside a prepositional phrase ("will meet
    in a run-off on 13 May", "complicated by the vote on 6 June"): the parser often hangs
    the date on the verb, but it dates the event it follows."""
    prep = date.head
    if prep.dep_ != "prep" or prep.lower_ != "on" or prep.i < 1:
        return None
    noun = date.doc[prep.i - 1]
    if noun.idx < start or noun.pos_ not in ("NOUN", "PROPN") or noun.dep_ != "pobj":
        return None
    if noun.head.head.pos_ == "VERB" and _idiom(noun.head.head) is not None:
        return None  # "stabbed to death on 14 May": the idiom names the event
    return noun if _noun_lemma(noun) in EVENT_NOUNS else None


def _raised_event_noun(verb: Any) -> Any | None:
    """The event noun of "the deal is expected to close": the subject of the verb that
    ``verb`` completes ("expected", "due", "set")."""
    if verb.dep_ != "xcomp":
        return None
    for child in verb.head.children:
        if child.dep_ in ("nsubj", "nsubjpass") and _noun_lemma(child) in EVENT_NOUNS:
            return child
    return None


def _deadline_verb(have: Any) -> Any | None:
    """The verb of "have until May to comply" (a deadline to do it), or None."""
    for child in have.children:
        complement = child.dep_ in ("xcomp", "advcl") and child.pos_ == "VERB"
        if complement and child.i > have.i and _has_child(child, "aux", "to"):
            return child
    return None


def _has_child(token: Any, dep: str, lemma: str) -> bool:
    return any(c.dep_ == dep and str(c.lemma_).lower() == lemma for c in token.children)


def _antecedent_verb(pro_verb: Any, start: int) -> Any | None:
    """The verb "did so" stands for: the nearest full verb before it in the sentence."""
    for i in range(pro_verb.i - 1, -1, -1):
        candidate = pro_verb.doc[i]
        if candidate.idx < start:
            return None
        if candidate.pos_ == "VERB" and str(candidate.lemma_).lower() != "do":
            return candidate
    return None


def named_date_before(before: str) -> str | None:
    """The named date a date is the value of, from the words right before it ("best-before
    dates up to and including 24 October", "a deadline of 1 May"): "best-before date"."""
    match = _NAMED_DATE.search(before)
    if match is None:
        return None
    name = match.group("name").lower()
    if name in _NOT_DATE_NAMES:
        return match.group("noun").lower()
    return f"{name} {match.group('noun').lower()}"


def event_of_words(
    words: list[tuple[int, str]], near: int, sentence: str, sentence_start: int
) -> str | None:
    """Without a parse: the event noun (in (offset, word) pairs) or idiom ("downed tools", in
    the sentence starting at ``sentence_start``) nearest to offset ``near``."""
    events = [
        (abs(pos - near), _word_event(words, i, sentence))
        for i, (pos, w) in enumerate(words)
        if singular(w) in EVENT_NOUNS
    ]
    events += [
        (abs(sentence_start + match.start() - near), event)
        for pattern, event in _IDIOM_PATTERNS
        for match in pattern.finditer(sentence)
    ]
    return min(events)[1] if events else None


# Words between "further" and its event noun without a parse ("a further 72-hour walkout":
# the letters-only words "further", "hour", "walkout").
_OCCURRENCE_REACH = 2


def _word_event(words: list[tuple[int, str]], index: int, sentence: str) -> str:
    """The event lemma of the event noun at ``words[index]``, as another occurrence when a
    word just before it says so ("a further 72-hour walkout")."""
    name = event_lemma(singular(words[index][1]), sentence)
    before = words[max(0, index - _OCCURRENCE_REACH) : index]
    if any(word in OTHER_OCCURRENCE_WORDS for _, word in before):
        return name + OTHER_OCCURRENCE_SUFFIX
    return name
