"""The generated reports the analysis tests load beside the sample, with their answer keys.

One region (深圳市), so rankings have several departments: 福田区教育局 in 2019 and 2020 (year over
year; its first two projects carry the same names both years, so they are followed across years),
南山区水务局 and 宝安区民政局 in 2020 (no 2019 report: 三公 falls back on the report's own prior-year
column), and a 部门决算 of 福田区教育局 2020 (budget against final accounts). The 决算 is a
generated report whose title says 部门决算 — the Shenzhen template's title accepts it — so it loads
through the normal loader as kind 部门决算.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from tests.generator.report import Generated, generate
from tests.generator.spec import Options, make_spec

FUTIAN = "深圳市福田区教育局"
NANSHAN = "深圳市南山区水务局"
BAOAN = "深圳市宝安区民政局"


@dataclass(frozen=True)
class Case:
    name: str  # file name, and the key of LOADED
    seed: int
    department: str
    year: int
    options: Options
    final: bool = False  # a 部门决算


CASES = (
    Case("futian_2019", 101, FUTIAN, 2019, Options(projects=3, scope="本级")),
    Case("futian_2020", 102, FUTIAN, 2020, Options(projects=4, scope="本级")),
    Case("nanshan_2020", 103, NANSHAN, 2020, Options(projects=2, scope="本级", gov_fund=True)),
    Case("baoan_2020", 104, BAOAN, 2020, Options(projects=2, scope="部门", investment=False)),
    Case("futian_2020_final", 105, FUTIAN, 2020, Options(projects=3, scope="本级", gov_fund=True), final=True),
)
SHARED_PROJECTS = 2  # the first projects of futian_2019 are renamed as futian_2020's


def _final_text(text: str) -> str:
    """The title lines say 部门决算 instead of 部门预算 (nothing else changes)."""
    return re.sub(r"^(\d{4} ?年.+（.+）) 部门预算$", r"\1 部门决算", text, flags=re.MULTILINE)


def _with_project_names(spec, names: list[str]):
    """The spec with its first projects renamed (in 表5/13/15, the narrative and 表11 alike)."""
    renamed = {p.name: new for p, new in zip(spec.projects, names)}
    projects = tuple(replace(p, name=renamed.get(p.name, p.name)) for p in spec.projects)
    procurement = tuple(replace(p, name=renamed.get(p.name, p.name)) for p in spec.procurement)
    return replace(spec, projects=projects, procurement=procurement)


def build() -> dict[str, Generated]:
    specs = {c.name: make_spec(c.seed, c.options, (c.department, c.year)) for c in CASES}
    general = [p.name for p in specs["futian_2020"].projects if p.group == "一般性项目"][:SHARED_PROJECTS]
    taken = {p.name for p in specs["futian_2020"].projects}
    assert not taken & {p.name for p in specs["futian_2019"].projects[SHARED_PROJECTS:]}, "names collide"
    specs["futian_2019"] = _with_project_names(specs["futian_2019"], general)
    reports = {}
    for case in CASES:
        report = generate(specs[case.name])
        if case.final:
            report = replace(report, text=_final_text(report.text))
        reports[case.name] = report
    return reports


def main(folder: str) -> None:
    """Write the reports as text files, e.g. to load them beside the sample for the README's recipes."""
    from pathlib import Path

    target = Path(folder)
    target.mkdir(parents=True, exist_ok=True)
    for name, report in build().items():
        (target / f"{name}.txt").write_text(report.text, encoding="utf-8")
        print(target / f"{name}.txt")


if __name__ == "__main__":
    import sys

    main(sys.argv[1] if len(sys.argv) > 1 else "analysis-reports")
