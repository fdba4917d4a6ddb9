"""A class's before/after knowledge-check results: what a school sees of its own effect.

Only complete runs count (every item answered), so a child who stopped halfway does not
pull an average down. The effect size is the standardised mean difference of the
learners who answered both before and after, (mean after - mean before) / pooled SD, the
measure the Cochrane review reports (questionnaire knowledge SMD 0.61), so a school can
compare like with like. With fewer than two such learners there is no effect size.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from statistics import mean, stdev

from app.core.checks import KnowledgeCheck

MIN_FOR_EFFECT = 2


@dataclass(frozen=True)
class ItemResult:
    item_id: str
    skill: str
    before: float | None  # share of complete "before" runs that got it right
    after: float | None


@dataclass(frozen=True)
class CheckReport:
    check: KnowledgeCheck
    before: tuple[float, ...]  # each complete "before" run's share right
    after: tuple[float, ...]
    paired: tuple[tuple[float, float], ...]  # (before, after) of learners with both
    items: tuple[ItemResult, ...]

    @property
    def mean_before(self) -> float | None:
        return mean(self.before) if self.before else None

    @property
    def mean_after(self) -> float | None:
        return mean(self.after) if self.after else None

    @property
    def mean_gain(self) -> float | None:
        """Average change of the learners who answered both times."""
        return mean(a - b for b, a in self.paired) if self.paired else None

    @property
    def effect_size(self) -> float | None:
        """SMD of the paired learners; None when there are too few or no spread at all."""
        if len(self.paired) < MIN_FOR_EFFECT:
            return None
        before = [b for b, _ in self.paired]
        after = [a for _, a in self.paired]
        pooled = ((stdev(before) ** 2 + stdev(after) ** 2) / 2) ** 0.5
        if pooled == 0:
            return None
        return (mean(after) - mean(before)) / pooled


def check_report(
    check: KnowledgeCheck, answers: Iterable[tuple[int, str, str, bool]]
) -> CheckReport:
    """answers: (learner, phase, item id, correct) rows, as the store keeps them."""
    item_ids = {i.id for i in check.items}
    runs: dict[tuple[int, str], dict[str, bool]] = {}
    for learner, phase, item_id, correct in answers:
        if item_id in item_ids:  # an item since removed from the check is left out
            runs.setdefault((learner, phase), {})[item_id] = bool(correct)
    complete = {key: run for key, run in runs.items() if set(run) == item_ids}

    def scores(phase: str) -> dict[int, float]:
        return {
            learner: sum(run.values()) / len(item_ids)
            for (learner, p), run in sorted(complete.items())
            if p == phase
        }

    before, after = scores("before"), scores("after")
    paired = tuple((before[x], after[x]) for x in sorted(before) if x in after)

    def item_share(item_id: str, phase: str) -> float | None:
        results = [run[item_id] for (_, p), run in complete.items() if p == phase]
        return sum(results) / len(results) if results else None

    items = tuple(
        ItemResult(i.id, i.skill, item_share(i.id, "before"), item_share(i.id, "after"))
        for i in check.items
    )
    return CheckReport(check, tuple(before.values()), tuple(after.values()), paired, items)
