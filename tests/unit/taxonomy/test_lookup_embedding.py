"""The embedding fallback of TaxonomyLookup with the real MiniLM encoder."""

from __future__ import annotations

from jobgraph.embed.text_encoder import MiniLMEncoder
from jobgraph.taxonomy.lookup import TaxonomyLookup
from jobgraph.taxonomy.model import Occupation, Skill, Taxonomy


def test_embedding_fallback_finds_paraphrases_and_rejects_noise() -> None:
    skills = [
        Skill("machine-learning", "Machine Learning"),
        Skill("customer-service", "Customer Service"),
        Skill("forklift", "Forklift Operation"),
        Skill("bookkeeping", "Bookkeeping"),
        Skill("wound-care", "Wound Care"),
    ]
    occupations = [Occupation("pastry-chef", "Pastry Chef"), Occupation("nurse", "Nurse")]
    taxonomy = Taxonomy(
        skills={skill.id: skill for skill in skills},
        occupations={occupation.id: occupation for occupation in occupations},
    )
    encoder = MiniLMEncoder(device="cpu")
    with_encoder = TaxonomyLookup(taxonomy, encoder=encoder, min_confidence=0.6)
    without_encoder = TaxonomyLookup(taxonomy, min_confidence=0.6)

    paraphrase = "operating forklift trucks"
    assert without_encoder.skill(paraphrase) is None
    result = with_encoder.skill(paraphrase)
    assert result is not None
    assert (result.id, result.method) == ("forklift", "embedding")
    assert 0.6 <= result.confidence < 1.0

    # The dictionary tiers still win when they apply.
    assert with_encoder.skill("machine learning").method == "exact"  # type: ignore[union-attr]
    # Unrelated text stays below the bar.
    assert with_encoder.skill("quarterly tax filing deadline in Ohio") is None

    ranked = with_encoder.search_skills("looking after customers", limit=3)
    assert ranked[0].id == "customer-service" and len(ranked) == 3

    title = with_encoder.occupation("Baker of cakes and pastries")
    assert title is not None and title.id == "pastry-chef"
