"""Plain-text renderings of suggestions, for the CLI, the demo and notebooks."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from jobgraph.careers.model import CareerPath, MissingSkill, NextRole, SkillUnlock


def skill_list(skills: Sequence[MissingSkill], limit: int = 6) -> str:
    """``"etl, airflow (essential); kafka (optional)"``, most important first."""
    essential = [s.name for s in skills if s.essential][:limit]
    optional = [s.name for s in skills if not s.essential][: max(0, limit - len(essential))]
    parts = []
    if essential:
        more = sum(1 for s in skills if s.essential) - len(essential)
        parts.append(", ".join(essential) + (f" +{more}" if more > 0 else "") + " (essential)")
    if optional:
        parts.append(", ".join(optional) + " (optional)")
    return "; ".join(parts) or "nothing"


def next_roles_text(title: str, roles: Sequence[NextRole]) -> list[str]:
    """Numbered next roles with evidence and missing skills."""
    lines = [f"Next roles from {title}:"]
    if not roles:
        lines.append("  (none found)")
    for rank, role in enumerate(roles, start=1):
        lines.append(
            f"{rank:>3}. {role.title} [{role.occupation_id}]  score {role.score:.3f}, "
            f"{role.coverage:.0%} of its skills held"
        )
        for evidence in role.evidence:
            lines.append(f"       via {evidence.source} ({evidence.score:.2f}): {evidence.detail}")
        lines.append(f"       missing {skill_list(role.missing_skills)}")
    return lines


def path_text(path: CareerPath, titles: Mapping[str, str], number: int = 1) -> list[str]:
    """One path: the chain of titles, then each step's likelihood and gap."""
    chain = " -> ".join(titles.get(oid, oid) for oid in path.occupation_ids)
    steps = f"{len(path.steps)} step" + ("s" if len(path.steps) > 1 else "")
    lines = [f"Path {number} (cost {path.cost:.2f}, {steps}): {chain}"]
    for index, step in enumerate(path.steps, start=1):
        now = "could apply now" if step.ready_now else "not yet"
        lines.append(
            f"  step {index}: {titles.get(step.from_id, step.from_id)} -> {step.title}  "
            f"likelihood {step.likelihood:.2f}; {now} "
            f"({step.coverage_now:.0%} of its essential skills held today)"
        )
        lines.append(f"     to acquire: {skill_list(step.to_acquire)}")
    return lines


def unlocks_text(unlocks: Sequence[SkillUnlock], titles: Mapping[str, str]) -> list[str]:
    """The skills that open most, with what they open."""
    lines = ["Skills that unlock most:"]
    if not unlocks:
        lines.append("  (none: no missing skills among the suggested roles)")
    for unlock in unlocks:
        opened = ", ".join(titles.get(oid, oid) for oid in unlock.roles_opened[:4]) or "-"
        lines.append(
            f"  {unlock.name}: opens {len(unlock.roles_opened)} role(s) ({opened}), "
            f"{len(unlock.postings_opened)} posting(s); "
            f"missing from {unlock.roles_closer} suggestions"
        )
    return lines
