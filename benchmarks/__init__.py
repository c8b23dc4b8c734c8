"""Benchmarks of budget-db (run `python -m benchmarks.load_throughput --help`)."""
