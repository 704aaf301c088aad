"""Begrippenkader terms in question text: find them and mark them as links with an explanation."""

from __future__ import annotations

import html
import re
from collections.abc import Sequence

from zelfscan_app.domain.questionnaire import Term


class TermMarker:
    """Recognises every alias of every term (longest first, whole words, any case)."""

    def __init__(self, terms: Sequence[Term]) -> None:
        self.terms = tuple(terms)
        forms = sorted(
            {
                (alias.casefold(), i)
                for i, t in enumerate(self.terms)
                for alias in (t.term, *t.aliases)
            },
            key=lambda pair: -len(pair[0]),
        )
        self._owner: dict[str, int] = {}
        for form, i in forms:
            self._owner.setdefault(form, i)
        pattern = "|".join(re.escape(form) for form, _ in forms)
        self._regex = re.compile(rf"(?<!\w)({pattern})(?!\w)", re.IGNORECASE) if forms else None

    def found(self, text: str) -> tuple[Term, ...]:
        """The terms that occur in `text`, in order of first appearance, each once."""
        if self._regex is None:
            return ()
        seen: dict[int, None] = {}
        for match in self._regex.finditer(text):
            seen.setdefault(self._owner[match.group(1).casefold()], None)
        return tuple(self.terms[i] for i in seen)

    def term(self, index: int) -> Term:
        return self.terms[index]

    def to_html(self, text: str, link_colour: str, *, underline: bool = True) -> str:
        """`text` escaped, with each term occurrence as <a href="term:N">…</a>."""
        if self._regex is None:
            return html.escape(text)
        parts: list[str] = []
        last = 0
        for match in self._regex.finditer(text):
            parts.append(html.escape(text[last : match.start()]))
            index = self._owner[match.group(1).casefold()]
            parts.append(
                f'<a href="term:{index}" style="color:{link_colour}; '
                f'text-decoration: {"underline" if underline else "none"};">'
                f"{html.escape(match.group(1))}</a>"
            )
            last = match.end()
        parts.append(html.escape(text[last:]))
        return "".join(parts)

    @staticmethod
    def index_of(href: str) -> int | None:
        if href.startswith("term:") and href[5:].isdigit():
            return int(href[5:])
        return None
