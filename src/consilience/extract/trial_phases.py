"""The phase of a clinical trial as a claim: "a phase 3 trial", "Phase III study", "phase 2b data".

Drug and vaccine stories name the stage a trial has reached, and outlets that name two
stages disagree: "phase 3" beside another outlet's "phase 2" is a conflict. A phase is read
where a trial word stands within a few words of it ("phase 3 trial", "results from phase
3"), in a sentence about a trial or study, written as a digit or a Roman numeral ("Phase
III" is "phase 3", "phase 2/3" stays combined); one claim per sentence that names one phase.
A sentence naming two phases ("after phase 2, the phase 3 trial began") states a history,
not the stage, and makes no claim. The claim is tied to the product the sentence names (a
code name such as "HLV-207", or "the trial of Zentavir"), or to a rival's product when the
sentence speaks of one, so the phase of another product's trial is a claim of its own.

>>> _phase_value("III")
'phase 3'
"""

from __future__ import annotations

import re

from consilience.extract.nlp import ParsedArticle, evidence
from consilience.models import Fact, Role

__all__ = ["extract_trial_phases"]

_NUMERAL = r"(?:[1-4]|IV|I{1,3})[ab]?"
_PHASE = re.compile(rf"\bphase\s+(?P<stage>{_NUMERAL}(?:\s*/\s*{_NUMERAL})?)\b", re.IGNORECASE)
# The sentence must be about a trial: "phase 2" of a building project is no trial stage.
_TRIAL_WORDS = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|clinical|vaccines?|drugs?|treatments?|therap(?:y|ies)|"
    r"endpoint|placebo|patients|participants|volunteers)\b",
    re.IGNORECASE,
)
# Words that make "phase N" a trial's stage when within a few words of it: "phase 3 trial",
# "phase 2b data", "results from phase 3", "clinical phase 2"; "phase 3 of reopening as
# vaccines were rolled out" has none.
_NEAR_WORDS = 3
_STAGE_WORDS = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|data|results?|testing|tests?|clinical|readouts?|"
    r"programmes?|programs?)\b",
    re.IGNORECASE,
)
_WORD = re.compile(r"[\w’'/-]+")
# The product a trial tests: a code name ("HLV-207", "BNT162b2") or the name after "trial
# of" ("the phase 3 trial of Zentavir"); a disease's code ("COVID-19") is none.
_CODE_NAME = re.compile(r"\b(?!COVID)[A-Z]{2,5}-?\d{2,}[A-Za-z\d]*\b")
_TRIAL_OF = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|testing)\s+of\s+(?P<name>[A-Z][\w-]++(?:\s+[A-Z][\w-]++)*+)"
    r"(?!['’])"  # "the trial of Halvane's vaccine" names the maker, not the product
)
_RIVAL = re.compile(r"\b(?:rivals?|rival's|competitors?|competitor's|competing)\b", re.I)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


def _phase_value(stage: str) -> str:
    """ "phase 3" for "3" or "III", "phase 2/3" for "II/III", "phase 2b" for "IIb"."""
    parts = []
    for part in re.split(r"\s*/\s*", stage.casefold()):
        numeral = part.rstrip("ab")
        parts.append(_ROMAN.get(numeral, numeral) + part[len(numeral) :])
    return "phase " + "/".join(parts)


def _near_a_trial_word(text: str, match: re.Match[str]) -> bool:
    """Whether a trial word stands within a few words before or after "phase N"."""
    before = _WORD.findall(text[: match.start()])[-_NEAR_WORDS:]
    after = _WORD.findall(text[match.end() :])[:_NEAR_WORDS]
    return any(_STAGE_WORDS.fullmatch(word) for word in before + after)


def _product(text: str) -> str:
    """The product whose trial the sentence tells of, "rival" for a rival's, or ""."""
    named = _CODE_NAME.search(text) or _TRIAL_OF.search(text)
    if named is not None:
        return named["name"] if "name" in named.groupdict() else named[0]
    return "rival" if _RIVAL.search(text) else ""


def extract_trial_phases(parsed: ParsedArticle) -> list[Fact]:
    """One "trial phase" claim for each sentence about a trial that names one phase."""
    article = parsed.article
    facts: list[Fact] = []
    for sentence in parsed.sentences:
        text = article.text[sentence.start : sentence.end]
        if not _TRIAL_WORDS.search(text):
            continue
        found = [m for m in _PHASE.finditer(text) if _near_a_trial_word(text, m)]
        phases = {_phase_value(match["stage"]) for match in _PHASE.finditer(text)}
        if not found or len(phases) != 1:
            continue
        match = found[0]
        start = sentence.start + match.start()
        product = _product(text)
        facts.append(
            Fact(
                kind="claim",
                article=article.id,
                subject="phase",
                about=f"phase of the {product} trial" if product else "phase of the trial",
                value=phases.pop(),
                evidence=evidence(article, sentence.start, sentence.end),
                span=evidence(article, start, start + len(match[0])),
                predicate="phase",
                roles=(Role("target", product),) if product else (),
            )
        )
    return facts
