"""Passwords never reach a message, whichever way the connection string carries them."""

import pytest

from budget_db.urls import libpq_url, redact, sqlalchemy_url, with_login, without_password


@pytest.mark.parametrize("url, shown", [
    ("postgresql://analyst:s3cret@127.0.0.1:1/budget", "postgresql://analyst:***@127.0.0.1:1/budget"),
    ("postgresql+psycopg://analyst:p%40ss%3Aw0rd@db.example:5432/budget",
     "postgresql+psycopg://analyst:***@db.example:5432/budget"),
    ("postgresql://analyst@db/budget?password=s3cret&sslmode=require",
     "postgresql://analyst@db/budget?password=redacted&sslmode=require"),
    ("host=db port=5432 user=analyst password=s3cret dbname=budget",
     "host=db port=5432 user=analyst password=*** dbname=budget"),
    ("host=db password='s3 cret' dbname=budget", "host=db password=*** dbname=budget"),
    ("postgresql://analyst:s3cret@h1:5432,h2:5432/budget",
     "user=analyst password=*** dbname=budget host=h1,h2 port=5432,5432"),
    ("postgresql://analyst@127.0.0.1/budget", "postgresql://analyst@127.0.0.1/budget"),
])
def test_redact(url, shown):
    if "://" in shown:
        assert redact(url) == shown
    else:  # libpq names the parameters in an order of its own
        assert sorted(redact(url).split()) == sorted(shown.split())
    assert "s3cret" not in redact(url) and "s3 cret" not in redact(url)


def test_unreadable_strings_are_not_echoed():
    assert redact("host='unterminated password=s3cret") == "(a connection string that cannot be read)"


def test_driver_names():
    assert libpq_url("postgres://u:p%40w@h:5/db") == "postgresql://u:p%40w@h:5/db"
    assert sqlalchemy_url("postgresql://u:pw@h:5/db?sslmode=require") == "postgresql+psycopg://u:pw@h:5/db?sslmode=require"
    assert libpq_url("host=h dbname=db") == "host=h dbname=db"
    assert sqlalchemy_url("host=h dbname=db password=pw") == "postgresql+psycopg://?dbname=db&host=h&password=pw"


def test_login_urls():
    owner = "postgresql://postgres:super@127.0.0.1:54329/budget?password=super"
    assert with_login(owner, "metabase", "r/e@d") == "postgresql://metabase:r%2Fe%40d@127.0.0.1:54329/budget"
    assert without_password("postgresql://metabase:r%2Fe%40d@127.0.0.1:54329/budget") == (
        "postgresql://metabase@127.0.0.1:54329/budget", "r/e@d")
    assert without_password(owner) == ("postgresql://postgres@127.0.0.1:54329/budget", "super")
