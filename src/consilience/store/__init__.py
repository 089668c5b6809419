"""The SQLite store of articles (and later stories and facts) and its schema migrations."""

from __future__ import annotations

from consilience.store.sqlite import AddResult, Store

__all__ = ["AddResult", "Store"]
