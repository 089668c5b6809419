"""Read number expressions as news writes them: "about 40", "$8.4bn", "145 per cent", "30-40".

``parse_number`` turns one expression into a value with its unit, scale word, hedge and range;
``find_number_expressions`` finds such expressions in running text. Both are plain rules,
no model: they are the part of quantity extraction that has to be exact. Numbers written
in words ("forty-five", "two dozen") are read by ``number_words``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from consilience.extract.number_words import NUMBER_WORDS, SCALES, UNITS_WORDS, words_value

__all__ = [
    "UNITS_WORDS",  # re-exported from number_words: other extractors import it from here
    "NumberMatch",
    "ParsedNumber",
    "find_number_expressions",
    "parse_number",
]


@dataclass(frozen=True, slots=True)
class ParsedNumber:
    """A number expression: ``value`` is the (lower) base value, ``upper`` the range top."""

    value: float
    unit: str | None = None
    hedge: str | None = None
    scale_word: str | None = None
    is_range: bool = False
    upper: float | None = None


@dataclass(frozen=True, slots=True)
class NumberMatch:
    """A number expression found in text: ``text[start:end]`` parsed as ``number``."""

    start: int
    end: int
    text: str
    number: ParsedNumber


# Hedge phrases -> the conventions' hedge key. Longest phrases are tried first.
HEDGES: dict[str, str] = {
    "about": "about",
    "around": "about",
    "roughly": "about",
    "approximately": "about",
    "approx.": "about",
    "some": "about",
    "an estimated": "about",
    "estimated": "about",
    "nearly": "nearly",
    "almost": "nearly",
    "close to": "nearly",
    "just under": "nearly",
    "just shy of": "nearly",
    "more than": "more than",
    "over": "more than",
    "just over": "more than",
    "above": "more than",
    "upwards of": "more than",
    "in excess of": "more than",
    "at least": "at least",
    "no fewer than": "at least",
    "no less than": "at least",
    "up to": "up to",
    "as many as": "up to",
    "as much as": "up to",
    "as high as": "up to",
    "at most": "up to",
    "no more than": "up to",
    "less than": "less than",
    "fewer than": "less than",
    "under": "less than",
    "below": "less than",
}

# One-letter abbreviations are only scales next to a currency: "$5m" but not "100m sprint".
MONEY_ONLY_SCALES: dict[str, float] = {"k": 1e3, "m": 1e6, "b": 1e9}

CURRENCY_SYMBOLS: dict[str, str] = {
    "us$": "USD",
    "$": "USD",
    "c$": "CAD",
    "a$": "AUD",
    "au$": "AUD",
    "hk$": "HKD",
    "s$": "SGD",
    "nz$": "NZD",
    "r$": "BRL",
    "€": "EUR",
    "£": "GBP",
    "¥": "JPY",  # the yen sign; yuan amounts are mostly written "yuan" or "RMB" in English
    "₹": "INR",
    "rs": "INR",
    "rs.": "INR",
    "₩": "KRW",
    "₽": "RUB",
    "₫": "VND",
}
CURRENCY_CODES = frozenset(
    (  # noqa: SIM905
        "usd eur gbp cny rmb jpy inr krw rub vnd cad aud hkd sgd nzd brl chf zar try sar aed myr "
        "thb idr php ngn pkr bdt mxn"
    ).split()
)
CURRENCY_WORDS: dict[str, str] = {
    "dollar": "USD",
    "dollars": "USD",
    "us dollars": "USD",
    "euro": "EUR",
    "euros": "EUR",
    "pounds sterling": "GBP",
    "sterling": "GBP",
    "yuan": "CNY",
    "renminbi": "CNY",
    "yen": "JPY",
    "rupee": "INR",
    "rupees": "INR",
    "won": "KRW",
    "rubles": "RUB",
    "roubles": "RUB",
    "dong": "VND",
    "ringgit": "MYR",
    "baht": "THB",
    "rupiah": "IDR",
    "swiss francs": "CHF",
    "rand": "ZAR",
    "riyals": "SAR",
    "dirhams": "AED",
    "naira": "NGN",
    "taka": "BDT",
}
# "20 million pounds" is money: weights are not counted in millions, except "of" a load.
_BIG_SCALES = frozenset({"million", "mn", "mln", "billion", "bn", "bln", "trillion", "tn", "trn"})
_POUNDS_AFTER = re.compile(r"\s+pounds?\b(?!\s+of\b)", re.IGNORECASE)
PERCENT_WORDS = ("%", "percent", "per cent", "pct")
# Units of speed after a figure: "120 km/h", "70 miles per hour". A speed is no count.
_SPEED_UNITS = {"km/h": "km/h", "kph": "km/h", "kmh": "km/h", "mph": "mph"}
_SPEED_AFTER = re.compile(
    r"\s?(km/h|kph|kmh|mph|(?:kilomet(?:re|er)s?|miles?)\s+(?:per|an)\s+hour)\b", re.IGNORECASE
)
PERCENTAGE_POINT_WORDS = ("percentage points", "percentage point")

_HEDGE_PREFIX = re.compile(
    r"^(" + "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True)) + r")\s+"
)
_TOKEN = re.compile(
    r"(?:us|c|a|au|hk|s|nz|r)\$|rs\.?(?=\s*\d)|[$€£¥₹₩₽₫%]|"
    r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+|[a-z]+"
)


def parse_number(text: str) -> ParsedNumber | None:
    """Parse one number expression, or None when ``text`` is not one.

    >>> parse_number("about $8.4 billion")
    ParsedNumber(value=8400000000.0, unit='USD', hedge='about', scale_word='billion', \
is_range=False, upper=None)
    """
    s = _normalise(text)
    speed = _SPEED_AFTER.search(s)
    if speed is not None and speed.end() == len(s):
        number = parse_number(s[: speed.start()])
        if number is None or number.unit is not None:
            return None
        return replace(number, unit=speed_unit(speed.group(1)))
    hedge = None
    match = _HEDGE_PREFIX.match(s)
    if match:
        hedge = HEDGES[match.group(1)]
        s = s[match.end() :]
    single = _parse_amount(s)
    if single is not None:
        value, unit, scale = single
        return ParsedNumber(value=value, unit=unit, hedge=hedge, scale_word=scale)
    return _parse_range(s)


def speed_unit(word: str) -> str:
    """ "kph" and "kilometres per hour" -> "km/h"; "miles per hour" -> "mph"."""
    word = word.lower()
    return _SPEED_UNITS.get(word) or ("mph" if word.startswith("mile") else "km/h")


def _normalise(text: str) -> str:
    s = text.strip().lower().replace("\u00a0", " ").replace("\u202f", " ")
    s = re.sub(r"[\u2010-\u2015\u2212]", "-", s)
    s = re.sub(r"\bu\.s\.\s*", "us ", s)
    s = re.sub(r"\bus \$", "us$", s)
    return re.sub(r"\s+", " ", s).rstrip(".,;:")


def _parse_range(s: str) -> ParsedNumber | None:
    between = re.fullmatch(r"between (.+?) and (.+)", s)
    if between:
        parts = [between.group(1), between.group(2)]
    else:
        split = re.fullmatch(r"(?:from )?(.+?)\s*(?:-|\bto\b)\s*(.+)", s)
        if split is None:
            return None
        parts = [split.group(1), split.group(2)]
    low, high = _parse_amount(parts[0]), _parse_amount(parts[1])
    if low is None or high is None:
        return None
    low_value, low_unit, low_scale = low
    high_value, high_unit, high_scale = high
    if low_scale is None and high_scale is not None:  # "1-2 million": the scale covers both
        low_value *= _scale_of(high_scale)
    unit = high_unit or low_unit
    if low_unit is not None and high_unit is not None and low_unit != high_unit:
        return None
    if high_value <= low_value:  # "2024-25" or "3-1" is a season or a score, not a range
        return None
    return ParsedNumber(
        value=low_value,
        unit=unit,
        hedge="range",
        scale_word=high_scale or low_scale,
        is_range=True,
        upper=high_value,
    )


def _scale_of(word: str) -> float:
    return SCALES.get(word, MONEY_ONLY_SCALES.get(word, 1.0))


def _tokens(s: str) -> list[str] | None:
    """Tokens of ``s``, or None when something other than spaces/hyphens lies between them."""
    tokens: list[str] = []
    cursor = 0
    for match in _TOKEN.finditer(s):
        if s[cursor : match.start()].strip(" -"):
            return None
        tokens.append(match.group())
        cursor = match.end()
    if s[cursor:].strip(" -"):
        return None
    return tokens


def _parse_amount(s: str) -> tuple[float, str | None, str | None] | None:
    """Value, unit and scale word of one amount with no hedge and no range."""
    tokens = _tokens(s)
    if not tokens:
        return None
    i, unit = 0, None
    if tokens[0] in CURRENCY_SYMBOLS:
        unit, i = CURRENCY_SYMBOLS[tokens[0]], 1
    elif tokens[0] in CURRENCY_CODES:
        unit, i = _code(tokens[0]), 1
    elif tokens[0] == "us" and len(tokens) > 1 and tokens[1] == "$":
        unit, i = "USD", 2
    rest = tokens[i:]
    if not rest:
        return None
    suffix_unit, rest = _strip_unit_suffix(rest)
    if suffix_unit is not None:
        if unit is not None and suffix_unit != "%" and suffix_unit != unit:
            return None
        unit = suffix_unit if unit is None or suffix_unit in ("%", "pp") else unit
    if not rest:
        return None
    scale_word = None
    if rest[0][0].isdigit() or rest[0][0] == ".":
        value = float(rest[0].replace(",", ""))
        scales = rest[1:]
        if len(scales) > 1:
            return None
        if scales:
            word = scales[0]
            if word in SCALES:
                value *= SCALES[word]
            elif word in MONEY_ONLY_SCALES and unit not in (None, "%", "pp"):
                value *= MONEY_ONLY_SCALES[word]
            else:
                return None
            scale_word = word
    else:
        words = words_value(rest)
        if words is None:
            return None
        value, scale_word = words
    return value, unit, scale_word


def _code(token: str) -> str:
    return "CNY" if token == "rmb" else token.upper()


def _strip_unit_suffix(tokens: list[str]) -> tuple[str | None, list[str]]:
    """Take a trailing percent sign/word or currency word/code off ``tokens``."""
    joined = " ".join(tokens)
    for word in PERCENTAGE_POINT_WORDS:
        if joined.endswith(" " + word):
            return "pp", tokens[: -len(word.split())]
    for word in PERCENT_WORDS:
        if joined.endswith(word) and (word == "%" or joined.endswith(" " + word)):
            return "%", tokens[: -len(word.split())]
    for word, code in sorted(CURRENCY_WORDS.items(), key=lambda item: -len(item[0])):
        if joined.endswith(" " + word):
            return code, tokens[: -len(word.split())]
    if len(tokens) > 1 and tokens[-1] in CURRENCY_CODES:
        return _code(tokens[-1]), tokens[:-1]
    if len(tokens) > 2 and tokens[-1] in ("pound", "pounds") and tokens[-2] in _BIG_SCALES:
        return "GBP", tokens[:-1]
    return None, tokens


_NUMBER_WORD_ALT = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_HEDGE_ALT = "|".join(re.escape(h) for h in sorted(HEDGES, key=len, reverse=True))
_SYMBOL = r"(?:(?:US|C|A|AU|HK|S|NZ|R)\$|Rs\.?\s?|[$€£¥₹₩₽₫])"
_DIGITS = r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?"
_SCALE_ALT = "|".join(sorted(set(SCALES) | {"k", "m", "b"}, key=len, reverse=True))
_CURRENCY_AFTER = "|".join(
    sorted(
        [re.escape(w) for w in CURRENCY_WORDS] + [c.upper() for c in CURRENCY_CODES],
        key=len,
        reverse=True,
    )
)
_PERCENT_AFTER = r"%|\s?per\s?cent\b|\s?percent\b|\s?percentage points?\b|\s?pct\b"
_WORDS_NUMBER = (
    rf"(?:(?:an?\s+)?(?:{_NUMBER_WORD_ALT})(?:(?:\s+|-|\s+and\s+)(?:{_NUMBER_WORD_ALT}))*)"
)
_AMOUNT = (
    rf"(?:(?:{'|'.join(c.upper() for c in CURRENCY_CODES)})\s?)?{_SYMBOL}?"
    rf"(?:{_DIGITS}(?:\s?(?:{_SCALE_ALT})\b)?|{_WORDS_NUMBER}\b)"
    rf"(?:{_PERCENT_AFTER}|\s(?:{_CURRENCY_AFTER})\b)?"
)
_EXPRESSION = re.compile(
    rf"(?<![\w.,/$€£¥₹-])(?:(?:{_HEDGE_ALT})\s+)?"
    rf"(?:between\s+{_AMOUNT}\s+and\s+{_AMOUNT}|{_AMOUNT}(?:\s?(?:-|–|to)\s?{_AMOUNT})?)"
    r"(?![\w,]\d|[\w$€£¥₹@:/]|\.\d|-[A-Za-z])",
    re.IGNORECASE,
)


_TO_SEPARATOR = re.compile(r"\s+to\s+", re.IGNORECASE)
_FROM_BEFORE = re.compile(r"\bfrom\s+$", re.IGNORECASE)
# Words that make "from X to Y" one span of values ("ranging from 2 to 81", "aged from").
_SPAN_WORDS = re.compile(r"\b(?:rang\w*|var(?:y|ies|ied|ying)|aged?|anywhere|between)\b", re.I)


def _is_a_move(text: str, start: int) -> bool:
    """Whether "from X to Y" at ``start`` moves a figure from X to Y rather than spans."""
    before = text[max(0, start - 40) : start]
    return bool(_FROM_BEFORE.search(before)) and not _SPAN_WORDS.search(before)


def find_number_expressions(text: str) -> list[NumberMatch]:
    """Every number expression in ``text`` that ``parse_number`` reads, in order.

    Numbers glued to letters ("G7", "C909", "COVID-19", "5G") are names, not amounts, and
    are not found.
    """
    found: list[NumberMatch] = []
    position = 0
    while (match := _EXPRESSION.search(text, position)) is not None:
        start, end = match.start(), match.end()
        position = end
        stripped = text[start:end].rstrip()
        end = start + len(stripped)
        number = parse_number(stripped)
        if number is None and (range_cut := re.search(r"\s?(?:-|–|to)\s?[^-–]*$", stripped)):
            # "30-40" that is no range ("2024-25", "20% to $3.2 billion"): keep the first
            # amount and read on after the separator, where a second amount may stand.
            stripped = stripped[: range_cut.start()]
            end = start + len(stripped)
            number = parse_number(stripped)
            separator = re.match(r"\s?(?:-|–|to)\s?", text[end:])
            position = end + (separator.end() if separator else 0)
        move = _TO_SEPARATOR.search(stripped) if number is not None and number.is_range else None
        if move is not None and _is_a_move(text, start):
            # "rose from 40 to 55", "taking it from 4% to 4.25%": two figures, not a range.
            stripped = stripped[: move.start()]
            end = start + len(stripped)
            number = parse_number(stripped)
            position = start + move.end()
        if number is None:
            continue
        pounds = _POUNDS_AFTER.match(text, end) if number.scale_word in _BIG_SCALES else None
        if pounds is not None and number.unit is None:  # "20 million pounds" -> GBP
            end, stripped = pounds.end(), text[start : pounds.end()]
            position, number = end, parse_number(stripped) or number
        speed = _SPEED_AFTER.match(text, end) if number.unit is None else None
        if speed is not None:  # "120 km/h": the unit belongs to the figure
            end, stripped = speed.end(), text[start : speed.end()]
            position, number = end, replace(number, unit=speed_unit(speed.group(1)))
        found.append(NumberMatch(start=start, end=end, text=stripped, number=number))
    return found
