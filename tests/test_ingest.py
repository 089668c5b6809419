"""Ingest: files, directories and URLs in any supported format become RawDocuments.

Formats are told apart by content; one bad input (or one bad record) is set aside with a
reason a user can act on, and the rest of the batch is read.
"""

from __future__ import annotations

import gzip
import io
import os
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import httpx
import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

import consilience.ingest as ingest
from consilience.errors import BinaryInputError, EmptyInputError, InputError, MalformedInputError
from consilience.ingest import (
    IngestResult,
    detect_format,
    fetch_url,
    ingest_bytes,
    read_bytes,
    read_file,
    read_inputs,
)
from consilience.models import SkippedInput
from consilience.settings import Settings

SEEDS = Path("/work/shared/corpus/seeds")

ARTICLE_PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>Port reopens after storm | Harbour Gazette</title>
<meta property="og:site_name" content="Harbour Gazette">
<meta name="author" content="Jane Doe">
<meta property="article:published_time" content="2024-03-05T08:30:00+01:00">
<link rel="canonical" href="https://gazette.example/port-reopens">
</head><body>
<nav><ul><li><a href="/">Home</a></li><li><a href="/world">World news</a></li>
<li><a href="/sport">Sport pages</a></li></ul></nav>
<article>
<h1>Port reopens after storm</h1>
<p>The city port reopened on Tuesday after a storm forced a three-day closure, officials
said.</p>
<p>About 120 ships had been waiting offshore, according to the harbour authority, which said
traffic would return to normal by Friday.</p>
<p>"We worked through the night to clear the channels," said harbour master Tom Baker.</p>
</article>
<footer><p>Copyright 2024 Harbour Gazette. All rights reserved.</p>
<a href="/privacy">Privacy policy</a></footer>
</body></html>
"""

RSS_FEED = """<?xml version="1.0" encoding="UTF-8"?>
<!-- a comment before the root element -->
<rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/">
<channel>
<title>Valley Herald</title>
<link>https://herald.example/</link>
<description>Local news</description>
<item>
<title>Dam inspection finds cracks</title>
<link>https://herald.example/dam</link>
<author>news@herald.example (Sam Reed)</author>
<pubDate>Tue, 05 Mar 2024 08:30:00 +0100</pubDate>
<description>Short summary only.</description>
<content:encoded><![CDATA[<p>Engineers found <b>three</b> cracks in the dam wall.</p>
<p>The reservoir will be lowered by 2 metres, the water board said.</p>]]></content:encoded>
</item>
<item>
<title>School reopens</title>
<link>https://herald.example/school</link>
<description>&lt;p&gt;The primary school reopened on Monday.&lt;/p&gt;</description>
</item>
<item>
<title>Photo gallery</title>
<link>https://herald.example/photos</link>
</item>
</channel>
</rss>
"""

ATOM_FEED = """<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom">
<title>Coast Times</title>
<id>urn:uuid:60a76c80-d399-11d9-b93C-0003939e0af6</id>
<updated>2024-04-14T10:00:00Z</updated>
<entry>
<title>Ferry service resumes</title>
<link href="https://coast.example/ferry"/>
<id>urn:uuid:1225c695-cfb8-4ebb-aaaa-80da344efa6a</id>
<updated>2024-04-14T09:15:00-04:00</updated>
<author><name>Lee Park</name></author>
<content type="html">&lt;p&gt;Ferries resumed on Sunday.&lt;/p&gt;
&lt;p&gt;Six crossings ran.&lt;/p&gt;</content>
</entry>
</feed>
"""


@pytest.fixture
def settings() -> Settings:
    return Settings()


def write(path: Path, content: str | bytes) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def warc_bytes(records: list[tuple[str, str, bytes]], compress: bool = False) -> bytes:
    """A WARC holding one response record per (uri, content type, body)."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    for uri, content_type, body in records:
        headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), length=len(body), http_headers=headers
        )
        writer.write_record(record)
    return buffer.getvalue()


def article_html(headline: str, sentence: str) -> bytes:
    paragraphs = "".join(f"<p>{sentence} Paragraph {n} adds more detail.</p>" for n in range(3))
    return (
        f"<html><head><title>{headline}</title></head><body><nav><a href='/'>Home</a></nav>"
        f"<article><h1>{headline}</h1>{paragraphs}</article></body></html>"
    ).encode()


# --- the public surface ------------------------------------------------------------------


def test_every_name_in_all_is_exported() -> None:
    assert sorted(ingest.__all__) == sorted(
        name for name in ingest.__all__ if hasattr(ingest, name)
    )
    assert {"IngestResult", "read_inputs", "read_file", "read_bytes", "detect_format"} <= set(
        ingest.__all__
    )
    assert "fetch_url" in ingest.__all__


# --- detection ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("data", "name", "expected"),
    [
        (RSS_FEED.encode(), "news.txt", "feed"),  # content wins over a misleading extension
        (ATOM_FEED.encode(), "feed", "feed"),
        (b"<?xml version='1.0'?>\n<rdf:RDF xmlns:rdf='x'><item/></rdf:RDF>", "a.xml", "feed"),
        (ARTICLE_PAGE.encode(), "page", "html"),
        (b"<div>Intro</div>\n<p>A paragraph of text.</p>", "snippet.txt", "html"),
        (b'{"text": "Rain fell."}\n{"text": "Snow fell."}\n', "dump", "jsonl"),
        (b"Storm hits coast\n\nWinds rose overnight.", "story", "text"),
        (b"# Storm hits coast\n\nWinds rose overnight.", "story.md", "text"),
        (b"WARC/1.0\r\nWARC-Type: warcinfo\r\n", "x.warc", "warc"),
        (gzip.compress(b"WARC/1.0\r\n"), "crawl.warc.gz", "warc"),
        (gzip.compress(b"some text"), "notes.gz", None),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image.txt", None),
    ],
)
def test_detect_format_decides_by_content(data: bytes, name: str, expected: str | None) -> None:
    assert detect_format(data, name) == expected


def test_the_extension_breaks_ties_for_json_lines_whose_first_line_is_broken() -> None:
    data = b'{"text": broken\n{"text": "Snow fell."}\n'
    assert detect_format(data, "records.jsonl") == "jsonl"
    assert detect_format(data, "records.ndjson") == "jsonl"
    assert detect_format(data, "records") == "text"


def test_the_content_type_breaks_ties_for_html_without_a_body_or_paragraph() -> None:
    data = b"<div>Breaking: the bridge is closed.</div>"
    assert detect_format(data, "page") == "text"
    assert detect_format(data, "page", "text/html; charset=utf-8") == "html"


def test_non_utf8_text_without_control_bytes_is_read_as_cp1252(settings: Settings) -> None:
    [doc] = read_bytes(b"Caf\xe9 owners protest\n\nThe caf\xe9 closed.", "cafe.txt", settings)
    assert doc.title == "Café owners protest"
    assert "café closed" in doc.text


def test_non_utf8_bytes_with_control_bytes_are_binary(settings: Settings) -> None:
    with pytest.raises(BinaryInputError, match="binary data, not text"):
        read_bytes(b"abc\xe9\x01\x02def", "blob.txt", settings)


def test_utf16_text_with_a_byte_order_mark_is_text(settings: Settings) -> None:
    data = "Flood warning issued\n\nRivers rose.".encode("utf-16")
    [doc] = read_bytes(data, "notepad.txt", settings)
    assert doc.title == "Flood warning issued"


# --- plain text and Markdown -------------------------------------------------------------


def test_plain_text_title_is_the_first_non_empty_line_and_text_is_kept_whole(
    tmp_path: Path, settings: Settings
) -> None:
    path = write(tmp_path / "a.txt", "\nStorm hits coast\r\nWinds rose overnight.\r\n")
    [doc] = read_file(path, settings)
    assert doc.source == str(path)
    assert doc.format == "text"
    assert doc.title == "Storm hits coast"
    assert doc.text == "\nStorm hits coast\nWinds rose overnight.\n"  # newlines normalised
    assert (doc.outlet, doc.published, doc.url, doc.author) == (None, None, None, None)


def test_a_leading_metadata_block_fills_fields_and_is_left_out_of_the_text(
    tmp_path: Path, settings: Settings
) -> None:
    content = (
        "Outlet: Valley Herald\nPublished: 2024-03-05T08:30:00+01:00\n"
        "URL: https://herald.example/dam\nBy: Sam Reed\n\n"
        "Dam inspection finds cracks\nEngineers found three cracks.\n"
    )
    [doc] = read_file(write(tmp_path / "dam.txt", content), settings)
    assert doc.outlet == "Valley Herald"
    assert doc.published == datetime(2024, 3, 5, 7, 30, tzinfo=UTC)
    assert doc.url == "https://herald.example/dam"
    assert doc.author == "Sam Reed"
    assert doc.title == "Dam inspection finds cracks"
    assert doc.text == "Dam inspection finds cracks\nEngineers found three cracks.\n"


def test_written_out_dates_and_source_key_are_understood(settings: Settings) -> None:
    content = b"Source: Coast Times\nDate: March 5, 2024\nAuthor: Lee Park\n\nFerries resumed."
    [doc] = read_bytes(content, "ferry.txt", settings)
    assert doc.outlet == "Coast Times"
    assert doc.published == datetime(2024, 3, 5, tzinfo=UTC)
    assert doc.author == "Lee Park"


def test_lines_that_only_look_like_metadata_stay_in_the_text(settings: Settings) -> None:
    # An unknown key, or known keys not followed by a blank line, are article text.
    for content in ("Update: the road is open.\n\nMore later.", "By: Sam Reed\nThe road opened."):
        [doc] = read_bytes(content.encode(), "note.txt", settings)
        assert doc.text == content
        assert doc.author is None


def test_markdown_front_matter_fills_fields_and_heading_marks_leave_the_title(
    tmp_path: Path, settings: Settings
) -> None:
    content = (
        '---\ntitle: "Ferry service resumes"\noutlet: Coast Times\ndate: 2024-04-14\n'
        "tags: [transport]\n---\n\n## Ferry back\n\nFerries resumed on Sunday.\n"
    )
    [doc] = read_file(write(tmp_path / "ferry.md", content), settings)
    assert doc.title == "Ferry service resumes"
    assert doc.outlet == "Coast Times"
    assert doc.published == datetime(2024, 4, 14, tzinfo=UTC)
    assert doc.text == "## Ferry back\n\nFerries resumed on Sunday.\n"
    [untitled] = read_bytes(b"## Ferry back\n\nFerries resumed.", "ferry.md", settings)
    assert untitled.title == "Ferry back"


def test_a_metadata_block_with_no_article_after_it_is_empty(settings: Settings) -> None:
    with pytest.raises(EmptyInputError, match="no article text"):
        read_bytes(b"---\ntitle: Nothing\n---\n\n   \n", "blank.md", settings)


# --- HTML --------------------------------------------------------------------------------


def test_html_page_gives_the_article_without_navigation_or_footer(
    tmp_path: Path, settings: Settings
) -> None:
    [doc] = read_file(write(tmp_path / "port.html", ARTICLE_PAGE), settings)
    assert doc.format == "html"
    assert doc.source == str(tmp_path / "port.html")
    assert "About 120 ships had been waiting offshore" in doc.text
    assert "said harbour master Tom Baker" in doc.text
    assert "Sport pages" not in doc.text
    assert "All rights reserved" not in doc.text
    assert doc.title == "Port reopens after storm"
    assert doc.outlet == "Harbour Gazette"
    assert doc.author == "Jane Doe"
    assert doc.url == "https://gazette.example/port-reopens"
    assert doc.published == datetime(2024, 3, 5, 7, 30, tzinfo=UTC)


def test_html_without_any_text_is_empty(settings: Settings) -> None:
    page = b"<!DOCTYPE html><html><body><div><img src='a.png'></div></body></html>"
    with pytest.raises(EmptyInputError, match="no article text found in HTML"):
        read_bytes(page, "gallery.html", settings)


# --- feeds -------------------------------------------------------------------------------


def test_rss_entries_become_documents_numbered_within_the_file(
    tmp_path: Path, settings: Settings
) -> None:
    path = write(tmp_path / "herald.xml", RSS_FEED)
    result = read_inputs([str(path)], settings)
    first, second = result.documents
    assert first.source == f"{path}#1"
    assert first.format == "feed"
    assert first.outlet == "Valley Herald"
    assert first.title == "Dam inspection finds cracks"
    assert first.url == "https://herald.example/dam"
    assert first.author == "news@herald.example (Sam Reed)"
    assert first.published == datetime(2024, 3, 5, 7, 30, tzinfo=UTC)
    # Full content wins over the summary; its HTML becomes blank-line separated paragraphs.
    assert first.text == (
        "Engineers found three cracks in the dam wall.\n\n"
        "The reservoir will be lowered by 2 metres, the water board said."
    )
    assert second.source == f"{path}#2"
    assert second.text == "The primary school reopened on Monday."
    assert second.published is None
    assert result.skipped == (SkippedInput(f"{path}#3", "feed entry has no text"),)


def test_atom_entries_use_html_content_and_the_updated_date(
    tmp_path: Path, settings: Settings
) -> None:
    [doc] = read_file(write(tmp_path / "coast.atom", ATOM_FEED), settings)
    assert doc.source == f"{tmp_path / 'coast.atom'}#1"
    assert doc.outlet == "Coast Times"
    assert doc.author == "Lee Park"
    assert doc.url == "https://coast.example/ferry"
    assert doc.text == "Ferries resumed on Sunday.\n\nSix crossings ran."
    assert doc.published == datetime(2024, 4, 14, 13, 15, tzinfo=UTC)


def test_a_feed_that_does_not_parse_is_malformed(tmp_path: Path, settings: Settings) -> None:
    path = write(tmp_path / "broken.rss", "<rss version='2.0'><channel><title>x</broken>")
    with pytest.raises(MalformedInputError, match=r"not a valid RSS/Atom feed: .*mismatched tag"):
        read_file(path, settings)


# --- WARC --------------------------------------------------------------------------------


@pytest.mark.parametrize("compress", [False, True])
def test_warc_html_responses_become_documents(
    tmp_path: Path, settings: Settings, compress: bool
) -> None:
    data = warc_bytes(
        [
            ("https://a.example/flood", "text/html; charset=utf-8",
             article_html("Flood closes road", "Water covered the main road on Monday.")),
            ("https://a.example/logo.png", "image/png", b"\x89PNG\r\n\x1a\n\x00\x00"),
            ("https://b.example/fire", "text/html",
             article_html("Fire at warehouse", "Crews fought a fire at the docks overnight.")),
        ],
        compress=compress,
    )  # fmt: skip
    path = write(tmp_path / ("crawl.warc.gz" if compress else "crawl.warc"), data)
    result = read_inputs([str(path)], settings)
    assert result.skipped == ()
    flood, fire = result.documents
    assert (flood.source, fire.source) == (f"{path}#1", f"{path}#2")
    assert (flood.url, fire.url) == ("https://a.example/flood", "https://b.example/fire")
    assert flood.format == fire.format == "warc"
    assert "Water covered the main road on Monday." in flood.text
    assert fire.title == "Fire at warehouse"


@pytest.mark.parametrize(
    "data",
    [
        b"WARC/1.0\r\nthis is not a header line\r\n\r\n",
        b"WARC/1.0\r\nWARC-Type: response\r\nContent-Type: application/http\r\n"
        b"Content-Length: 10\r\n\r\nnot http!!\r\n\r\n",
    ],
)
def test_a_damaged_warc_is_malformed(settings: Settings, data: bytes) -> None:
    with pytest.raises(MalformedInputError, match="not a valid WARC file"):
        read_bytes(data, "bad.warc", settings)


def test_records_before_damage_in_a_warc_are_kept(settings: Settings) -> None:
    good = warc_bytes([("https://a.example/flood", "text/html", article_html("Flood", "Rain."))])
    result = ingest_bytes(good + b"WARC/1.0\r\ngarbage\r\n\r\n", "part.warc", settings)
    assert [doc.source for doc in result.documents] == ["part.warc#1"]
    assert result.skipped[0].source == "part.warc#2"
    assert result.skipped[0].reason.startswith("malformed WARC record")


def test_a_warc_with_no_html_responses_says_so(settings: Settings) -> None:
    data = warc_bytes([("https://a.example/logo.png", "image/png", b"\x89PNG\r\n")])
    with pytest.raises(EmptyInputError, match="no HTML responses"):
        read_bytes(data, "assets.warc", settings)


# --- JSON Lines --------------------------------------------------------------------------


def test_json_lines_read_every_good_record_and_set_bad_lines_aside(
    tmp_path: Path, settings: Settings
) -> None:
    content = (
        '{"text": "Rain fell all day.", "title": "Rain", "outlet": "Daily", '
        '"published": "2024-03-05T10:00:00", "url": "https://d.example/rain", "author": "Ann"}\n'
        "\n"
        '{"text": "Snow fell", oops}\n'
        '{"title": "No text here"}\n'
        '["not", "an", "object"]\n'
        '{"text": "Hail fell.", "published": "2024-03-05T10:00:00+02:00"}\n'
    )
    path = write(tmp_path / "wire.jsonl", content)
    result = read_inputs([str(path)], settings)
    rain, hail = result.documents
    assert rain.source == f"{path}#1"
    assert (rain.title, rain.outlet, rain.url, rain.author) == (
        "Rain", "Daily", "https://d.example/rain", "Ann"
    )  # fmt: skip
    assert rain.published == datetime(2024, 3, 5, 10, 0, tzinfo=UTC)  # naive -> UTC
    assert hail.source == f"{path}#5"  # records are counted, blank lines are not
    assert hail.published == datetime(2024, 3, 5, 8, 0, tzinfo=UTC)
    reasons = {skip.source: skip.reason for skip in result.skipped}
    assert reasons[f"{path}#2"].startswith("line 3: invalid JSON: ")
    assert reasons[f"{path}#3"].startswith('line 4: no "text" field')
    assert reasons[f"{path}#4"] == "line 5: not a JSON object but list"


def test_read_file_returns_only_documents_and_ingest_bytes_keeps_the_skips(
    settings: Settings,
) -> None:
    data = b'{"text": "Rain fell."}\nnot json\n'
    assert [doc.text for doc in read_bytes(data, "w.jsonl", settings)] == ["Rain fell."]
    result = ingest_bytes(data, "w.jsonl", settings)
    assert isinstance(result, IngestResult)
    assert result.skipped[0].source == "w.jsonl#2"


# --- inputs that cannot be read ----------------------------------------------------------


def test_unreadable_inputs_are_set_aside_with_reasons_and_the_batch_goes_on(
    tmp_path: Path,
) -> None:
    settings = replace(Settings(), max_file_bytes=1000)
    binary = write(tmp_path / "photo.jpg", b"\xff\xd8\xff\xe0\x00\x10JFIF\x00")
    empty = write(tmp_path / "empty.txt", b"")
    blank = write(tmp_path / "blank.txt", "  \n\t\n")
    huge = write(tmp_path / "huge.txt", "word " * 300)
    good = write(tmp_path / "good.txt", "Storm hits coast\nWinds rose.")
    missing = tmp_path / "missing.txt"
    inputs = [str(p) for p in (binary, empty, missing, blank, huge, good)]
    result = read_inputs(inputs, settings)
    assert [doc.source for doc in result.documents] == [str(good)]
    assert result.skipped == (
        SkippedInput(
            str(binary),
            "binary data, not text (expected text, HTML, RSS/Atom, WARC or JSON Lines)",
        ),
        SkippedInput(str(empty), "empty file"),
        SkippedInput(str(missing), "no such file or directory"),
        SkippedInput(str(blank), "empty file"),
        SkippedInput(str(huge), "file is 1500 bytes, larger than max_file_bytes (1000)"),
    )


def test_read_file_raises_the_matching_input_error(tmp_path: Path, settings: Settings) -> None:
    cases: list[tuple[Path, type[InputError]]] = [
        (write(tmp_path / "x.bin", b"\x00\x01\x02"), BinaryInputError),
        (write(tmp_path / "x.txt", b""), EmptyInputError),
        (tmp_path / "nope.txt", InputError),
    ]
    for path, error in cases:
        with pytest.raises(error) as caught:
            read_file(path, settings)
        assert caught.value.source == str(path)


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_a_file_without_read_permission_is_set_aside(tmp_path: Path, settings: Settings) -> None:
    path = write(tmp_path / "secret.txt", "Storm hits coast")
    path.chmod(0)
    try:
        [skip] = read_inputs([str(path)], settings).skipped
    finally:
        path.chmod(0o600)
    assert skip.reason == "cannot read file: permission denied"


# --- directories -------------------------------------------------------------------------


def test_directories_are_walked_in_name_order_skipping_hidden_entries(
    tmp_path: Path, settings: Settings
) -> None:
    root = tmp_path / "corpus"
    write(root / "b.txt", "Second story\nText.")
    write(root / "a" / "z.txt", "Nested story\nText.")
    write(root / "c.md", "# Third story\nText.")
    write(root / ".DS_Store", b"\x00\x00\x00\x01Bud1")
    write(root / ".git" / "HEAD", "ref: refs/heads/main\n")
    write(root / "a" / ".hidden.txt", "Hidden story\nText.")
    result = read_inputs([str(root)], settings)
    assert [doc.source for doc in result.documents] == [
        str(root / "a" / "z.txt"),
        str(root / "b.txt"),
        str(root / "c.md"),
    ]
    assert result.skipped == ()


def test_a_directory_without_files_gives_an_empty_result(
    tmp_path: Path, settings: Settings
) -> None:
    (tmp_path / "empty" / "deeper").mkdir(parents=True)
    assert read_inputs([str(tmp_path / "empty")], settings) == IngestResult((), ())


def test_bad_files_inside_a_directory_do_not_stop_the_rest(
    tmp_path: Path, settings: Settings
) -> None:
    write(tmp_path / "d" / "1.txt", b"")
    write(tmp_path / "d" / "2.txt", "Good story\nText.")
    result = read_inputs([str(tmp_path / "d")], settings)
    assert [doc.title for doc in result.documents] == ["Good story"]
    assert result.skipped == (SkippedInput(str(tmp_path / "d" / "1.txt"), "empty file"),)


@pytest.mark.skipif(not SEEDS.is_dir(), reason="seed corpus not available")
def test_the_seed_corpus_gives_one_document_per_file(settings: Settings) -> None:
    result = read_inputs([str(SEEDS)], settings)
    assert len(result.documents) == 5
    assert result.skipped == ()
    assert all(doc.format == "text" and doc.title and doc.text for doc in result.documents)


# --- URLs --------------------------------------------------------------------------------

Handler = Callable[[httpx.Request], httpx.Response]


def serve(routes: dict[str, Handler]) -> httpx.MockTransport:
    def handle(request: httpx.Request) -> httpx.Response:
        handler = routes.get(request.url.path)
        return handler(request) if handler else httpx.Response(404, text="not found")

    return httpx.MockTransport(handle)


def test_a_fetched_page_keeps_the_url_as_given_as_source_and_the_final_url(
    settings: Settings,
) -> None:
    transport = serve(
        {
            "/old": lambda _: httpx.Response(301, headers={"Location": "/news/port"}),
            "/news/port": lambda _: httpx.Response(
                200, content=ARTICLE_PAGE.encode(), headers={"Content-Type": "text/html"}
            ),
        }
    )
    [doc] = fetch_url("https://gazette.example/old", settings, transport)
    assert doc.source == "https://gazette.example/old"
    assert doc.url == "https://gazette.example/news/port"
    assert doc.format == "html"
    assert "About 120 ships" in doc.text


def test_http_errors_become_fetch_errors_and_skips(settings: Settings) -> None:
    transport = serve({})
    with pytest.raises(InputError, match="HTTP 404"):
        fetch_url("https://x.example/gone", settings, transport)
    result = read_inputs(["https://x.example/gone"], settings, transport)
    assert result.skipped == (SkippedInput("https://x.example/gone", "HTTP 404"),)


@pytest.mark.parametrize("with_length", [True, False])
def test_responses_past_the_byte_limit_are_refused(with_length: bool) -> None:
    settings = replace(Settings(), fetch_max_bytes=100)
    body = b"x" * 150

    def respond(_: httpx.Request) -> httpx.Response:
        # Without a length header the limit must be enforced while streaming.
        return httpx.Response(200, content=body if with_length else iter([body[:60], body[60:]]))

    transport = serve({"/big": respond})
    [skip] = read_inputs(["https://x.example/big"], settings, transport).skipped
    assert skip.reason == "response larger than 100 bytes"


def test_redirect_loops_and_network_failures_are_reported(settings: Settings) -> None:
    def refuse(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)

    transport = serve({"/loop": lambda _: httpx.Response(302, headers={"Location": "/loop"}),
                       "/down": refuse})  # fmt: skip
    result = read_inputs(["https://x.example/loop", "https://x.example/down"], settings, transport)
    assert [skip.reason for skip in result.skipped] == [
        "too many redirects (more than 5)",
        "connection refused",
    ]


def test_fetched_json_lines_keep_their_record_skips(settings: Settings) -> None:
    body = b'{"text": "Rain fell."}\n{bad\n'
    transport = serve({"/wire": lambda _: httpx.Response(200, content=body)})
    result = read_inputs(["https://x.example/wire"], settings, transport)
    assert [doc.source for doc in result.documents] == ["https://x.example/wire#1"]
    assert result.skipped[0].source == "https://x.example/wire#2"
