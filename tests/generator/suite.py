"""The mutation suite: every mutation on every base report, loaded in one batch, each outcome
classified as (a) read right, (b) refused naming table and line, (c) an error finding,
(d) loaded wrong and silent, or a traceback (the parser failed)."""

from __future__ import annotations

import copy
import random
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import psycopg

from tests.generator.mutations import MUTATIONS, Mutation
from tests.generator.report import Generated, Key, generate_seed
from tests.generator.spec import Options, identity
from tests.generator.verify import findings, load_texts, view_differences

# Two 一般性项目 and no 财政专项资金拨款: 表2 then has an empty cell between filled ones.
BASES = (("one unit", 41, Options(page_breaks=0, projects=2, investment=True, units=1)),
         ("three units with 合计", 42, Options(page_breaks=0, projects=3, investment=True, units=3)))
FAILURES = ("d", "traceback")


@dataclass
class Case:
    mutation: Mutation
    base: str
    report: Generated
    text: str
    key: Key
    outcome: str = ""
    detail: str = ""


def cases() -> list[Case]:
    """Every (mutation, base) the mutation applies to, each with a department and year of its own."""
    found = []
    for mutation in MUTATIONS:
        for base, seed, options in BASES:
            report = generate_seed(seed, options, identity(len(found)))
            text = mutation.apply(report.text, random.Random(f"{mutation.name}-{seed}"))
            if text is None or text == report.text:
                continue
            key = copy.deepcopy(report.key)
            if mutation.key:
                mutation.key(key)
            found.append(Case(mutation, base, report, text, key))
    return found


def classify(conn: psycopg.Connection, case: Case, result) -> tuple[str, str]:
    points_at = case.mutation.points_at
    if result.outcome == "refused":
        message = result.message
        if "the parser failed" in message:
            return "traceback", message
        if "\n" in message.strip() or not (re.search(r"表\s*\d", message) and re.search(r"line \d", message)):
            return "b-unplaced", message
        if points_at and not re.search(points_at, message):
            return "b-elsewhere", message
        return "b", message
    errors = findings(conn, result.report_id, "error")
    if errors:
        texts = [f"{place} {message}" for _, _, place, message in errors]
        if points_at and not any(re.search(points_at, t) for t in texts):
            return "c-elsewhere", "; ".join(texts[:3])
        return "c", "; ".join(texts[:3])
    differences = view_differences(conn, result.report_id, case.key)
    return ("d", differences[0]) if differences else ("a", "")


def run(url: str, folder: Path) -> list[Case]:
    found = cases()
    results = load_texts(url, folder, {f"m{index:03d}": case.text for index, case in enumerate(found)})
    with psycopg.connect(url, autocommit=True) as conn:
        for index, case in enumerate(found):
            case.outcome, case.detail = classify(conn, case, results[f"m{index:03d}"])
    return found


def summary(found: list[Case]) -> str:
    """The table of outcomes: per issue class, per mutation."""
    lines = ["outcomes per issue-10 class (a read right, b refused, c error finding, d wrong and silent):"]
    by_class: dict[str, Counter] = {}
    for case in found:
        by_class.setdefault(case.mutation.issue_class, Counter())[case.outcome] += 1
    for issue_class, counts in by_class.items():
        lines.append(f"  {issue_class:<18} " + "  ".join(f"{o}: {n}" for o, n in sorted(counts.items())))
    total = Counter(case.outcome for case in found)
    lines.append(f"  {'all':<18} " + "  ".join(f"{o}: {n}" for o, n in sorted(total.items())))
    lines.append("per mutation (outcome on each base; accepted outcomes in brackets):")
    for mutation in MUTATIONS:
        mine = [c for c in found if c.mutation is mutation]
        shown = ", ".join(f"{c.base}: {c.outcome}" for c in mine) or "not applicable"
        lines.append(f"  [{''.join(sorted(mutation.accepted))}] {mutation.name}: {shown}")
    return "\n".join(lines)


def main() -> None:
    import tempfile

    from budget_db import migrate
    from budget_db.embedded import EmbeddedServer, free_port

    home = Path(tempfile.mkdtemp(prefix="budget-db-mutations-"))
    home.chmod(0o755)  # the server's own user must reach its data folder
    server = EmbeddedServer(home, free_port())
    server.start()
    try:
        url = server.url("postgres")
        migrate.upgrade(url)
        found = run(url, home / "reports")
        print(summary(found))
        for case in found:
            if case.outcome not in case.mutation.accepted:
                print(f"- {case.mutation.name} / {case.base}: {case.outcome}: {case.detail[:240]}")
    finally:
        server.destroy()
