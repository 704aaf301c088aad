"""Dates as Dutch readers write them, long ('3 maart 2025') or short ('03-03-2025'), for all."""

from __future__ import annotations

from datetime import date

MONTHS = (
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
)


def dutch_date(day: date) -> str:
    """'3 maart 2025': titles, sentences and documents."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def short_date(day: date) -> str:
    """'03-03-2025': table cells and lists, where a column of dates must line up."""
    return day.strftime("%d-%m-%Y")
