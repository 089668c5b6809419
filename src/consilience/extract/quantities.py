"""Quantity facts: each number expression with what it counts, who did what, and its hedge.

With a parse, the counted thing is the head noun the number modifies (nummod/quantmod/
compound), the noun a money or percent amount is "of", or the subject/object of the verb it
attaches to ("tariffs rose to 145%"); roles come from that verb's arguments, which is what
separates "China raised levies on U.S. imports to 125%" from "the US imposed 145% tariffs on
Chinese goods". News leaves the counted thing out often, so a bare amount still makes a
fact: money with no noun is "money", a bare count borrows the noun of the count just before
it ("won 27 seats ... the Greens won 14"), a change ("up 12%") counts the clause's subject,
and the earlier figure of a comparison ("from $7.5 billion a year earlier") is marked as
such. Amounts with no counted noun are read by ``quantity_bare``; without a parse, the noun
phrase after the number stands in (``quantity_rules``).
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from consilience.extract.casualties import (
    PERSON_NOUNS,
    CasualtyCount,
    believed_state,
    casualty_participle,
    count_casualties,
    hospital_predicate,
    state_predicate,
)
from consilience.extract.nlp import ParsedArticle, evidence
from consilience.extract.numbers import NumberMatch, find_number_expressions
from consilience.extract.penalties import penalty_of
from consilience.extract.points import POINT_UNIT, point_change_predicate, with_point_changes
from consilience.extract.quantity_actions import (
    PARTICIPATE,
    TAKING_VERBS,
    is_participation,
    names_action,
)
from consilience.extract.quantity_bare import (
    LIGHT_VERBS,
    ArticleReading,
    CountedNoun,
    bare_amount_reading,
)
from consilience.extract.quantity_clauses import (
    TOLL_NOUNS,
    bound_under_negation,
    casualty_of,
    changed_thing,
    earlier_marker,
    fronted_whole_clause,
    gerund_predicate,
    is_partitive_whole,
    is_people,
    moved_by,
    per_unit,
    predicate_of,
    states_level,
)
from consilience.extract.quantity_deals import deal_reading, per_item
from consilience.extract.quantity_durations import DELIBERATION_UNIT, deliberations
from consilience.extract.quantity_filters import is_not_an_amount
from consilience.extract.quantity_idioms import idiom_predicate
from consilience.extract.quantity_measures import (
    deadline_reading,
    distance_about,
    length_of_reading,
    move_reading,
    speed_reading,
)
from consilience.extract.quantity_parse import (
    NAME_LABELS,
    TIME_LABELS,
    about_phrase,
    argument,
    clause_roles,
    counted_noun,
    governing_verb,
    noun_lemma,
    owned_roles,
    participle,
    phrase,
)
from consilience.extract.quantity_reports import earlier_report, number_of_subject
from consilience.extract.quantity_rules import facts_by_rules
from consilience.extract.quantity_severity import severity_about, severity_after
from consilience.extract.quantity_wholes import (
    glued_sizes,
    is_glued_compound,
    placing_holder,
    share_about,
    share_holder,
    size_about,
    size_subject,
    whole_of_partitive,
    with_hyphen_durations,
)
from consilience.extract.terms import term_reading
from consilience.models import Fact, Role, Sentence

__all__ = ["extract_quantities"]

# Head nouns too generic to align on; the noun compounded with them names the thing.
GENERIC_HEADS = frozenset({"project", "deal", "plan", "program", "programme", "package"})
GENERIC_HEADS |= {"scheme", "contract", "line", "fund", "facility", "initiative"}
# Nouns of change whose amount says how much something moved: "a rise of 12%".
CHANGE_NOUNS = {"rise": "rise", "increase": "rise", "gain": "rise", "growth": "rise"}
CHANGE_NOUNS |= {"jump": "rise", "fall": "fall", "drop": "fall", "decline": "fall"}
CHANGE_NOUNS |= {"decrease": "fall", "hike": "rise"}
_CHANGE_ADVERBS = {"up": "rise", "down": "fall"}
# Verbs of movement: a percent moved by any of them is one rise or fall, so "grew 20%",
# "climbing 20%" and "up 20%" line up.
CHANGE_VERBS = dict.fromkeys(
    ("rise", "climb", "grow", "jump", "gain", "increase", "surge", "soar", "advance"), "rise"
) | dict.fromkeys(
    ("fall", "drop", "decline", "slip", "slide", "sink", "plunge", "decrease", "shrink"), "fall"
)
# A change over a running period ("gained 30% this year") is not the day's move.
_RUNNING_PERIOD = re.compile(
    r"\W*(?:(?:so\s+far\s+)?this\s+(?:year|month|week)|year\s+to\s+date|since)\b",
    re.IGNORECASE,
)


def extract_quantities(parsed: ParsedArticle) -> list[Fact]:
    """Every quantity stated in the article, one Fact per number expression."""
    facts: list[Fact] = []
    reading = ArticleReading()
    for index, sentence in enumerate(parsed.sentences):
        reading.sentence = index
        reading.measured.clear()  # an earlier figure compares within its own sentence
        found = with_point_changes(sentence.text, find_number_expressions(sentence.text))
        kept = [_shift(m, sentence.start) for m in found if not is_not_an_amount(sentence.text, m)]
        if parsed.doc is None:
            made = _facts_by_rules(parsed, sentence, kept)
        else:
            every = [_shift(m, sentence.start) for m in found]
            made = _facts_by_parse(parsed, sentence, kept, every, reading)
        facts.extend(_with_severity(parsed, sentence, kept, made))
        every_match = [_shift(m, sentence.start) for m in found]
        facts.extend(_deliberation_facts(parsed, sentence, every_match, made))
    return facts


def _deliberation_facts(
    parsed: ParsedArticle, sentence: Sentence, matches: list[NumberMatch], made: list[Fact]
) -> list[Fact]:
    """How long a jury deliberated, in hours (``quantity_durations``), unless already read."""
    text = parsed.article.text[: sentence.end]
    taken = {f.span.start for f in made if f.span is not None}
    facts: list[Fact] = []
    for found in deliberations(text, [m for m in matches if m.start not in taken]):
        start = found.match.start
        jury = "jury " if re.search(r"\bjur(?:y|ors)\b", sentence.text, re.IGNORECASE) else ""
        number = replace(found.match.number, value=found.hours, unit=DELIBERATION_UNIT)
        match = NumberMatch(start, found.value_end, text[start : found.value_end], number)
        about = f"{jury}deliberation time"
        facts.append(_fact(parsed, sentence, (start, found.value_end), "deliberation", about,
                           match, "deliberate"))  # fmt: skip
    return facts


def _with_severity(
    parsed: ParsedArticle, sentence: Sentence, matches: list[NumberMatch], facts: list[Fact]
) -> list[Fact]:
    """Counts followed by how badly they were hurt ("six of them seriously") become counts
    of people seriously (critically) injured, read anew when the parse made no fact."""
    text = parsed.article.text
    by_span = {(f.span.start, f.span.end): f for f in facts if f.span is not None}
    out = list(facts)
    for match in matches:
        if match.number.unit is not None or match.number.scale_word is not None:
            continue
        severity = severity_after(text[match.end : sentence.end])
        if severity is None:
            continue
        about = severity_about(severity)
        made = _fact(parsed, sentence, (match.start, match.end), "people", about, match, "injure")
        old = by_span.get((match.start, match.end))
        if old is not None:
            out[out.index(old)] = replace(made, roles=old.roles, context=old.context)
        else:
            out.append(made)
    return out


def _shift(match: NumberMatch, offset: int) -> NumberMatch:
    return NumberMatch(match.start + offset, match.end + offset, match.text, match.number)


def _fact(
    parsed: ParsedArticle,
    sentence: Sentence,
    span: tuple[int, int],
    subject: str,
    about: str,
    match: NumberMatch | None,
    predicate: str | None,
    roles: tuple[Role, ...] = (),
    count: CasualtyCount | None = None,
) -> Fact:
    article = parsed.article
    value_evidence = evidence(article, span[0], span[1])
    number = match.number if match is not None else None
    return Fact(
        kind="quantity",
        article=article.id,
        subject=subject,
        about=about,
        value=value_evidence.text,
        evidence=evidence(article, sentence.start, sentence.end),
        number=number.value if number is not None else (count.count if count else None),
        unit=number.unit if number is not None else None,
        hedge=number.hedge if number is not None else (count.hedge if count else None),
        span=value_evidence,
        predicate=predicate,
        roles=roles,
    )


def _facts_by_rules(
    parsed: ParsedArticle, sentence: Sentence, matches: list[NumberMatch]
) -> list[Fact]:
    def make(
        span: tuple[int, int],
        subject: str,
        about: str,
        match: NumberMatch | None,
        predicate: str | None,
        count: CasualtyCount | None,
    ) -> Fact:
        return _fact(parsed, sentence, span, subject, about, match, predicate, (), count)

    return facts_by_rules(parsed.article.text, sentence.start, sentence.end, matches, make)


def _facts_by_parse(
    parsed: ParsedArticle,
    sentence: Sentence,
    matches: list[NumberMatch],
    every: list[NumberMatch],
    reading: ArticleReading,
) -> list[Fact]:
    doc = parsed.doc
    assert doc is not None
    sent_span = doc.char_span(sentence.start, sentence.end, alignment_mode="expand")
    if sent_span is None:
        return []
    facts: list[Fact] = []
    consumed: list[tuple[int, int]] = []
    for count in count_casualties(sent_span):
        inside = [m for m in matches if count.start <= m.start and m.end <= count.end]
        single = len(inside) == 1 and inside[0].number.value == count.count
        match = inside[0] if single else None
        span = (match.start, match.end) if match is not None else (count.start, count.end)
        about = f"people {casualty_participle(count.predicate)}"
        facts.append(
            _fact(parsed, sentence, span, "people", about, match, count.predicate, (), count)
        )
        # "three people were killed and about 30 more trapped": "30 more" borrows "people".
        reading.counted.append(CountedNoun(reading.sentence, count.predicate, "people", "people"))
        first, last = count.listed or (count.start, count.end)
        consumed.extend((m.start, m.end) for m in matches if first <= m.start and m.end <= last)
    # Both readings of glued words need a hyphen token, and most sentences have none: the
    # article text holds every character the parse does (a blanked one is a space).
    glued = "-" in parsed.article.text[sent_span.start_char : sent_span.end_char]
    sizes = glued_sizes(sent_span) if glued else []
    matches = sorted([*matches, *sizes], key=lambda m: m.start)
    if glued:
        readings = with_hyphen_durations([*every, *sizes], sent_span)
    else:
        readings = sorted(every, key=lambda m: m.start)
    for match in readings:
        if (match.start, match.end) in consumed:
            continue
        span = doc.char_span(match.start, match.end, alignment_mode="expand")
        if span is None:
            continue
        penalty = _penalty_fact(parsed, sentence, match, span)
        special = penalty or _term_fact(parsed, sentence, match, span)
        special = special or _length_fact(parsed, sentence, match, span)
        if special is not None:
            facts.append(special)
        elif match in matches and not _inside_entity(span):
            fact = _fact_from_parse(parsed, sentence, match, span, reading)
            if fact is not None:
                facts.append(fact)
    return facts


def _penalty_fact(
    parsed: ParsedArticle, sentence: Sentence, match: NumberMatch, span: Any
) -> Fact | None:
    if match.number.unit is not None or match.number.scale_word is not None:
        return None
    penalty = penalty_of(span.root, parsed.article.text[: match.start])
    if penalty is None:
        return None
    end = penalty.unit.idx + len(penalty.unit.text)
    roles = (Role("target", penalty.person),) if penalty.person else ()
    return _fact(
        parsed, sentence, (match.start, end), "sentence", penalty.about, match, penalty.predicate,
        roles,
    )  # fmt: skip


def _term_fact(
    parsed: ParsedArticle, sentence: Sentence, match: NumberMatch, span: Any
) -> Fact | None:
    """ "a five-year contract": the agreement's length, with the unit in the value."""
    read = term_reading(match, span.root)
    if read is None:
        return None
    where, term = (read.match.start, read.match.end), read.term
    return _fact(
        parsed, sentence, where, term.subject, term.about, read.match, read.predicate, read.roles
    )


def _length_fact(
    parsed: ParsedArticle, sentence: Sentence, match: NumberMatch, span: Any
) -> Fact | None:
    """ "three days of national mourning": how long it lasts, with the unit in the value."""
    read = length_of_reading(match, span.root) or deadline_reading(match, span.root)
    if read is None:
        return None
    where = (read.match.start, read.match.end)
    return _fact(parsed, sentence, where, read.subject, read.about, read.match, read.predicate)


def _inside_entity(span: Any) -> bool:
    return any(token.ent_type_ in TIME_LABELS or token.ent_type_ in NAME_LABELS for token in span)


def _fact_from_parse(
    parsed: ParsedArticle,
    sentence: Sentence,
    match: NumberMatch,
    span: Any,
    reading: ArticleReading,
) -> Fact | None:
    root = span.root
    inside = {t.i for t in span}
    unit = match.number.unit
    if unit is None and is_glued_compound(root):
        subject, whole = size_subject(root.doc[root.i + 2])
        about = size_about(subject, whole)
        return _fact(parsed, sentence, (match.start, match.end), subject, about, match, None)
    speed = speed_reading(unit, span)
    if speed is not None:  # "at 120 km/h", "the 80 km/h limit": how fast, never a count
        at = (match.start, match.end)
        return _fact(parsed, sentence, at, speed.subject, speed.about, match, speed.predicate)
    bounded = bound_under_negation(match, root, governing_verb(root))
    if bounded is None:  # "did not cut 5,000 jobs": a denied amount states nothing
        return None
    match, deal = bounded, deal_reading(root) if unit not in (None, "%", POINT_UNIT) else None
    if deal is not None:  # "sold X to Y for $2bn", "spent $3bn on roads": price, spending
        at, subject, about = (match.start, match.end), deal.subject, deal.about
        return _fact(parsed, sentence, at, subject, about, match, deal.predicate, deal.roles)
    noun = counted_noun(root, inside, unit is not None, unit == "%")
    change = _CHANGE_ADVERBS.get(root.head.lower_) if root.dep_ == "npadvmod" else None
    clause = governing_verb(root.head) if change is not None else None
    if clause is not None:
        noun = argument(clause, inside)  # "revenue of $8.4 billion, up 12%"
    if noun is not None and noun.lemma_.lower() in CHANGE_NOUNS:
        change = CHANGE_NOUNS[noun.lemma_.lower()]
        noun = changed_thing(noun, inside) or noun
    verb = governing_verb(root)
    number_of = number_of_subject(root, verb)
    noun = number_of or noun
    if noun is not None and (own := fronted_whole_clause(noun)) is not None:
        verb = own  # "Of the 31 people who fell ill, nine ...": 31 fell ill
    predicate = predicate_of(noun, verb)
    predicate = TAKING_VERBS.get(str(predicate), predicate)
    predicate = idiom_predicate(verb, predicate)  # "left the rails": derailed
    state = believed_state(verb)  # "30 were believed trapped": the trapped are counted
    predicate = state_predicate(state) if state is not None else predicate
    if unit is None and (noun is None or noun.lower_ in PERSON_NOUNS):  # "took 3 to hospital"
        predicate = hospital_predicate(noun, verb) or predicate
    if root.head.lower_ == "worth" and noun is not None:
        predicate = "worth"  # a valuation: "deals covering ports are worth $3 billion"
    if change is None and unit == "%" and predicate in CHANGE_VERBS and moved_by(root, verb):
        period = _RUNNING_PERIOD.match(parsed.article.text[match.end : match.end + 30])
        change = None if period else CHANGE_VERBS[predicate]
    earlier = earlier_marker(root, parsed.article.text[match.end : sentence.end])
    earlier = earlier or earlier_report(sentence.text)
    rate_of = per_unit(root) or per_item(root)
    if rate_of is not None and unit is not None:  # "$2.14 a share": a rate, not a total
        about = f"{unit_name(unit)} per {rate_of.lower_}"
        span_ = (match.start, match.end)
        return _fact(parsed, sentence, span_, noun_lemma(rate_of), about, match, None)
    if noun is None and earlier is not None and unit in reading.measured:
        subject, about = reading.measured[unit]
        span_ = (match.start, match.end)
        return _fact(parsed, sentence, span_, subject, f"{about} {earlier}", match, "compare")
    placed = placing_holder(root, verb) if noun is None and unit == "%" else None
    if placed is not None:  # "Varga led the first round with 44.1%": Varga's share
        at, about = (match.start, match.end), f"{share_about(placed, root)} of the vote"
        return _fact(parsed, sentence, at, "share", about, match, None)
    if noun is None:
        return _bare_amount_fact(parsed, sentence, match, root, state or verb, predicate, reading)
    subject = noun_lemma(noun)
    compounds = [c for c in noun.children if c.dep_ == "compound" and c.i not in inside]
    if subject in GENERIC_HEADS and compounds and compounds[-1].pos_ == "NOUN":
        subject = compounds[-1].lemma_.lower()  # "a $8 billion railway project" -> "railway"
    about = distance_about(noun, about_phrase(noun, inside, verb))
    if subject in TOLL_NOUNS or is_people(noun, predicate):
        subject, predicate = "people", casualty_of(noun, predicate)
        about = f"people {casualty_participle(predicate)}" if predicate else about
        if predicate == "employ":  # "employs 480 people" counts the staff: "480 employees"
            subject, about = "employee", "employees"
    elif unit is None and predicate is not None and predicate not in LIGHT_VERBS:
        acted_on = verb is not None and noun.head.i == verb.i and noun.dep_ in ("dobj", "nsubjpass")
        if acted_on or (noun.dep_ == "pobj" and gerund_predicate(noun) is not None):
            about = f"{about} {participle(verb, predicate)}"
    moved = move_reading(noun, verb) if unit is None else None
    if moved is not None:  # "lost 20,000 feet": a move's size, not the level it reached
        subject, about, predicate = moved.subject, moved.about, moved.predicate
    participates = is_participation(noun, verb)
    if participates:  # "downed tools", "joined the walkout": one turnout, many idioms
        predicate, about = PARTICIPATE, f"{phrase(noun, inside).lower()} taking part"
    if change is not None:
        predicate, about = change, about if about.endswith(change) else f"{about} {change}"
    elif earlier is not None:
        predicate, about = "compare", f"{about} {earlier}"
    elif unit is not None and states_level(root, verb):
        predicate = None
    if unit is not None and change is None and earlier is None:
        reading.measured[unit] = (subject, about)
    if is_partitive_whole(root):
        # "27 of the 61 seats": 61 is the whole, not what was won: the size of the body.
        about = size_about(subject, whole_of_partitive(root))
        return _fact(parsed, sentence, (match.start, match.end), subject, about, match, None)
    if unit is None and change is None and earlier is None:
        reading.counted.append(
            CountedNoun(reading.sentence, predicate, subject, phrase(noun, inside).lower())
        )
    roles: tuple[Role, ...] = ()
    if verb is not None and number_of is None:  # a misparsed clause has no roles to give
        roles, predicate = owned_roles(verb, noun, inside, predicate)
        if participates:
            roles = tuple(r for r in roles if r.role == "agent" or not names_action(r, verb))
    holder = share_holder(root, verb) if unit == "%" and change is None else None
    if holder is not None and verb is not None:  # "put the party on 31%": the party's share
        subject, about = "share", share_about(holder, noun)
        roles = tuple(r for r in clause_roles(verb, holder, inside) if r.name != phrase(holder))
        predicate = None
    if root.dep_ == "appos" and earlier is None and change is None:
        predicate = None  # "the share, 33.5%, fell between ...": the verb is not the amount's
    if unit == POINT_UNIT:  # "lifted by 25 basis points", "raised by a quarter point"
        predicate = point_change_predicate(predicate)
    return _fact(
        parsed, sentence, (match.start, match.end), subject, about, match, predicate, roles
    )


def unit_name(unit: str) -> str:
    """How ``about`` names an amount's unit: "%" -> "percent", currencies -> "amount"."""
    return "percent" if unit == "%" else "amount"


def _bare_amount_fact(
    parsed: ParsedArticle,
    sentence: Sentence,
    match: NumberMatch,
    root: Any,
    verb: Any | None,
    predicate: str | None,
    reading: ArticleReading,
) -> Fact | None:
    """An amount with no counted noun (``quantity_bare``): money, or a borrowed noun."""
    bare = bare_amount_reading(match.number.unit, root, verb, predicate, reading)
    if bare is None:
        return None
    span = (match.start, match.end)
    predicate = bare.predicate or predicate
    return _fact(parsed, sentence, span, bare.subject, bare.about, match, predicate, bare.roles)
