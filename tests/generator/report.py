"""A generated report: its text and its answer key (the rows every appendix view must show)."""

from __future__ import annotations

import random
from dataclasses import dataclass, field

from tests.generator.layout import document
from tests.generator.narrative import appendix_list, narrative
from tests.generator.spec import Options, Spec, make_spec
from tests.generator.tables_1_7 import tables_1_7
from tests.generator.tables_8_15 import tables_8_15


@dataclass
class Key:
    department: str
    fiscal_year: int
    views: dict[str, list[dict]]  # view -> rows in printed order, columns named as in sql/views
    findings: list[tuple[str, str]] = field(default_factory=list)  # (rule, severity): none when consistent


@dataclass
class Generated:
    spec: Spec
    text: str
    key: Key


def generate(spec: Spec) -> Generated:
    views: dict[str, list[dict]] = {}
    blocks = tables_1_7(spec, views) + tables_8_15(spec, views)
    # Page breaks and marker spacing come from their own stream: the spec does not depend on them.
    layout_rng = random.Random(f"layout-{spec.seed}")
    text = document(narrative(spec), appendix_list(), blocks, spec.department, spec.options.page_breaks, layout_rng)
    return Generated(spec, text, Key(spec.department, spec.year, views))


def generate_seed(seed: int, options: Options = Options(), who: tuple[str, int] | None = None) -> Generated:
    return generate(make_spec(seed, options, who))
