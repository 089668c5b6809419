"""The content words of a sentence, as lemmas: what align compares to line facts up."""

from __future__ import annotations

import re
from typing import Any

from spacy.lang.en.stop_words import STOP_WORDS

from consilience.extract.nlp import ParsedArticle

__all__ = ["context_lemmas", "date_context"]

CONTENT_POS = frozenset({"NOUN", "PROPN", "VERB", "ADJ"})
_WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*")
# Fallback lemmatising: plural and third-person endings only; enough to let "tariffs" meet
# "tariff" without a model, and too little to merge different words.
_ENDINGS = (("ies", "y"), ("sses", "ss"), ("s", ""))
# Words shorter than this carry no topic ("us", "go") once stop words are gone.
MIN_WORD_CHARS = 3


def context_lemmas(parsed: ParsedArticle, start: int, end: int) -> tuple[str, ...]:
    """Sorted unique lowercase lemmas of the content words in ``article.text[start:end]``."""
    doc: Any = parsed.doc
    if doc is not None:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None:
            return tuple(
                sorted(
                    {
                        token.lemma_.lower()
                        for token in span
                        if token.pos_ in CONTENT_POS
                        and not token.is_stop
                        and not token.like_num
                        and token.is_alpha
                    }
                )
            )
    words = (match.group().lower() for match in _WORD.finditer(parsed.article.text[start:end]))
    return tuple(
        sorted(
            {
                _lemma(word)
                for word in words
                if word not in STOP_WORDS and len(word) >= MIN_WORD_CHARS
            }
        )
    )


def _lemma(word: str) -> str:
    word = re.sub(r"['’]s?$", "", word)
    for ending, replacement in _ENDINGS:
        if word.endswith(ending) and len(word) - len(ending) >= MIN_WORD_CHARS:
            if ending == "s" and word.endswith(("ss", "us", "is")):
                return word
            return word[: -len(ending)] + replacement
    return word


def date_context(lemmas: tuple[str, ...], event: str) -> tuple[str, ...]:
    """A date fact's context: its sentence's lemmas plus the event it dates.

    Outlets word one event differently ("downed tools", "the walkout began"); the event
    lemma every wording maps to ("strike") is the word their contexts are sure to share.
    """
    return tuple(sorted({*lemmas, event}))
