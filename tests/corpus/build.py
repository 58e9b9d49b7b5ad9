"""Build a corpus: pages of every layout for one seed, each with its truth."""

from __future__ import annotations

import random
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from sample_site.data import Career, load_site
from tests.corpus.layouts import IN_SAMPLE, Ctx, Layout
from tests.corpus.markup import Markup
from tests.corpus.model import LOCALES, truth
from tests.corpus.values import draw_facts


@dataclass(frozen=True, slots=True)
class CorpusPage:
    layout: str
    path: str  # path and query on its layout's site
    html: str
    truth: dict[str, Any]  # model.FIELDS -> expected published value


@dataclass(frozen=True, slots=True)
class Corpus:
    seed: int
    pages: tuple[CorpusPage, ...]

    def layouts(self) -> list[str]:
        return list(dict.fromkeys(p.layout for p in self.pages))

    def of(self, layout: str) -> list[CorpusPage]:
        return [p for p in self.pages if p.layout == layout]


@cache
def _occupations() -> tuple[Career, ...]:
    return load_site().careers


def build_corpus(seed: int, per_layout: int = 6, layouts: Sequence[Layout] = IN_SAMPLE) -> Corpus:
    """`per_layout` pages of each layout; occupations are distinct within one corpus."""
    occupations = list(_occupations())
    if per_layout * len(layouts) > len(occupations):
        raise ValueError(f"at most {len(occupations) // len(layouts)} pages per layout")
    random.Random(seed).shuffle(occupations)
    pages = []
    number = 0
    for li, layout in enumerate(layouts):
        for i in range(per_layout):
            career = occupations[li * per_layout + i]
            rng = random.Random(f"{seed}:{layout.name}:{i}")
            locale = LOCALES[rng.choice(layout.locales)]
            facts = draw_facts(
                rng,
                career,
                locale,
                slug=career.slug,
                tools=layout.tools and rng.random() < 0.5,
                sentences=layout.sentences and rng.random() < 0.6,
            )
            style = rng.choice(layout.styles)
            others = [c.title for c in occupations if c.category == career.category][:6]
            others = [t for t in others if t != career.title] or ["Office manager"]
            ctx = Ctx(rng, Markup(rng, style, "career"), facts, layout.site, others, number)
            number += 1
            rendered = layout.render(ctx)
            pages.append(
                CorpusPage(layout.name, rendered.path, rendered.html, truth(rendered.facts))
            )
    return Corpus(seed, tuple(pages))
