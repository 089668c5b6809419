"""The exception tree. Every error Consilience raises on purpose derives from one root.

    ConsilienceError
    ├── InputError            an input (file, URL, record) cannot be read as an article
    │   ├── EmptyInputError       it holds no text
    │   ├── BinaryInputError      it is not text in any format we read
    │   ├── MalformedInputError   it claims a format but does not parse as one
    │   └── FetchError            a URL could not be fetched
    ├── StoreError            the SQLite store cannot be opened, migrated or written
    │   └── StoreVersionError     the file was written by a newer Consilience
    ├── SettingsError         a setting has an unknown name or a value of the wrong type
    └── ReportError           a report cannot be rendered or written

"Nothing found" is never an exception: stages return ``None`` or ``[]``.
"""

from __future__ import annotations

__all__ = [
    "BinaryInputError",
    "ConsilienceError",
    "EmptyInputError",
    "FetchError",
    "InputError",
    "MalformedInputError",
    "ReportError",
    "SettingsError",
    "StoreError",
    "StoreVersionError",
]


class ConsilienceError(Exception):
    """Root of every error Consilience raises on purpose."""


class InputError(ConsilienceError):
    """An input cannot be read as an article; ``source`` names it, ``reason`` says why."""

    def __init__(self, source: str, reason: str) -> None:
        super().__init__(f"{source}: {reason}")
        self.source = source
        self.reason = reason


class EmptyInputError(InputError):
    """The input holds no article text."""


class BinaryInputError(InputError):
    """The input is binary data, not text in a format we read."""


class MalformedInputError(InputError):
    """The input looks like a known format but does not parse as one."""


class FetchError(InputError):
    """A URL could not be fetched (network, status, size or content type)."""


class StoreError(ConsilienceError):
    """The SQLite store cannot be opened, migrated or written."""


class StoreVersionError(StoreError):
    """The store's schema version is newer than this Consilience understands."""


class SettingsError(ConsilienceError):
    """A setting has an unknown name or a value of the wrong type."""


class ReportError(ConsilienceError):
    """A report cannot be rendered or written."""
