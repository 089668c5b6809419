"""How alike two facts of a story are: the scores alignment clusters by.

A scorer returns None when two facts cannot be one statement (a hard constraint: different
unit, clearly different named participants, different people) and otherwise a score; the
higher, the more likely the two outlets state the same thing. Everything else is soft: the
counted thing (subject lemma, synonyms, the words of the ``about`` phrase), the sentences'
content lemmas (TF-IDF cosine), the verb, and whether the two state the very same figure.
Near-ties to a floor are settled by ``align_ties`` (optional MiniLM); sentences without
lemmas are compared by the crude stems of ``align_stems``.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from consilience.align_frames import time_frame
from consilience.align_lexicon import (
    LIGHT_VERBS,
    PREDICATE_FAMILIES,
    RECURRING_EVENTS,
    word_set,
)
from consilience.align_memo import per_fact
from consilience.align_participants import (
    fold,
    named_entity,
    names_match,
    participants,
    participants_clash,
)
from consilience.align_percent_kinds import names_only_its_kind, percent_kind
from consilience.align_personal import PERSONAL_UNITS, personal_score
from consilience.align_shares import shares_apart
from consilience.align_stems import content_stems, sentence_stems
from consilience.align_things import (
    RELATED_THING_SCORE,
    SAME_THING_SCORE,
    THING_SIMILARITY_FLOOR,
    counts_a_placeholder,
    synonyms,
    thing_similarity,
)
from consilience.align_ties import EMBEDDING_AGREE, EMBEDDING_DISAGREE, TIE_BAND, TieBreaker
from consilience.align_titles import (
    deputy_of,
    exclusive_offices,
    is_former,
    office_family,
    office_key,
    one_bench,
    told_as_past,
)
from consilience.compare_updates import counts_what_only_grows
from consilience.embeddings import SentenceEncoder
from consilience.extract.date_periods import period_span, periods_agree
from consilience.extract.dates import PREVIOUS_PREFIX, RELATIVE_MONTH
from consilience.extract.events import OTHER_OCCURRENCE_SUFFIX
from consilience.extract.quantity_severity import SEVERITIES
from consilience.extract.times import TIME_UNIT
from consilience.models import Fact

__all__ = [
    "CASUALTY_FAMILIES",
    "DISTINCTIVE_FIGURE_DIGITS",
    "EMBEDDING_AGREE",
    "EMBEDDING_DISAGREE",
    "GENERIC_PERSON_SUBJECTS",
    "LIGHT_VERBS",
    "PREDICATE_BONUS",
    "PREDICATE_PENALTY",
    "QUANTITY_SIMILARITY_FLOOR",
    "RECURRING_EVENTS",
    "SAME_FRAME_BONUS",
    "SAME_STATEMENT_DIGITS",
    "SAME_VALUE_BONUS",
    "SUPPORT_VERBS",
    "SYNONYM_SAME_VALUE_FLOOR",
    "SYNONYM_SIMILARITY_FLOOR",
    "THING_SIMILARITY_FLOOR",
    "TIE_BAND",
    "UNKNOWN_THING_SCORE",
    "StoryIndex",
    "build_index",
    "content_stems",
    "date_score",
    "fold",
    "person_role_score",
    "quantity_score",
    "significant_digits",
    "thing_similarity",
    "title_office",
]


# What happens to people in a disaster or a crime, as the verbs counting them; one family
# is one count told several ways ("killed", "died").
CASUALTY_FAMILIES = (
    word_set("kill die dead"),
    word_set("injure wound hurt injured wounded"),
    word_set("shoot"),
    word_set("stab"),
    word_set("arrest detain"),
    word_set("rescue"),
    word_set("missing"),
    word_set("evacuate displace"),
)
# Verbs whose object names the action ("needed treatment", "received payment"); alone they
# say no more than a light verb.
SUPPORT_VERBS = word_set("need require receive undergo get")
# Subjects that name people in general: what the figure counts is its verb.
GENERIC_PERSON_SUBJECTS = word_set("people person other")
# Facts about the same counted thing still need sentences about the same event. Two outlets'
# wordings of one figure share the counted noun plus a few event words (cosine ~0.3-0.6 on
# hand-built pairs); the same noun in another event of the story ("people" killed vs
# "people" evacuated) shares little beyond the noun (< 0.2). 0.2 separates the two.
QUANTITY_SIMILARITY_FLOOR = 0.2
# Different but related counted things ("levy"/"tariff", "visit"/"trip", or about-phrases
# sharing half their words) stating the same figure: a little more context than above.
SYNONYM_SAME_VALUE_FLOOR = 0.3
# Unrelated counted-thing words are merged only when the rest of the sentence says the same:
# half the weighted content words in common. Deliberately high: a wrong merge invents a
# conflict, a missed one only splits an agreement in two.
SYNONYM_SIMILARITY_FLOOR = 0.5
# The same number and unit of the same counted thing: a strong hint of one statement, worth
# as much as a few shared event words; alone it never merges ("12%" growth and a "12%" levy
# are different things, and an unrelated sentence shares nothing).
SAME_VALUE_BONUS = 0.15
# Days beyond a loosely counted month ("this month") within which a date is not set
# against it: about two weeks, the "coming weeks" such phrases often mean.
LOOSE_MONTH_DAYS = 14
# A shared specific verb ("kill", "impose") adds a little; two different specific verbs on one
# noun ("killed" vs "injured") take away a little more, since they usually differ in meaning.
PREDICATE_BONUS = 0.1
# Two figures both marked as earlier ones (or both running totals) share that phrase, which
# the content lemmas mostly miss ("a year earlier" vs "the same period last year"); worth as
# much as the same figure.
SAME_FRAME_BONUS = 0.15
PREDICATE_PENALTY = 0.15
_THING_WEIGHT = 0.1
# A figure written to this many significant digits ("$214 million", "45.6%") rarely stands for
# two things in one story: two outlets stating it of related things state one fact, however
# little else their sentences share. Two digits ("12", "$2.6 billion") recur by chance.
DISTINCTIVE_FIGURE_DIGITS = 3
# With the same subject and verb, two digits suffice ("31 seats won", "9,400 pensioners lost");
# a one-digit figure ("300", "5 million") is a round number that many things share.
SAME_STATEMENT_DIGITS = 2
# A placeholder ("money") stating the very figure that another fact counts of a named thing
# ("the $214 million loss"): the thing is unknown, not different, so it counts as related.
UNKNOWN_THING_SCORE = 0.5


@dataclass(slots=True)
class StoryIndex:
    """Per-story lookups shared by every comparison: aliases, IDF weights, participants,
    and the tie-breaker for pairs near their floor."""

    aliases: Mapping[str, str]
    idf: dict[str, float]
    rare: frozenset[str]
    title_pairs_in_one_article: frozenset[tuple[str, str, str]]
    events_dated_twice: frozenset[str] = frozenset()
    ties: TieBreaker = field(default_factory=TieBreaker)
    _similarity: dict[tuple[int, int], float] = field(default_factory=dict)
    _participants: dict[int, dict[str, str]] = field(default_factory=dict)
    # Pairs of sources (see :func:`source_key`) that one article cites for different figures.
    rival_sources: frozenset[tuple[str, str]] = frozenset()

    def similarity(self, a: Fact, b: Fact) -> float:
        """Cosine of binary TF-IDF vectors over the facts' context lemmas, in [0, 1]."""
        key = (id(a), id(b)) if id(a) < id(b) else (id(b), id(a))
        if key not in self._similarity:
            self._similarity[key] = self._cosine(a, b)
        return self._similarity[key]

    def _cosine(self, a: Fact, b: Fact) -> float:
        if not a.context or not b.context:  # no lemmas: the sentences' words, numbers masked
            words_a, words_b = sentence_stems(a), sentence_stems(b)
            common = len(words_a & words_b)
            return common / math.sqrt(len(words_a) * len(words_b)) if common else 0.0
        # fsum is exact whatever the order, and a set's order changes with the hash seed:
        # a plain sum could differ in the last bit between runs and flip a tie.
        dot = math.fsum(self.idf[w] ** 2 for w in _context_set(a) & _context_set(b))
        norm_a, norm_b = _context_norm(a, self.idf), _context_norm(b, self.idf)
        return dot / (norm_a * norm_b) if norm_a and norm_b else 0.0

    def settle_tie(self, a: Fact, b: Fact, margin: float) -> float:
        """``margin`` with a near-tie settled by the story's :class:`TieBreaker`."""
        return self.ties.settle(a, b, margin)

    def gather_ties(self, score_pairs: Callable[[], object]) -> None:
        """Encode the near-ties ``score_pairs`` meets in one batch (:meth:`TieBreaker.gather`)."""
        self.ties.gather(score_pairs)

    def participants(self, fact: Fact) -> dict[str, str]:
        """Cached :func:`participants` of a fact."""
        if id(fact) not in self._participants:
            self._participants[id(fact)] = participants(fact, self.aliases)
        return self._participants[id(fact)]


@per_fact
def _context_set(fact: Fact) -> frozenset[str]:
    return frozenset(fact.context)


@per_fact
def _context_norm(fact: Fact, idf: Mapping[str, float]) -> float:
    """Length of a fact's binary TF-IDF vector (summed exactly, as ``_cosine`` sums)."""
    return math.sqrt(math.fsum(idf[w] ** 2 for w in set(fact.context)))


def build_index(
    facts: Sequence[Fact],
    aliases: Mapping[str, str],
    rare: frozenset[str],
    encoder: SentenceEncoder | None = None,
) -> StoryIndex:
    """IDF over the facts' context lemmas, the titles some article gives one person, and the
    events some article dates twice; ``encoder`` (optional) breaks near-ties."""
    contexts = [set(fact.context) for fact in facts]
    df = Counter(word for context in contexts for word in context)
    total = len(contexts)
    # sklearn's smoothed IDF: a word in every fact still weighs 1, never 0.
    idf = {word: math.log((1 + total) / (1 + count)) + 1.0 for word, count in df.items()}
    titles: dict[tuple[str, str], set[str]] = {}
    for fact in facts:
        if fact.kind == "person_role":
            person = fold(fact.subject, aliases)
            titles.setdefault((fact.article, person), set()).add(title_office(fact))
    pairs = frozenset(
        (person, x, y)
        for (_, person), offices in titles.items()
        for x in offices
        for y in offices
        if x != y
    )
    dates: dict[tuple[str, str], set[str]] = {}
    for fact in facts:
        if fact.kind == "date" and fact.unit != TIME_UNIT:  # a time of day dates no day
            dates.setdefault((fact.article, fact.subject.casefold()), set()).add(fact.value)
    twice = frozenset(
        event
        for (_, event), values in dates.items()
        if any(not _same_day_or_coarser(x, y) for x in values for y in values)
    )
    rivals = _rival_sources(facts, aliases)
    return StoryIndex(aliases, idf, rare, pairs, twice, TieBreaker(encoder), rival_sources=rivals)


def source_key(source: str, aliases: Mapping[str, str]) -> str:
    """A source as one key however an outlet places it: "Police in the capital" -> "police"."""
    name = _SOURCE_PLACE.split(fold(source, aliases), maxsplit=1)[0].strip()
    return name.removeprefix("the ")


_SOURCE_PLACE = re.compile(r"\s+(?:in|at|from|for|near|on)\s+")


def _rival_sources(facts: Sequence[Fact], aliases: Mapping[str, str]) -> frozenset[tuple[str, str]]:
    """Sources some article cites side by side for different figures of one unit ("police
    said 45,000 people, while organisers said 120,000"): each has its own estimates. A count
    that only grows is left out: its sources may just be hours apart."""
    cited: dict[tuple[str, str | None], set[tuple[str, float]]] = {}
    for fact in facts:
        if fact.kind != "quantity" or not fact.attributed_to or fact.number is None:
            continue
        if not counts_what_only_grows(fact):
            source = source_key(fact.attributed_to, aliases)
            cited.setdefault((fact.article, fact.unit), set()).add((source, fact.number))
    return frozenset(
        (x, y)
        for figures in cited.values()
        for x, n in figures
        for y, m in figures
        if n != m and not names_match(x, y)
    )


def _same_day_or_coarser(x: str, y: str) -> bool:
    """Dates that may be one date: equal, or one coarser and holding the other ("2025-04")."""
    return periods_agree(x, y)


def title_office(fact: Fact) -> str:
    """The office key of a person_role fact."""
    return office_key(fact.predicate or fact.value)


@per_fact
def _named_in(fact: Fact, aliases: Mapping[str, str]) -> frozenset[str]:
    """Names the about-phrase mentions, one or two words at a time."""
    words = fact.about.split()
    grams = [*words, *(" ".join(pair) for pair in pairwise(words))]
    return frozenset(name for gram in grams if (name := named_entity(gram, aliases)) is not None)


def _is_source(name: str, fact: Fact, index: StoryIndex) -> bool:
    """Whether a name is who the fact is attributed to: the pollster that "put the party on
    31%" is the source of "the party's 31%, according to the pollster", not its owner."""
    source = fact.attributed_to
    return source is not None and names_match(fold(source, index.aliases), name)


def _participants_clash(a: Fact, b: Fact, index: StoryIndex) -> bool:
    """Clearly different named participants, unless one side's name is a name the other's
    counted thing carries in no role ("C909 jets" vs "the maker's new C909 jets"), or the
    source the other side's figure is attributed to."""
    roles_a, roles_b = index.participants(a), index.participants(b)
    if not participants_clash(roles_a, roles_b):
        return False
    for role, name in roles_a.items():
        other = roles_b.get(role)
        if other is None or names_match(other, name):
            continue
        in_a = name in _named_in(b, index.aliases) and name not in roles_b.values()
        in_b = other in _named_in(a, index.aliases) and other not in roles_a.values()
        if not (in_a or in_b or _is_source(name, b, index) or _is_source(other, a, index)):
            return True
    return False


def _sources_apart(a: Fact, b: Fact, index: StoryIndex) -> bool:
    """Figures attributed to two sources that some article sets side by side with different
    figures: two estimates of one thing ("police said 45,000, organisers 120,000"), each of
    which other outlets repeat in its source's name; one source's figure still aligns."""
    if a.attributed_to is None or b.attributed_to is None:
        return False
    pair = (source_key(a.attributed_to, index.aliases), source_key(b.attributed_to, index.aliases))
    return pair in index.rival_sources


def _event_counts_apart(a: Fact, b: Fact) -> bool:
    """Whether two figures count people by what happened to them, differently: "three
    wounded" and "a man arrested" are two counts, and so are "two killed" and "a city of
    380,000 people", whose light verb says nothing happened to them at all."""
    fam_a, fam_b = _casualty_family(a.predicate), _casualty_family(b.predicate)
    if fam_a is None and fam_b is None:
        return False
    if fam_a is not None and fam_b is not None:
        return fam_a != fam_b
    other = b if fam_a is not None else a
    generic = {a.subject.casefold(), b.subject.casefold()} <= GENERIC_PERSON_SUBJECTS
    return generic and (other.predicate is None or other.predicate in LIGHT_VERBS)


@per_fact
def _estimator(fact: Fact) -> str | None:
    """The head noun of who made an estimate, when it is a common noun ("the fire service")."""
    if fact.predicate != "estimate":
        return None
    agent = next((r.name for r in fact.roles if r.role == "agent"), None)
    if agent is None or any(word[:1].isupper() for word in agent.split()):
        return None
    return agent.split()[-1].casefold()


def _estimators_apart(a: Fact, b: Fact) -> bool:
    """Two estimates made by different bodies: "the insurer estimated the loss at £12m",
    "the council estimated it at £20m" are two estimates, not one disputed figure."""
    x, y = _estimator(a), _estimator(b)
    return x is not None and y is not None and x != y


# Adjectives of how grave an illness or injury is, as the adverbs extraction writes.
_SEVERE = {"severe": "seriously", "serious": "seriously", "critical": "critically"}


@per_fact
def _severity(fact: Fact) -> frozenset[str]:
    """How badly the counted people were hurt, or how grave the illness counted is, as the
    about-phrase says: "efficacy against severe disease" is not the efficacy against any."""
    words = frozenset(_SEVERE.get(word, word) for word in fact.about.casefold().split())
    return SEVERITIES & words


@functools.lru_cache(maxsize=1 << 12)
def _casualty_family(predicate: str | None) -> int | None:
    return next((i for i, f in enumerate(CASUALTY_FAMILIES) if predicate in f), None)


def _effective_predicate(fact: Fact) -> str | None:
    """The verb, or for a support verb the action its object names: "needed hospital
    treatment" is "treat", as in "were treated in hospital"."""
    if fact.predicate not in SUPPORT_VERBS:
        return fact.predicate
    action = next((r.name.split()[-1] for r in fact.roles if r.role == "patient"), "")
    action = action.casefold()
    return action[: -len("ment")] if action.endswith("ment") and len(action) > 7 else None


# A trial's participants: a drug "was tested on" them, a study "followed" them. Health
# workers who "tested 1,200 people" or fans who "followed the team" enrol no one.
_TRIAL_TEST = re.compile(r"\btest(?:s|ed|ing)? on\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE)
_TRIAL_FOLLOW = re.compile(
    r"\b(?:trials?|study|studies|researchers)\b[^,;.]*\bfollow(?:s|ed|ing)?\s+"
    r"(?:[\w-]+\s+){0,2}$",
    re.IGNORECASE,
)


@per_fact
def _family_predicate(fact: Fact) -> str | None:
    """The effective predicate, with "test on" and a study's "follow" read as "enrol"."""
    predicate = _effective_predicate(fact)
    if predicate not in ("test", "follow") or fact.span is None:
        return predicate
    before = fact.evidence.text[: fact.span.start - fact.evidence.start]
    trial = _TRIAL_TEST if predicate == "test" else _TRIAL_FOLLOW
    return "enrol" if trial.search(before) else predicate


def _predicate_term(a: Fact, b: Fact) -> float:
    pred_a, pred_b = _family_predicate(a), _family_predicate(b)
    if not pred_a or not pred_b or pred_a in LIGHT_VERBS or pred_b in LIGHT_VERBS:
        return 0.0
    same = pred_a == pred_b or any(pred_a in f and pred_b in f for f in PREDICATE_FAMILIES)
    return PREDICATE_BONUS if same else -PREDICATE_PENALTY


def _event_similarity(a: Fact, b: Fact, index: StoryIndex) -> float:
    """Sentence similarity, 0 when the sentences share only the counted noun: the thing
    is scored apart, and "a 46% tariff on imports" and "a 25% tariff on steel" share no
    event."""
    shared = set(a.context) & set(b.context)
    if a.context and b.context and shared <= {a.subject.casefold(), b.subject.casefold()}:
        return 0.0
    return index.similarity(a, b)


def quantity_score(a: Fact, b: Fact, index: StoryIndex) -> float | None:
    """How far above its floor the pair's similarity is (>= 0: a match); None: never one.

    Negative scores are kept so that a weak pair can be outweighed by the strong pairs of
    the slot it would join (average link), as when one outlet words a figure differently.
    """
    if a.unit in PERSONAL_UNITS or b.unit in PERSONAL_UNITS:  # ages, match minutes
        return personal_score(a, b, index)
    if a.unit != b.unit or _participants_clash(a, b, index) or _event_counts_apart(a, b):
        return None
    if _estimators_apart(a, b):
        return None  # the company's estimate of the damage and the fire service's are two
    if _severity(a) != _severity(b):
        return None  # "six seriously injured" is a part of "19 injured", never the same
    if _sources_apart(a, b, index):
        return None  # the police's estimate and the organisers' are two figures
    if time_frame(a) != time_frame(b):
        return None  # last year's figure, or a running total, is never today's figure
    if shares_apart(a, b):
        return None  # 14% reporting headache, 38% pain; the vaccine group's, the placebo's
    if a.subject.endswith(OTHER_OCCURRENCE_SUFFIX) != b.subject.endswith(OTHER_OCCURRENCE_SUFFIX):
        return None  # the length of a further strike is not that of the strike under way
    thing = thing_similarity(a, b)
    if thing is None:
        return None
    kind_a, kind_b = percent_kind(a), percent_kind(b)
    if kind_a is not None and kind_b is not None and kind_a != kind_b:
        return None  # the employer's offer and the union's demand are two figures
    # "the 3% offer" / "an offer of a 3% rise": one offer however its noun is worded, but
    # "a 20% fare discount" and "a 4% pay rise", both offered, are two offers.
    told_alike = thing > 0 or names_only_its_kind(a) or names_only_its_kind(b)
    same_kind = kind_a is not None and kind_a == kind_b and told_alike
    if same_kind:
        thing = SAME_THING_SCORE
    same_value = a.number is not None and a.number == b.number
    if thing == 0 and same_value and (counts_a_placeholder(a) or counts_a_placeholder(b)):
        thing = UNKNOWN_THING_SCORE  # "$214 million" alone may well be "the $214 million loss"
    shared_event = _event_similarity(a, b, index)
    predicate = _predicate_term(a, b)
    # One kind is told with many verbs ("asking for", "seeking", "raised its demand to").
    evidence = shared_event + (max(predicate, 0.0) if same_kind else predicate)
    if thing > 0 and (time_frame(a) is not None or same_kind):  # lemmas miss the phrase
        evidence += SAME_FRAME_BONUS
    if thing >= SAME_THING_SCORE:
        floor = QUANTITY_SIMILARITY_FLOOR
        # The same figure in sentences sharing no event word is a coincidence, not a hint.
        close = same_value or _one_rounds_the_other(a, b)
        evidence += SAME_VALUE_BONUS if close and (shared_event > 0 or same_kind) else 0.0
    elif thing >= THING_SIMILARITY_FLOOR or (thing > 0 and same_value):
        floor = SYNONYM_SAME_VALUE_FLOOR if same_value else SYNONYM_SIMILARITY_FLOOR
    else:
        floor = SYNONYM_SIMILARITY_FLOOR
    if thing > 0 and a.number is not None and same_value and _one_statement(a, b, a.number):
        # The same exact figure of one thing: one statement however worded, no tie to break.
        return evidence + _THING_WEIGHT * thing
    return index.settle_tie(a, b, evidence - floor + _THING_WEIGHT * thing)


def significant_digits(number: float) -> int:
    """Digits a figure is written to: 3 for 214 million, 2 for 9,400 or 2.6 billion."""
    whole, _, fraction = f"{abs(number):f}".partition(".")
    fraction = fraction.rstrip("0")
    digits = (whole + fraction).lstrip("0")
    return len(digits if fraction else digits.rstrip("0"))


def _one_rounds_the_other(a: Fact, b: Fact) -> bool:
    """ "41,000" and "41,382", "$3 billion" and "$3.2 billion": the rounder figure is the
    other rounded to its own digits, as outlets round one figure."""
    if a.number is None or b.number is None or a.number == b.number:
        return False
    coarse, fine = sorted((a.number, b.number), key=significant_digits)
    digits = significant_digits(coarse)
    if digits == significant_digits(fine) or coarse == 0 or fine == 0:
        return False
    scale = 10 ** (math.floor(math.log10(abs(fine))) - digits + 1)
    return bool(round(fine / scale) * scale == coarse)


def _one_statement(a: Fact, b: Fact, number: float) -> bool:
    """Two equal figures of related things that are one statement: a figure precise enough
    not to recur by chance ("$214 million"), one article's figure repeated ("30 survivors
    ... the 30 survivors"), or the same thing counted by the same verb
    ("9,400 pensioners lost their savings" / "the savings of 9,400 pensioners were lost")."""
    digits = significant_digits(number)
    if digits >= DISTINCTIVE_FIGURE_DIGITS or a.article == b.article:
        return True  # a precise figure, or one article repeating its own figure
    same_verb = a.predicate is not None and a.predicate == b.predicate
    return digits >= SAME_STATEMENT_DIGITS and same_verb and a.subject == b.subject


def _names_one_event(event: str, index: StoryIndex) -> bool:
    """An event word that names one happening in this story: not a light or recurring verb,
    and no article dates it twice ("met on Monday ... will meet again on June 1")."""
    return (
        event not in LIGHT_VERBS
        and event not in RECURRING_EVENTS
        and not event.startswith(PREVIOUS_PREFIX)  # "first win since 1998": many such records
        and event not in index.events_dated_twice
    )


def date_score(a: Fact, b: Fact, index: StoryIndex) -> float | None:
    """Score of two dates being the date of one event, or None when they cannot be."""
    if TIME_UNIT in (a.unit, b.unit) and a.unit != b.unit:
        return None  # a time of day ("3:12am") and a day are two statements
    if _loose_month_edge(a, b) or _loose_month_edge(b, a):
        return None  # "this month" said on 22 May of a vote on 3 June: loose, no conflict
    subject_a, subject_b = a.subject.casefold(), b.subject.casefold()
    if _another_year(a.value, b.value) or _another_year(b.value, a.value):
        return None  # "won 31% in 2022" / "won on 22 November 2026": two elections
    if subject_a.startswith(PREVIOUS_PREFIX) and not _one_record(a, b):
        return None  # "turnout, the highest since 2010" / "its vote share, highest since 2006"
    specific = subject_a not in LIGHT_VERBS and subject_b not in LIGHT_VERBS
    if not specific and not _same_day_or_coarser(a.value, b.value):
        return None  # "stood at 3.1% in September", "was 5% in 2025": when a figure held, no event
    context = index.similarity(a, b)
    if subject_a == subject_b and _names_one_event(subject_a, index):
        floor = 0.0  # "the strike began on Friday" / "walked off on 13 March": one event
    elif specific and (subject_a == subject_b or synonyms(subject_a, subject_b)):
        floor = QUANTITY_SIMILARITY_FLOOR
    else:  # another event, or a verb that names none ("said on Monday"): sentences must agree
        floor = SYNONYM_SIMILARITY_FLOOR
    # Floor 0 is one named event however worded: no tie to break.
    margin = index.settle_tie(a, b, context - floor) if floor else context
    if margin < 0:
        return None
    return margin + (SAME_VALUE_BONUS if a.value == b.value else 0.0)


# Years apart beyond which a bare year and a full date are two happenings, not one event
# dated two ways: outlets slip a year, not four.
YEARS_APART = 2


@functools.lru_cache(maxsize=1 << 12)
def _another_year(year: str, dated: str) -> bool:
    """A bare year and a day or month at least ``YEARS_APART`` years away from it: an
    earlier (or later) occurrence of the event, as "the 31% it won in 2022" beside "won on
    22 November 2026"."""
    if not re.fullmatch(r"\d{4}", year) or not re.match(r"\d{4}-\d{2}", dated):
        return False
    return abs(int(dated[:4]) - int(year)) >= YEARS_APART


# Words of a record's clause that say it is a record, or who reported it, not what it measures.
_RECORD_WORDS = content_stems(
    "highest lowest biggest largest worst best strongest weakest fewest most least deadliest "
    "busiest longest shortest first since said says according"
)


def _record_thing(fact: Fact) -> frozenset[str]:
    """Content stems of what a record date measures: the words before the date."""
    end = fact.span.start - fact.evidence.start if fact.span is not None else None
    text = re.sub(r"\d", " ", fact.evidence.text[:end])
    return content_stems(text) - _RECORD_WORDS


def _one_record(a: Fact, b: Fact) -> bool:
    """Whether two "highest since" dates are one record: their sentences name the same
    measured thing before the date ("turnout ... highest since" in both)."""
    return bool(_record_thing(a) & _record_thing(b))


def _loose_month_edge(month: Fact, other: Fact) -> bool:
    """A month counted from publication ("this month", "next month") and a date outside it
    but within LOOSE_MONTH_DAYS of its edge: outlets say "this month" loosely for the coming
    weeks, and a publication date is a rough anchor, so the two are no clear disagreement."""
    if month.hedge != RELATIVE_MONTH:
        return False
    span, other_span = period_span(month.value), period_span(other.value)
    if span is None or other_span is None or periods_agree(month.value, other.value):
        return False
    gap = max((other_span[0] - span[1]).days, (span[0] - other_span[1]).days)
    return 0 < gap <= LOOSE_MONTH_DAYS


def person_role_score(a: Fact, b: Fact, index: StoryIndex) -> float | None:
    """1 for one office of one person; less for two different offices both stated as held
    now (one person holds one post, one rank at a time, so outlets giving two disagree),
    unless one is a description ("leader") or some article gives the person both; else None."""
    person = fold(a.subject, index.aliases)
    if person != fold(b.subject, index.aliases):
        return None
    office_a, office_b = title_office(a), title_office(b)
    if office_a == office_b:
        return 1.0
    if not _at_one_time(a, b):
        return None  # a "former chief executive" may well be the chair now
    if one_bench(office_a, office_b):
        return None  # "Judge X" is how many outlets write any judge, "Mr Justice X" too
    family = office_family(office_a)
    related = (
        deputy_of(office_a, office_b)
        or (family is not None and family == office_family(office_b))
        or exclusive_offices(office_a, office_b)
    )
    if not related:
        return None
    if (person, office_a, office_b) in index.title_pairs_in_one_article:
        return None  # one article gives the person both: two offices, not a disagreement
    return RELATED_THING_SCORE


def _at_one_time(a: Fact, b: Fact) -> bool:
    """Two titles both stated as held now, neither "former" nor "who was ..."."""
    return not any(is_former(fact) or told_as_past(fact) for fact in (a, b))
