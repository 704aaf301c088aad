"""Names as they enter the app: cleaned at the door, compared by how they look.

Gemeente, regio, gespreksleider and participant names arrive from workbooks, dialogs and the
command line. They end up in lists, documents, anonymisation and terminal output, so they are
cleaned once, here, by the same rule at every door:

- Unicode NFC, so "é" typed two ways is one name;
- any kind of white space (NBSP, tab, line break, ideographic space …) becomes one space;
  runs of spaces collapse and the ends are trimmed;
- invisible leftovers of copy and paste (zero-width characters, soft hyphen, byte-order mark,
  the left-to-right and right-to-left marks) are removed: they change nothing a reader sees;
- characters that change what a reader sees without being visible themselves — control
  characters (raw, or decoded from a workbook's `_x001B_` escape), bidi embeddings, overrides
  and isolates such as U+202E, and other format characters — are refused with a Dutch message
  that names their code point, never the character itself.

`skeleton` folds a name to how it looks (Cyrillic and Greek letters that look Latin, case,
diacritics, punctuation), so that "Аldermeer" with a Cyrillic А is recognised as a lookalike
of an existing "Aldermeer" instead of becoming a second municipality.
"""

from __future__ import annotations

import unicodedata

#: Invisible characters that are removed: they only ever come from copy and paste.
REMOVED = frozenset(
    "\u00ad"  # soft hyphen
    "\u180e"  # Mongolian vowel separator (formerly a space)
    "\u200b\u200c\u200d"  # zero-width space, non-joiner, joiner
    "\u200e\u200f\u061c"  # left-to-right, right-to-left and Arabic letter marks
    "\u2060\u2061\u2062\u2063\u2064"  # word joiner, invisible operators
    "\ufeff"  # zero-width no-break space / byte-order mark
)

#: Bidi embeddings, overrides and isolates: they reorder what is shown, so a name with one
#: is refused rather than silently changed.
BIDI_CONTROLS = frozenset("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")

# Letters from other scripts (and a few Latin ones) that look like a plain Latin letter.
# Not the full Unicode confusables table: the ones that fit in a Dutch municipality's name.
_CONFUSABLES = str.maketrans(
    {
        # Cyrillic
        "а": "a",
        "в": "b",
        "е": "e",
        "ё": "e",
        "к": "k",
        "м": "m",
        "н": "h",
        "о": "o",
        "р": "p",
        "с": "c",
        "т": "t",
        "у": "y",
        "х": "x",
        "і": "i",
        "ї": "i",
        "ј": "j",
        "ѕ": "s",
        "ԁ": "d",
        "ԛ": "q",
        "ԝ": "w",
        "һ": "h",
        "ӏ": "l",
        "А": "a",
        "В": "b",
        "Е": "e",
        "К": "k",
        "М": "m",
        "Н": "h",
        "О": "o",
        "Р": "p",
        "С": "c",
        "Т": "t",
        "У": "y",
        "Х": "x",
        "І": "i",
        "Ј": "j",
        "Ѕ": "s",
        "Ԁ": "d",
        "Ԛ": "q",
        "Ԝ": "w",
        "Һ": "h",
        "Ӏ": "l",
        # Greek
        "α": "a",
        "β": "b",
        "ε": "e",
        "ι": "i",
        "κ": "k",
        "ν": "v",
        "ο": "o",
        "ρ": "p",
        "τ": "t",
        "υ": "u",
        "χ": "x",
        "Α": "a",
        "Β": "b",
        "Ε": "e",
        "Ζ": "z",
        "Η": "h",
        "Ι": "i",
        "Κ": "k",
        "Μ": "m",
        "Ν": "n",
        "Ο": "o",
        "Ρ": "p",
        "Τ": "t",
        "Υ": "y",
        "Χ": "x",
        # Latin letters without a decomposition, and digits that pass for letters
        "ı": "i",
        "ł": "l",
        "Ł": "l",
        "ø": "o",
        "Ø": "o",
        "đ": "d",
        "Đ": "d",
        "ħ": "h",
        "ŀ": "l",
        "ɡ": "g",
        "0": "o",
        "1": "l",
    }
)


class NameProblem(ValueError):
    """What is wrong with a name, in Dutch, without saying where it came from."""


def _code(char: str) -> str:
    return f"U+{ord(char):04X}"


def clean_name(text: str, *, what: str = "naam", limit: int | None = None) -> str:
    """The name as it is stored: NFC, one space for any white space, invisible leftovers
    removed; raises NameProblem for control, bidi and other format characters, or when longer
    than `limit` characters after cleaning."""
    kept: list[str] = []
    refused: list[str] = []
    for char in unicodedata.normalize("NFC", text):
        if char in REMOVED:
            continue
        if char.isspace():
            kept.append(" ")
        elif char in BIDI_CONTROLS or unicodedata.category(char) in ("Cc", "Cf", "Cs"):
            if char not in refused:
                refused.append(char)
        else:
            kept.append(char)
    if refused:
        codes = ", ".join(_code(c) for c in refused[:5])
        raise NameProblem(
            f"de {what} bevat een onzichtbaar stuurteken ({codes}) dat in een naam niet is "
            "toegestaan; typ de naam opnieuw zonder dat teken"
        )
    # Removing a zero-width character can bring a letter and its accent together again.
    cleaned = unicodedata.normalize("NFC", " ".join("".join(kept).split()))
    if limit is not None and len(cleaned) > limit:
        raise NameProblem(f"de {what} is {len(cleaned)} tekens lang; het maximum is {limit}")
    return cleaned


def skeleton(name: str) -> str:
    """How a name looks, for comparison only: lookalike letters mapped to Latin, diacritics,
    case, white space and punctuation dropped. Two names with the same skeleton are easily
    mistaken for each other."""
    decomposed = unicodedata.normalize("NFKD", name.translate(_CONFUSABLES))
    folded = "".join(c for c in decomposed if not unicodedata.combining(c))
    folded = unicodedata.normalize("NFKD", folded.casefold().translate(_CONFUSABLES))
    return "".join(c for c in folded if c.isalnum() and not unicodedata.combining(c))


def looks_alike(a: str, b: str) -> bool:
    """Different names that look the same (confusable letters, case or diacritics only)."""
    return a != b and skeleton(a) == skeleton(b)


def lookalike_message(name: str, existing: str, *, advice: bool = True) -> str:
    """The one Dutch sentence for a name that is not, but looks like, an existing gemeente
    (`advice=False` leaves out what to do, for a window that offers it as a button)."""
    different = sorted({c for c in name if not c.isascii() and c not in existing})
    scripts = sorted({_SCRIPTS[s] for c in different if (s := _script(c)) in _SCRIPTS})
    listed = ", ".join([*(_code(c) for c in different[:5]), *scripts])
    detail = f" (andere tekens: {listed})" if different else ""
    sentence = (
        f"de gemeente '{name}' lijkt op de bestaande gemeente '{existing}' maar is niet "
        f"precies gelijk{detail}"
    )
    if not advice:
        return sentence
    return f"{sentence}; gebruik de bestaande naam '{existing}', of een duidelijk andere naam"


_SCRIPTS = {"CYRILLIC": "Cyrillisch", "GREEK": "Grieks", "ARMENIAN": "Armeens"}


def _script(char: str) -> str:
    return unicodedata.name(char, "").split(" ", 1)[0]


def terminal_safe(text: str) -> str:
    """Text to print on a terminal: control, bidi and other invisible format characters are
    shown as visible escapes (\\x1b, \\u202e), so no message can move the cursor, recolour
    the terminal or reorder what the operator reads. Line breaks and tabs stay."""
    if text.isprintable():
        return text
    out: list[str] = []
    for char in text:
        if char in "\n\t" or char.isprintable() or char == " ":
            out.append(char)
        elif unicodedata.category(char) in ("Zs",):
            out.append(" ")
        else:
            code = ord(char)
            out.append(f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")
    return "".join(out)
