"""The draw itself: a pure function of the population, the number, the inspectors and the
seed, so that anyone holding a run's record can draw it again and get the same result."""

import math
import random


def sample_size(population: int, *, percentage=None, count=None) -> int:
    if count is not None:
        return min(count, population)
    if not population or not percentage:
        return 0
    return min(population, max(1, math.ceil(population * percentage / 100)))


def draw(population_ids, size: int, inspector_ids, seed: str) -> list[tuple[int, int]]:
    """[(letter id, inspector id)] in draw order: letters sampled from the sorted population,
    then one inspector per letter from the sorted list, with ``random.Random(seed)``."""
    # Reproducible from the recorded seed by design; the seed itself comes from ``secrets``.
    rng = random.Random(seed)  # noqa: S311
    letters = rng.sample(sorted(population_ids), size)
    inspectors = sorted(inspector_ids)
    return [(letter, rng.choice(inspectors)) for letter in letters]
