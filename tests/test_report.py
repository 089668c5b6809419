"""Report renderers: report.json is the contract (schema, exact evidence offsets); report.md and
report.html show the same sections in a fixed order, and the HTML is safe and self-contained."""

from __future__ import annotations

import json
import os
import re
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import consilience.report
from consilience.errors import ReportError
from consilience.models import (
    Article,
    ArticleNote,
    Evidence,
    Finding,
    Report,
    SkippedInput,
    Story,
    StoryReport,
    Variant,
)
from consilience.report import (
    SCHEMA_ID,
    evidence_mismatches,
    load_schema,
    render_html,
    render_json,
    render_markdown,
    report_to_dict,
    validate_report,
    write_report,
)

REPO = Path(__file__).resolve().parents[1]
HOSTILE = "<script>alert(1)</script>"

TEXT_A = (
    "Twelve people died when the bridge fell on Tuesday, officials said. "
    "At least 12 people were killed and 5 injured.\n"
    'Mayor Jane Doe said: "We will rebuild." The port was closed by the Port Authority.'
)
TEXT_B = (
    "Officials now say 20 people were killed in the collapse. Nine people were injured, "
    'up from five. Mayor Jane Doe said: "We will rebuild this bridge." '
    "The port was closed on 2024-03-05, the Port Authority said."
)
TEXT_C = (
    "The port was closed after the collapse. Engineers had warned about cracks on 2024-03-01. "
    "The Port Authority confirmed the closure."
)


def evidence(article: Article, sentence: str) -> Evidence:
    """Evidence for a sentence of the article, at its real offsets."""
    start = article.text.index(sentence)
    return Evidence(article.id, sentence, start, start + len(sentence))


def variant(value: str, *pairs: tuple[Article, str], number: float | None = None) -> Variant:
    return Variant(
        value=value,
        articles=tuple(article.id for article, _ in pairs),
        evidence=tuple(evidence(article, sentence) for article, sentence in pairs),
        number=number,
    )


@pytest.fixture
def articles() -> tuple[Article, Article, Article]:
    a = Article(
        id="art-a",
        source="inputs/a.html",
        text=TEXT_A,
        title="Bridge collapse | kills 12\nin city",
        outlet="Daily Planet",
        published=datetime(2024, 3, 5, 9, 0, tzinfo=UTC),
        url="https://example.org/a",
        author="Lois Lane",
        removed=("Sign up for our newsletter", "Comments are closed"),
    )
    b = Article(
        id="art-b",
        source="inputs/b.txt",
        text=TEXT_B,
        title="Death toll rises to 20",
        outlet="Bugle",
        published=datetime(2024, 3, 6, 10, 30, tzinfo=UTC),
    )
    c = Article(id="art-c", source="inputs/c.txt", text=TEXT_C)
    return a, b, c


@pytest.fixture
def report(articles: tuple[Article, Article, Article]) -> Report:
    a, b, c = articles
    killed_a = "At least 12 people were killed and 5 injured."
    findings = (
        Finding(
            id="f-agreed",
            kind="claim",
            status="agreed",
            about="port closure",
            variants=(
                variant(
                    "closed",
                    (a, "The port was closed by the Port Authority."),
                    (b, "The port was closed on 2024-03-05, the Port Authority said."),
                    (c, "The port was closed after the collapse."),
                ),
            ),
        ),
        Finding(
            id="f-conflict",
            kind="quantity",
            status="conflict",
            severity="major",
            note="20 is 67% more than 12",
            about="people killed",
            variants=(
                variant("12", (a, killed_a), number=12.0),
                variant(
                    "20",
                    (b, "Officials now say 20 people were killed in the collapse."),
                    number=20.0,
                ),
            ),
        ),
        Finding(
            id="f-updated",
            kind="quantity",
            status="updated",
            note="later reports give a higher figure",
            about="people injured",
            variants=(
                variant("5", (a, killed_a), number=5.0),
                variant("Nine", (b, "Nine people were injured, up from five."), number=9.0),
            ),
        ),
        Finding(
            id="f-single",
            kind="claim",
            status="single_source",
            about="warnings about cracks",
            variants=(variant("warned", (c, "Engineers had warned about cracks on 2024-03-01.")),),
        ),
        Finding(
            id="f-quote",
            kind="quote",
            status="conflict",
            severity="minor",
            about="Jane Doe",
            variants=(
                variant("We will rebuild.", (a, 'Mayor Jane Doe said: "We will rebuild."')),
                variant(
                    "We will rebuild this bridge.",
                    (b, 'Mayor Jane Doe said: "We will rebuild this bridge."'),
                ),
            ),
        ),
        Finding(
            id="f-role",
            kind="person_role",
            status="agreed",
            about="Jane Doe",
            variants=(
                variant(
                    "mayor",
                    (a, 'Mayor Jane Doe said: "We will rebuild."'),
                    (b, 'Mayor Jane Doe said: "We will rebuild this bridge."'),
                ),
            ),
        ),
        Finding(
            id="f-date-late",
            kind="date",
            status="single_source",
            about="port closed",
            variants=(
                variant(
                    "2024-03-05",
                    (b, "The port was closed on 2024-03-05, the Port Authority said."),
                ),
            ),
        ),
        Finding(
            id="f-date-early",
            kind="date",
            status="single_source",
            about="cracks reported",
            variants=(
                variant("2024-03-01", (c, "Engineers had warned about cracks on 2024-03-01.")),
            ),
        ),
        Finding(
            id="f-entity",
            kind="entity",
            status="agreed",
            about="Port Authority",
            variants=(
                variant(
                    "Port Authority",
                    (a, "The port was closed by the Port Authority."),
                    (c, "The Port Authority confirmed the closure."),
                ),
            ),
        ),
    )
    story = Story(id="story-1", headline="Bridge collapse in the city", articles=(a, b, c))
    return Report(
        generated_at=datetime(2024, 3, 7, 12, 0, tzinfo=UTC),
        stories=(StoryReport(story=story, findings=findings),),
        skipped=(SkippedInput("inputs/empty.txt", "the file holds no text"),),
    )


def hostile_report() -> Report:
    text = f"Officials said {HOSTILE} was found. Nothing else happened here."
    article = Article(
        id="art-x",
        source=f"inputs/{HOSTILE}.html",
        text=text,
        title=f"Title {HOSTILE}",
        outlet=f"Outlet {HOSTILE}",
        url="javascript:alert(1)",
        author=HOSTILE,
        removed=(HOSTILE,),
    )
    sentence = f"Officials said {HOSTILE} was found."
    finding = Finding(
        id="f-x",
        kind="claim",
        status="single_source",
        about=HOSTILE,
        variants=(Variant(HOSTILE, ("art-x",), (Evidence("art-x", sentence, 0, len(sentence)),)),),
        note=HOSTILE,
    )
    story = Story(id="s-x", headline=HOSTILE, articles=(article,))
    return Report(
        generated_at=datetime(2024, 1, 1, tzinfo=UTC),
        stories=(StoryReport(story, (finding,)),),
        skipped=(SkippedInput(HOSTILE, HOSTILE),),
    )


def schema_error(data: dict[str, Any]) -> str:
    with pytest.raises(ReportError) as caught:
        validate_report(data)
    return str(caught.value)


# --- report.json: the contract ---------------------------------------------------------------


def test_report_json_validates_against_the_packaged_schema(report: Report) -> None:
    data = json.loads(render_json(report))
    validate_report(data)
    assert data["schema"] == SCHEMA_ID == "consilience/report@1"


def test_report_json_uses_exactly_the_contract_field_names(report: Report) -> None:
    data = report_to_dict(report)
    story = data["stories"][0]
    assert set(data) == {"schema", "generated_at", "stories", "skipped"}
    assert data["skipped"] == [{"source": "inputs/empty.txt", "reason": "the file holds no text"}]
    assert set(story) == {
        "id",
        "headline",
        "outlets",
        "first_published",
        "last_published",
        "articles",
        "findings",
    }
    assert set(story["articles"][0]) == {
        "id",
        "source",
        "outlet",
        "title",
        "published",
        "url",
        "author",
        "text",
        "removed",
        "notes",
    }
    finding = story["findings"][1]
    assert set(finding) == {
        "id",
        "kind",
        "status",
        "severity",
        "note",
        "about",
        "variants",
        "independent_sources",
    }
    assert set(finding["variants"][0]) == {
        "value",
        "number",
        "unit",
        "hedge",
        "articles",
        "evidence",
    }
    assert set(finding["variants"][0]["evidence"][0]) == {"article", "text", "start", "end"}


def test_story_lists_sorted_outlets_and_publication_range(report: Report) -> None:
    story = report_to_dict(report)["stories"][0]
    assert story["outlets"] == ["Bugle", "Daily Planet"]
    assert story["first_published"] == "2024-03-05T09:00:00+00:00"
    assert story["last_published"] == "2024-03-06T10:30:00+00:00"
    assert story["articles"][2]["published"] is None


def test_every_evidence_is_the_exact_slice_of_its_article_text(report: Report) -> None:
    data = json.loads(render_json(report))
    checked = 0
    for story in data["stories"]:
        texts = {article["id"]: article["text"] for article in story["articles"]}
        for finding in story["findings"]:
            for stated in finding["variants"]:
                for ev in stated["evidence"]:
                    assert texts[ev["article"]][ev["start"] : ev["end"]] == ev["text"]
                    checked += 1
    assert checked >= 15
    assert evidence_mismatches(data) == []


def test_evidence_mismatches_names_shifted_offsets(report: Report) -> None:
    data = report_to_dict(report)
    data["stories"][0]["findings"][1]["variants"][0]["evidence"][0]["start"] += 1
    assert evidence_mismatches(data) == ["$.stories[0].findings[1].variants[0].evidence[0]"]


def test_json_keeps_non_ascii_text_and_is_stable(report: Report) -> None:
    story = report.stories[0]
    renamed = replace(story.story, headline="Brücke eingestürzt — 12 Tote")
    changed = replace(report, stories=(replace(story, story=renamed),))
    text = render_json(changed)
    assert "Brücke eingestürzt — 12 Tote" in text
    assert text == render_json(changed)
    assert text.startswith('{\n  "schema": "consilience/report@1"')


def test_naive_generated_at_is_written_as_utc_and_naive_published_kept(report: Report) -> None:
    article = Article(id="n", source="n.txt", text="x", published=datetime(2024, 1, 2, 3, 4))
    story = StoryReport(Story("s", "h", (article,)), ())
    data = report_to_dict(Report(datetime(2024, 5, 6, 7, 8), (story,)))
    assert data["generated_at"] == "2024-05-06T07:08:00+00:00"
    assert data["stories"][0]["articles"][0]["published"] == "2024-01-02T03:04:00"
    validate_report(data)


def test_mixed_naive_and_zoned_publication_times_still_give_a_range() -> None:
    early = Article(id="1", source="1", text="x", published=datetime(2024, 1, 1, 12))
    late = Article(
        id="2",
        source="2",
        text="y",
        published=datetime(2024, 1, 1, 12, tzinfo=timezone(timedelta(hours=-5))),
    )
    story = report_to_dict(
        Report(datetime.now(UTC), (StoryReport(Story("s", "h", (late, early)), ()),))
    )
    assert story["stories"][0]["first_published"] == "2024-01-01T12:00:00"
    assert story["stories"][0]["last_published"] == "2024-01-01T12:00:00-05:00"


def test_a_number_that_is_not_finite_is_written_as_null(report: Report) -> None:
    a = report.stories[0].story.articles[0]
    odd = Finding(
        "f", "quantity", "single_source", "x", (Variant("lots", (a.id,), (), float("nan")),)
    )
    story = StoryReport(report.stories[0].story, (odd,))
    data = json.loads(render_json(Report(report.generated_at, (story,))))
    assert data["stories"][0]["findings"][0]["variants"][0]["number"] is None


def test_an_empty_report_is_valid() -> None:
    data = report_to_dict(Report(datetime(2024, 1, 1, tzinfo=UTC), ()))
    validate_report(data)
    assert data["stories"] == [] and data["skipped"] == []


# --- the schema ------------------------------------------------------------------------------


def test_schema_rejects_a_renamed_field_naming_its_path(report: Report) -> None:
    data = report_to_dict(report)
    story = data["stories"][0]
    story["title"] = story.pop("headline")
    message = schema_error(data)
    assert "$.stories[0]" in message and "'headline' is a required property" in message


def test_schema_rejects_an_unknown_status_listing_the_valid_ones(report: Report) -> None:
    data = report_to_dict(report)
    data["stories"][0]["findings"][0]["status"] = "disputed"
    message = schema_error(data)
    assert "$.stories[0].findings[0].status" in message
    assert "'agreed', 'conflict', 'updated', 'single_source'" in message


def test_schema_rejects_an_unknown_kind(report: Report) -> None:
    data = report_to_dict(report)
    data["stories"][0]["findings"][0]["kind"] = "number"
    assert "$.stories[0].findings[0].kind" in schema_error(data)


def test_schema_rejects_severity_on_a_finding_that_is_not_a_conflict(report: Report) -> None:
    data = report_to_dict(report)
    assert data["stories"][0]["findings"][0]["status"] == "agreed"
    data["stories"][0]["findings"][0]["severity"] = "major"
    assert "$.stories[0].findings[0].severity" in schema_error(data)


def test_schema_accepts_severity_on_conflicts_only_from_its_enum(report: Report) -> None:
    data = report_to_dict(report)
    conflict = data["stories"][0]["findings"][1]
    assert conflict["status"] == "conflict"
    for severity in ("major", "minor", None):
        conflict["severity"] = severity
        validate_report(data)
    conflict["severity"] = "huge"
    assert "severity" in schema_error(data)


def test_schema_rejects_a_wrong_schema_id_and_a_date_without_offset(report: Report) -> None:
    data = report_to_dict(report)
    data["schema"] = "consilience/report@2"
    assert "$.schema" in schema_error(data)
    data = report_to_dict(report)
    data["generated_at"] = "2024-03-07 12:00"
    assert "$.generated_at" in schema_error(data)


def test_schema_allows_additional_fields(report: Report) -> None:
    data = report_to_dict(report)
    data["stories"][0]["findings"][0]["confidence"] = 0.9
    data["extra"] = {"anything": True}
    validate_report(data)


def test_schema_error_lists_only_the_first_errors(report: Report) -> None:
    data = report_to_dict(report)
    for finding in data["stories"][0]["findings"]:
        finding["status"] = "disputed"
    message = schema_error(data)
    # 9 unknown statuses, and the two conflicts' severities are now on non-conflicts: 11 errors.
    assert message.count("$.stories[0].findings[") == 5 and message.endswith("(and 6 more)")


def test_docs_copy_of_the_schema_is_byte_identical_to_the_packaged_one() -> None:
    packaged = REPO / "src" / "consilience" / "schema" / "report.schema.json"
    assert (REPO / "docs" / "report.schema.json").read_bytes() == packaged.read_bytes()
    assert load_schema() == json.loads(packaged.read_text(encoding="utf-8"))


def test_load_schema_returns_a_copy_callers_may_change() -> None:
    load_schema()["required"].clear()
    assert "stories" in load_schema()["required"]


# --- Markdown --------------------------------------------------------------------------------


def heading_positions(markdown: str, titles: list[str]) -> list[int]:
    return [markdown.index(f"### {title}\n") for title in titles]


def test_markdown_sections_come_in_the_required_order(report: Report) -> None:
    markdown = render_markdown(report)
    titles = [
        "Conflicts",
        "Updated figures",
        "Agreed facts",
        "Single-source claims",
        "Quotes",
        "People and roles",
        "Timeline",
        "Per-article notes",
    ]
    positions = heading_positions(markdown, titles)
    assert positions == sorted(positions)
    assert markdown.index("## 1. Bridge collapse in the city") < positions[0]


def test_markdown_starts_with_title_time_and_skipped_inputs(report: Report) -> None:
    markdown = render_markdown(report)
    assert markdown.startswith("# Consilience report\n")
    assert "Generated 2024-03-07 12:00 UTC" in markdown
    assert "- inputs/empty.txt: the file holds no text" in markdown


def test_markdown_conflict_shows_severity_note_outlets_and_quoted_evidence(report: Report) -> None:
    markdown = render_markdown(report)
    conflicts = markdown[markdown.index("### Conflicts") : markdown.index("### Updated figures")]
    assert "#### people killed (major)" in conflicts
    assert "20 is 67% more than 12" in conflicts
    assert "- **12** — Daily Planet" in conflicts
    assert "- **20** — Bugle" in conflicts
    assert "  > At least **12** people were killed and 5 injured." in conflicts
    assert "  > Officials now say **20** people were killed in the collapse." in conflicts


def test_evidence_highlights_the_value_as_a_whole_word(report: Report) -> None:
    a = report.stories[0].story.articles[0]
    sentence = "Of 15 victims, 5 were children."
    article = replace(a, text=sentence)
    stated = Variant("5", (a.id,), (Evidence(a.id, sentence, 0, len(sentence)),))
    finding = Finding("f", "quantity", "single_source", "children", (stated,))
    story = StoryReport(Story("s", "h", (article,)), (finding,))
    markdown = render_markdown(Report(report.generated_at, (story,)))
    assert "> Of 15 victims, **5** were children." in markdown


def test_markdown_agreed_facts_count_supporting_articles(report: Report) -> None:
    markdown = render_markdown(report)
    agreed = markdown[markdown.index("### Agreed facts") : markdown.index("### Single-source")]
    assert "**port closure**: closed — 3 articles (Daily Planet, Bugle, c.txt)" in agreed
    assert "**Port Authority**: Port Authority — 2 articles" in agreed
    # People, quotes and dates have their own sections and are not repeated here.
    assert "mayor" not in agreed and "2024-03" not in agreed


def test_markdown_timeline_is_sorted_by_date(report: Report) -> None:
    markdown = render_markdown(report)
    timeline = markdown[markdown.index("### Timeline") :]
    assert timeline.index("| 2024-03-01 |") < timeline.index("| 2024-03-05 |")


def test_markdown_table_cells_escape_pipes_and_newlines(report: Report) -> None:
    markdown = render_markdown(report)
    assert "| Daily Planet | Bridge collapse \\| kills 12<br>in city | inputs/a.html |" in markdown


def test_markdown_lists_removed_boilerplate_in_details(report: Report) -> None:
    markdown = render_markdown(report)
    notes = markdown[markdown.index("### Per-article notes") :]
    assert "- Daily Planet\n\n  - 2 lines removed as boilerplate" in notes
    assert "<details><summary>Removed lines</summary>" in notes
    assert "  - Sign up for our newsletter" in notes


def test_markdown_says_so_when_a_story_has_no_conflicts(report: Report) -> None:
    story = report.stories[0]
    calm = tuple(f for f in story.findings if f.status != "conflict")
    markdown = render_markdown(replace(report, stories=(replace(story, findings=calm),)))
    assert "### Conflicts\n\nNo conflicting statements found." in markdown


def test_markdown_cannot_carry_html_tags_from_articles() -> None:
    assert "<script" not in render_markdown(hostile_report())


def test_articles_of_one_outlet_are_told_apart(report: Report) -> None:
    a, b, c = report.stories[0].story.articles
    same = replace(b, outlet="Daily Planet")
    story = replace(report.stories[0].story, articles=(a, same, c))
    markdown = render_markdown(replace(report, stories=(replace(report.stories[0], story=story),)))
    assert "| Daily Planet #1 |" in markdown and "| Daily Planet #2 |" in markdown


# --- HTML ------------------------------------------------------------------------------------


class TagCollector(HTMLParser):
    """Every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))


def parse_tags(html: str) -> list[tuple[str, dict[str, str | None]]]:
    collector = TagCollector()
    collector.feed(html)
    collector.close()
    return collector.tags


def test_html_escapes_article_content_everywhere() -> None:
    html = render_html(hostile_report())
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert all(tag != "script" for tag, _ in parse_tags(html))


def test_html_loads_nothing_from_outside_the_file(report: Report) -> None:
    for html in (render_html(report), render_html(hostile_report())):
        for tag, attrs in parse_tags(html):
            assert "src" not in attrs, tag
            assert tag != "link", attrs
            if tag != "a":
                assert not (attrs.get("href") or "").startswith(("http", "//")), tag
        assert not re.search(r"url\(|@import", html)


def test_html_links_only_web_urls_of_articles(report: Report) -> None:
    links = [attrs.get("href") for tag, attrs in parse_tags(render_html(report)) if tag == "a"]
    assert links == ["https://example.org/a"]
    hostile = [tag for tag, attrs in parse_tags(render_html(hostile_report())) if tag == "a"]
    assert hostile == []


def test_html_puts_conflict_variants_side_by_side(report: Report) -> None:
    tags = parse_tags(render_html(report))
    grids = [i for i, (tag, attrs) in enumerate(tags) if attrs.get("class") == "variants"]
    assert len(grids) == 2  # the figure and the quote conflicts
    variant_columns = [attrs for _, attrs in tags if attrs.get("class") == "variant"]
    assert len(variant_columns) == 4
    assert "grid-template-columns" in render_html(report)


def test_html_sections_come_in_the_required_order(report: Report) -> None:
    html = render_html(report)
    keys = [
        "conflicts",
        "updated",
        "agreed",
        "single_source",
        "quotes",
        "people",
        "timeline",
        "notes",
    ]
    positions = [html.index(f'<section class="{key}">') for key in keys]
    assert positions == sorted(positions)
    assert html.index("<mark>12</mark>") > positions[0]


def test_html_shows_generated_time_skipped_inputs_and_removed_lines(report: Report) -> None:
    html = render_html(report)
    assert "Generated 2024-03-07 12:00 UTC" in html
    assert "<code>inputs/empty.txt</code>: the file holds no text" in html
    assert "<li>Comments are closed</li>" in html


# --- writing ---------------------------------------------------------------------------------


def test_write_report_writes_the_three_files(report: Report, tmp_path: Path) -> None:
    out = tmp_path / "new" / "dir"
    written = write_report(report, out)
    assert written == [out / "report.json", out / "report.md", out / "report.html"]
    assert (out / "report.json").read_text(encoding="utf-8") == render_json(report)
    assert (out / "report.md").read_text(encoding="utf-8") == render_markdown(report)
    assert (out / "report.html").read_text(encoding="utf-8") == render_html(report)


def test_write_report_refuses_a_report_that_breaks_the_schema(
    report: Report, tmp_path: Path
) -> None:
    story = report.stories[0]
    bad = replace(story.findings[0], severity="major")  # severity on an agreed finding
    broken = replace(report, stories=(replace(story, findings=(bad,)),))
    with pytest.raises(ReportError, match=r"\$\.stories\[0\]\.findings\[0\]\.severity"):
        write_report(broken, tmp_path / "out")
    assert not (tmp_path / "out").exists()


def test_write_report_into_an_unwritable_place_names_the_path(
    report: Report, tmp_path: Path
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    with pytest.raises(ReportError, match="a-file"):
        write_report(report, blocker / "out")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="needs file permissions")
def test_write_report_into_a_read_only_directory_names_the_file(
    report: Report, tmp_path: Path
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        with pytest.raises(ReportError, match=r"report\.json"):
            write_report(report, locked)
    finally:
        locked.chmod(0o700)


def test_package_exports_match_all() -> None:
    exported = {name for name in dir(consilience.report) if not name.startswith("_")}
    assert set(consilience.report.__all__) <= exported
    assert {
        "SCHEMA_ID",
        "load_schema",
        "render_html",
        "render_json",
        "render_markdown",
        "report_to_dict",
        "validate_report",
        "write_report",
    } <= set(consilience.report.__all__)


# --- any report with consistent offsets is a valid report -------------------------------------

KINDS = ["quantity", "date", "person_role", "entity", "quote", "claim"]
STATUSES = ["agreed", "conflict", "updated", "single_source"]
times = st.none() | st.datetimes(
    min_value=datetime(1990, 1, 1),
    max_value=datetime(2100, 1, 1),
    timezones=st.none() | st.just(UTC),
)


@st.composite
def reports(draw: st.DrawFn) -> Report:
    texts = draw(st.lists(st.text(min_size=1, max_size=60), min_size=1, max_size=3))
    articles = tuple(
        Article(
            id=f"a{i}",
            source=draw(st.text(min_size=1, max_size=20)),
            text=text,
            title=draw(st.none() | st.text(max_size=20)),
            outlet=draw(st.none() | st.text(max_size=12)),
            published=draw(times),
            removed=tuple(draw(st.lists(st.text(max_size=15), max_size=2))),
        )
        for i, text in enumerate(texts)
    )

    def evidence_in(article: Article) -> Evidence:
        start = draw(st.integers(0, len(article.text)))
        end = draw(st.integers(start, len(article.text)))
        return Evidence(article.id, article.text[start:end], start, end)

    findings = []
    for n in range(draw(st.integers(0, 5))):
        status = draw(st.sampled_from(STATUSES))
        stated = []
        for _ in range(draw(st.integers(1, 3))):
            chosen = draw(st.lists(st.sampled_from(articles), min_size=1, max_size=3, unique=True))
            stated.append(
                Variant(
                    value=draw(st.text(max_size=15)),
                    articles=tuple(article.id for article in chosen),
                    evidence=tuple(evidence_in(article) for article in chosen),
                    number=draw(st.none() | st.floats(allow_nan=True, allow_infinity=True)),
                    unit=draw(st.none() | st.text(max_size=5)),
                    hedge=draw(st.none() | st.sampled_from(["about", "at least", "up to"])),
                )
            )
        findings.append(
            Finding(
                id=f"f{n}",
                kind=draw(st.sampled_from(KINDS)),
                status=status,
                about=draw(st.text(max_size=20)),
                variants=tuple(stated),
                severity=draw(st.sampled_from(["major", "minor", None]))
                if status == "conflict"
                else None,
                note=draw(st.none() | st.text(max_size=20)),
            )
        )
    story = Story(id="s", headline=draw(st.text(max_size=30)), articles=articles)
    skipped = draw(st.lists(st.builds(SkippedInput, st.text(max_size=10), st.text(max_size=10))))
    return Report(
        generated_at=draw(st.datetimes(timezones=st.none() | st.just(UTC))),
        stories=(StoryReport(story, tuple(findings)),),
        skipped=tuple(skipped),
    )


@settings(max_examples=60, deadline=None)
@given(reports())
def test_any_report_with_consistent_offsets_validates_and_renders(report: Report) -> None:
    data = json.loads(render_json(report))
    validate_report(data)
    assert evidence_mismatches(data) == []
    assert render_markdown(report).startswith("# Consilience report\n")
    assert "<script" not in render_html(report).lower()


def test_article_notes_reach_every_format(report: Report) -> None:
    story = report.stories[0]
    first, second = story.story.articles[0], story.story.articles[1]
    notes = (
        ArticleNote(first.id, "same_text", "same text as", (second.id,)),
        ArticleNote(second.id, "machine_text", "bibliography admits its sources <were> missing"),
    )
    noted = replace(report, stories=(replace(story, notes=notes), *report.stories[1:]))
    data = report_to_dict(noted)
    validate_report(data)
    articles = data["stories"][0]["articles"]
    assert articles[0]["notes"] == [
        {"kind": "same_text", "text": "same text as", "related": [second.id]}
    ]
    assert articles[1]["notes"][0]["kind"] == "machine_text"
    markdown = render_markdown(noted)
    assert "same text as" in markdown and "bibliography admits" in markdown
    html = render_html(noted)
    assert "&lt;were&gt;" in html and "<were>" not in html


def test_articles_without_an_outlet_are_named_by_file_unless_names_clash(report: Report) -> None:
    story = report.stories[0]
    a, b = (replace(x, outlet=None) for x in story.story.articles[:2])
    for sources, expected in (
        (("dir/one.txt", "feed.xml#2"), ["one.txt", "feed.xml#2"]),
        (("x/same.txt", "y/same.txt"), ["x/same.txt", "y/same.txt"]),
    ):
        articles = (replace(a, source=sources[0]), replace(b, source=sources[1]))
        noted = replace(
            report, stories=(replace(story, story=replace(story.story, articles=articles)),)
        )
        markdown = render_markdown(noted)
        for name in expected:
            assert f"| {name} |" in markdown
