"""Counted Dutch nouns ("1 gemeente", "2 gemeenten"): one rule for views, workbooks, documents."""

from __future__ import annotations


def counted(n: int, one: str, many: str) -> str:
    """'1 gemeente' / '0 gemeenten' / '12 gemeenten'."""
    return f"{n} {one if n == 1 else many}"


def gemeenten(n: int) -> str:
    return counted(n, "gemeente", "gemeenten")
