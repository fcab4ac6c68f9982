"""Pay ranges in postings: "$120,000 - $150,000 a year", "€60k–70k", "$45/hour".

An amount counts as pay only with a currency and either a pay word on its line
("salary", "pay", "compensation", "rate"), a period ("per hour", "/yr",
"annually") or a ``k`` figure; and only when plausible for its period, so
"$5 million in funding" or "a $2B company" are not salaries.
"""

from __future__ import annotations

import re

from jobgraph.parse.records import Salary
from jobgraph.parse.text import caseless, caseless_pattern

_CURRENCIES = {
    "us$": "USD", "usd": "USD", "$": "USD", "ca$": "CAD", "c$": "CAD", "cad": "CAD",
    "a$": "AUD", "au$": "AUD", "aud": "AUD", "nz$": "NZD", "nzd": "NZD", "s$": "SGD",
    "sgd": "SGD", "hk$": "HKD", "hkd": "HKD", "r$": "BRL", "brl": "BRL", "€": "EUR",
    "eur": "EUR", "£": "GBP", "gbp": "GBP", "₹": "INR", "inr": "INR", "rs": "INR",
    "rs.": "INR", "¥": "JPY", "jpy": "JPY", "chf": "CHF", "sek": "SEK", "nok": "NOK",
    "dkk": "DKK", "pln": "PLN", "zł": "PLN", "₪": "ILS", "ils": "ILS", "nis": "ILS",
    "zar": "ZAR", "mxn": "MXN", "php": "PHP", "₱": "PHP", "krw": "KRW", "₩": "KRW",
    "cny": "CNY", "rmb": "CNY", "rub": "RUB", "₽": "RUB", "czk": "CZK", "huf": "HUF",
    "try": "TRY", "₺": "TRY", "thb": "THB", "idr": "IDR", "myr": "MYR", "twd": "TWD",
}  # fmt: skip
# Pay scales differ by currency; plausibility bounds are in USD-like units times this.
_SCALE = {
    "JPY": 150, "INR": 80, "PHP": 55, "KRW": 1300, "CNY": 7, "RUB": 90, "CZK": 23,
    "HUF": 350, "TRY": 30, "THB": 35, "IDR": 15000, "MYR": 4.5, "TWD": 31, "SEK": 10,
    "NOK": 10, "DKK": 7, "ZAR": 18, "MXN": 17, "BRL": 5, "PLN": 4, "ILS": 3.7, "HKD": 8,
}  # fmt: skip
_CUR = (
    r"(?:US\$|CA\$|AU\$|NZ\$|HK\$|[CASR]\$|\$|€|£|₹|¥|₪|₱|₩|₽|₺|zł|Rs\.?"
    r"|(?<![A-Za-z])(?:USD|CAD|AUD|NZD|SGD|HKD|BRL|EUR|GBP|INR|JPY|CHF|SEK|NOK|DKK|PLN|ILS|NIS"
    r"|ZAR|MXN|PHP|KRW|CNY|RMB|RUB|CZK|HUF|TRY|THB|IDR|MYR|TWD)\b)"
)
_NUM = (
    r"\d{1,2}(?:,\d{2})+,\d{3}"  # Indian grouping: 12,00,000
    r"|\d{1,3}(?:[,.\u202f '’]\d{3})+(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?"
)
_K = r"(?:[kK]\b|\s?thousand\b)"
_PERIOD = (
    r"(?:\s*(?:/|per|an?|each)\s*(?:hour|hr|h|year|yr|annum|month|mo|week|wk|day)(?![A-Za-z])"
    r"|\s+(?:annually|yearly|hourly|monthly|weekly|daily|p\.?\s?a\.?|p\.?\s?h\.?)(?!\w))"
)
_PERIOD_WORD = re.compile(
    r"(hour|hr|h|year|yr|annum|month|mo|week|wk|day|annually|yearly|hourly|monthly|weekly"
    r"|daily|p\.?\s?a\.?|p\.?\s?h\.?)\W*$",
    re.IGNORECASE,
)
SALARY_PATTERN = re.compile(
    rf"(?P<c1>{_CUR})\s?(?P<a>{_NUM})(?:\s?(?P<ka>{_K}))?"
    rf"(?:\s*(?:-|–|—|to|and)\s*(?P<c2>{_CUR})?\s?(?P<b>{_NUM})(?:\s?(?P<kb>{_K}))?)?"
    rf"(?:\s?(?P<c3>{_CUR}))?(?P<p1>{_PERIOD})?"
    rf"|(?<![\w.,])(?P<a2>{_NUM})(?:\s?(?P<ka2>{_K}))?\s?(?P<c4>{_CUR})?"
    rf"\s*(?:-|–|—|to)\s*(?P<b2>{_NUM})(?:\s?(?P<kb2>{_K}))?\s?(?P<c5>{_CUR})(?P<p2>{_PERIOD})?"
    rf"|(?<![\w.,])(?P<a3>{_NUM})(?:\s?(?P<ka3>{_K}))?\s?"
    rf"(?P<c6>€|£|₪|zł|\b(?:EUR|GBP|CHF|SEK|NOK|DKK|PLN|USD)\b)(?P<p3>{_PERIOD})?",
    re.IGNORECASE,
)
# The same, for the lower-cased text: a third of the time (text.caseless_pattern).
_SALARY_LOWER = caseless_pattern(SALARY_PATTERN)
_PAY_WORDS = re.compile(
    r"\b(?:salary|salaries|pay|paid|compensation|wage|wages|rate|base|range|ote|remuneration"
    r"|earn|earning|income|stipend|gross|annual|hourly|per\s+(?:hour|year|annum)|package|tc)\b",
    re.IGNORECASE,
)
_NOT_PAY = re.compile(
    r"\b(?:million|billion|bn|mn|revenue|funding|raised|valued|valuation|budget|sales|arr|"
    r"series\s+[a-e]|investment|assets|grant|contract\s+value)\b",
    re.IGNORECASE,
)
_PERIOD_NAMES = {
    "hour": "hour", "hr": "hour", "h": "hour", "hourly": "hour", "ph": "hour",
    "year": "year", "yr": "year", "annum": "year", "annually": "year", "yearly": "year",
    "pa": "year", "month": "month", "mo": "month", "monthly": "month", "week": "week",
    "wk": "week", "weekly": "week", "day": "day", "daily": "day",
}  # fmt: skip
PLAUSIBLE = {
    "hour": (5, 1_000), "day": (40, 5_000), "week": (150, 25_000),
    "month": (400, 150_000), "year": (8_000, 3_000_000),
}  # fmt: skip


def _number(text: str, thousands: str | None) -> float:
    compact = text.replace("\u202f", "").replace(" ", "").replace("'", "").replace("’", "")
    if re.fullmatch(r"\d{1,2}(?:,\d{2})+,\d{3}", compact):
        return float(compact.replace(",", "")) * (1000 if thousands else 1)
    if re.fullmatch(r"\d{1,3}(?:[,.]\d{3})+", compact):
        value = float(re.sub(r"[,.]", "", compact))
    elif re.fullmatch(r"\d{1,3}(?:,\d{3})+\.\d{1,2}", compact):
        value = float(compact.replace(",", ""))
    elif re.fullmatch(r"\d{1,3}(?:\.\d{3})+,\d{1,2}", compact):
        value = float(compact.replace(".", "").replace(",", "."))
    else:
        value = float(compact.replace(",", "."))
    return value * 1000 if thousands else value


def _currency(*symbols: str | None) -> str | None:
    for symbol in symbols:
        if symbol:
            code = _CURRENCIES.get(symbol.strip().lower())
            if code:
                return code
    return None


def find_salary(text: str) -> Salary | None:
    """Return the pay range of a posting, or ``None``.

    Of several plausible amounts, one labelled as base pay wins over one
    labelled as on-target earnings or total compensation; otherwise the first.
    """
    best: tuple[int, int, Salary] | None = None
    lowered = caseless(text)
    matches = (
        SALARY_PATTERN.finditer(text) if lowered is None else _SALARY_LOWER.finditer(lowered)
    )
    for position, match in enumerate(matches):
        salary = _salary_from(match, text)
        if salary is None:
            continue
        lead = text[max(0, match.start() - 40) : match.start()].lower()
        rank = 0
        if re.search(r"\bbase\b", lead):
            rank += 2
        if re.search(r"\b(?:ote|on[\s-]target|total\s+comp\w*|bonus|commission)\b", lead):
            rank -= 2
        if best is None or rank > best[0]:
            best = (rank, position, salary)
    return best[2] if best else None


def _salary_from(match: re.Match[str], text: str) -> Salary | None:
    groups = match.groupdict()
    if groups["a"] is not None:
        low_text, high_text = groups["a"], groups["b"]
        k_low, k_high = groups["ka"], groups["kb"]
        currency = _currency(groups["c1"], groups["c2"], groups["c3"])
    elif groups["a2"] is not None:
        low_text, high_text = groups["a2"], groups["b2"]
        k_low, k_high = groups["ka2"], groups["kb2"]
        currency = _currency(groups["c4"], groups["c5"])
    else:
        low_text, high_text = groups["a3"], None
        k_low, k_high = groups["ka3"], None
        currency = _currency(groups["c6"])
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    line = text[line_start : line_end if line_end >= 0 else len(text)]
    tail = text[match.end() : match.end() + 25]
    lead = text[max(line_start, match.start() - 25) : match.start()]
    if _NOT_PAY.search(tail) or _NOT_PAY.search(lead):
        return None
    try:
        low = _number(low_text, k_low or (k_high if high_text else None))
        high = _number(high_text, k_high or k_low) if high_text else low
    except ValueError:
        return None
    period_text = groups["p1"] or groups["p2"] or groups["p3"] or ""
    word = _PERIOD_WORD.search(period_text.strip())
    period_word = word.group(1).lower().replace(".", "").replace(" ", "") if word else ""
    period = _PERIOD_NAMES.get(period_word)
    if period is None:
        period = _period_from_line(line) or _period_from_amount(high)
    # A range of amounts with a currency reads as pay on a posting's meta line
    # ("£50,000 – £60,000", "CHF 130'000–150'000"); plausibility checks follow.
    both_marked = high_text is not None
    if not (period_word or k_low or k_high or both_marked or _PAY_WORDS.search(line)):
        return None
    if high < low:
        low, high = high, low
    if currency is None:
        return None
    scale = _SCALE.get(currency, 1)
    if period_word == "" and _period_from_line(line) is None:
        period = _period_from_amount(high / scale)
    low_bound, high_bound = PLAUSIBLE[period]
    if not (low_bound * scale <= low and high <= high_bound * scale):
        return None
    lead = text[max(line_start, match.start() - 20) : match.start()].lower()
    if high_text is None and re.search(r"\b(?:up\s+to|max(?:imum)?|not\s+exceeding)\s*$", lead):
        return Salary(min=None, max=high, currency=currency, period=period)
    if high_text is None and re.search(r"\b(?:from|starting\s+(?:at|from)|min(?:imum)?)\s*$", lead):
        return Salary(min=low, max=None, currency=currency, period=period)
    return Salary(min=low, max=high, currency=currency, period=period)


def _period_from_line(line: str) -> str | None:
    found = re.search(
        r"\b(hourly|per\s+hour|an\s+hour|annual(?:ly)?|per\s+(?:year|annum)|"
        r"a\s+year|monthly|per\s+month|weekly|per\s+week|daily|per\s+day)\b",
        line,
        re.I,
    )
    if not found:
        return None
    word = found.group(1).lower()
    for key, period in (("hour", "hour"), ("year", "year"), ("annum", "year"), ("annual", "year"),
                        ("month", "month"), ("week", "week"), ("da", "day")):  # fmt: skip
        if key in word:
            return period
    return None


def _period_from_amount(amount: float) -> str:
    if amount >= 15_000:
        return "year"
    if amount < 300:
        return "hour"
    return "month"
