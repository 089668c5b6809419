"""Read and check label files: the answer keys of labelled corpora (tests/fixtures/README.md).

A label file is one JSON object naming the corpus's articles, the expected grouping into
stories, the findings a careful editor would report and the pairs of figures that must not be
called a conflict. ``load_labels`` checks every field and raises ``ConsilienceError`` naming
the file and the field when one is wrong, so a typo in an answer key never turns into a
silently lower score.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn, get_args

from consilience.errors import ConsilienceError
from consilience.models import FactKind, Severity, Status

__all__ = [
    "CorpusLabels",
    "LabelValue",
    "LabelledFinding",
    "NoConflict",
    "find_label_files",
    "load_labels",
]

LABEL_FILE_NAME = "labels.json"
LABEL_DIR_NAME = "labels"

_KINDS: tuple[str, ...] = get_args(FactKind)
_STATUSES: tuple[str, ...] = get_args(Status)
_SEVERITIES: tuple[str, ...] = get_args(Severity)


@dataclass(frozen=True, slots=True)
class LabelValue:
    """One labelled variant: its wording, other wordings of it, and the articles stating it."""

    text: str
    forms: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()

    @property
    def wordings(self) -> tuple[str, ...]:
        """The value as labelled, then its other forms."""
        return (self.text, *self.forms)


@dataclass(frozen=True, slots=True)
class LabelledFinding:
    """A finding a careful editor would report."""

    kind: FactKind
    about: str
    status: Status
    severity: Severity | None
    values: tuple[LabelValue, ...]
    match: tuple[str, ...]
    note: str | None = None


@dataclass(frozen=True, slots=True)
class NoConflict:
    """Two different figures that look comparable but must not be called a conflict."""

    about: str
    values: tuple[LabelValue, ...]
    match: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class CorpusLabels:
    """The answer key of one labelled corpus; ``root`` is resolved to an existing directory."""

    name: str
    path: Path
    root: Path
    articles: tuple[str, ...]
    stories: tuple[tuple[str, ...], ...]
    findings: tuple[LabelledFinding, ...]
    no_conflict: tuple[NoConflict, ...]


class _Reader:
    """Typed access to one JSON object, with errors naming the file and the field."""

    def __init__(self, path: Path, data: object, where: str) -> None:
        self.path = path
        self.where = where
        if not isinstance(data, dict):
            self.fail(where or "(file)", f"expected an object, got {type(data).__name__}")
        self.data: dict[str, object] = data

    def fail(self, field: str, problem: str) -> NoReturn:
        raise ConsilienceError(f"{self.path}: label field {field!r}: {problem}")

    def field(self, name: str) -> str:
        return f"{self.where}.{name}" if self.where else name

    def text(self, name: str) -> str:
        value = self.data.get(name)
        if not isinstance(value, str) or not value.strip():
            self.fail(self.field(name), f"expected a non-empty string, got {value!r}")
        return value

    def optional_text(self, name: str) -> str | None:
        value = self.data.get(name)
        if value is not None and not isinstance(value, str):
            self.fail(self.field(name), f"expected a string or null, got {value!r}")
        return value

    def choice(self, name: str, valid: Sequence[str], *, nullable: bool = False) -> str | None:
        value = self.data.get(name)
        if value is None and nullable and name in self.data:
            return None
        if value not in valid:
            choices = ", ".join([*valid, "null"] if nullable else valid)
            self.fail(self.field(name), f"got {value!r}; valid choices: {choices}")
        return value  # type: ignore[return-value]

    def strings(self, name: str, *, required: bool = True) -> tuple[str, ...]:
        value = self.data.get(name)
        if value is None and not required:
            return ()
        return self.string_list(self.field(name), value)

    def string_list(self, field: str, value: object) -> tuple[str, ...]:
        items = value if isinstance(value, list) else []
        strings = tuple(v for v in items if isinstance(v, str) and v.strip())
        if not strings or len(strings) != len(items):
            self.fail(field, f"expected a non-empty list of non-empty strings, got {value!r}")
        return strings

    def mapping(self, name: str, keys: Sequence[str]) -> dict[str, tuple[str, ...]]:
        """An optional object from some of ``keys`` to lists of strings."""
        value = self.data.get(name)
        if value is None:
            return {}
        if not isinstance(value, dict):
            self.fail(self.field(name), f"expected an object, got {value!r}")
        result: dict[str, tuple[str, ...]] = {}
        for key, items in value.items():
            if key not in keys:
                self.fail(self.field(name), f"key {key!r} is not one of the values {list(keys)}")
            result[key] = self.string_list(f"{self.field(name)}.{key}", items)
        return result


def _values(reader: _Reader, articles: Sequence[str]) -> tuple[LabelValue, ...]:
    texts = reader.strings("values")
    if len(set(texts)) != len(texts):
        reader.fail(reader.field("values"), f"values repeat: {list(texts)}")
    forms = reader.mapping("forms", texts)
    sources = reader.mapping("sources", texts)
    for value, names in sources.items():
        unknown = [n for n in names if n not in articles]
        if unknown:
            reader.fail(f"{reader.field('sources')}.{value}", f"unknown articles {unknown}")
    return tuple(LabelValue(t, forms.get(t, ()), sources.get(t, ())) for t in texts)


def _finding(path: Path, data: object, where: str, articles: Sequence[str]) -> LabelledFinding:
    reader = _Reader(path, data, where)
    return LabelledFinding(
        kind=reader.choice("kind", _KINDS),  # type: ignore[arg-type]
        about=reader.text("about"),
        status=reader.choice("status", _STATUSES),  # type: ignore[arg-type]
        severity=reader.choice("severity", _SEVERITIES, nullable=True),  # type: ignore[arg-type]
        values=_values(reader, articles),
        match=tuple(m.casefold() for m in reader.strings("match")),
        note=reader.optional_text("note"),
    )


def _no_conflict(path: Path, data: object, where: str) -> NoConflict:
    reader = _Reader(path, data, where)
    values = _values(reader, ())
    if len(values) != 2:
        reader.fail(reader.field("values"), f"expected two values, got {len(values)}")
    return NoConflict(
        about=reader.text("about"),
        values=values,
        match=tuple(m.casefold() for m in reader.strings("match", required=False)),
    )


def _stories(reader: _Reader, articles: Sequence[str]) -> tuple[tuple[str, ...], ...]:
    raw = reader.data.get("stories")
    if not isinstance(raw, list) or not raw:
        reader.fail("stories", f"expected a non-empty list of lists, got {raw!r}")
    stories = tuple(reader.string_list(f"stories[{i}]", s) for i, s in enumerate(raw))
    grouped = [name for story in stories for name in story]
    if sorted(grouped) != sorted(articles):
        missing = sorted(set(articles) - set(grouped))
        extra = sorted(set(grouped) - set(articles))
        twice = sorted({n for n in grouped if grouped.count(n) > 1})
        reader.fail(
            "stories",
            f"must hold every article exactly once (missing {missing}, not an article "
            f"{extra}, repeated {twice})",
        )
    return stories


def _resolve_root(reader: _Reader, root: str) -> Path:
    """``root`` is relative to the repository root: the nearest ancestor holding it."""
    candidate = Path(root)
    if candidate.is_absolute():
        bases: list[Path] = [Path("/")]
    else:
        bases = [*reader.path.resolve().parents, Path.cwd()]
    for base in bases:
        if (base / candidate).is_dir():
            return (base / candidate).resolve()
    reader.fail("root", f"directory {root!r} not found above the label file or in {Path.cwd()}")


def load_labels(path: Path) -> CorpusLabels:
    """Read and check one label file.

    >>> load_labels(Path("tests/fixtures/labels/sample-corpus.json")).name  # doctest: +SKIP
    'sample-corpus'
    """
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ConsilienceError(f"{path}: cannot read label file: {exc}") from None
    reader = _Reader(path, data, "")
    articles = reader.strings("articles")
    if len(set(articles)) != len(articles):
        reader.fail("articles", "an article is listed twice")
    raw_findings = reader.data.get("findings", [])
    raw_no_conflict = reader.data.get("no_conflict", [])
    for name, raw in (("findings", raw_findings), ("no_conflict", raw_no_conflict)):
        if not isinstance(raw, list):
            reader.fail(name, f"expected a list, got {raw!r}")
    return CorpusLabels(
        name=reader.text("name"),
        path=path,
        root=_resolve_root(reader, reader.text("root")),
        articles=articles,
        stories=_stories(reader, articles),
        findings=tuple(
            _finding(path, f, f"findings[{i}]", articles)
            for i, f in enumerate(_as_list(raw_findings))
        ),
        no_conflict=tuple(
            _no_conflict(path, n, f"no_conflict[{i}]")
            for i, n in enumerate(_as_list(raw_no_conflict))
        ),
    )


def _as_list(raw: object) -> list[object]:
    return raw if isinstance(raw, list) else []


def find_label_files(directory: Path) -> list[Path]:
    """Label files under ``directory``: every ``labels.json`` and every ``labels/*.json``
    (``directory`` itself may be such a ``labels`` folder)."""
    found = set(directory.rglob(LABEL_FILE_NAME))
    folders = [directory] if directory.name == LABEL_DIR_NAME else []
    for folder in [*folders, *directory.rglob(LABEL_DIR_NAME)]:
        if folder.is_dir():
            found.update(folder.glob("*.json"))
    return sorted(found)
