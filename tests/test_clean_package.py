"""The clean package keeps one public surface however its modules are split."""

from __future__ import annotations

import consilience.clean


def test_clean_package_exports_exactly_its_public_api() -> None:
    expected = {"CleanedText", "article_id", "clean_article", "clean_text", "machine_text_signs"}
    assert set(consilience.clean.__all__) == expected
    assert all(callable(getattr(consilience.clean, name)) for name in expected)
