"""Boilerplate and noise removal: ``RawDocument`` -> ``Article`` whose text is final.

Each boilerplate family is one small rule. Line rules judge a line alone; context rules
judge a line by its neighbours (reference blocks, repeated lines, banners, captions).
Cleaning runs the rules to a fixed point, so cleaning cleaned text removes nothing more.
False removals of real content are worse than missed furniture, so every rule is narrow.

>>> clean_text("Xi visits Hanoi.\\nREAD MORE: Other story").removed
('READ MORE: Other story',)
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from consilience.errors import EmptyInputError
from consilience.models import Article, RawDocument
from consilience.settings import Settings

__all__ = ["CleanedText", "article_id", "clean_article", "clean_text", "machine_text_signs"]

# Furniture is short; these caps keep a rule from eating a paragraph that merely starts
# like furniture. Chosen from the longest furniture lines seen in news pages (credits stay
# under ~25 words, teasers under ~300 characters) with headroom, not tuned on one article.
MAX_CREDIT_WORDS = 25
MAX_CREDIT_CHARS = 200
MAX_TEASER_CHARS = 300
MAX_NOTICE_WORDS = 60  # comment notices and disclaimers run to two or three sentences
MAX_SOCIAL_WORDS = 40
MAX_BYLINE_WORDS = 12
MAX_TIMESTAMP_WORDS = 15
MAX_ADMISSION_WORDS = 8  # "No data available" alone; longer lines must carry a URL
# Headlines run to ~20 words; a longer line or one ending a sentence starts the body.
MAX_HEADLINE_WORDS = 25
MAX_BANNER_WORDS = 5  # outlet names: "Asia In News", "The New York Times"
CAPTION_WORDS = (2, 4)  # a person's name: "Jane Doe" .. "Pham Minh Chinh"
MAX_REFERENCE_ENTRY_WORDS = 20  # an un-linked reference entry ("Reuters, 14 April 2025")
MIN_CITATION_RUN = 2  # one URL line can be prose; two in a row are a reference list
URL_SHARE_OF_CITATION = 0.5  # a line that is mostly URL is a citation

SENTENCE_END = re.compile(r"[.!?…][\"'”’)\]]*$")
URL = re.compile(r"(?i)\b(?:https?://|www\.)\S+")
CITATION_MARKER = re.compile(r"^(?:\[\d+\]|\(\d+\)|\d+[.)]|[-*•])\s*")
ACCESSED = re.compile(r"(?i)\b(?:retrieved|accessed|archived)\b")
SPEECH_VERBS = (
    "said|says|told|added|stated|noted|explained|argued|warned|replied|cautioned|opined|"
    "insisted|claimed|wrote|tweeted|predicted|urged|stressed|emphasi[sz]ed|asked|announced|"
    "remarked|observed|commented|confirmed|declared"
)
SPEECH = re.compile(rf"\b(?:{SPEECH_VERBS})\b")
QUOTE_MARKS = frozenset('"“”')
SEP = r"(?:\s*[:|»>]|\s+[-–]\s|\s*—|\s*$)"


@dataclass(frozen=True, slots=True)
class CleanedText:
    """Text with boilerplate removed, and the removed lines in document order."""

    text: str
    removed: tuple[str, ...]


def _vocabulary(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _words(line: str) -> int:
    return len(line.split())


def _is_reported_speech(line: str) -> bool:
    """Quoted speech is article content, whatever vocabulary it shares with furniture."""
    return any(mark in line for mark in QUOTE_MARKS) and SPEECH.search(line) is not None


# --- line rules: each judges one stripped, non-empty line ---------------------------------

TEASER_LABELS = (
    r"also read|read also|also see|see also|read more|read next|must read|also watch|"
    r"related(?: stories| articles| news| coverage| content| reading| links)?|"
    r"recommended(?: stories| articles| reading| for you| videos?)?|"
    r"watch(?: now| video| also)?|don'?t miss|you (?:may|might) also like|editor'?s picks?"
)
# "More from <Outlet>" needs a separator: alone on a line it may be a subhead.
TEASER = re.compile(
    rf"^[\W_]{{0,3}}(?:(?i:{TEASER_LABELS})[\])]?{SEP}|(?i:more from)(?: \S+){{0,4}}?\s*[:|»>])"
)


def _is_teaser(line: str) -> bool:
    """A "READ MORE: <headline>" link to another story, or the bare label on its own."""
    return len(line) <= MAX_TEASER_CHARS and TEASER.match(line) is not None


def _is_bare_teaser_label(line: str) -> bool:
    match = TEASER.match(line)
    return match is not None and not re.search(r"\w", line[match.end() :])


COMMENT_OPENERS = re.compile(
    r"(?i)^\W*(?:comments? (?:are|is|have been) (?:now )?closed|"
    r"join the (?:conversation|discussion|debate)|(?:post|leave|add|write|submit) "
    r"(?:a|your) comments?)"
)
COMMENT_WORDS = re.compile(r"(?i)\b(?:comment(?:s|ers?)?|readers?)")
COMMENT_TOPIC = re.compile(
    r"(?i)(?:views|opinions|moderat|reflect|responsib|policy|closed|posted|refrain|"
    r"derogatory|obscene|abusive|offensive)"
)
# The site speaking to its readers; without it "readers' views" is ordinary reporting.
SITE_VOICE = re.compile(
    r"(?i)\b(?:here|below|this (?:site|website|page|article|platform|forum|section)|our|we|"
    r"you|your|kindly|please|disclaimer|necessarily|(?:do|does|are|is) not)\b"
)


def _is_comment_notice(line: str) -> bool:
    """A notice about the reader comments: moderated, closed, not the site's views."""
    if _words(line) > MAX_NOTICE_WORDS or _is_reported_speech(line):
        return False
    if COMMENT_OPENERS.match(line):
        return True
    return all(p.search(line) for p in (COMMENT_WORDS, COMMENT_TOPIC, SITE_VOICE))


MEDIA = r"(?:file |stock |representational |representative )?(?:photo(?:graph)?|image|picture|pic|video|graphic|illustration)s?"  # noqa: E501
CREDIT_LABEL = re.compile(rf"^\(?(?i:{MEDIA})(?:{SEP}|\s*[/)]|\s+by\s)")
CREDIT_PHRASE = re.compile(
    r"^\(?(?i:(?:photo|image|picture|pic|video)\s+(?:credits?|source|courtesy)\b"
    r"|(?:credits?|courtesy|source)\s*[:|])"
)


def _is_credit(line: str) -> bool:
    """An image credit: "Photo: Reuters", "(Photo by X/AFP)", "Image source, Getty Images"."""
    if len(line) > MAX_CREDIT_CHARS or _words(line) > MAX_CREDIT_WORDS:
        return False
    if _is_reported_speech(line):
        return False
    return CREDIT_LABEL.match(line) is not None or CREDIT_PHRASE.match(line) is not None


DISCLAIMER = re.compile(r"(?i)^\W*disclaimer\s*[:|\-–—]")


def _is_disclaimer(line: str) -> bool:
    """A "Disclaimer: ..." line about the image, the comments or the views expressed."""
    return _words(line) <= MAX_NOTICE_WORDS and DISCLAIMER.match(line) is not None


NETWORKS = "twitter|x|facebook|instagram|telegram|whatsapp|linkedin|youtube|threads|tiktok|bluesky"
SOCIAL_PROMPT = re.compile(
    r"(?i)^\W*(?:sign ?up (?:for|to|now|today|here)\b|subscribe(?: (?:to|for|now|today|here)\b"
    rf"|\W*$)|follow\b.{{0,60}}\bon (?:{NETWORKS}|google news)\b|click here\b"
    r"|download (?:the|our)\b.{0,40}\bapps?\b"
    r"|share (?:this|the) (?:article|story|post|page)\b|get (?:the|our) latest\b.{0,80}"
    r"\b(?:delivered|inbox|straight|direct)|join (?:us|our)\b.{0,60}\b(?:whatsapp|telegram|"
    r"channel|community|newsletter))"
)
SHARE_BAR_WORDS = _vocabulary(
    "share facebook twitter x whatsapp email e-mail linkedin reddit print telegram "
    "pinterest copy link messenger"
)


def _is_social_prompt(line: str) -> bool:
    """Newsletter, subscription, follow-us and share prompts, and bare share-button rows."""
    if _words(line) > MAX_SOCIAL_WORDS or _is_reported_speech(line):
        return False
    tokens = re.findall(r"[\w-]+", line.casefold())
    if len(tokens) >= 2 and all(token in SHARE_BAR_WORDS for token in tokens):
        return True
    return SOCIAL_PROMPT.match(line) is not None


MEDIA_EXTENSIONS = (
    r"jpe?g|png|gif|webp|bmp|tiff?|svg|heic|avif|mp4|mov|m4v|avi|webm|mkv|mp3|wav|m4a|ogg"
)
MEDIA_FILE = re.compile(rf"(?i)^(?:[\w.()-]+\.(?:{MEDIA_EXTENSIONS})\s*)+$")
PLACEHOLDER_FILE = re.compile(
    rf"(?i)^(?:image|img|photo|picture|pic|figure|fig|file|untitled|video)[_ -]?\d*\.(?:{MEDIA_EXTENSIONS})$"  # noqa: E501
)


def _is_media_file_name(line: str) -> bool:
    """A line that is only media file names: "image1.jpg", "IMG_2341.JPEG"."""
    return MEDIA_FILE.match(line) is not None


NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|bin|al|el|le|la|di|du)){0,4}"
BYLINE = re.compile(
    rf"^(?i:by|written by|reported by|story by|words by)\s+(?P<name>{NAME})"
    rf"(?:\s*(?:,|and|&)\s*{NAME})*(?:\s*[,|\-–—]\s*[^.!?]*)?$"
)
NOT_NAMES = _vocabulary(
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december contrast "
    "comparison"
)


def _is_byline(line: str) -> bool:
    """A "By Jane Doe" byline, optionally with an agency or role after a separator."""
    match = BYLINE.match(line)
    if match is None or _words(line) > MAX_BYLINE_WORDS:
        return False
    return match["name"].split()[0].casefold() not in NOT_NAMES


TIMESTAMP = re.compile(
    r"(?i)^\W*(?:first |last )?(?:published|updated|posted|modified|edited)(?: on| at)?"
    r"(?P<sep>\s*[:|\-–—])?\s*(?P<rest>.*)$"
)
DATE_WORDS = _vocabulary(
    "jan feb mar apr may jun jul aug sep sept oct nov dec am pm a.m. p.m. ago at on "
    "hours hour hrs mins minutes minute days day weeks ist gmt utc et edt est bst "
    "cet pst updated published by today yesterday"
)


def _is_timestamp(line: str) -> bool:
    """A "Published: 14 April 2025" or "Updated 3 hours ago" timestamp line."""
    match = TIMESTAMP.match(line)
    if match is None or _words(line) > MAX_TIMESTAMP_WORDS or not match["rest"]:
        return False
    if match["sep"]:
        return True
    words = re.findall(r"[a-z][a-z.]*", match["rest"].casefold())
    months_and_days = NOT_NAMES - {"contrast", "comparison"}
    return bool(re.search(r"\d", match["rest"])) and all(
        w in DATE_WORDS or w in months_and_days for w in words
    )


AD_MARKERS = _vocabulary(
    "advertisement advertisementscrolltocontinue "
    "advertisementscrolltocontinuewithcontent advertisementcontinuereadingbelow "
    "sponsored sponsoredcontent ad storycontinuesbelowadvertisement "
    "storycontinuesbelow continuereadingbelow"
)


def _is_ad_marker(line: str) -> bool:
    """An "Advertisement" or "Story continues below" marker left by the page layout."""
    return re.sub(r"[^a-z]", "", line.casefold()) in AD_MARKERS


ADMISSION = re.compile(
    r"(?i)\b(?:unable|could ?n[o']?t|cannot|can'?t|not able)\b(?:\s+\w+){0,3}?\s+access|"
    r"\bcould not be accessed\b|\bno data available\b|\b(?:inaccessible|not accessible)\b|"
    r"\bpage not found\b|\blink (?:is )?(?:broken|dead)\b"
)


def _is_inaccessible_source(line: str) -> bool:
    """A reference admitting it could not be read ("unable to access", "no data available")."""
    if ADMISSION.search(line) is None or _is_reported_speech(line):
        return False
    if URL.search(line) or CITATION_MARKER.match(line):
        return True
    return _words(line) <= MAX_ADMISSION_WORDS and SENTENCE_END.search(line) is None


def _is_citation(line: str) -> bool:
    """A reference-list entry: a numbered or bulleted line, or one that leads with a URL."""
    marker = CITATION_MARKER.match(line)
    body = line[marker.end() :] if marker else line
    urls = URL.findall(line)
    if urls:
        url_share = sum(len(u) for u in urls) / len(line)
        return (
            marker is not None or URL.match(body) is not None or url_share >= URL_SHARE_OF_CITATION
        )
    return marker is not None and ACCESSED.search(line) is not None


LINE_RULES: tuple[Callable[[str], bool], ...] = (
    _is_teaser,
    _is_comment_notice,
    _is_credit,
    _is_disclaimer,
    _is_social_prompt,
    _is_media_file_name,
    _is_byline,
    _is_timestamp,
    _is_ad_marker,
    _is_inaccessible_source,
)


# --- context rules: each sees the current lines and those already flagged ----------------


@dataclass(frozen=True, slots=True)
class _Page:
    """The lines one cleaning round looks at, with what earlier rules already flagged."""

    lines: Sequence[str]
    flagged: frozenset[int]
    title: str | None
    outlet: str | None

    def kept(self) -> list[int]:
        """Indices of non-blank lines no rule has flagged yet, in order."""
        return [i for i, line in enumerate(self.lines) if line and i not in self.flagged]


def _key(line: str) -> str:
    return " ".join(line.split()).casefold()


def _is_headline_like(line: str) -> bool:
    return _words(line) <= MAX_HEADLINE_WORDS and SENTENCE_END.search(line) is None


def _teaser_headlines(page: _Page) -> set[int]:
    """The headline line that follows a bare "Also read" label line."""
    found: set[int] = set()
    labels = [i for i, line in enumerate(page.lines) if line and _is_bare_teaser_label(line)]
    for label in labels:
        following = [i for i in range(label + 1, len(page.lines)) if page.lines[i]]
        if following and _is_headline_like(page.lines[following[0]]):
            found.add(following[0])
    return found


REFERENCE_HEADING = re.compile(
    r"(?i)^(?:references|sources|bibliography|works cited|citations|further reading|"
    r"sources and references|notes and references)\s*:?$"
)


def _reference_block(page: _Page) -> set[int]:
    """A trailing "References"/"Bibliography" heading and the entries under it."""
    kept = page.kept()
    for position, heading in enumerate(kept):
        if not REFERENCE_HEADING.match(page.lines[heading]):
            continue
        entries = [page.lines[i] for i in kept[position + 1 :]]
        linked = any(_is_citation(e) or _is_inaccessible_source(e) for e in entries)
        entry_like = all(
            _is_citation(e)
            or _is_inaccessible_source(e)
            or (_words(e) <= MAX_REFERENCE_ENTRY_WORDS and not _is_reported_speech(e))
            for e in entries
        )
        unpunctuated = not any(SENTENCE_END.search(e) for e in entries)
        if entry_like and (linked or unpunctuated):
            return set(range(heading, len(page.lines)))
    return set()


def _citation_runs(page: _Page) -> set[int]:
    """Runs of consecutive URL or numbered-citation lines: a reference list without heading."""
    found: set[int] = set()
    run: list[int] = []
    for i in [*page.kept(), -1]:
        if i >= 0 and _is_citation(page.lines[i]):
            run.append(i)
            continue
        if len(run) >= MIN_CITATION_RUN:
            found.update(run)
        run = []
    return found


def _repeated_lines(page: _Page) -> set[int]:
    """Later copies of the title or of an earlier line; the first occurrence stays."""
    # The title's first appearance in the text is an earlier line like any other.
    found: set[int] = set()
    seen: set[str] = set()
    for i in page.kept():
        key = _key(page.lines[i])
        if key in seen:
            found.add(i)
        seen.add(key)
    return found


BANNER_WORDS = _vocabulary(
    "news times post herald tribune gazette journal daily express live today "
    "chronicle telegraph observer guardian standard online wire dispatch bulletin"
)


def _is_banner_like(line: str, outlet: str | None) -> bool:
    words = line.split()
    if not words or len(words) > MAX_BANNER_WORDS or SENTENCE_END.search(line):
        return False
    if outlet and _key(line) == _key(outlet):
        return True
    capitalised = all(
        w[0].isupper() or w[0].isdigit() or w in {"in", "of", "the", "&"} for w in words
    )
    return capitalised and words[-1].casefold() in BANNER_WORDS


def _site_banners(page: _Page) -> set[int]:
    """Site-name banners: the outlet's name, or "<X> News" above the headline or repeated."""
    kept = page.kept()
    found = {i for i in kept if page.outlet and _key(page.lines[i]) == _key(page.outlet)}
    body = next((n for n, i in enumerate(kept) if not _is_headline_like(page.lines[i])), len(kept))
    before_body = kept[:body]
    title_key = _key(page.title) if page.title else None
    banners = [
        i
        for i in before_body
        if _is_banner_like(page.lines[i], page.outlet) and _key(page.lines[i]) != title_key
    ]
    if banners and (len(banners) < len(before_body) or title_key is not None):
        found.update(banners)
    counts: dict[str, list[int]] = {}
    for i in kept:
        if _is_banner_like(page.lines[i], page.outlet):
            counts.setdefault(_key(page.lines[i]), []).append(i)
    found.update(i for same in counts.values() if len(same) >= 2 for i in same)
    return found


TITLE_WORDS = (
    "president|minister|premier|secretary|director|chairman|chairwoman|chair|ceo|founder|"
    "spokesman|spokeswoman|spokesperson|analyst|economist|professor|prof|dr|mr|mrs|ms|"
    "senator|governor|mayor|ambassador|general|leader|head|chief|official|researcher|fellow|"
    "editor|manager|partner|king|queen|prince|pope|judge"
)
NOT_PERSON_WORDS = _vocabulary(
    "group company corp inc ltd bank ministry council party association university "
    "agency sea river ocean street road news times"
)


def _is_person_caption_name(line: str) -> bool:
    words = line.split()
    low, high = CAPTION_WORDS
    return (
        low <= len(words) <= high
        and all(re.fullmatch(r"[A-Z][a-z]+(?:[-'’][A-Za-z]+)*", w) for w in words)
        and not any(w.casefold() in NOT_PERSON_WORDS for w in words)
    )


def _named_as_person(name: str, text: str) -> bool:
    """Whether the text uses ``name`` in a sentence as a person: speaking, or with a title."""
    tokens = name.split()
    speaker = "|".join(re.escape(t) for t in {name, tokens[0], tokens[-1]})
    quoted = re.escape(name)
    patterns = (
        rf"\b(?:{speaker})\s+(?:{SPEECH_VERBS})\b",
        rf"(?i:\b(?:{TITLE_WORDS})\.?),?\s+{quoted}\b",
        rf"\b{quoted},\s+(?:[\w'’-]+\s+){{0,2}}(?i:(?:{TITLE_WORDS}))\b",
    )
    return any(re.search(p, text) for p in patterns)


def _caption_names(page: _Page) -> set[int]:
    """A lone person-name line (a photo caption) when the body names that person in a sentence."""
    kept = page.kept()
    title_key = _key(page.title) if page.title else None
    found: set[int] = set()
    for position, i in enumerate(kept[1:], start=1):
        name = page.lines[i]
        previous = page.lines[kept[position - 1]]
        if not _is_person_caption_name(name) or _key(name) == title_key:
            continue
        if SENTENCE_END.search(previous) is None:
            continue  # a name under a headline or subhead is more likely a subhead itself
        others = "\n".join(page.lines[j] for j in kept if j != i)
        in_sentence = re.search(rf"\b{re.escape(name)}\b", others) is not None
        if in_sentence and _named_as_person(name, others):
            found.add(i)
    return found


CONTEXT_RULES: tuple[Callable[[_Page], set[int]], ...] = (
    _teaser_headlines,
    _reference_block,
    _citation_runs,
    _site_banners,  # before repeated lines, so a repeated banner goes everywhere
    _repeated_lines,
    _caption_names,
)


# --- cleaning ---------------------------------------------------------------------------

SPACE_LIKE = re.compile(r"[\u00a0\u2007\u202f\t\f\v]")
INVISIBLE = re.compile(r"[\u200b\u200c\u200d\u2060\ufeff\u00ad]")


def _normalise(text: str) -> list[str]:
    """NFC, one kind of newline, plain spaces, no invisible characters, stripped lines."""
    text = unicodedata.normalize("NFC", text)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = text.replace("\u2029", "\n\n").replace("\u2028", "\n")
    text = INVISIBLE.sub("", SPACE_LIKE.sub(" ", text))
    return [line.strip() for line in text.split("\n")]


def _furniture(lines: Sequence[str], title: str | None, outlet: str | None) -> set[int]:
    """Indices of ``lines`` that one round of every rule takes for boilerplate."""
    flagged = {i for i, line in enumerate(lines) if line and any(r(line) for r in LINE_RULES)}
    for rule in CONTEXT_RULES:
        flagged |= rule(_Page(lines, frozenset(flagged), title, outlet))
    return flagged


def clean_text(text: str, title: str | None = None, outlet: str | None = None) -> CleanedText:
    """Normalise ``text`` and drop boilerplate lines, keeping paragraphs; see module doc."""
    lines = _normalise(text)
    alive = list(range(len(lines)))
    dropped: set[int] = set()
    # Removing a line can expose more furniture (two URL lines become adjacent), so rounds
    # repeat until one removes nothing: that makes cleaning idempotent.
    while hits := _furniture([lines[i] for i in alive], title, outlet):
        dropped.update(alive[j] for j in hits)
        alive = [i for i in alive if i not in dropped]
    kept = re.sub(r"\n{3,}", "\n\n", "\n".join(lines[i] for i in alive)).strip("\n")
    return CleanedText(kept, tuple(lines[i] for i in sorted(dropped) if lines[i]))


def article_id(outlet: str | None, text: str) -> str:
    """Content hash of outlet and whitespace-collapsed, casefolded text (16 hex digits)."""
    normalised = " ".join(text.split()).casefold()
    return hashlib.sha256(f"{outlet or ''}\n{normalised}".encode()).hexdigest()[:16]


def _byline_author(removed: Sequence[str]) -> str | None:
    for line in removed:
        match = BYLINE.match(line)
        if match is not None and _is_byline(line):
            return match["name"]
    return None


def clean_article(raw: RawDocument, settings: Settings) -> Article:
    """Clean a raw document into an ``Article`` whose text evidence offsets will index.

    >>> text = "Xi In Hanoi\\nBy Jane Doe\\nXi visited Hanoi on Monday for trade talks."
    >>> raw = RawDocument("a.txt", text, "text")
    >>> clean_article(raw, Settings()).author
    'Jane Doe'
    """
    title = raw.title.strip() if raw.title and raw.title.strip() else None
    cleaned = clean_text(raw.text, title, raw.outlet)
    if len(cleaned.text) < settings.min_article_chars:
        raise EmptyInputError(
            raw.source,
            f"cleaned text has only {len(cleaned.text)} characters "
            f"(min_article_chars={settings.min_article_chars})",
        )
    first_line = next((line for line in cleaned.text.split("\n") if line), None)
    return Article(
        id=article_id(raw.outlet, cleaned.text),
        source=raw.source,
        text=cleaned.text,
        title=title or first_line,
        outlet=raw.outlet,
        published=raw.published,
        url=raw.url,
        author=raw.author or _byline_author(cleaned.removed),
        removed=cleaned.removed,
    )


GUESSED_SOURCE = re.compile(
    r"(?i)\bnot found directly\b|\bor similar\)|\b(?:would|might|may|likely to) "
    r"(?:discuss|cover|mention|describe|detail|report)\b|\bmight not be (?:explicitly )?mentioned\b"
)


def machine_text_signs(text: str, removed: Sequence[str]) -> list[str]:
    """Human-readable notes on traces of machine-written text: hollow references, placeholders."""
    lines = [*removed, *(line.strip() for line in text.split("\n"))]
    citations = [line for line in lines if line and _is_citation(line)]
    signs: list[str] = []
    if any(_is_inaccessible_source(line) for line in lines if line):
        signs.append("bibliography admits its sources could not be accessed")
    if any(GUESSED_SOURCE.search(line) for line in citations):
        signs.append("reference descriptions guess at what their sources say")
    bare_urls = sum(1 for line in removed if _is_citation(line) and URL.search(line))
    if bare_urls:
        signs.append(f"reference list of {bare_urls} bare URL{'s' if bare_urls != 1 else ''}")
    placeholders = [
        name
        for line in removed
        if _is_media_file_name(line)
        for name in line.split()
        if PLACEHOLDER_FILE.match(name)
    ]
    if placeholders:
        signs.append(f"placeholder image file names ({', '.join(placeholders)})")
    return signs
