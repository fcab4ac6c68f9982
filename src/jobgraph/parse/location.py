"""Read a coarse location (city, region, country) from a written place.

"Albuquerque, NM" -> city Albuquerque, region NM, country United States;
"Petah Tikva, Israel" -> city, country; "London, UK" -> United Kingdom;
"Remote" or an empty string -> ``None``.
"""

from __future__ import annotations

import re

from jobgraph.parse.geo import country_of, region_of
from jobgraph.parse.records import Location

_SPLIT = re.compile(r"\s*(?:,|\||/|;|\s[-–—]\s|\()\s*")
_NOT_PLACES = re.compile(
    r"\b(?:remote|anywhere|worldwide|global|various|multiple locations|hybrid|on-?site|"
    r"work from home|wfh|n/?a|tbd|telecommute)\b",
    re.IGNORECASE,
)
_CITY = re.compile(r"^[^\W\d_][^\W\d_.' -]*(?:[ .'-]+[^\W\d_]+){0,3}\.?$")
_POSTCODE = re.compile(r"\b\d{4,6}(?:-\d{4})?\b|\b[A-Z]\d[A-Z] ?\d[A-Z]\d\b")


def parse_location(raw: str | None) -> Location | None:
    """Parse a written location into city / region / country.

    Args:
        raw: A place as written ("Austin, TX 78701", "Berlin, Germany", "Rehovot").

    Returns:
        The location, or ``None`` for an empty, remote-only or unreadable value.
    """
    if not raw:
        return None
    text = " ".join(raw.split()).strip(" ,.;:-")
    if not text or len(text) > 80:
        return None
    cleaned = _NOT_PLACES.sub(" ", text.replace(")", " "))
    cleaned = _POSTCODE.sub(" ", cleaned)
    parts = [p.strip(" .") for p in _SPLIT.split(cleaned) if p and p.strip(" .")]
    if not parts:
        return None
    city = region = country = None
    remaining: list[str] = []
    for position, part in enumerate(parts):
        found_region = region_of(part) if (position > 0 or len(parts) == 1) else None
        found_country = country_of(part)
        if found_region and (position > 0 or not found_country) and region is None:
            region, implied = found_region
            country = country or implied
        elif (found_country and country is None) or (found_country and position == len(parts) - 1):
            country = found_country
        else:
            remaining.append(part)
    for part in remaining:
        if _CITY.match(part) and len(part) <= 40:
            city = part
            break
    if city is None and region is None and country is None:
        return None
    return Location(city=city, region=region, country=country, raw=text)


def looks_like_place(text: str) -> bool:
    """True when ``text`` names a known region or country (alone or after a city)."""
    cleaned = _POSTCODE.sub(" ", text.replace(")", " ")).strip()
    parts = [p.strip(" .") for p in _SPLIT.split(cleaned) if p.strip(" .")]
    if not parts or len(parts) > 4:
        return False
    if any(len(part.split()) > 3 or not part[:1].isupper() for part in parts):
        return False
    last = parts[-1]
    if country_of(last) or (len(parts) > 1 and region_of(last)):
        return True
    return len(parts) > 1 and country_of(parts[0]) is not None  # "Israel, Tel-Aviv"
