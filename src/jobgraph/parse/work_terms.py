"""Work arrangement of a posting: remote / hybrid / onsite, and employment type.

Both read phrases about the job, not topics of the work: "remote sensing",
"hybrid cloud" and "contract management" are skills, not terms.
"""

from __future__ import annotations

import re

from jobgraph.parse.text import caseless

_REMOTE = re.compile(
    r"\b(?:fully|100%|completely|entirely|permanently)\s+remote\b"
    r"|\bremote[\s-](?:first|friendly|only|work(?:ing)?|position|role|job|opportunity|eligible"
    r"|option|possible|ok|allowed|available|based|employee|team|company|us|usa|uk|eu|europe)\b"
    r"|\bwork(?:ing)?\s+(?:from\s+home|remotely|from\s+anywhere)\b|\bwfh\b|\btelecommut\w*"
    r"|\b(?:location|workplace(?:\s+type)?|work\s+(?:model|location|mode)|type)\s*:\s*(?:\w+\s*[,/(-]\s*)?remote\b"
    r"|(?:^|\(|\||-|–|,)\s*remote\s*(?:$|\)|\||,|/)"
    r"|\bthis\s+(?:is\s+a\s+)?(?:role|position|job)\s+is\s+remote\b|\bcan\s+be\s+(?:done\s+)?remote(?:ly)?\b",
    re.IGNORECASE | re.MULTILINE,
)
_HYBRID = re.compile(
    r"\bhybrid(?:[\s-](?:work(?:ing)?|role|position|model|schedule|setup|arrangement|remote"
    r"|office|policy|environment|opportunity|job))?\s*(?:$|\)|\||,|/|\.|:|;|\s-\s)"
    r"|\bhybrid[\s-](?:work|working|role|position|model|schedule|setup|arrangement|remote)\b"
    r"|\b(?:location|workplace(?:\s+type)?|work\s+(?:model|mode))\s*:\s*(?:\w+\s*[,/(-]\s*)?hybrid\b"
    r"|\b\d\s*(?:-\s*\d\s*)?days?\s+(?:a|per)\s+week\s+(?:in|at)\s+(?:the\s+)?office\b"
    r"|\b(?:partly|partially)\s+remote\b|\bremote\s+and\s+(?:in[\s-]office|on[\s-]?site)\b",
    re.IGNORECASE | re.MULTILINE,
)
_ONSITE = re.compile(
    r"\bon[\s-]?site\s*(?:$|\)|\||,|/|\.|;|role|position|job|only|work)"
    r"|\b(?:in[\s-]office|in[\s-]person)\s+(?:role|position|job|work)\b"
    r"|\b(?:location|workplace(?:\s+type)?|work\s+(?:model|mode))\s*:\s*on[\s-]?site\b"
    r"|\b(?:not|no)\s+(?:a\s+)?remote\b|\bremote\s+work\s+is\s+not\b",
    re.IGNORECASE | re.MULTILINE,
)
_NOT_REMOTE_CONTEXT = re.compile(r"\b(?:not|no|non)[\s-]+(?:a\s+)?remote\b", re.I)

_TYPES: list[tuple[str, re.Pattern[str]]] = [
    ("internship", re.compile(
        r"\b(?:internship|intern|co-?op|placement\s+student|working\s+student)\b", re.I)),
    ("part_time", re.compile(r"\bpart[\s-]?time\b", re.I)),
    ("temporary", re.compile(
        r"\b(?:temporary|temp|seasonal|fixed[\s-]term|interim)\b(?!\s+(?:file|data|table))", re.I)),
    ("contract", re.compile(
        r"\b(?:contract(?:or)?\s*(?:role|position|basis|job|assignment|to[\s-]hire|only|\)|$|,|/)"
        r"|\d+[\s-]*(?:month|week|year)s?\s+contract|c2c|corp[\s-]to[\s-]corp|1099|freelance"
        r"|(?:type|employment|job\s+type)\s*:\s*contract)", re.I | re.M)),
    ("full_time", re.compile(r"\b(?:full[\s-]?time|permanent|regular\s+employee|fte)\b", re.I)),
]  # fmt: skip
# In the body, internship / temporary count only in phrases about this job
# ("a paid internship", "temporary position"), not "internship experience".
_BODY_PATTERNS = {
    "internship": re.compile(
        r"\b(?:this\s+(?:is\s+an?\s+)?internship|(?:summer|paid|unpaid|\d+[\s-]month)\s+internship"
        r"|internship\s+(?:program(?:me)?|position|role|opportunity))\b",
        re.I,
    ),
    "temporary": re.compile(
        r"\b(?:temporary|seasonal|fixed[\s-]term|interim)\s+(?:position|role|job|assignment"
        r"|contract|employment|basis)\b",
        re.I,
    ),
}
# Words every match of a pattern above contains, in lower case: a text with none of
# them is not searched (a whole-text case-blind search costs about a millisecond).
_REMOTE_NEEDS = ("remote", "home", "anywhere", "wfh", "telecommut")
_HYBRID_NEEDS = ("hybrid", "office", "remote")
_ONSITE_NEEDS = ("site", "office", "person", "remote")
_TYPE_NEEDS = {
    "internship": ("intern",),  # the body pattern: "internship"
    "part_time": ("part",),
    "temporary": ("temporary", "seasonal", "fixed", "interim"),
    "contract": ("contract", "c2c", "corp", "1099", "freelance"),
    "full_time": ("full", "permanent", "regular", "fte"),
}


def _has_any(lowered: str | None, needles: tuple[str, ...]) -> bool:
    """Whether a pattern needing one of ``needles`` may match (always, without a text).

    ``lowered``: :func:`~jobgraph.parse.text.caseless` of the text.
    """
    return lowered is None or any(needle in lowered for needle in needles)


_TYPE_LABEL = re.compile(
    r"\b(?:employment|job|contract|position|work)\s*type\s*:\s*(?P<value>[^\n]{1,60})", re.I
)


def remote_mode(text: str, *, title: str = "", location: str = "") -> str:
    """Return "remote", "hybrid", "onsite" or "unknown" for a posting.

    Args:
        text: The posting text.
        title: Its title ("Data Engineer (Remote)").
        location: Its location line ("Remote - US", "Berlin (Hybrid)").
    """
    for source in (title, location):
        if source and re.search(r"\bhybrid\b", source, re.I):
            return "hybrid"
        if (
            source
            and re.search(r"\bremote\b", source, re.I)
            and not _NOT_REMOTE_CONTEXT.search(source)
        ):
            return "remote"
    from_meta = _mode_from_meta_lines(text)
    if from_meta is not None:
        return from_meta
    lowered = caseless(text)
    if _has_any(lowered, _HYBRID_NEEDS) and _HYBRID.search(text):
        return "hybrid"
    onsite = _ONSITE.search(text) if _has_any(lowered, _ONSITE_NEEDS) else None
    remote = _REMOTE.search(text) if _has_any(lowered, _REMOTE_NEEDS) else None
    if onsite and remote:
        return "onsite" if _NOT_REMOTE_CONTEXT.search(text) else "hybrid"
    if remote:
        return "remote"
    if onsite:
        return "onsite"
    return "unknown"


_META_SPLIT = re.compile(r"\s*[·•|—–]\s*|\s+-\s+|\s*[,;]\s*|\(|\)")
# One named group per mode, so the mode is read from which alternative matched
# (spelling variants such as "onsite" / "on-site" / "On Site" all land in one).
_MODE_PIECE = re.compile(
    r"^(?:(?P<remote>(?:fully\s+)?remote)|(?P<hybrid>hybrid)"
    r"|(?P<onsite>on[\s-]?site|in[\s-]person|in[\s-]office|office[\s-]based))"
    r"(?:\s+(?P<next>\S+))?",
    re.IGNORECASE,
)
_MODE_GROUPS = ("remote", "hybrid", "onsite")
_NOT_MODE_NEXT = frozenset(
    {
        "sensing",
        "monitoring",
        "patient",
        "patients",
        "desktop",
        "access",
        "support",
        "management",
        "control",
        "diagnostics",
        "server",
        "servers",
        "operation",
        "operations",
        "device",
        "devices",
        "system",
        "systems",
        "troubleshooting",
        "assistance",
        "administration",
        "connection",
        "connections",
        "technologies",
        "technology",
        "cloud",
        "app",
        "apps",
        "mobile",
        "vehicle",
        "vehicles",
        "car",
        "cars",
        "integration",
        "architecture",
        "training",
        "visits",
        "visit",
    }
)


def _mode_from_meta_lines(text: str) -> str | None:
    """Read the work mode from a posting's meta line ("Leeds · Hybrid · Full-time").

    Such lines list short facts between separators; a piece that opens with a
    mode word ("Remote (EU time zones)", "Hybrid after 90 days", "in person")
    names the mode.
    """
    for line in text[:3000].split("\n")[:25]:
        if len(line) > 200 or not _META_SPLIT.search(line):
            continue
        for piece in _META_SPLIT.split(line):
            words = piece.strip(" _*").split()
            if not words or len(words) > 6:
                continue
            match = _MODE_PIECE.match(" ".join(words))
            if match is None:
                continue
            following = (match.group("next") or "").lower().strip(".,")
            if following in _NOT_MODE_NEXT:
                continue
            return next(name for name in _MODE_GROUPS if match.group(name) is not None)
    return None


def employment_type(text: str, *, title: str = "") -> str | None:
    """Return full_time, part_time, contract, temporary, internship or ``None``.

    A type in the title wins, then a labelled line ("Job Type: Contract"), then
    the earliest phrase in the text.
    """
    lowered = caseless(text)
    label = _TYPE_LABEL.search(text) if _has_any(lowered, ("type",)) else None
    for source in (title, label.group("value") if label else ""):
        for name, pattern in _TYPES:
            if source and pattern.search(source):
                return name
    head = text[:6000]
    lowered = lowered[:6000] if lowered is not None else None
    earliest: tuple[int, str] | None = None
    for name, pattern in _TYPES:
        if not _has_any(lowered, _TYPE_NEEDS[name]):
            continue
        found = _BODY_PATTERNS.get(name, pattern).search(head)
        if found and (earliest is None or found.start() < earliest[0]):
            earliest = (found.start(), name)
    return earliest[1] if earliest else None
