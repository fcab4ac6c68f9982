"""Code lists of the O*NET data model used by the O*NET importer.

The SOC 2018 major groups name an occupation's family; the category scales of
"Required Level of Education" (RL) and "Related Work Experience" (RW) turn the
distributions of ``Education_Training_and_Experience.csv`` into a typical
education and a typical number of years.
"""

from __future__ import annotations

#: SOC 2018 major group (first two digits of the code) -> family slug.
SOC_MAJOR_GROUPS: dict[str, str] = {
    "11": "management",
    "13": "business-and-financial-operations",
    "15": "computer-and-mathematical",
    "17": "architecture-and-engineering",
    "19": "life-physical-and-social-science",
    "21": "community-and-social-service",
    "23": "legal",
    "25": "educational-instruction-and-library",
    "27": "arts-design-entertainment-sports-and-media",
    "29": "healthcare-practitioners-and-technical",
    "31": "healthcare-support",
    "33": "protective-service",
    "35": "food-preparation-and-serving",
    "37": "building-and-grounds-cleaning-and-maintenance",
    "39": "personal-care-and-service",
    "41": "sales",
    "43": "office-and-administrative-support",
    "45": "farming-fishing-and-forestry",
    "47": "construction-and-extraction",
    "49": "installation-maintenance-and-repair",
    "51": "production",
    "53": "transportation-and-material-moving",
    "55": "military",
}

#: RL scale category -> education level.
EDUCATION_LEVELS: dict[int, str] = {
    1: "less than high school",
    2: "high school diploma",
    3: "post-secondary certificate",
    4: "some college",
    5: "associate's degree",
    6: "bachelor's degree",
    7: "post-baccalaureate certificate",
    8: "master's degree",
    9: "post-master's certificate",
    10: "first professional degree",
    11: "doctoral degree",
    12: "post-doctoral training",
}

#: RW scale category -> years of related experience (the category's lower bound).
EXPERIENCE_YEARS: dict[int, float] = {
    1: 0.0,  # none
    2: 0.0,  # up to 1 month
    3: 0.08,  # over 1 month, up to 3 months
    4: 0.25,
    5: 0.5,
    6: 1.0,
    7: 2.0,
    8: 4.0,
    9: 6.0,
    10: 8.0,
    11: 10.0,  # over 10 years
}


def median_category(shares: dict[int, float]) -> int | None:
    """Return the category at which the cumulative share reaches half the total.

    Args:
        shares: Category -> share of respondents (percent or fraction).

    Returns:
        The median category, or ``None`` when all shares are zero.
    """
    total = sum(shares.values())
    if total <= 0:
        return None
    running = 0.0
    for category in sorted(shares):
        running += shares[category]
        if running >= total / 2:
            return category
    return max(shares)
