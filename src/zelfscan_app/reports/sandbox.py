"""The template engine for Word templates from anyone: data in, text out, nothing else.

Regions share templates by e-mail, so a template is hostile input. Jinja2 alone would let one
reach Python (`{{ cycler.__init__.__globals__.os }}`), loop for ever or build gigabytes. Here a
template is checked before it is compiled and bounded while it renders:

- before compiling, every node of the parsed template is checked against a short allow-list:
  `{{ … }}`, `{% if %}`, `{% for %}` and the filters and tests documented in the templates'
  README. No macros, includes, imports, `set`, `autoescape` blocks, slices or dict literals.
  Every name must be a placeholder the document provides (or a loop variable, `loop`,
  `range`); no attribute or key may start with an underscore;
- while rendering, a name's attributes are only the keys of the dictionaries the app passes in
  (and `loop.index` and friends); nothing can be called but `range`, which is bounded;
  arithmetic works on numbers only and within bounds;
- every loop step counts against one budget for the whole document, and a deadline and the
  size of the output are checked all along.

Anything else is refused with one Dutch `TemplateError` naming the template file.
"""

from __future__ import annotations

import math
import operator
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from jinja2 import StrictUndefined, nodes
from jinja2.defaults import DEFAULT_FILTERS, DEFAULT_TESTS
from jinja2.environment import Template
from jinja2.runtime import LoopContext, Undefined
from jinja2.sandbox import ImmutableSandboxedEnvironment

from zelfscan_app.reports.templates import TemplateError

#: Loop steps in one document, over all its parts: a regional report of 342 municipalities
#: takes about 5,000.
MAX_LOOP_STEPS = 200_000
#: The largest `range(…)` a template may ask for.
MAX_RANGE = 1_000
#: Characters of XML one document part may render to (a 342-municipality report: ~10 million).
MAX_OUTPUT_CHARS = 60_000_000
#: Seconds one document may take to render, all parts together (normal: well under two).
MAX_RENDER_SECONDS = 60.0
#: Bounds on the numbers a template computes with.
MAX_NUMBER = 10**15
MAX_EXPONENT = 64

ALLOWED_FILTERS = (
    "abs",
    "capitalize",
    "count",
    "d",
    "default",
    "first",
    "int",
    "join",
    "last",
    "length",
    "lower",
    "round",
    "title",
    "trim",
    "upper",
)
ALLOWED_TESTS = (
    "defined",
    "divisibleby",
    "eq",
    "even",
    "false",
    "ge",
    "gt",
    "in",
    "le",
    "lt",
    "ne",
    "none",
    "number",
    "odd",
    "string",
    "true",
    "undefined",
)
LOOP_ATTRIBUTES = frozenset(
    [
        "index",
        "index0",
        "revindex",
        "revindex0",
        "first",
        "last",
        "length",
        "depth",
        "depth0",
        "previtem",
        "nextitem",
    ]
)

#: The template nodes a document template may consist of.
_ALLOWED_NODES: tuple[type[nodes.Node], ...] = (
    nodes.Template,
    nodes.Output,
    nodes.TemplateData,
    nodes.If,
    nodes.For,
    nodes.Name,
    nodes.Const,
    nodes.Getattr,
    nodes.Getitem,
    nodes.Filter,
    nodes.Test,
    nodes.Call,
    nodes.Keyword,
    nodes.CondExpr,
    nodes.And,
    nodes.Or,
    nodes.Not,
    nodes.Neg,
    nodes.Pos,
    nodes.Compare,
    nodes.Operand,
    nodes.Add,
    nodes.Sub,
    nodes.Mul,
    nodes.Div,
    nodes.FloorDiv,
    nodes.Mod,
    nodes.Pow,
    nodes.Concat,
    nodes.List,
    nodes.Tuple,
)

_DESCRIPTIONS: dict[type[nodes.Node], str] = {
    nodes.Macro: "{% macro %}",
    nodes.CallBlock: "{% call %}",
    nodes.Include: "{% include %}",
    nodes.Import: "{% import %}",
    nodes.FromImport: "{% from … import %}",
    nodes.Extends: "{% extends %}",
    nodes.Block: "{% block %}",
    nodes.Assign: "{% set %}",
    nodes.AssignBlock: "{% set %}",
    nodes.With: "{% with %}",
    nodes.FilterBlock: "{% filter %}",
    nodes.Scope: "{% autoescape %}",
    nodes.ScopedEvalContextModifier: "{% autoescape %}",
    nodes.EvalContextModifier: "{% autoescape %}",
    nodes.Slice: "een deel van een tekst of lijst ([a:b])",
    nodes.Dict: "een woordenboek ({…})",
}

_HELP = (
    "een sjabloon mag alleen de plaatshouders uit README.md in de map met sjablonen gebruiken "
    "({{ naam }}, {% if %} en {% for %}); er is geen document gemaakt"
)


def unknown_placeholder(name: str) -> str:
    return (
        f"onbekende plaatshouder ‘{name}’; controleer de spelling tussen {{{{ en }}}} "
        "(zie README.md in de map met sjablonen)"
    )


def refused(what: str, template: Path | str) -> TemplateError:
    return TemplateError(
        f"het sjabloon bevat {what}; dat is niet toegestaan: {_HELP}", path=str(template)
    )


def _number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


class DocumentSandbox(ImmutableSandboxedEnvironment):
    """One environment per document: its names, loop budget and deadline are that document's.

    docxtpl compiles each part (body, headers, footers, footnotes, properties) with
    `from_string`; `_parse` checks each before Jinja compiles it.
    """

    intercepted_binops = frozenset({"*", "/", "//", "%", "**", "+", "-"})
    intercepted_unops = frozenset({"-", "+"})

    def __init__(self, template: Path | str, names: Iterable[str]) -> None:
        super().__init__(autoescape=True, undefined=StrictUndefined)
        self.template_path = str(template)
        self.names = frozenset(names)
        self.filters = {name: DEFAULT_FILTERS[name] for name in ALLOWED_FILTERS}
        self.tests = {name: DEFAULT_TESTS[name] for name in ALLOWED_TESTS}
        self.steps_left = MAX_LOOP_STEPS
        self.deadline = time.monotonic() + MAX_RENDER_SECONDS
        # Bound methods are new objects on every access: keep one of each to compare against.
        self.bounded_range: Callable[..., range] = self._range
        self.counted: Callable[[Iterable[Any]], Iterator[Any]] = self._count
        self.globals.clear()
        self.globals["range"] = self.bounded_range
        self.globals[_LOOP_GUARD] = self.counted

    # Before compiling ------------------------------------------------------------------------
    def _parse(self, source: str, name: str | None, filename: str | None) -> nodes.Template:
        tree = super()._parse(source, name, filename)
        self._check(tree)
        for loop in tree.find_all(nodes.For):
            loop.iter = nodes.Call(
                nodes.Name(_LOOP_GUARD, "load"), [loop.iter], [], None, None, lineno=loop.lineno
            )
        tree.set_environment(self)
        return tree

    def _check(self, tree: nodes.Template) -> None:
        """Refuse the template for its most telling problem (a Jinja global before a call)."""
        problems = sorted(self._problems(tree), key=lambda p: p[0])
        if problems:
            raise problems[0][1]

    def _problems(self, tree: nodes.Template) -> Iterator[tuple[int, TemplateError]]:
        bound = {"loop", "range"}
        for loop in tree.find_all(nodes.For):
            if loop.recursive:
                yield 3, self.refuse("een herhaling die zichzelf aanroept (recursive)")
            bound |= {n.name for n in loop.target.find_all(nodes.Name)} | (
                {loop.target.name} if isinstance(loop.target, nodes.Name) else set()
            )
        for node in _walk(tree):
            if not isinstance(node, _ALLOWED_NODES):
                yield 2, self.refuse(_DESCRIPTIONS.get(type(node), f"‘{type(node).__name__}’"))
            elif isinstance(node, nodes.Name) and node.ctx == "load":
                if node.name not in self.names and node.name not in bound:
                    if node.name.startswith("_") or node.name in _JINJA_NAMES:
                        yield 0, self.refuse(f"‘{node.name}’")
                    else:
                        yield (
                            4,
                            TemplateError(unknown_placeholder(node.name), path=self.template_path),
                        )
            elif isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
                yield 1, self.refuse(f"‘.{node.attr}’")
            elif isinstance(node, nodes.Getitem) and isinstance(node.arg, nodes.Const):
                if isinstance(node.arg.value, str) and node.arg.value.startswith("_"):
                    yield 1, self.refuse(f"‘[{node.arg.value!r}]’")
            elif isinstance(node, nodes.Filter) and node.name not in self.filters:
                yield 2, self.refuse(f"het filter ‘|{node.name}’")
            elif isinstance(node, nodes.Test) and node.name not in self.tests:
                yield 2, self.refuse(f"de test ‘is {node.name}’")
            elif isinstance(node, nodes.Call) and (
                not (isinstance(node.node, nodes.Name) and node.node.name == "range")
                or node.kwargs
                or node.dyn_args
                or node.dyn_kwargs
            ):
                yield 3, self.refuse("een functieaanroep (…)")

    # While rendering -------------------------------------------------------------------------
    def refuse(self, what: str) -> TemplateError:
        return refused(what, self.template_path)

    def check_deadline(self) -> None:
        if time.monotonic() > self.deadline:
            raise TemplateError(
                f"het invullen van het sjabloon duurt langer dan {MAX_RENDER_SECONDS:g} "
                "seconden en is afgebroken; er is geen document gemaakt",
                path=self.template_path,
            )

    def _count(self, iterable: Iterable[Any]) -> Iterator[Any]:
        if isinstance(iterable, Undefined):
            iterable = iter(iterable)  # StrictUndefined raises the usual 'onbekend' error
        for item in iterable:
            self.steps_left -= 1
            if self.steps_left < 0:
                raise TemplateError(
                    f"de herhalingen ({{% for %}}) in het sjabloon lopen meer dan "
                    f"{MAX_LOOP_STEPS} keer rond en zijn afgebroken; er is geen document gemaakt",
                    path=self.template_path,
                )
            if self.steps_left % 256 == 0:
                self.check_deadline()
            yield item

    def _range(self, *args: Any) -> range:
        if not args or len(args) > 3 or not all(isinstance(a, int) for a in args):
            raise self.refuse("‘range’ met iets anders dan gehele getallen")
        numbers = range(*args)
        if len(numbers) > MAX_RANGE:
            raise TemplateError(
                f"het sjabloon vraagt om range() met {len(numbers)} getallen; het maximum is "
                f"{MAX_RANGE}; er is geen document gemaakt",
                path=self.template_path,
            )
        return numbers

    def getattr(self, obj: Any, attribute: str) -> Any:
        return self._lookup(obj, attribute)

    def getitem(self, obj: Any, argument: Any) -> Any:
        return self._lookup(obj, argument)

    def _lookup(self, obj: Any, key: Any) -> Any:
        """Keys of the app's dictionaries, items of its lists, and loop.index & co. Nothing else."""
        if isinstance(obj, Undefined):
            obj._fail_with_undefined_error()
        if isinstance(key, str) and key.startswith("_"):
            raise self.refuse(f"‘{key}’")
        if isinstance(obj, Mapping) and isinstance(key, str):
            return obj[key] if key in obj else self.undefined(obj=obj, name=key)
        if isinstance(obj, list | tuple | range) and isinstance(key, int):
            if isinstance(key, bool):
                raise self.refuse(f"‘[{key}]’")
            try:
                return obj[key]
            except IndexError:
                return self.undefined(obj=obj, name=str(key))
        if isinstance(obj, LoopContext) and key in LOOP_ATTRIBUTES:
            return getattr(obj, key)
        raise self.refuse(f"‘.{key}’ op {_kind(obj)}")

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:
        # Jinja passes its own bookkeeping (_loop_vars, _block_vars) to calls inside blocks.
        own = {k for k in kwargs if k not in ("_loop_vars", "_block_vars")}
        if (__obj is __self.bounded_range or __obj is __self.counted) and not own:
            return __obj(*args)
        raise __self.refuse("een functieaanroep (…)")

    def call_binop(self, context: Any, operator_: str, left: Any, right: Any) -> Any:
        if operator_ == "+" and isinstance(left, str) and isinstance(right, str):
            return left + right  # linear in what the template already holds
        if not (_number(left) and _number(right)):
            raise self.refuse(f"een berekening ‘{operator_}’ met iets anders dan getallen")
        if operator_ == "**" and (abs(right) > MAX_EXPONENT or abs(left) > MAX_NUMBER):
            raise self.refuse("een te grote macht (**)")
        if operator_ in ("/", "//", "%") and right == 0:
            raise self.refuse("een deling door nul")
        result = _BINOPS[operator_](left, right)
        if isinstance(result, complex) or (
            _number(result) and math.isfinite(result) and abs(result) > MAX_NUMBER
        ):
            raise self.refuse("een berekening met een te groot getal")
        return result

    def call_unop(self, context: Any, operator_: str, arg: Any) -> Any:
        if not _number(arg):
            raise self.refuse(f"‘{operator_}’ voor iets anders dan een getal")
        return -arg if operator_ == "-" else +arg


class BoundedTemplate(Template):
    """Renders chunk by chunk, checking the output size and the deadline all along."""

    def render(self, *args: Any, **kwargs: Any) -> str:
        env = self.environment
        assert isinstance(env, DocumentSandbox)
        context = self.new_context(dict(*args, **kwargs))
        parts: list[str] = []
        size = 0
        try:
            for chunk in self.root_render_func(context):
                size += len(chunk)
                if size > MAX_OUTPUT_CHARS:
                    raise TemplateError(
                        "het sjabloon levert een onredelijk groot document op (meer dan "
                        f"{MAX_OUTPUT_CHARS // 1_000_000} miljoen tekens in één onderdeel) en is "
                        "afgebroken; er is geen document gemaakt",
                        path=env.template_path,
                    )
                env.check_deadline()
                parts.append(chunk)
        except TemplateError:
            raise
        except Exception:
            env.handle_exception()
        return "".join(parts)


DocumentSandbox.template_class = BoundedTemplate

_LOOP_GUARD = "zelfscan_herhaling"
#: Jinja's own globals and special names: naming one is an attempt, not a typo.
_JINJA_NAMES = frozenset(
    {
        "cycler",
        "joiner",
        "namespace",
        "lipsum",
        "dict",
        "self",
        "super",
        "caller",
        "varargs",
        "kwargs",
        _LOOP_GUARD,
    }
)
_BINOPS: dict[str, Callable[[Any, Any], Any]] = {
    "+": operator.add,
    "-": operator.sub,
    "*": operator.mul,
    "/": operator.truediv,
    "//": operator.floordiv,
    "%": operator.mod,
    "**": operator.pow,
}


def _walk(tree: nodes.Node) -> Iterator[nodes.Node]:
    """Every node, without recursion (a deeply nested template must not exhaust the stack)."""
    pending = [tree]
    while pending:
        node = pending.pop()
        yield node
        pending.extend(reversed(list(node.iter_child_nodes())))  # in source order


def _kind(obj: object) -> str:
    if isinstance(obj, str):
        return "een tekst"
    if _number(obj):
        return "een getal"
    if obj is None:
        return "een lege waarde"
    return "een onderdeel dat geen plaatshouders heeft"
