"""The phase of a clinical trial as a claim: "a phase 3 trial", "Phase III study", "phase 2b data".

Drug and vaccine stories name the stage a trial has reached, and outlets that name two
stages disagree: "phase 3" beside another outlet's "phase 2" is a conflict. A phase is read
in a sentence about a trial or study, written as a digit or a Roman numeral ("Phase III" is
"phase 3", "phase 2/3" stays combined); one claim per sentence that names one phase. A
sentence naming two phases ("after phase 2, the phase 3 trial began") states a history, not
the stage, and makes no claim.

>>> _phase_value("III")
'phase 3'
"""

from __future__ import annotations

import re

from consilience.extract.nlp import ParsedArticle, evidence
from consilience.models import Fact

__all__ = ["extract_trial_phases"]

_NUMERAL = r"(?:[1-4]|IV|I{1,3})[ab]?"
_PHASE = re.compile(rf"\bphase\s+(?P<stage>{_NUMERAL}(?:\s*/\s*{_NUMERAL})?)\b", re.IGNORECASE)
# The sentence must be about a trial: "phase 2" of a building project is no trial stage.
_TRIAL_WORDS = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|clinical|vaccines?|drugs?|treatments?|therap(?:y|ies)|"
    r"endpoint|placebo|patients|participants|volunteers)\b",
    re.IGNORECASE,
)
_ROMAN = {"i": "1", "ii": "2", "iii": "3", "iv": "4"}


def _phase_value(stage: str) -> str:
    """ "phase 3" for "3" or "III", "phase 2/3" for "II/III", "phase 2b" for "IIb"."""
    parts = []
    for part in re.split(r"\s*/\s*", stage.casefold()):
        numeral = part.rstrip("ab")
        parts.append(_ROMAN.get(numeral, numeral) + part[len(numeral) :])
    return "phase " + "/".join(parts)


def extract_trial_phases(parsed: ParsedArticle) -> list[Fact]:
    """One "trial phase" claim for each sentence about a trial that names one phase."""
    article = parsed.article
    facts: list[Fact] = []
    for sentence in parsed.sentences:
        text = article.text[sentence.start : sentence.end]
        if not _TRIAL_WORDS.search(text):
            continue
        found = list(_PHASE.finditer(text))
        phases = {_phase_value(match["stage"]) for match in found}
        if len(phases) != 1:
            continue
        match = found[0]
        start = sentence.start + match.start()
        facts.append(
            Fact(
                kind="claim",
                article=article.id,
                subject="phase",
                about="phase of the trial",
                value=phases.pop(),
                evidence=evidence(article, sentence.start, sentence.end),
                span=evidence(article, start, start + len(match[0])),
                predicate="phase",
            )
        )
    return facts
