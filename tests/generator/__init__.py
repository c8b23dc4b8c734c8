"""Test data of our own (issue 10): reports in the Shenzhen 15-table template, with answer keys.

The spec (spec.py) is compact: `Options` switches the classes of the spec space (units, 合计 row
first/last/none, 表8/表9 filled, projects, page breaks, 表15 variants, scope); `make_spec(seed,
options, (department, year))` draws the rest (amounts at the leaves, summed upwards, so every
total adds up exactly). `generate(spec)` gives the text (narrative, 表.1 … 表.15-N with page-break
furniture as the sample prints it) and the `Key`: for each appendix view t01 … t15, the rows in
printed order with the view's columns (derived ones too), and the expected findings (none).

    from tests.generator.report import generate_seed
    report = generate_seed(1, Options(units=3, total_row="none"))
    report.text, report.key.views["t02_income_budget"]

space.py is the property test's spec space, mutations.py / suite.py the mutation suite
(`python -m tests.generator.mutations` prints its table of outcomes).
"""
