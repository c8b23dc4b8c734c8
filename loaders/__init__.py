"""Parsing a budget report's text into typed records (text -> records)."""
