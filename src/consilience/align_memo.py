"""Per-fact features computed once per story instead of once per pair.

Alignment scores every pair of a story's facts, and a fact's own features (its counted thing,
its modifiers, its sentence's words) are the same in every pair it is in. Inside
``story_features()`` a function decorated with ``per_fact`` remembers its result for each
combination of argument objects (a fact, the story's aliases), compared by identity: facts
are frozen, so a result never goes stale. The memory is dropped when the outermost
``story_features()`` ends; outside one the functions compute as usual.

>>> calls = []
>>> @per_fact
... def subject(fact):
...     calls.append(fact)
...     return fact.subject
>>> from consilience.models import Evidence, Fact
>>> fact = Fact("quantity", "a1", "people", "people", "3", Evidence("a1", "3", 0, 1))
>>> with story_features():
...     subject(fact) + subject(fact)
'peoplepeople'
>>> len(calls)
1
"""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any, ParamSpec, TypeVar, cast

__all__ = ["per_fact", "story_features"]

_Parameters = ParamSpec("_Parameters")
_Result = TypeVar("_Result")
# Every per_fact memory (the id of the argument, or the ids of several -> the arguments and
# the result): holding the arguments keeps their ids from being reused while the entry lives.
_MEMORIES: list[dict[object, tuple[tuple[object, ...], Any]]] = []
# How many story_features() blocks are open; memories are kept only while one is.
_OPEN = [0]


def per_fact(function: Callable[_Parameters, _Result]) -> Callable[_Parameters, _Result]:
    """``function`` (pure, of a fact and maybe the story's aliases), remembered per
    combination of argument objects inside ``story_features``."""
    memory: dict[object, tuple[tuple[object, ...], _Result]] = {}
    _MEMORIES.append(memory)
    if len(inspect.signature(function).parameters) == 1:
        return cast(Callable[_Parameters, _Result], _one_argument(function, memory))

    @functools.wraps(function)
    def remembered(*args: _Parameters.args, **kwargs: _Parameters.kwargs) -> _Result:
        if not _OPEN[0] or kwargs:
            return function(*args, **kwargs)
        key = tuple(map(id, args))
        entry = memory.get(key)
        if entry is None:
            result = function(*args, **kwargs)
            memory[key] = (args, result)
            return result
        return entry[1]

    return remembered


def _one_argument(
    function: Callable[..., _Result], memory: dict[object, tuple[tuple[object, ...], _Result]]
) -> Callable[[object], _Result]:
    """``per_fact`` for a function of one fact: the same, with half the overhead per call."""

    @functools.wraps(function)
    def remembered(fact: object) -> _Result:
        if not _OPEN[0]:
            return function(fact)
        entry = memory.get(id(fact))
        if entry is None:
            result = function(fact)
            memory[id(fact)] = ((fact,), result)
            return result
        return entry[1]

    return remembered


@contextmanager
def story_features() -> Iterator[None]:
    """A block within which ``per_fact`` features are computed once per fact."""
    _OPEN[0] += 1
    try:
        yield
    finally:
        _OPEN[0] -= 1
        if not _OPEN[0]:
            for memory in _MEMORIES:
                memory.clear()
