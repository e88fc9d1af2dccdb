"""What readers see, and what the engine reads of the seeds, does not follow the process locale.

A plugin that calls `locale.setlocale(locale.LC_ALL, "")` on a Spanish machine changes `calendar.month_name`
for the whole process. The machine running the suite may have no Spanish locale (`locale -a`), so the test
sets `calendar`'s month names itself, as such a locale would: code that read them would print "junio 2019".
"""

from __future__ import annotations

import calendar
import subprocess
import sys
from pathlib import Path

import pytest
from pydantic import ValidationError

from macros.model.schema import Event
from macros.pages.templates import date_label

ROOT = Path(__file__).resolve().parent.parent
SPANISH = ["", "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre",
           "noviembre", "diciembre"]


@pytest.fixture
def spanish_months(monkeypatch):
    """calendar's month names as a Spanish LC_TIME makes them (set here: CI's machine has no such locale)."""
    monkeypatch.setattr(calendar, "month_name", SPANISH)
    monkeypatch.setattr(calendar, "month_abbr", [name[:3] for name in SPANISH])


def test_dates_readers_see_are_in_the_sites_words(spanish_months):
    assert [date_label(d) for d in ("2019", "2019-06", "2021-12-08")] == ["2019", "June 2019", "December 8, 2021"]


def test_the_seeds_printed_dates_are_still_read_when_the_locale_was_set_before_the_engine_loaded():
    """A plugin may set the locale before the engine is imported: month names read at import would be Spanish."""
    code = (f"import calendar; calendar.month_name = {SPANISH!r}\n"
            "from macros.opendata.schema_org import iso_date\n"
            "print(iso_date('June 9, 2019'), iso_date('junio 9, 2019'))")
    result = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    assert result.stdout.split() == ["2019-06-09", "None"]


def test_the_message_of_an_impossible_date_names_the_month_in_english(spanish_months):
    with pytest.raises(ValidationError, match="February 2021 has no day 30"):
        Event.model_validate({"id": "x", "date": "2021-02-30", "kind": "event", "period": "p", "title": "T",
                              "text": [{"text": "S.", "cite": [{"source": "s", "quote": "q"}]}]})
