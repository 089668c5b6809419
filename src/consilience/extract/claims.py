"""Entity-set claims: which places (or parties) an action covers.

"Xi will next visit Malaysia and Cambodia" and "a tour of Vietnam, Malaysia and Cambodia"
state a set; outlets that list different members disagree. With a parse the members are an
object and its conjuncts; without one, a list of capitalised names after the predicate.
"Kastravia, Ondessa and Lirith joined the corridor" states the set as the subject: the
members are who joined, the target what they joined (named by its head noun, "corridor",
however each outlet spells the full name); "did not join" states no membership. "Marches
were also held in A, B and C" (or "took place in", "also marched in") states where an event
happened: claim "place", the event as target. An event that happens at one place ("made
landfall near A", "came ashore at A", "made an emergency landing at A", "touched down in A")
states that place alone: claim "place", one member. Who built a structure ("the tower was
built by A", "A built the bridge") is claim "build", one member, the structure as target.
The flight a story is about ("Flight SK417", "flight BA 212") is claim "flight", its number
the one member; an article naming several flights states none.
"""

from __future__ import annotations

import re
from typing import Any

from consilience.extract.events import EVENT_NOUNS, event_of_words
from consilience.extract.names import clean_name, looks_like_person
from consilience.extract.nlp import ParsedArticle, evidence, sentence_at
from consilience.extract.quotes import nearest_person_before
from consilience.extract.wordforms import singular
from consilience.models import Fact, Role

__all__ = ["PREDICATES", "extract_claims"]

# Words that state a set of places or parties, mapped to the claim they make. Trips count
# as visits whatever the word ("tour of", "stops in", "trip to", "go to").
PREDICATES: dict[str, str] = {
    "visit": "visit", "tour": "visit", "trip": "visit", "stop": "visit", "travel": "visit",
    "go": "visit", "head": "visit", "sign": "sign", "meet": "meet", "join": "join",
}  # fmt: skip
_ABOUT = {"visit": "places {agent} will visit", "sign": "parties {agent} signed with",
          "meet": "people {agent} met", "join": "parties that joined the {target}",
          "place": "places where the {target} took place",
          "build": "who built the {target}", "flight": "flight number"}  # fmt: skip
# Events said to happen in a set of places: "marches were also held in A, B and C", "rallies
# took place in A and B", "protesters also marched in A and B". The event is the target.
_PLACE_EVENTS = EVENT_NOUNS | {"march", "rally", "demonstration", "vigil", "event"}
_MARCHED = {"marched": "march", "rallied": "rally", "demonstrated": "demonstrate"}
_MARCHED |= {"protested": "protest"}
_MARCH_VERBS = frozenset(_MARCHED.values())
# Events that happen at a single place, and the prepositions that name it ("made landfall
# near A", "came ashore at A"): one member is a claim, since outlets naming two disagree.
_ONE_PLACE_EVENTS = frozenset({"landfall", "landing"})
# Where an aircraft came down: "made a landing at A", "touched down in A", "the jet landed at
# A". "Landed" alone is said of goods and catches too ("steel landed at A"), so it needs an
# aircraft as its subject.
_LANDING_PREPOSITIONS = frozenset({"at", "in", "near"})
_AIRCRAFT = frozenset(
    {"plane", "jet", "aircraft", "airliner", "flight", "helicopter", "airplane", "jetliner"}
)
# The noun "landing" is an aircraft's when an aircraft (or its pilot) makes it ("the jet made
# a landing", "the plane's landing") or a word says how it came down ("emergency landing");
# "a soft landing in America" is an economy's.
_LANDING_KINDS = frozenset({"emergency", "crash", "forced"})
_FLYERS = _AIRCRAFT | {"pilot"}
_AT_PREPOSITIONS = frozenset({"at", "near", "in", "on", "over"})
_PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
# Verbs that say who built a structure, and the structures whose builder is a fact, each
# named by its own head noun ("the tower" and "the block" beside it are two structures; a
# few plain synonyms are one). "The building" or "the structure" names whichever building
# the story is about: a claim with no target, which lines up with any of them.
_BUILD_VERBS = frozenset({"build", "construct"})
_STRUCTURES = {
    "building": "", "structure": "", "block": "block", "tower": "tower", "complex": "complex",
    "flat": "flat", "apartment": "flat", "bridge": "bridge", "stadium": "stadium",
    "dam": "dam", "tunnel": "tunnel", "school": "school", "hospital": "hospital",
    "hotel": "hotel", "house": "house", "home": "house", "plant": "plant", "factory": "plant",
    "station": "station", "terminal": "terminal", "wall": "wall", "road": "road",
    "ship": "ship", "vessel": "ship", "pier": "pier", "jetty": "pier", "mall": "mall",
}  # fmt: skip
# Claims one member states: one builder, against which another outlet's builder conflicts.
_ONE_MEMBER_CLAIMS = frozenset({"build", "flight"})
# A flight number: an airline code of two characters or three letters, then up to four
# digits ("SK417", "BA 212", "U2 8031").
_FLIGHT_NUMBER = re.compile(
    r"\b[Ff]light\s+(?P<code>[A-Z]{3}|[A-Z][A-Z\d]|\d[A-Z])\s?(?P<number>\d{1,4}[A-Z]?)\b"
)
# Prepositions that introduce what is joined ("signed up to the pact", "entered into").
_JOIN_PREPOSITIONS = frozenset({"to", "into"})
# Which prepositions introduce the set for each claim ("tour of", "sign with").
_SET_PREPOSITIONS = {"visit": {"to", "of", "in"}, "sign": {"with"}, "meet": {"with"}}
MEMBER_LABELS = frozenset({"GPE", "ORG", "PERSON", "LOC", "NAME"})
# A set needs at least two members; one object is an ordinary fact, not a list.
MIN_MEMBERS = 2
_PRONOUNS = frozenset({"he", "she", "his", "her"})
_NAME = r"[A-Z][\w’'-]*(?:[ \t]+[A-Z][\w’'-]*)*(?:[ \t]+next)?"
_JOINED = re.compile(
    rf"(?P<set>{_NAME}(?:[ \t]*,[ \t]*{_NAME})*,?[ \t]+and[ \t]+{_NAME})[ \t]+"
    r"(?:have[ \t]+|has[ \t]+)?(?:joined|signed[ \t]+up[ \t]+to)[ \t]+(?:the[ \t]+)?"
    r"(?P<target>[\w’' -]+?)(?=[.,;:]|$|[ \t]+(?:at|on|in|alongside|with|after|before)\b)",
    re.MULTILINE,
)
_PLACED = re.compile(
    r"\b(?:(?P<noun>[A-Za-z]+)[ \t]+(?:were|was|have[ \t]+been|had[ \t]+been)[ \t]+(?:also[ \t]+)?"
    r"held|(?P<noun2>[A-Za-z]+)[ \t]+(?:also[ \t]+)?took[ \t]+place|(?P<verb>marched|rallied|"
    r"demonstrated|protested))[ \t]+(?:also[ \t]+)?in[ \t]+"
    rf"(?P<set>{_NAME}(?:[ \t]*,[ \t]*{_NAME})*,?[ \t]+and[ \t]+{_NAME})"
)
_LANDED = re.compile(
    r"\b(?:made|makes?|making|came|comes?|coming|hit|hits|reached)\s+(?:landfall|ashore|land)"
    rf"\s+(?:at|near|in|on|over)\s+(?:the\s+)?(?P<set>{_NAME})"
)
_FLYER = r"(?:plane|jet|aircraft|airliner|helicopter|pilot)"
_TOUCHED_DOWN = re.compile(
    rf"\b(?:{_FLYER}\s+land(?:s|ed)|touch(?:es|ed)?\s+down|(?:emergency|crash|forced)[ -]landing|"
    rf"{_FLYER}(?:'s|’s|\s+(?:made|makes?|making)\s+(?:a|an|its)(?:\s+[a-z]+)?)\s+landing)"
    rf"\s+(?:at|in|near)\s+(?:the\s+)?(?P<set>{_NAME})"
)
_BUILT_BY = re.compile(
    r"\b(?P<target>[a-z]+)\s+(?:was|were|had\s+been|has\s+been)\s+(?:originally\s+)?"
    r"(?:built|constructed)\s+(?:in\s+\d{4}\s+)?by\s+(?:the\s+)?"
    r"(?P<set>[A-Z][\w’'-]*(?:[ \t]+(?:(?:&|and)[ \t]+)?[A-Z][\w’'-]*)*)"
)
_FALLBACK = re.compile(
    r"\b(?P<verb>visit(?:s|ed|ing)?|tour(?:s|ed|ing)?\s+of|trips?\s+to|stops?\s+in|"
    r"travel(?:s|led|ling)?\s+to|go(?:es|ing)?\s+to|sign(?:s|ed|ing)?\s+\w+\s+with)\s+"
    rf"(?P<set>{_NAME}(?:[ \t]*,[ \t]*{_NAME})*,?[ \t]+and[ \t]+(?:then[ \t]+)?{_NAME})"
)


def extract_claims(parsed: ParsedArticle) -> list[Fact]:
    """``claim`` facts for predicates with a coordinated set of two or more names."""
    aliases = parsed.aliases
    found = _parsed_claims(parsed) if parsed.doc is not None else _pattern_claims(parsed)
    found = _fuller_places(found) + _flight_number(parsed.article.text)
    facts = []
    article = parsed.article
    for claim, agent, members, at in found:
        sentence = sentence_at(parsed, at)
        names = sorted({aliases.get(m, m) for m in members})
        single = claim in _ONE_MEMBER_CLAIMS or (claim == "place" and agent in _ONE_PLACE_EVENTS)
        if sentence is None or len(names) < (1 if single else MIN_MEMBERS):
            continue
        target = ""
        if claim in ("join", "place", "build"):
            agent, target = "", agent  # the agent slot held what was joined, or the event
        unnamed = "building" if claim == "build" else "group"
        agent_name = aliases.get(agent, agent) if agent else ""
        roles = (
            ((Role("agent", agent_name),) if agent_name else ())
            + ((Role("target", target),) if target else ())
            + tuple(Role("member", name) for name in names)
        )
        facts.append(
            Fact(
                kind="claim",
                article=article.id,
                subject=claim,
                about=_ABOUT[claim].format(agent=agent_name or "they", target=target or unnamed),
                value=", ".join(names),
                evidence=evidence(article, sentence.start, sentence.end),
                predicate=claim,
                roles=roles,
            )
        )
    return facts


def _flight_number(text: str) -> list[tuple[str, str, list[str], int]]:
    """The one flight an article names ("Flight SK417"); none when it names several."""
    numbers = {
        m.group("code") + m.group("number"): m.start() for m in _FLIGHT_NUMBER.finditer(text)
    }
    if len(numbers) != 1:
        return []
    ((number, at),) = numbers.items()
    return [("flight", "", [number], at)]


def _fuller_places(
    found: list[tuple[str, str, list[str], int]],
) -> list[tuple[str, str, list[str], int]]:
    """One place told short and in full in one article ("landing at Corvane" in a headline,
    "at Corvane Regional Airport" in the text) is one place: the full name stands for both."""
    places = {m for _, event, members, _ in found if event in _ONE_PLACE_EVENTS for m in members}

    def fuller(name: str) -> str:
        longer = [other for other in places if other.startswith(name + " ")]
        return longer[0] if len(longer) == 1 else name

    return [
        (claim, event, [fuller(m) for m in members] if event in _ONE_PLACE_EVENTS else members, at)
        for claim, event, members, at in found
    ]


def _parsed_claims(parsed: ParsedArticle) -> list[tuple[str, str, list[str], int]]:
    doc: Any = parsed.doc
    found = []
    for token in doc:
        if token.pos_ not in ("VERB", "NOUN"):
            continue  # every reading below is of a verb or a noun
        placed = (
            _placed(parsed, token)
            or _landed(parsed, token)
            or _landing(token)
            or _built(parsed, token)
        )
        if placed is not None:
            found.append(placed)
            continue
        claim = PREDICATES.get(token.lemma_.lower())
        if claim is None or token.pos_ not in ("VERB", "NOUN"):
            continue
        if claim == "sign" and any(c.dep_ == "prt" and c.lower_ == "up" for c in token.children):
            claim = "join"  # "signed up to the corridor"
        if claim == "join":
            joined = _joined(parsed, token)
            if joined is not None:
                found.append(joined)
            continue
        members: list[str] = []
        for head in _set_heads(token, claim):
            for member in _with_conjuncts(head):
                if member.ent_type_ in MEMBER_LABELS:
                    members.append(_entity_text(parsed, member))
        members = list(dict.fromkeys(m for m in members if m))
        if len(members) >= MIN_MEMBERS:
            found.append((claim, _agent(parsed, token), members, token.idx))
    return found


def _placed_event(verb: Any) -> str | None:
    """The event a verb says happened somewhere: "marches were held", "rallies took place",
    "protesters marched" (the verb itself); None for other verbs."""
    lemma = str(verb.lemma_).lower()
    if verb.pos_ != "VERB" or (lemma not in _MARCH_VERBS and lemma not in ("take", "hold")):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    if lemma in _MARCH_VERBS:
        return lemma
    if lemma == "take" and not any(
        c.dep_ == "dobj" and str(c.lemma_).lower() == "place" for c in verb.children
    ):
        return None
    if lemma not in ("take", "hold"):
        return None
    wanted = ("nsubj",) if lemma == "take" else ("nsubjpass", "dobj")
    for child in verb.children:
        noun = singular(str(child.lemma_).lower())
        if child.dep_ in wanted and noun in _PLACE_EVENTS:
            return noun
    return None


def _placed(parsed: ParsedArticle, verb: Any) -> tuple[str, str, list[str], int] | None:
    """The places an event happened in: the named objects of the verb's "in"."""
    event = _placed_event(verb)
    if event is None:
        return None
    members = [
        _place_name(member)
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ == "in"
        for head in prep.children
        if head.dep_ == "pobj"
        for member in _with_conjuncts(head)
        if member.pos_ == "PROPN"
    ]
    members = list(dict.fromkeys(m for m in members if m))
    return ("place", event, members, verb.idx) if len(members) >= MIN_MEMBERS else None


def _landed(parsed: ParsedArticle, verb: Any) -> tuple[str, str, list[str], int] | None:
    """The one place an event happened at: "made landfall near A", "came ashore at A"."""
    if verb.pos_ != "VERB":
        return None
    end = verb.idx + len(verb.text)
    words = [(w.idx, w.lower_) for w in _words_after(verb, end + 12)]
    event = event_of_words(words, verb.idx, str(verb.doc[verb.i : verb.i + 2].text), verb.idx)
    if event not in _ONE_PLACE_EVENTS:
        return None  # most verbs: decided before reading their children
    if any(c.dep_ == "neg" for c in verb.children) or sentence_at(parsed, verb.idx) is None:
        return None
    holders = [verb] + [c for c in verb.children if c.dep_ in ("dobj", "advmod")]
    place = _first_place(holders, _AT_PREPOSITIONS)
    return ("place", event, [place], verb.idx) if place else None


def _words_after(verb: Any, last: int) -> list[Any]:
    """The tokens of the verb's subtree from the verb to character offset ``last``, in order
    (what filtering ``verb.subtree`` to that window gives, without walking all of it)."""
    doc = verb.doc
    words = []
    for i in range(verb.i, len(doc)):
        word = doc[i]
        if word.idx > last:
            break
        if i == verb.i or verb.is_ancestor(word):
            words.append(word)
    return words


def _landing(token: Any) -> tuple[str, str, list[str], int] | None:
    """Where an aircraft came down: "the jet landed at A", "touched down in A", "made an
    emergency landing at A" (the place may hang on the noun or on "made")."""
    lemma = str(token.lemma_).lower()
    verb = token.pos_ == "VERB" and lemma in ("land", "touch")
    down = verb and any(c.dep_ == "prt" and c.lower_ == "down" for c in token.children)
    flown = (
        verb
        and any(c.dep_ == "nsubj" and str(c.lemma_).lower() in _AIRCRAFT for c in token.children)
        and not any(c.dep_ == "dobj" for c in token.children)
    )
    if token.pos_ == "NOUN" and token.lower_ == "landing":
        holders = [token] + ([token.head] if token.dep_ == "dobj" else [])
        if not _an_aircraft_landing(token):
            return None
    elif token.pos_ == "VERB" and ((lemma == "land" and flown) or (lemma == "touch" and down)):
        holders = [token]
    else:
        return None
    if any(c.dep_ == "neg" for holder in holders for c in holder.children):
        return None
    place = _first_place(holders, _LANDING_PREPOSITIONS, capitalised=True)
    return ("place", "landing", [place], token.idx) if place else None


def _first_place(
    holders: list[Any], prepositions: frozenset[str], capitalised: bool = False
) -> str | None:
    """The first proper-noun place after one of ``prepositions`` on any of ``holders``
    (dates and times excluded; ``capitalised`` also requires a capital first letter)."""
    for holder in holders:
        for prep in holder.children:
            if prep.dep_ != "prep" or prep.lower_ not in prepositions:
                continue
            for head in prep.children:
                if head.dep_ != "pobj" or head.pos_ != "PROPN":
                    continue
                if head.ent_type_ in ("DATE", "TIME") or (
                    capitalised and not head.text[:1].isupper()
                ):
                    continue
                place = _place_name(head)
                if place:
                    return place
    return None


def _an_aircraft_landing(landing: Any) -> bool:
    """Whether the noun "landing" is an aircraft's: "an emergency landing", "the plane's
    landing", "the jet made a landing"; not "a soft landing in America"."""
    own = [c for c in landing.children if c.dep_ in ("compound", "amod", "poss")]
    if any(c.lower_ in _LANDING_KINDS or str(c.lemma_).lower() in _FLYERS for c in own):
        return True
    verb = landing.head if landing.dep_ == "dobj" else None
    return verb is not None and any(
        c.dep_ == "nsubj" and str(c.lemma_).lower() in _FLYERS for c in verb.children
    )


def _built(parsed: ParsedArticle, verb: Any) -> tuple[str, str, list[str], int] | None:
    """Who built a structure: the named agent of a passive "was built by A", or the named
    subject of "A built the bridge"; the structure (its head noun) is carried as the agent
    until ``extract_claims`` sorts the roles."""
    if str(verb.lemma_).lower() not in _BUILD_VERBS or verb.pos_ != "VERB":
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    things = [c for c in verb.children if c.dep_ == ("nsubjpass" if passive else "dobj")]
    builders = (
        [pobj for c in verb.children if c.dep_ == "agent" for pobj in c.children]
        if passive
        else [c for c in verb.children if c.dep_ == "nsubj"]
    )
    structure = _STRUCTURES.get(singular(str(things[0].lemma_).lower())) if things else None
    members = []
    for builder in builders:
        firm = _firm_name(builder)
        conjuncts = [m for m in _with_conjuncts(builder) if m.ent_type_ in MEMBER_LABELS]
        members += [firm] if firm else [_entity_text(parsed, m) for m in conjuncts]
    members = list(dict.fromkeys(m for m in members if m))
    if structure is None or len(members) != 1:
        return None
    return ("build", structure, members, verb.idx)


def _firm_name(builder: Any) -> str:
    """A firm's name written with "and" or "&" ("Harland and Wolff", "Rovik & Sons"), which
    the parser splits into two conjuncts: proper nouns joined by one "and" are one name."""
    conjuncts = [c for c in builder.children if c.dep_ == "conj"]
    if builder.pos_ != "PROPN" or len(conjuncts) != 1:
        return ""
    first = min([builder.i] + [c.i for c in builder.children if c.dep_ == "compound"])
    words = builder.doc[first : conjuncts[0].i + 1]
    joins = [w for w in words if w.pos_ != "PROPN"]
    if len(joins) != 1 or joins[0].lower_ not in ("and", "&"):
        return ""
    return clean_name(str(words.text), "ORG")


def _place_name(token: Any) -> str:
    """A proper noun with its compound words ("Sefton Cross"): taken from the parse, since
    the tagger often cuts unfamiliar place names wrong ("Brastow and")."""
    first = token.i
    words = [token]
    while words:  # compounds of compounds: "[Holm] <- [Valley] <- Airport"
        words = [c for w in words for c in w.children if c.dep_ == "compound" and c.pos_ == "PROPN"]
        first = min([first] + [w.i for w in words])
    return clean_name(str(token.doc[first : token.i + 1].text), "GPE")


def _joined(parsed: ParsedArticle, verb: Any) -> tuple[str, str, list[str], int] | None:
    """Who joined what: the named subjects of an affirmed "join", and the head noun of the
    thing joined (carried in the agent slot until ``extract_claims`` sorts the roles)."""
    if verb.pos_ != "VERB" or any(c.dep_ == "neg" for c in verb.children):
        return None
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    objects += [
        c
        for prep in verb.children
        if prep.dep_ == "prep" and prep.lower_ in _JOIN_PREPOSITIONS
        for c in prep.children
        if c.dep_ == "pobj"
    ]
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    if not objects or not subjects:
        return None
    members = [
        _entity_text(parsed, m)
        for subject in subjects  # the parser may split "A, B and C" into two subjects
        for m in _with_conjuncts(subject)
        if m.ent_type_ in MEMBER_LABELS
    ]
    members = list(dict.fromkeys(m for m in members if m))
    target = singular(str(objects[0].lemma_).lower())
    return ("join", target, members, verb.idx) if len(members) >= MIN_MEMBERS else None


def _set_heads(token: Any, claim: str) -> list[Any]:
    heads = [c for c in token.children if c.dep_ == "dobj" and claim == "visit"]
    for prep in token.children:
        if prep.dep_ == "prep" and prep.lower_ in _SET_PREPOSITIONS[claim]:
            heads.extend(c for c in prep.children if c.dep_ == "pobj")
    # "go to Malaysia next and then Cambodia": the parser hangs the last name on the verb.
    heads.extend(c for c in token.children if c.dep_ == "npadvmod" and c.ent_type_)
    return heads


def _with_conjuncts(token: Any) -> list[Any]:
    result = [token]
    for child in token.children:
        if child.dep_ in ("conj", "appos"):
            result.extend(_with_conjuncts(child))
    return result


def _entity_text(parsed: ParsedArticle, token: Any) -> str:
    for entity in parsed.entities:
        if entity.start <= token.idx < entity.end:
            return clean_name(entity.text, entity.label)
    return ""


def _agent(parsed: ParsedArticle, token: Any) -> str:
    """Who makes the trip: the verb's subject, a noun's possessor, or a governing subject."""
    current = token
    for _ in range(4):
        for child in current.children:
            if child.dep_ in ("nsubj", "nsubjpass", "poss") and child.lower_ not in (
                "which",
                "that",
                "who",
            ):
                if child.lower_ in _PRONOUNS:
                    return nearest_person_before(parsed, child.idx, parsed.aliases) or ""
                return _entity_text(parsed, child)
        if current.head is current:
            break
        current = current.head
    return ""


def _split_names(names: str) -> list[str]:
    return [
        clean_name(re.sub(r"\s+next$", "", name), "GPE")
        for name in re.split(r"\s*,\s*|\s+and\s+(?:then\s+)?", names)
        if name and name[0].isupper()
    ]


def _pattern_claims(parsed: ParsedArticle) -> list[tuple[str, str, list[str], int]]:
    text = parsed.article.text
    found = []
    for match in _JOINED.finditer(text):
        target = singular(match.group("target").split()[-1].lower())
        found.append(("join", target, _split_names(match.group("set")), match.start()))
    for match in _PLACED.finditer(text):
        verb = match.group("verb")
        noun = singular((match.group("noun") or match.group("noun2") or "").lower())
        event = _MARCHED[verb.lower()] if verb else noun
        if not verb and event not in _PLACE_EVENTS:
            continue
        found.append(("place", event, _split_names(match.group("set")), match.start()))
    for match in _LANDED.finditer(text):
        found.append(("place", "landfall", _split_names(match.group("set"))[:1], match.start()))
    for match in _TOUCHED_DOWN.finditer(text):
        found.append(("place", "landing", _split_names(match.group("set"))[:1], match.start()))
    for match in _BUILT_BY.finditer(text):
        structure = _STRUCTURES.get(singular(match.group("target").lower()))
        if structure is not None:
            found.append(("build", structure, [match.group("set")], match.start()))
    for match in _FALLBACK.finditer(text):
        word = match.group("verb").split()[0].lower()
        lemma = next((p for p in PREDICATES if word.startswith(p)), "visit")
        members = _split_names(match.group("set"))
        sentence = sentence_at(parsed, match.start())
        lead = text[sentence.start : match.start()] if sentence else ""
        agent = _fallback_agent(parsed, lead, match.start())
        found.append((PREDICATES[lemma], agent, members, match.start()))
    return found


def _fallback_agent(parsed: ParsedArticle, lead: str, at: int) -> str:
    """The last name before the predicate in its sentence, or the person "he" refers to."""
    aliases = parsed.aliases
    names = [
        aliases.get(name, name)
        for entity in parsed.entities
        if at - len(lead) <= entity.start and entity.end <= at
        for name in [clean_name(entity.text, entity.label)]
    ]
    people = [name for name in names if looks_like_person(name, "NAME")]
    if people or names:
        return (people or names)[-1]
    if re.search(r"\b(?:he|she|his|her)\b", lead, re.I):
        return nearest_person_before(parsed, at, aliases) or ""
    return ""
