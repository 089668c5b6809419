"""Articles fetched over HTTP(S): bounded in time, redirects and size; no retries."""

from __future__ import annotations

from dataclasses import dataclass

import httpx

from consilience.errors import EmptyInputError, FetchError
from consilience.ingest.parse import ingest_bytes
from consilience.ingest.result import IngestResult
from consilience.models import RawDocument
from consilience.settings import Settings

__all__ = ["fetch_url", "fetch_url_result", "is_url"]

URL_SCHEMES = ("http://", "https://")


@dataclass(frozen=True, slots=True)
class _Response:
    """A fetched body, its declared type and where the redirects ended."""

    body: bytes
    content_type: str | None
    final_url: str


def is_url(value: str) -> bool:
    """Whether an input names an http(s) URL rather than a path."""
    return value.lower().startswith(URL_SCHEMES)


def _too_large(limit: int) -> str:
    return f"response larger than {limit} bytes"


def _download(url: str, settings: Settings, transport: httpx.BaseTransport | None) -> _Response:
    limit = settings.fetch_max_bytes
    with (
        httpx.Client(
            timeout=settings.fetch_timeout,
            follow_redirects=True,
            max_redirects=settings.fetch_max_redirects,
            transport=transport,
        ) as client,
        client.stream("GET", url) as response,
    ):
        if not response.is_success:
            raise FetchError(url, f"HTTP {response.status_code}")
        declared = response.headers.get("Content-Length", "")
        if declared.isdigit() and int(declared) > limit:
            raise FetchError(url, _too_large(limit))
        chunks: list[bytes] = []
        received = 0
        # Content-Length may be absent or wrong; count what actually arrives and stop early.
        for chunk in response.iter_bytes():
            received += len(chunk)
            if received > limit:
                raise FetchError(url, _too_large(limit))
            chunks.append(chunk)
        return _Response(b"".join(chunks), response.headers.get("Content-Type"), str(response.url))


def fetch_url_result(
    url: str, settings: Settings, transport: httpx.BaseTransport | None = None
) -> IngestResult:
    """Fetch a URL and read it like a file, keeping records set aside (e.g. bad JSON lines)."""
    try:
        response = _download(url, settings, transport)
    except httpx.TooManyRedirects:
        raise FetchError(
            url, f"too many redirects (more than {settings.fetch_max_redirects})"
        ) from None
    except httpx.TimeoutException:
        raise FetchError(url, f"timed out after {settings.fetch_timeout} seconds") from None
    except (httpx.HTTPError, httpx.InvalidURL) as exc:
        raise FetchError(url, str(exc) or type(exc).__name__) from None
    if not response.body.strip():
        raise EmptyInputError(url, "empty response body")
    return ingest_bytes(response.body, url, settings, response.content_type, url=response.final_url)


def fetch_url(
    url: str, settings: Settings, transport: httpx.BaseTransport | None = None
) -> list[RawDocument]:
    """The documents at a URL; ``source`` is the URL as given, ``url`` where it ended up.

    ``transport`` replaces the network (``httpx.MockTransport`` in tests).
    Raises ``FetchError`` for network failures, non-2xx statuses and oversize bodies.
    """
    return list(fetch_url_result(url, settings, transport).documents)
