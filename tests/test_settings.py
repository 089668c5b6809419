"""Settings: defaults < consilience.toml < CONSILIENCE_* env < flags, with clear errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from consilience.errors import SettingsError
from consilience.settings import Settings, describe_settings, load_settings


def test_defaults_apply_when_nothing_is_configured(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # no consilience.toml here
    assert load_settings(env={}) == Settings()


def test_file_then_env_then_flags_each_override_the_one_before(tmp_path: Path) -> None:
    config = tmp_path / "consilience.toml"
    config.write_text(
        "[consilience]\nfetch_timeout = 3\nspacy_model = 'none'\nmax_file_bytes = 7\n"
    )
    settings = load_settings(
        config=config,
        env={"CONSILIENCE_FETCH_TIMEOUT": "4", "CONSILIENCE_MAX_FILE_BYTES": "8"},
        overrides={"max_file_bytes": 9},
    )
    assert settings.spacy_model == "none"  # from the file
    assert settings.fetch_timeout == 4.0  # env beats file
    assert settings.max_file_bytes == 9  # flag beats env


def test_a_flag_left_unset_does_not_override() -> None:
    settings = load_settings(
        env={"CONSILIENCE_SPACY_MODEL": "none"}, overrides={"spacy_model": None}
    )
    assert settings.spacy_model == "none"


def test_unknown_setting_in_file_lists_the_valid_names(tmp_path: Path) -> None:
    config = tmp_path / "consilience.toml"
    config.write_text("[consilience]\nfetch_timeuot = 3\n")
    with pytest.raises(SettingsError, match=r"unknown setting 'fetch_timeuot'.*fetch_timeout"):
        load_settings(config=config, env={})


def test_wrong_type_names_the_setting_and_the_value() -> None:
    with pytest.raises(SettingsError, match=r"'fetch_timeout' expects float, got 'soon'"):
        load_settings(env={"CONSILIENCE_FETCH_TIMEOUT": "soon"})


def test_broken_toml_names_the_file(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text("[consilience\n")
    with pytest.raises(SettingsError, match=r"bad\.toml"):
        load_settings(config=config, env={})


def test_a_named_config_file_must_exist(tmp_path: Path) -> None:
    with pytest.raises(SettingsError, match="not found"):
        load_settings(config=tmp_path / "missing.toml", env={})


def test_every_setting_describes_itself() -> None:
    rows = describe_settings()
    assert {row["name"] for row in rows} == set(Settings.__dataclass_fields__)
    assert all(row["help"].strip() for row in rows)
