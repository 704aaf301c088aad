"""Anonymity rules: stable letter codes for municipalities, and scrubbing names from free text.

Pure functions and frozen values only (no files, no clock, no global randomness): the random
source is passed in, so the rules are tested exhaustively and every output — GUI, workbook,
JSON, Word, chart — obeys the same ones.
"""

from __future__ import annotations

import functools
import hashlib
import hmac
import random
import re
import unicodedata
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from types import MappingProxyType

from zelfscan_app.domain.region import MIN_GROUP_SIZE, Disclosure, anonymous_names, letter_code

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


# Free text ----------------------------------------------------------------------------------


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


PERSON_PLACEHOLDER = "[naam]"
MUNICIPALITY_PLACEHOLDER = "[gemeente]"
#: What an anonymised output shows instead of a text that could not surely be scrubbed.
WITHHELD_TEXT = "[toelichting weggelaten: kon niet zeker worden geanonimiseerd]"

#: Parts of Dutch (and common Arabic/Turkish-Dutch) names that are not a name on their own.
TUSSENVOEGSELS = _words(
    """
    van de der den het 't ter ten te op in 's aan bij uit voor el al la le da di du dos von zu
    vd v/d d' l' mc mac ibn bin ben ait
    """
)

#: Names and name parts that are also ordinary Dutch words (a surname 'Bos', a first name
#: 'Wil', a municipality 'Best'). Where one occurs, text cannot be told to be about the person
#: or the thing; such a text is left out rather than guessed at.
AMBIGUOUS_WORDS = _words(
    """
    aa arm baas bakker bas beek been beer ben berg best blauw bloem blom boer bok bos bosch
    brouwer brug bruin daal dal das dijk dorp duin eik eiken enk es fleur geel geluk goed graaf
    grijs groen groot haan haas hal hand hard hart heer hei heide hoek hof hond hoop horst hout
    huis ijs iris jet job jong kat keizer kerk klein kok koning koster kop kort kraai kuiper
    laan land lang laat leeuw lelie linde lot maan max meer mens mol molen molenaar mulder
    noord oost oud paus plas poort post prins regen rijk ring roos rood ruiter school schipper
    smid snel stad steen ster sterk stil storm straat stroom timmerman toren valk veen veld
    vink visser vlieg vliet vos vrede vroeg waal wagenaar weg west wever wil winter wit wolf
    zee zomer zon zuid zwaan zwart
    """
)

#: Capitalised words that may stand next to a name without being one (sentence openers,
#: forms of address, roles). Any other capitalised word right beside a replaced name may be
#: the rest of that name ('Fenna Jansen' where only 'Fenna Wiersma' is known).
_NEUTRAL_WORDS = _words(
    """
    de het een en of met door bij van voor naar over op in uit aan als dat die dit deze ook
    maar want dus toen nu dan wel niet geen is was zijn heeft had hebben zegt zei gaf belde
    sprak mailde vroeg wil kan moet zal wordt werd gaat ging komt kwam volgens namens samen
    mevrouw meneer dhr mevr mw mr dr ir drs collega wethouder beleidsmedewerker teamleider
    coordinator gespreksleider voorzitter manager directeur ambtenaar zij hij wij ik jij u ze
    we er hier daar waar wie wat hoe waarom omdat zodat terwijl nadat voordat tijdens na
    """
)

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'", "´": "'", "ʼ": "'"})
_WORD = re.compile(r"[^\W\d_][\w'’‘-]*", re.UNICODE)


@functools.lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    decomposed = unicodedata.normalize("NFKD", char.translate(_APOSTROPHES))
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _folded(text: str) -> tuple[str, list[int]]:
    """`text` folded, with each folded character's index in `text` (ASCII runs in bulk)."""
    if text.isascii():  # the usual case: one folded character per character
        return text.lower().replace("`", "'"), list(range(len(text)))
    out: list[str] = []
    where: list[int] = []
    for run in _RUNS.finditer(text):
        chunk, start = run.group(0), run.start()
        if chunk.isascii():
            out.append(chunk.lower().replace("`", "'"))
            where.extend(range(start, run.end()))
        else:
            folded = _fold_char(chunk)
            out.append(folded)
            where.extend([start] * len(folded))
    return "".join(out), where


_RUNS = re.compile(r"[\x00-\x7f]+|[^\x00-\x7f]")


def person_parts(name: str) -> tuple[str, ...]:
    """Every part of a person's name that could point at them.

    'Jan-Willem de Vries-Bakker (GGD)' → the whole name, 'Jan-Willem', 'Jan', 'Willem',
    'Vries-Bakker', 'Vries', 'Bakker' and 'de Vries-Bakker'; tussenvoegsels on their own and
    initials are not names. What follows a bracket or comma (an organisation) is not a name.
    """
    text = " ".join(re.split(r"\s*[(,;/]", " ".join(name.split()), maxsplit=1)[0].split())
    if not text:
        return ()
    parts: list[str] = []
    words = [w.strip(".") for w in text.split()]
    if len(fold(text)) >= 2:
        parts.append(text)
    for index, word in enumerate(words):
        pieces = [word, *word.split("-")] if "-" in word else [word]
        for piece in pieces:
            letters = [c for c in piece if c.isalpha()]
            if len(letters) <= 1 or (index > 0 and fold(piece) in TUSSENVOEGSELS):
                continue  # initials; 'de', 'van' inside a name ('Ben' first is a name)
            parts.append(piece)
        if fold(word) in TUSSENVOEGSELS and index + 1 < len(words):
            parts.append(" ".join(words[index:]))  # 'de Vries', 'el Amrani'
    return tuple(dict.fromkeys(p for p in parts if p))


def _name_words(name: str) -> tuple[str, ...]:
    """A name as folded words: spaces, hyphens and apostrophes between words do not matter."""
    return tuple(w for w in re.split(r"[^\w]+", fold(name)) if w)


@dataclass(frozen=True)
class TextScrubber:
    """Replaces the names of municipalities and people in free text, or says it cannot.

    Rules (the same for every output):
    - a municipality name is replaced with its code (others with '[gemeente]') wherever a word
      *starts* with it, in any case and with or without diacritics: 'Aldermeerse',
      'Aldermeerders', "ALDERMEER's" and 'Áldermeer' all become 'Gemeente A';
    - every part of a person's name (see `person_parts`, short parts such as 'Rik' and 'Ivo'
      too) is replaced with '[naam]' as a whole word, also as a possessive ('Smits',
      "Ivo's");
    - the text cannot surely be anonymised, and `scrub` returns None, when it contains a name
      (part) that is also a Dutch word ('Bos', 'Wil', municipality 'Best') or is one or two
      letters long; a word that starts with a short or word-like municipality name without
      being that name ('Bestuur' for 'Best'); or a capitalised word right beside a replaced
      person name that may be the rest of that name ('Fenna Jansen' when 'Fenna Wiersma' is
      known).
    """

    codes: Mapping[str, str]  # municipality → code shown instead
    others: tuple[str, ...] = ()  # other municipalities (e.g. missing ones) → '[gemeente]'
    people: tuple[str, ...] = ()  # facilitators and participants, as typed

    @property
    def is_empty(self) -> bool:
        return not (self.codes or self.others or self.people)

    def _rules(self) -> _Trie:
        cached = self.__dict__.get("_compiled")
        if cached is None:
            cached = self._compile()
            object.__setattr__(self, "_compiled", cached)
        return cached

    def _compile(self) -> _Trie:
        trie = _Trie()
        municipalities = [(n, c) for n, c in self.codes.items()]
        municipalities += [(n, MUNICIPALITY_PLACEHOLDER) for n in self.others]
        for name, code in municipalities:
            words = _name_words(name)
            if words:
                strict = fold(name) in AMBIGUOUS_WORDS or len("".join(words)) <= 3
                trie.add_place(words, code, strict)
        for person in self.people:
            for part in person_parts(person):
                words = _name_words(part)
                if words:
                    doubtful = fold(part) in AMBIGUOUS_WORDS or len("".join(words)) <= 2
                    trie.add_person(words, None if doubtful else PERSON_PLACEHOLDER)
        return trie

    def scrub(self, text: str) -> str | None:
        """`text` with every known name replaced; None when that cannot be done surely.

        The text is read word by word; at each word the trie of names says which names may
        start there, so the cost grows with the text, not with the number of names.
        """
        if not text or self.is_empty:
            return text
        trie = self._rules()
        folded, where = _folded(text)
        tokens = [(m.start(), m.end(), m.group(0)) for m in _TOKEN.finditer(folded)]
        spans: list[tuple[int, int, str]] = []  # original start, end, replacement
        position = 0
        for index, (start, _end, word) in enumerate(tokens):
            if start < position:
                continue  # inside a name replaced already ('Fenna Wiersma', "Ivo's")
            if not trie.may_start(word):
                continue
            found = trie.longest(folded, tokens, index)
            if found is None:
                continue
            end, replacement = found
            if replacement is None:
                return None  # a name that is also a word, or too short to be sure
            tail = _POSSESSIVE.match(folded, end)
            end = tail.end() if tail else end
            spans.append((where[start], where[end - 1] + 1, replacement))
            position = end
        for start, end, replacement in spans:
            if replacement == PERSON_PLACEHOLDER and _unknown_neighbour(text, start, end, spans):
                return None
        out, last = [], 0
        for start, end, replacement in spans:
            out.append(text[last:start])
            out.append(replacement)
            last = end
        out.append(text[last:])
        return "".join(out)


_TOKEN = re.compile(r"[^\W_]\w*")
_BETWEEN = re.compile(r"[\s'-]+")
_POSSESSIVE = re.compile(r"'s?(?!\w)")


class _Node:
    """One word of a name: the names that continue after it, and what ends here."""

    __slots__ = ("children", "person", "places")

    def __init__(self) -> None:
        self.children: dict[str, _Node] = {}
        self.person: tuple[str | None] | None = None  # (replacement,); (None,): doubtful
        self.places: dict[str, list[tuple[str, str, bool]]] = {}  # last word → names


class _Trie:
    """Names as paths of folded words. People end on an exact word (or its possessive with
    -s); a municipality's last word is a prefix ('aldermeer' starts 'aldermeerse'), or, when
    strict (short or word-like names), exact or possessive, with longer words doubtful."""

    def __init__(self) -> None:
        self.root = _Node()
        self.first_places: dict[str, list[tuple[str, str, bool]]] = {}  # by (last) word
        self._place_starts: dict[str, set[str]] = {}  # first letter → first words of places

    def may_start(self, word: str) -> bool:
        """A quick no for the many words that begin no name at all."""
        children = self.root.children
        return (
            word in children
            or (word.endswith("s") and word[:-1] in children)
            or any(word.startswith(p) for p in self._place_starts.get(word[:1], ()))
        )

    def _path(self, words: tuple[str, ...]) -> _Node:
        node = self.root
        for word in words:
            node = node.children.setdefault(word, _Node())
        return node

    def add_person(self, words: tuple[str, ...], replacement: str | None) -> None:
        node = self._path(words)
        if node.person is None or node.person == (None,):
            node.person = (replacement,)

    def add_place(self, words: tuple[str, ...], code: str, strict: bool) -> None:
        entry = (words[-1], code, strict)
        self._place_starts.setdefault(words[0][:1], set()).add(words[0])
        node = self._path(words[:-1])
        places = self.first_places if node is self.root else node.places
        places.setdefault(words[-1], []).append(entry)

    def longest(
        self, folded: str, tokens: list[tuple[int, int, str]], index: int
    ) -> tuple[int, str | None] | None:
        """(end in `folded`, replacement or None if doubtful) of the longest name at a word."""
        best: tuple[int, bool, str | None] | None = None

        def offer(end: int, replacement: str | None) -> None:
            nonlocal best
            candidate = (end, replacement is not None, replacement)
            if best is None or candidate[:2] > best[:2]:
                best = candidate

        node = self.root
        for j in range(index, len(tokens)):
            start, end, word = tokens[j]
            if j > index and not _BETWEEN.fullmatch(folded, tokens[j - 1][1], start):
                break
            places = self.first_places if node is self.root else node.places
            if places:
                for length in range(1, len(word) + 1):  # every municipality the word starts with
                    for last, code, strict in places.get(word[:length], ()):
                        if not strict or word in (last, f"{last}s"):
                            offer(end, code)
                        else:
                            offer(end, None)
            for stem in (word, word[:-1]) if word.endswith("s") else (word,):
                child = node.children.get(stem)
                if child is not None and child.person is not None:
                    offer(end, child.person[0])
            node = node.children.get(word)  # type: ignore[assignment]
            if node is None:
                break
        return None if best is None else (best[0], best[2])


_AFTER_NAME = re.compile(
    r"[ \t]+(?:(?:" + "|".join(map(re.escape, sorted(TUSSENVOEGSELS))) + r")[ \t]+)*",
    re.IGNORECASE,
)


def _unknown_neighbour(text: str, start: int, end: int, spans) -> bool:
    """Whether a capitalised word stands right beside a replaced name (maybe more of it)."""
    covered = [(s, e) for s, e, _ in spans]

    def suspicious(match: re.Match[str] | None) -> bool:
        if match is None:
            return False
        word = match.group(0)
        if any(s <= match.start() < e for s, e in covered):
            return False  # itself a known name
        letters = [c for c in word if c.isalpha()]
        titlecase = len(letters) >= 2 and letters[0].isupper() and not word.isupper()
        return titlecase and fold(word).strip("'-") not in _NEUTRAL_WORDS

    gap = _AFTER_NAME.match(text, end)
    if gap is not None and suspicious(_WORD.match(text, gap.end())):
        return True
    # The word before: step back over spaces, then over the word itself.
    index = start
    while index > 0 and text[index - 1] in " \t":
        index -= 1
    if index == start:
        return False
    word_start = index
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] in "'’-"):
        word_start -= 1
    return word_start < index and suspicious(_WORD.match(text, word_start))


def scrub_or_withhold(scrubber: TextScrubber, text: str) -> str:
    """The scrubbed text, or WITHHELD_TEXT where it could not surely be scrubbed."""
    scrubbed = scrubber.scrub(text)
    return WITHHELD_TEXT if scrubbed is None else scrubbed


# One regional report's rules ----------------------------------------------------------------

_DOUBLE_GEMEENTE = re.compile(r"(?<!\w)gemeente\s+(Gemeente [A-Z]+)(?!\w)", re.IGNORECASE)


def no_double_gemeente(text: str) -> str:
    """'in gemeente Aldermeer' scrubbed is 'in Gemeente I', never 'in gemeente Gemeente I'."""
    return _DOUBLE_GEMEENTE.sub(r"\1", text)


def label_key(label: str) -> tuple[int, int, str]:
    """Codes in letter order ('Gemeente B' before 'Gemeente AA'); names alphabetically."""
    code = label[len(CODE_PREFIX) :]
    if label.startswith(CODE_PREFIX) and code.isalpha() and code.isupper():
        return (0, len(label), label)
    return (1, 0, label.casefold())


TEXTS_HIDDEN = (
    "Toelichtingen zijn verborgen in de geanonimiseerde weergave: vrije tekst kan een "
    "gemeente herkenbaar maken. Kies 'toelichtingen tonen' om ze zonder namen te zien."
)


@dataclass(frozen=True)
class RegionAnonymity:
    """What one regional report may show, and under which names.

    Every view and export of a report asks this one object (through `services.region`), so
    none can forget a rule: codes instead of names, free text only on opt-in and then scrubbed
    of every known municipality and person, nothing per municipality below the group size, no
    date beside an anonymous scan, no region name that is a municipality's. The codes are
    shuffled with `seed`, which must not be derivable from the names; with a `key` a
    municipality keeps the letter it had before.
    """

    municipalities: tuple[str, ...]  # the merged municipalities' real names
    anonymous: bool = False
    min_group_size: int = MIN_GROUP_SIZE
    with_texts: bool = False  # anonymous only: show scrubbed toelichtingen after an opt-in
    seed: int = 0
    key: LetterKey | None = None
    people: tuple[str, ...] = ()  # facilitators and participants: scrubbed from free text
    others: tuple[str, ...] = ()  # municipalities known but not merged (also scrubbed)
    regio: str = ""

    @cached_property
    def _coded(self) -> tuple[LetterKey | None, Mapping[str, str]]:
        real = self.municipalities
        if not self.anonymous:
            return self.key, {name: name for name in real}
        if self.key is None:
            return None, anonymous_names(real, self.seed)
        return self.key.assign(real, random.Random(self.seed))

    @property
    def names(self) -> Mapping[str, str]:
        """Real name → what every output prints for it (the name itself, or 'Gemeente B')."""
        return self._coded[1]

    @property
    def updated_key(self) -> LetterKey | None:
        """`key` plus the letters handed out here (to keep for the next report)."""
        return self._coded[0]

    @property
    def disclosure(self) -> Disclosure:
        return Disclosure(self.anonymous, self.min_group_size, len(self.municipalities))

    @property
    def suppressed(self) -> bool:
        return self.disclosure.suppressed

    @property
    def per_municipality(self) -> bool:
        """Whether anything per municipality (spread, rows, per-question counts) may be shown."""
        return not self.suppressed

    @property
    def texts_visible(self) -> bool:
        return self.per_municipality and (not self.anonymous or self.with_texts)

    @property
    def texts_hidden_reason(self) -> str:
        if self.texts_visible:
            return ""
        if self.suppressed:
            return self.disclosure.reason
        return TEXTS_HIDDEN

    @property
    def dates_visible(self) -> bool:
        """A scan's date can point at a municipality: shown only with names."""
        return not self.anonymous

    def label(self, name: str) -> str:
        return self.names.get(name, MUNICIPALITY_PLACEHOLDER if self.anonymous else name)

    @cached_property
    def regio_label(self) -> str:
        if not self.regio:
            return "Regio" if self.anonymous else "Zelf gekozen zelfscans"
        if self.anonymous and self.scrub(self.regio) != self.regio:
            return "Regio"  # a region named after a municipality would name it
        return self.regio

    @cached_property
    def _scrubber(self) -> TextScrubber:
        return TextScrubber(codes=dict(self.names), others=self.others, people=self.people)

    @cached_property
    def _scrubbed(self) -> dict[str, str]:
        """Texts scrubbed so far (many repeat: 'Staat beschreven.', a shared nuancering)."""
        return {}

    def scrub(self, text: str) -> str:
        """Anonymous: every known municipality and person name replaced, or the text withheld
        where that cannot surely be done (WITHHELD_TEXT); not anonymous: unchanged."""
        if not self.anonymous or not text:
            return text
        cache = self._scrubbed
        if text not in cache:
            cache[text] = no_double_gemeente(scrub_or_withhold(self._scrubber, text))
        return cache[text]
