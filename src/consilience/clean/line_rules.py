"""Single-line furniture families: each rule judges one stripped, non-empty line alone.

Furniture is short, so every rule caps the length it accepts: a paragraph that merely
starts like furniture stays. Quoted speech is never furniture.
"""

from __future__ import annotations

import re

from consilience.clean.language import (
    SENTENCE_END,
    SEP,
    URL,
    is_reported_speech,
    vocabulary,
    word_count,
)

__all__ = [
    "BYLINE",
    "MEDIA_EXTENSIONS",
    "MONTHS_AND_DAYS",
    "is_ad_marker",
    "is_bare_teaser_label",
    "is_byline",
    "is_citation",
    "is_comment_notice",
    "is_credit",
    "is_disclaimer",
    "is_inaccessible_source",
    "is_media_file_name",
    "is_social_prompt",
    "is_tag_list",
    "is_teaser",
    "is_timestamp",
]

# Caps chosen from the longest furniture lines seen in news pages (credits stay under ~25
# words, teasers under ~300 characters) with headroom, not tuned on one article.
MAX_CREDIT_WORDS = 25
MAX_CREDIT_CHARS = 200
MAX_TEASER_CHARS = 300
MAX_NOTICE_WORDS = 60  # comment notices and disclaimers run to two or three sentences
MAX_SOCIAL_WORDS = 40
MAX_BYLINE_WORDS = 12
MAX_TIMESTAMP_WORDS = 15
MAX_ADMISSION_WORDS = 8  # "No data available" alone; longer lines must carry a URL
MAX_TAG_WORDS = 4  # one tag is a name or topic: "South China Sea", "Donald Trump"
MAX_TAG_LINE_WORDS = 40  # a dozen or so tags; a longer line is prose
URL_SHARE_OF_CITATION = 0.5  # a line that is mostly URL is a citation

CITATION_MARKER = re.compile(r"^(?:\[\d+\]|\(\d+\)|\d+[.)]|[-*•])\s*")
ACCESSED = re.compile(r"(?i)\b(?:retrieved|accessed|archived)\b")


# --- teasers: links to other stories ------------------------------------------------------

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


def is_teaser(line: str) -> bool:
    """A "READ MORE: <headline>" link to another story, or the bare label on its own."""
    return len(line) <= MAX_TEASER_CHARS and TEASER.match(line) is not None


def is_bare_teaser_label(line: str) -> bool:
    """A teaser label with no headline after it on the same line: "Also read"."""
    match = TEASER.match(line)
    return match is not None and not re.search(r"\w", line[match.end() :])


# --- reader comments and disclaimers ------------------------------------------------------

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
DISCLAIMER = re.compile(r"(?i)^\W*disclaimer\s*[:|\-–—]")


def is_comment_notice(line: str) -> bool:
    """A notice about the reader comments: moderated, closed, not the site's views."""
    if word_count(line) > MAX_NOTICE_WORDS or is_reported_speech(line):
        return False
    if COMMENT_OPENERS.match(line):
        return True
    return all(p.search(line) for p in (COMMENT_WORDS, COMMENT_TOPIC, SITE_VOICE))


def is_disclaimer(line: str) -> bool:
    """A "Disclaimer: ..." line about the image, the comments or the views expressed."""
    return word_count(line) <= MAX_NOTICE_WORDS and DISCLAIMER.match(line) is not None


# --- image credits and media file names ---------------------------------------------------

MEDIA = r"(?:file |stock |representational |representative )?(?:photo(?:graph)?|image|picture|pic|video|graphic|illustration)s?"  # noqa: E501
CREDIT_LABEL = re.compile(rf"^\(?(?i:{MEDIA})(?:{SEP}|\s*[/)]|\s+by\s)")
CREDIT_PHRASE = re.compile(
    r"^\(?(?i:(?:photo|image|picture|pic|video)\s+(?:credits?|source|courtesy)\b"
    r"|(?:credits?|courtesy|source)\s*[:|])"
)
MEDIA_EXTENSIONS = (
    r"jpe?g|png|gif|webp|bmp|tiff?|svg|heic|avif|mp4|mov|m4v|avi|webm|mkv|mp3|wav|m4a|ogg"
)
MEDIA_FILE = re.compile(rf"(?i)^(?:[\w.()-]+\.(?:{MEDIA_EXTENSIONS})\s*)+$")


def is_credit(line: str) -> bool:
    """An image credit: "Photo: Reuters", "(Photo by X/AFP)", "Image source, Getty Images"."""
    if len(line) > MAX_CREDIT_CHARS or word_count(line) > MAX_CREDIT_WORDS:
        return False
    if is_reported_speech(line):
        return False
    return CREDIT_LABEL.match(line) is not None or CREDIT_PHRASE.match(line) is not None


def is_media_file_name(line: str) -> bool:
    """A line that is only media file names: "image1.jpg", "IMG_2341.JPEG"."""
    return MEDIA_FILE.match(line) is not None


# --- newsletters, subscriptions and share bars --------------------------------------------

NETWORKS = "twitter|x|facebook|instagram|telegram|whatsapp|linkedin|youtube|threads|tiktok|bluesky"
SOCIAL_PROMPT = re.compile(
    r"(?i)^\W*(?:sign ?up (?:for|to|now|today|here)\b|subscribe(?: (?:to|for|now|today|here)\b"
    rf"|\W*$)|follow\b.{{0,60}}\bon (?:{NETWORKS}|google news)\b|click here\b"
    r"|download (?:the|our)\b.{0,40}\bapps?\b"
    r"|share (?:this|the) (?:article|story|post|page)\b|get (?:the|our) latest\b.{0,80}"
    r"\b(?:delivered|inbox|straight|direct)|join (?:us|our)\b.{0,60}\b(?:whatsapp|telegram|"
    r"channel|community|newsletter))"
)
SHARE_BAR_WORDS = vocabulary(
    "share facebook twitter x whatsapp email e-mail linkedin reddit print telegram "
    "pinterest copy link messenger"
)


def is_social_prompt(line: str) -> bool:
    """Newsletter, subscription, follow-us and share prompts, and bare share-button rows."""
    if word_count(line) > MAX_SOCIAL_WORDS or is_reported_speech(line):
        return False
    tokens = re.findall(r"[\w-]+", line.casefold())
    if len(tokens) >= 2 and all(token in SHARE_BAR_WORDS for token in tokens):
        return True
    return SOCIAL_PROMPT.match(line) is not None


# --- tag lists ------------------------------------------------------------------------------

TAG_LIST = re.compile(
    r"(?i)^\W{0,3}(?:tags?|tagged(?: with| in| as)?|topics?|related topics|keywords?|"
    r"filed under)\s*[:|]\s*(?P<tags>\S.*)$"
)
TAG_SEPARATOR = re.compile(r"\s*[,;|•·]\s*|\s+(?=#)")


def is_tag_list(line: str) -> bool:
    """A "Tags: Vietnam, China, trade" line: a label, then short comma-separated topics."""
    match = TAG_LIST.match(line)
    if match is None or word_count(line) > MAX_TAG_LINE_WORDS:
        return False
    # Tags never end a sentence; "Topics: trade was discussed." is a sentence.
    if SENTENCE_END.search(line) or is_reported_speech(line):
        return False
    tags = [tag for tag in TAG_SEPARATOR.split(match["tags"]) if tag]
    return bool(tags) and all(word_count(tag) <= MAX_TAG_WORDS for tag in tags)


# --- bylines, timestamps and layout markers -----------------------------------------------

NAME = r"[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|de|da|van|von|bin|al|el|le|la|di|du)){0,4}"
BYLINE = re.compile(
    rf"^(?i:by|written by|reported by|story by|words by)\s+(?P<name>{NAME})"
    rf"(?:\s*(?:,|and|&)\s*{NAME})*(?:\s*[,|\-–—]\s*[^.!?]*)?$"
)
MONTHS_AND_DAYS = vocabulary(
    "monday tuesday wednesday thursday friday saturday sunday january february march "
    "april may june july august september october november december"
)
# "By Monday, ..." and "By contrast, ..." open sentences, not bylines.
NOT_NAMES = MONTHS_AND_DAYS | {"contrast", "comparison"}
TIMESTAMP = re.compile(
    r"(?i)^\W*(?:first |last )?(?:published|updated|posted|modified|edited)(?: on| at)?"
    r"(?P<sep>\s*[:|\-–—])?\s*(?P<rest>.*)$"
)
DATE_WORDS = vocabulary(
    "jan feb mar apr may jun jul aug sep sept oct nov dec am pm a.m. p.m. ago at on "
    "hours hour hrs mins minutes minute days day weeks ist gmt utc et edt est bst "
    "cet pst updated published by today yesterday"
)
AD_MARKERS = vocabulary(
    "advertisement advertisementscrolltocontinue "
    "advertisementscrolltocontinuewithcontent advertisementcontinuereadingbelow "
    "sponsored sponsoredcontent ad storycontinuesbelowadvertisement "
    "storycontinuesbelow continuereadingbelow"
)


def is_byline(line: str) -> bool:
    """A "By Jane Doe" byline, optionally with an agency or role after a separator."""
    match = BYLINE.match(line)
    if match is None or word_count(line) > MAX_BYLINE_WORDS:
        return False
    return match["name"].split()[0].casefold() not in NOT_NAMES


def is_timestamp(line: str) -> bool:
    """A "Published: 14 April 2025" or "Updated 3 hours ago" timestamp line."""
    match = TIMESTAMP.match(line)
    if match is None or word_count(line) > MAX_TIMESTAMP_WORDS or not match["rest"]:
        return False
    if match["sep"]:
        return True
    words = re.findall(r"[a-z][a-z.]*", match["rest"].casefold())
    return bool(re.search(r"\d", match["rest"])) and all(
        w in DATE_WORDS or w in MONTHS_AND_DAYS for w in words
    )


def is_ad_marker(line: str) -> bool:
    """An "Advertisement" or "Story continues below" marker left by the page layout."""
    return re.sub(r"[^a-z]", "", line.casefold()) in AD_MARKERS


# --- references -----------------------------------------------------------------------------

ADMISSION = re.compile(
    r"(?i)\b(?:unable|could ?n[o']?t|cannot|can'?t|not able)\b(?:\s+\w+){0,3}?\s+access|"
    r"\bcould not be accessed\b|\bno data available\b|\b(?:inaccessible|not accessible)\b|"
    r"\bpage not found\b|\blink (?:is )?(?:broken|dead)\b"
)


def is_inaccessible_source(line: str) -> bool:
    """A reference admitting it could not be read ("unable to access", "no data available")."""
    if ADMISSION.search(line) is None or is_reported_speech(line):
        return False
    if URL.search(line) or CITATION_MARKER.match(line):
        return True
    return word_count(line) <= MAX_ADMISSION_WORDS and SENTENCE_END.search(line) is None


def is_citation(line: str) -> bool:
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
