"""Place names for coarse location parsing: countries, and the regions of a few.

Kept deliberately small: a location is used for matching at city / region /
country level, so knowing the country names (with their usual short forms) and
the first-level regions of the countries whose addresses usually omit the
country (US, Canada, Australia, India) is enough.
"""

from __future__ import annotations

_COUNTRY_NAMES = """
Afghanistan; Albania; Algeria; Andorra; Angola; Argentina; Armenia; Australia; Austria;
Azerbaijan; Bahamas; Bahrain; Bangladesh; Barbados; Belarus; Belgium; Belize; Benin;
Bhutan; Bolivia; Bosnia and Herzegovina; Botswana; Brazil; Brunei; Bulgaria; Burkina Faso;
Burundi; Cambodia; Cameroon; Canada; Chile; China; Colombia; Costa Rica; Croatia; Cuba;
Cyprus; Czech Republic; Denmark; Dominican Republic; Ecuador; Egypt; El Salvador; Estonia;
Ethiopia; Fiji; Finland; France; Georgia; Germany; Ghana; Greece; Guatemala; Honduras;
Hong Kong; Hungary; Iceland; India; Indonesia; Iran; Iraq; Ireland; Israel; Italy;
Ivory Coast; Jamaica; Japan; Jordan; Kazakhstan; Kenya; Kosovo; Kuwait; Kyrgyzstan; Laos;
Latvia; Lebanon; Libya; Liechtenstein; Lithuania; Luxembourg; Madagascar; Malawi;
Malaysia; Maldives; Mali; Malta; Mauritius; Mexico; Moldova; Monaco; Mongolia; Montenegro;
Morocco; Mozambique; Myanmar; Namibia; Nepal; Netherlands; New Zealand; Nicaragua; Niger;
Nigeria; North Macedonia; Norway; Oman; Pakistan; Palestine; Panama; Paraguay; Peru;
Philippines; Poland; Portugal; Puerto Rico; Qatar; Romania; Russia; Rwanda; Saudi Arabia;
Senegal; Serbia; Singapore; Slovakia; Slovenia; Somalia; South Africa; South Korea; Spain;
Sri Lanka; Sudan; Sweden; Switzerland; Syria; Taiwan; Tajikistan; Tanzania; Thailand;
Tunisia; Turkey; Turkmenistan; Uganda; Ukraine; United Arab Emirates; United Kingdom;
United States; Uruguay; Uzbekistan; Venezuela; Vietnam; Yemen; Zambia; Zimbabwe
"""
_COUNTRY_ALIASES = {
    "usa": "United States", "us": "United States", "u.s.": "United States",
    "u.s.a.": "United States", "united states of america": "United States",
    "america": "United States", "uk": "United Kingdom", "u.k.": "United Kingdom",
    "great britain": "United Kingdom", "britain": "United Kingdom",
    "england": "United Kingdom", "scotland": "United Kingdom", "wales": "United Kingdom",
    "northern ireland": "United Kingdom", "uae": "United Arab Emirates",
    "deutschland": "Germany", "holland": "Netherlands", "the netherlands": "Netherlands",
    "korea": "South Korea", "republic of korea": "South Korea", "czechia": "Czech Republic",
    "russian federation": "Russia", "türkiye": "Turkey", "turkiye": "Turkey",
    "viet nam": "Vietnam", "espana": "Spain", "españa": "Spain", "italia": "Italy",
    "schweiz": "Switzerland", "suisse": "Switzerland", "österreich": "Austria",
    "macedonia": "North Macedonia", "côte d'ivoire": "Ivory Coast", "ksa": "Saudi Arabia",
    "prc": "China", "mainland china": "China",
}  # fmt: skip

US_STATES = {
    "AL": "Alabama", "AK": "Alaska", "AZ": "Arizona", "AR": "Arkansas", "CA": "California",
    "CO": "Colorado", "CT": "Connecticut", "DE": "Delaware", "FL": "Florida", "GA": "Georgia",
    "HI": "Hawaii", "ID": "Idaho", "IL": "Illinois", "IN": "Indiana", "IA": "Iowa",
    "KS": "Kansas", "KY": "Kentucky", "LA": "Louisiana", "ME": "Maine", "MD": "Maryland",
    "MA": "Massachusetts", "MI": "Michigan", "MN": "Minnesota", "MS": "Mississippi",
    "MO": "Missouri", "MT": "Montana", "NE": "Nebraska", "NV": "Nevada",
    "NH": "New Hampshire", "NJ": "New Jersey", "NM": "New Mexico", "NY": "New York",
    "NC": "North Carolina", "ND": "North Dakota", "OH": "Ohio", "OK": "Oklahoma",
    "OR": "Oregon", "PA": "Pennsylvania", "RI": "Rhode Island", "SC": "South Carolina",
    "SD": "South Dakota", "TN": "Tennessee", "TX": "Texas", "UT": "Utah", "VT": "Vermont",
    "VA": "Virginia", "WA": "Washington", "WV": "West Virginia", "WI": "Wisconsin",
    "WY": "Wyoming", "DC": "District of Columbia",
}  # fmt: skip
CA_PROVINCES = {
    "AB": "Alberta", "BC": "British Columbia", "MB": "Manitoba", "NB": "New Brunswick",
    "NL": "Newfoundland and Labrador", "NS": "Nova Scotia", "ON": "Ontario",
    "PE": "Prince Edward Island", "QC": "Quebec", "SK": "Saskatchewan",
    "NT": "Northwest Territories", "NU": "Nunavut", "YT": "Yukon",
}  # fmt: skip
AU_STATES = {
    "NSW": "New South Wales", "VIC": "Victoria", "QLD": "Queensland",
    "WA": "Western Australia", "SA": "South Australia", "TAS": "Tasmania",
    "ACT": "Australian Capital Territory", "NT": "Northern Territory",
}  # fmt: skip
IN_STATES = (
    "Andhra Pradesh; Arunachal Pradesh; Assam; Bihar; Chhattisgarh; Goa; Gujarat; Haryana; "
    "Himachal Pradesh; Jharkhand; Karnataka; Kerala; Madhya Pradesh; Maharashtra; Manipur; "
    "Meghalaya; Mizoram; Nagaland; Odisha; Punjab; Rajasthan; Sikkim; Tamil Nadu; Telangana; "
    "Tripura; Uttar Pradesh; Uttarakhand; West Bengal; Delhi"
)

COUNTRIES: dict[str, str] = {
    name.strip().lower(): name.strip() for name in _COUNTRY_NAMES.split(";") if name.strip()
}
COUNTRIES.update(_COUNTRY_ALIASES)

# Region name or code (lower case) -> (region as written canonically, country).
REGIONS: dict[str, tuple[str, str]] = {}
for _code, _name in US_STATES.items():
    REGIONS[_name.lower()] = (_code, "United States")
    REGIONS[_code.lower()] = (_code, "United States")
for _code, _name in CA_PROVINCES.items():
    REGIONS.setdefault(_name.lower(), (_code, "Canada"))
    REGIONS.setdefault(_code.lower(), (_code, "Canada"))
for _code, _name in AU_STATES.items():
    REGIONS.setdefault(_name.lower(), (_code, "Australia"))
    # WA, SA and NT keep their earlier (US, Canadian) meaning; NSW, VIC, QLD… are unambiguous.
    REGIONS.setdefault(_code.lower(), (_code, "Australia"))
for _name in IN_STATES.split(";"):
    REGIONS.setdefault(_name.strip().lower(), (_name.strip(), "India"))
# Two-letter codes that are also common words are only regions in upper case.
AMBIGUOUS_CODES = frozenset({"in", "or", "me", "hi", "ok", "oh", "id", "de", "pa", "la", "ma"})


def country_of(text: str) -> str | None:
    """Return the canonical country name for ``text`` ("USA" -> "United States")."""
    return COUNTRIES.get(text.strip().strip(".").lower()) or COUNTRIES.get(text.strip().lower())


def region_of(text: str) -> tuple[str, str] | None:
    """Return ``(region, country)`` for a first-level region name or code."""
    stripped = text.strip().strip(".")
    key = stripped.lower()
    if key in AMBIGUOUS_CODES and not stripped.isupper():
        return None
    if len(stripped) <= 3 and not stripped.isupper():
        return None
    return REGIONS.get(key)
