"""Consilience: line up what many outlets say about one event, with evidence."""

from __future__ import annotations

__version__ = "0.1.0"
