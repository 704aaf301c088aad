"""Anonymity rules: stable letter codes for municipalities, and scrubbing names from free text.

Pure functions and frozen values only (no files, no clock, no global randomness): the random
source is passed in, so the rules are tested exhaustively and every output — GUI, workbook,
JSON, Word, chart — obeys the same ones.
"""

from __future__ import annotations

import hashlib
import hmac
import random
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType

from zelfscan_app.domain.region import letter_code

CODE_PREFIX = "Gemeente "


def fold(text: str) -> str:
    """Case, diacritics and spacing folded away: 'Áldermeer' and 'ALDERMEER ' fold the same."""
    decomposed = unicodedata.normalize("NFKD", text)
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(stripped.casefold().split())


# Letter codes -----------------------------------------------------------------------------


@dataclass(frozen=True)
class LetterKey:
    """Which letter each municipality got, keyed by a secret so the file names no one.

    A municipality is stored as HMAC-SHA256(secret, folded name), never by name; without the
    secret the letters cannot be traced back by trying the 342 municipality names. A name seen
    before keeps its letter; new names get the next free letters in a random order (never
    alphabetical, which would hint at who is who). Codes are never reused for another name.
    """

    secret: bytes
    letters: Mapping[str, str] = field(default_factory=dict)  # token → code ('A', 'AB')

    def __post_init__(self) -> None:
        if len(self.secret) < 16:
            raise ValueError("the secret must be at least 16 bytes")
        object.__setattr__(self, "letters", MappingProxyType(dict(self.letters)))

    def token(self, name: str) -> str:
        return hmac.new(self.secret, fold(name).encode("utf-8"), hashlib.sha256).hexdigest()

    def assign(self, names: Iterable[str], rng: random.Random) -> tuple[LetterKey, dict[str, str]]:
        """Codes ('Gemeente A', …) for `names`, and the key that remembers any new ones."""
        unique = sorted({n for n in names if fold(n)}, key=fold)
        letters = dict(self.letters)
        used = set(letters.values())
        new = [n for n in unique if self.token(n) not in letters]
        rng.shuffle(new)
        index = 0
        for name in new:
            token = self.token(name)
            if token in letters:  # two spellings of one name ('Aldermeer', 'ALDERMEER')
                continue
            while letter_code(index) in used:
                index += 1
            letters[token] = letter_code(index)
            used.add(letters[token])
        codes = {n: f"{CODE_PREFIX}{letters[self.token(n)]}" for n in unique}
        return LetterKey(self.secret, letters), codes
