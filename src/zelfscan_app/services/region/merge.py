"""The regional merge: choose one scan per municipality and merge them into a `RegionPicture`.

From the database (`load_region`) or from workbooks (`merge_files`, nothing stored). The picture
holds real names; what a report may show of it is `services.region.report.RegionReport`'s job.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from zelfscan_app.domain.questionnaire import Questionnaire
from zelfscan_app.domain.region import (
    Municipality,
    RegionSummary,
    latest_per_municipality,
    summarize_region,
)
from zelfscan_app.domain.scan import Scan, SoortMeting
from zelfscan_app.errors import ZelfscanError

if TYPE_CHECKING:
    from zelfscan_app.storage.database import Database

ProgressCallback = Callable[[int, int], None]
CancelCheck = Callable[[], bool]


# The merge ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Contribution:
    """The scan chosen for one municipality, its completeness, and what was left aside."""

    scan: Scan
    answered: int
    total: int
    others: int = 0  # other scans of this municipality (of the chosen soort) not used
    source: str = ""  # the workbook it came from, when merging files

    @property
    def name(self) -> str:
        return self.scan.gemeente

    @property
    def complete(self) -> bool:
        return self.answered >= self.total


@dataclass(frozen=True, slots=True)
class RegionPicture:
    """One scan per municipality, merged; plus who is missing and what was left out."""

    questionnaire: Questionnaire
    summary: RegionSummary
    contributions: tuple[Contribution, ...]  # in the order of summary.municipalities
    regio: str = ""
    soort: SoortMeting | None = None
    missing: tuple[str, ...] = ()  # known municipalities without a (chosen kind of) scan
    excluded_questions: tuple[int, ...] = ()  # not in every questionnaire version merged
    other_questionnaire: int = 0  # scans left out: they belong to another questionnaire
    versions: Mapping[str, int] = field(default_factory=dict)  # version → municipalities

    @property
    def count(self) -> int:
        return len(self.contributions)

    @property
    def incomplete(self) -> tuple[Contribution, ...]:
        return tuple(c for c in self.contributions if not c.complete)

    @property
    def with_others(self) -> tuple[Contribution, ...]:
        return tuple(c for c in self.contributions if c.others)

    def contribution(self, name: str) -> Contribution:
        return next(c for c in self.contributions if c.name == name)

    @property
    def question_numbers(self) -> tuple[int, ...]:
        return tuple(q.question for q in self.summary.questions)

    @property
    def short_selection(self) -> str:
        """'nieuwste zelfscan per gemeente' or 'alleen nulmetingen', for titles."""
        return f"alleen {plural(self.soort)}" if self.soort else "nieuwste zelfscan per gemeente"

    @property
    def selection_text(self) -> str:
        """'nieuwste zelfscan per gemeente (5 nulmetingen, 3 evaluaties)' or 'alleen …'."""
        if self.soort is not None:
            return f"alleen {plural(self.soort)}"
        kinds = Counter(c.scan.soort for c in self.contributions)
        parts = [
            f"{kinds[s]} {plural(s) if kinds[s] != 1 else s.value}" for s in SoortMeting if kinds[s]
        ]
        detail = f" ({', '.join(parts)})" if len(kinds) > 1 else ""
        return f"nieuwste zelfscan per gemeente{detail}"


def plural(soort: SoortMeting) -> str:
    return {
        SoortMeting.NULMETING: "nulmetingen",
        SoortMeting.EVALUATIE: "evaluaties",
        SoortMeting.TOETSINGSMOMENT: "toetsingsmomenten",
    }[soort]


def build_picture(
    questionnaire: Questionnaire,
    scans: Sequence[Scan],
    *,
    soort: SoortMeting | None = None,
    regio: str = "",
    expected: Iterable[str] = (),
    sources: Mapping[int, str] | None = None,
) -> RegionPicture:
    """Merge the newest scan of each municipality (of `soort`, when given).

    `expected` is a known list of the region's municipalities; without it, 'missing' means the
    municipalities among `scans` without a scan of the chosen soort. `sources` maps scan ids to
    the file each came from.
    """
    usable = [s for s in scans if s.questionnaire_id == questionnaire.id]
    chosen = latest_per_municipality(usable, soort)
    counts = Counter(s.gemeente.casefold() for s in usable if soort is None or s.soort is soort)
    common, excluded, versions = _common_questions(questionnaire, usable, chosen)
    warnings = _version_warnings(questionnaire, versions, common, excluded)
    municipalities = [Municipality(s.gemeente, s.values) for s in chosen]
    summary = summarize_region(
        questionnaire,
        municipalities,
        questions=common if excluded else None,
        warnings=warnings,
    )
    contributions = tuple(
        Contribution(
            scan=s,
            answered=sum(s.values.get(n) is not None for n in common),
            total=len(common),
            others=counts[s.gemeente.casefold()] - 1,
            source=(sources or {}).get(s.id or 0, ""),
        )
        for s in chosen
    )
    present = {s.gemeente.casefold() for s in chosen}
    known: dict[str, str] = {}
    for name in [*expected, *(s.gemeente for s in usable)]:
        cleaned = " ".join(name.split())
        if cleaned:
            known.setdefault(cleaned.casefold(), cleaned)
    missing = tuple(sorted((n for k, n in known.items() if k not in present), key=str.casefold))
    return RegionPicture(
        questionnaire=questionnaire,
        summary=summary,
        contributions=contributions,
        regio=regio.strip(),
        soort=soort,
        missing=missing,
        excluded_questions=excluded,
        other_questionnaire=len(scans) - len(usable),
        versions=versions,
    )


def _common_questions(
    q: Questionnaire, usable: Sequence[Scan], chosen: Sequence[Scan]
) -> tuple[tuple[int, ...], tuple[int, ...], dict[str, int]]:
    """The questions every merged version has; (common, excluded, municipalities per version).

    A scan of this program's version has every question. A scan of another version only knows
    the questions it was written with; the reader does not keep that list, so the questions any
    scan of that version gave an answer or a text for stand in for it. That errs towards
    leaving a question out (and says so) rather than counting a missing question as open.
    """
    versions = Counter(s.questionnaire_version for s in chosen)
    everything = set(q.question_numbers)
    common = set(everything)
    for version in versions:
        if version == q.version:
            continue
        seen = {
            a.question
            for s in usable
            if s.questionnaire_version == version
            for a in s.answers
            if not a.is_empty
        }
        common &= seen
    ordered = tuple(n for n in q.question_numbers if n in common)
    excluded = tuple(n for n in q.question_numbers if n not in common)
    return ordered, excluded, dict(sorted(versions.items(), key=lambda kv: (-kv[1], kv[0])))


def _version_warnings(
    q: Questionnaire, versions: Mapping[str, int], common: Sequence[int], excluded: Sequence[int]
) -> list[str]:
    if not versions or set(versions) == {q.version}:
        return []
    listed = "; ".join(
        f"versie {v}: {n} {'gemeente' if n == 1 else 'gemeenten'}" for v, n in versions.items()
    )
    if len(versions) == 1:
        opening = (
            f"De zelfscans gebruiken een andere versie van de vragenlijst ({listed}) dan dit "
            f"programma ({q.version})."
        )
    else:
        opening = f"De zelfscans gebruiken verschillende versies van de vragenlijst ({listed})."
    if excluded:
        left_out = ", ".join(map(str, excluded))
        word = "vraag" if len(excluded) == 1 else "vragen"
        rest = (
            f" Samengevoegd op de {len(common)} vragen die in alle versies voorkomen; niet "
            f"meegenomen: {word} {left_out}."
        )
    else:
        rest = (
            " De antwoorden zijn op vraagnummer samengevoegd; alle vragen komen in elke versie "
            "voor."
        )
    return [opening + rest]


# From the database --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RegionOption:
    """A region as the picker offers it."""

    regio: str  # '' for scans without a region
    municipalities: int
    scans: int

    @property
    def label(self) -> str:
        name = self.regio or "(zonder regio)"
        word = "gemeente" if self.municipalities == 1 else "gemeenten"
        return f"{name} ({self.municipalities} {word})"


def region_options(db: Database) -> list[RegionOption]:
    """Every region in the database with its number of municipalities, by name."""
    from zelfscan_app.storage import repository as repo

    with db.session() as session:
        groups = repo.region_counts(session)
    options = [RegionOption(name, munis, n) for name, munis, n in groups]
    return sorted(options, key=lambda o: (not o.regio, o.regio.casefold()))


def load_region(
    db: Database,
    questionnaire: Questionnaire,
    *,
    regio: str | None = None,
    scan_ids: Sequence[int] | None = None,
    soort: SoortMeting | None = None,
    title: str = "",
) -> RegionPicture:
    """The picture of one region (all its scans), or of a chosen set of scans.

    Without `regio`, the picture is named after the one region its scans share, else `title`.
    """
    from zelfscan_app.storage import repository as repo

    with db.session() as session:
        if scan_ids is not None:
            scans = repo.get_scans(session, list(scan_ids))
        else:  # the newest per municipality whole, the rest without answers (at scale)
            ids = (questionnaire.id, questionnaire.version)
            scans = repo.region_scans(session, ids, regio=regio, soort=soort)
    if regio is not None:
        wanted = regio.strip().casefold()
        scans = [s for s in scans if s.regio.strip().casefold() == wanted]
        label = regio.strip()
    else:
        regions = {s.regio.strip() for s in scans}
        label = regions.pop() if len(regions) == 1 else title
    return build_picture(questionnaire, scans, soort=soort, regio=label)


# From workbooks ----------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class RefusedFile:
    path: str
    message: str  # one Dutch sentence that names the file and the problem


@dataclass(frozen=True, slots=True)
class FileMerge:
    """The merge of workbooks: the picture (None when no file could be used) and the refusals."""

    picture: RegionPicture | None
    files: int
    refused: tuple[RefusedFile, ...] = ()
    notes: tuple[str, ...] = ()  # per file or municipality, with names: for the terminal only
    cancelled: bool = False
    reading: str = ""  # how the files were read: serially or by a process pool (ReadPlan)

    @property
    def merged(self) -> int:
        return self.files - len(self.refused)

    def summary(self) -> str:
        municipalities = self.picture.count if self.picture else 0
        word = "gemeente" if municipalities == 1 else "gemeenten"
        return f"{self.merged} van {self.files} bestanden samengevoegd ({municipalities} {word})."


def merge_files(
    paths: Sequence[str | Path],
    questionnaire: Questionnaire,
    *,
    soort: SoortMeting | None = None,
    regio: str = "",
    expected: Iterable[str] = (),
    on_progress: ProgressCallback | None = None,
    should_cancel: CancelCheck | None = None,
) -> FileMerge:
    """Read every workbook (each refused on its own, with its own message) and merge the rest.

    Nothing is stored: a merge reads files, the database stays as it was.
    """
    from zelfscan_app.exchange.reader import read_plan, read_scan_files

    scans: list[Scan] = []
    sources: dict[int, str] = {}
    refused: list[RefusedFile] = []
    notes: list[str] = []
    cancelled = False
    plan = read_plan(len(paths))  # a process pool for many files, serial otherwise
    # A generator: closing it stops a process pool still reading ahead.
    outcomes = read_scan_files(paths, questionnaire, plan=plan)
    for index, path in enumerate(paths):
        if should_cancel is not None and should_cancel():
            cancelled = True
            outcomes.close()
            break
        read = next(outcomes)
        if isinstance(read, ZelfscanError):
            refused.append(RefusedFile(str(path), str(read)))
        elif read.scan.prepared_by:  # one participant's voorbereiding is never merged
            refused.append(
                RefusedFile(
                    str(path),
                    f"{path}: niet samengevoegd: dit is een voorbereiding van één deelnemer "
                    "(‘Voorbereiding door’ is ingevuld), geen zelfscan van een gemeente",
                )
            )
        else:
            # File order breaks ties between scans of one municipality on the same day.
            scans.append(replace(read.scan, id=index + 1))
            sources[index + 1] = str(path)
            notes += [f"{path}: {w}" for w in read.warnings]
        if on_progress is not None:
            on_progress(index + 1, len(paths))
    outcomes.close()
    reading = plan.describe()
    if cancelled:
        return FileMerge(
            None, len(paths), tuple(refused), tuple(notes), cancelled=True, reading=reading
        )
    if not scans:
        return FileMerge(None, len(paths), tuple(refused), tuple(notes), reading=reading)
    if not regio:
        regions = {s.regio.strip() for s in scans if s.regio.strip()}
        regio = regions.pop() if len(regions) == 1 else ""
    picture = build_picture(
        questionnaire, scans, soort=soort, regio=regio, expected=expected, sources=sources
    )
    for c in picture.with_others:
        what = f"{c.scan.soort.value} {c.scan.datum.isoformat()}"
        notes.append(
            f"{c.name}: {c.others + 1} werkmappen; gebruikt is de nieuwste ({what}, {c.source})."
        )
    return FileMerge(picture, len(paths), tuple(refused), tuple(notes), reading=reading)
