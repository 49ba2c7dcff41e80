"""The rule language: a small, safe expression parser and evaluator.

Templates are data that a Balai publishes and laptops download, so their rules are
never handed to Python's ``eval``. This module parses a tiny language into a tree
of tuples and walks it:

    literals   12  8.5  'teks'  "teks"  true  false  null  [1, 2, 3]
    names      tekanan_desain        (a field)      titik.resistansi  (a group's sub-field,
               giving the list of that sub-field over the group's items)
    operators  or  and  not  <  <=  >  >=  ==  !=  in  +  -  *  /  ( )
    functions  min max sum avg count all any abs round if lookup present len convert

``all(G, cond)``, ``any(G, cond)``, ``count(G[, cond])``, ``min(G, expr)``, ``max``,
``sum`` and ``avg`` with a group ``G`` evaluate ``cond``/``expr`` once per item with
the item's sub-fields in scope. ``if(c, a, b)`` and ``present(x)`` are lazy.
``lookup('table', key...)`` reads a table of the template; ``convert(4.5, 'bar',
'kg/cm²')`` converts exactly. Numbers are exact
fractions, so ``85.1 > 85`` and ``1.5 * 10 == 15`` hold without rounding surprises.
A name without a value raises :class:`Missing`, which the rule engine turns into
"not evaluated" (and, for a required field, an incomplete verdict).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from fractions import Fraction
from typing import Any

from k3desk.domain.i18n import translate

Node = tuple[Any, ...]


class ExpressionError(Exception):
    """A rule text that cannot be parsed (found when a template is loaded)."""


class EvalError(Exception):
    """A rule that cannot be evaluated on the given values (wrong kinds, division by 0)."""


class Missing(Exception):  # noqa: N818 - a signal, not a failure
    """A name the expression needs has no value; ``paths`` says which."""

    def __init__(self, paths: Sequence[str]) -> None:
        super().__init__(", ".join(paths))
        self.paths = list(paths)


_TOKEN = re.compile(r"""
    \s*(?:
      (?P<num>\d+(?:\.\d+)?(?:[eE][+-]?\d+)?)
    | (?P<str>'[^']*'|"[^"]*")
    | (?P<name>[A-Za-z][A-Za-z0-9_]*(?:\.[A-Za-z][A-Za-z0-9_]*)?)
    | (?P<op><=|>=|==|!=|<|>|\+|-|\*|/|\(|\)|,|\[|\])
    )""", re.VERBOSE)

KEYWORDS = {"and", "or", "not", "in", "true", "false", "null"}
AGGREGATES = {"min", "max", "sum", "avg", "count", "all", "any"}
FUNCTIONS = AGGREGATES | {"abs", "round", "if", "lookup", "present", "len", "convert"}
COMPARISONS = {"<", "<=", ">", ">=", "==", "!=", "in"}


def _tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    pos = 0
    text = text.rstrip()
    while pos < len(text):
        m = _TOKEN.match(text, pos)
        if m is None or m.end() == pos:
            raise ExpressionError(translate("expressions", "karakter tak terduga {char} di "
                                            "posisi {pos}").format(
                char=repr(text[pos:].strip()[:1]), pos=pos + 1))
        token_type = m.lastgroup or ""
        value = m.group(token_type)
        if token_type == "name" and value in KEYWORDS:
            token_type = "kw"
        tokens.append((token_type, value))
        pos = m.end()
    tokens.append(("end", ""))
    return tokens


class _Parser:
    """Recursive descent; precedence from loose to tight: or, and, not, compare, +, *."""

    def __init__(self, text: str) -> None:
        self.tokens = _tokenize(text)
        self.i = 0

    def peek(self) -> tuple[str, str]:
        return self.tokens[self.i]

    def take(self, value: str | None = None) -> tuple[str, str]:
        tok = self.tokens[self.i]
        if value is not None and tok[1] != value:
            raise ExpressionError(translate("expressions", "diharapkan {want} tetapi ditemukan "
                                            "{found}").format(
                want=repr(value), found=repr(tok[1]) if tok[1] else
                translate("expressions", "akhir aturan")))
        self.i += 1
        return tok

    def parse(self) -> Node:
        node = self.or_()
        if self.peek()[0] != "end":
            raise ExpressionError(translate("expressions", "tak terduga: {token}").format(
                token=repr(self.peek()[1])))
        return node

    def or_(self) -> Node:
        node = self.and_()
        while self.peek() == ("kw", "or"):
            self.take()
            node = ("or", node, self.and_())
        return node

    def and_(self) -> Node:
        node = self.not_()
        while self.peek() == ("kw", "and"):
            self.take()
            node = ("and", node, self.not_())
        return node

    def not_(self) -> Node:
        if self.peek() == ("kw", "not"):
            self.take()
            return ("not", self.not_())
        return self.compare()

    def compare(self) -> Node:
        node = self.additive()
        if self.peek()[1] in COMPARISONS:
            op = self.take()[1]
            node = ("cmp", op, node, self.additive())
            if self.peek()[1] in COMPARISONS:
                raise ExpressionError(translate("expressions", "perbandingan berantai tidak "
                                                "diizinkan; gunakan 'and'"))
        return node

    def additive(self) -> Node:
        node = self.term()
        while self.peek() in (("op", "+"), ("op", "-")):
            op = self.take()[1]
            node = ("arith", op, node, self.term())
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.peek() in (("op", "*"), ("op", "/")):
            op = self.take()[1]
            node = ("arith", op, node, self.unary())
        return node

    def unary(self) -> Node:
        if self.peek() == ("op", "-"):
            self.take()
            return ("neg", self.unary())
        return self.primary()

    def primary(self) -> Node:
        token_type, value = self.take()
        if token_type == "num":
            return ("lit", Fraction(value))
        if token_type == "str":
            return ("lit", value[1:-1])
        if token_type == "kw" and value in ("true", "false", "null"):
            return ("lit", {"true": True, "false": False, "null": None}[value])
        if (token_type, value) == ("op", "("):
            node = self.or_()
            self.take(")")
            return node
        if (token_type, value) == ("op", "["):
            items: list[Node] = []
            if self.peek()[1] != "]":
                items.append(self.or_())
                while self.peek()[1] == ",":
                    self.take()
                    items.append(self.or_())
            self.take("]")
            return ("list", tuple(items))
        if token_type == "name":
            if self.peek() == ("op", "("):
                return self.call(value)
            return ("name", tuple(value.split(".")))
        raise ExpressionError(translate("expressions", "tak terduga: {token}").format(
            token=repr(value) if value else translate("expressions", "akhir aturan")))

    def call(self, name: str) -> Node:
        if name not in FUNCTIONS:
            known = ", ".join(sorted(FUNCTIONS))
            raise ExpressionError(translate("expressions", "fungsi {name} tidak dikenal (yang "
                                            "dikenal: {known})").format(
                name=repr(name), known=known))
        self.take("(")
        args: list[Node] = []
        if self.peek()[1] != ")":
            args.append(self.or_())
            while self.peek()[1] == ",":
                self.take()
                args.append(self.or_())
        self.take(")")
        if name == "if" and len(args) != 3:
            raise ExpressionError(translate("expressions", "if() memerlukan tiga argumen: "
                                            "if(syarat, maka, selain itu)"))
        if name == "lookup" and (not args or args[0][0] != "lit"
                                 or not isinstance(args[0][1], str)):
            raise ExpressionError(translate("expressions", "lookup() memerlukan nama tabel "
                                            "sebagai teks berkutip di depan"))
        if name == "convert" and (len(args) != 3 or any(
                a[0] != "lit" or not isinstance(a[1], str) for a in args[1:])):
            raise ExpressionError(translate("expressions", "convert() memerlukan satu angka dan "
                                            "dua satuan berkutip: "
                                            "convert(4.5, 'bar', 'kg/cm²')"))
        if name in ("present", "abs", "len") and len(args) != 1:
            raise ExpressionError(translate("expressions", "{name}() memerlukan satu "
                                            "argumen").format(name=name))
        return ("call", name, tuple(args))


def parse(text: str) -> Node:
    """Parse ``text``; raises :class:`ExpressionError` with the reason."""
    if not isinstance(text, str) or not text.strip():
        raise ExpressionError(translate("expressions", "ekspresi kosong"))
    return _Parser(text).parse()


def names_in(node: Node) -> list[tuple[str, ...]]:
    """Every name the expression reads (for checking templates and naming fields)."""
    found: list[tuple[str, ...]] = []

    def walk(n: Any) -> None:
        if isinstance(n, tuple) and n:
            if n[0] == "name":
                if n[1] not in found:
                    found.append(n[1])
                return
            for part in n[1:]:
                walk(part)

    walk(node)
    return found


def tables_in(node: Node) -> list[str]:
    found: list[str] = []

    def walk(n: Any) -> None:
        if isinstance(n, tuple) and n:
            if n[0] == "call" and n[1] == "lookup":
                found.append(n[2][0][1])
            for part in n[1:]:
                walk(part)

    walk(node)
    return found


class Scope:
    """Values visible to an expression: a group item's sub-fields, then the form's fields."""

    def __init__(self, values: Mapping[str, Any], names: set[str],
                 parent: Scope | None = None, prefix: str = "") -> None:
        self.values = values
        self.names = names
        self.parent = parent
        self.prefix = prefix

    def resolve(self, parts: tuple[str, ...]) -> Any:
        head = parts[0]
        if head not in self.names:
            if self.parent is not None:
                return self.parent.resolve(parts)
            raise EvalError(translate("expressions", "nama {name} tidak dikenal").format(
                name=repr(".".join(parts))))
        value = self.values.get(head)
        if value is None:
            raise Missing([self.prefix + head])
        if len(parts) == 1:
            return value
        if not isinstance(value, list):
            raise EvalError(translate("expressions", "{name} bukan grup").format(
                name=repr(head)))
        out = []
        missing = []
        for i, item in enumerate(value):
            sub = item.get(parts[1]) if isinstance(item, Mapping) else None
            if sub is None:
                missing.append(f"{self.prefix}{head}[{i}].{parts[1]}")
            out.append(sub)
        if missing:
            raise Missing(missing)
        return out


Tables = Mapping[str, Callable[[list[Any]], Any]]


def _num(v: Any, what: str) -> Fraction:
    if isinstance(v, bool) or not isinstance(v, (Fraction, int)):
        raise EvalError(translate("expressions", "{what} memerlukan angka, didapat "
                                      "{value}").format(what=what, value=repr(v)))
    return Fraction(v)


def _cmp(op: str, a: Any, b: Any) -> bool:
    if op == "in":
        if not isinstance(b, list):
            raise EvalError(translate("expressions", "'in' memerlukan daftar di sebelah "
                                          "kanannya"))
        return a in b
    if op in ("==", "!="):
        if a is None or b is None or isinstance(a, bool) or isinstance(b, bool):
            same = a is b if (a is None or b is None) else a == b
        elif isinstance(a, (Fraction, int)) and isinstance(b, (Fraction, int)):
            same = Fraction(a) == Fraction(b)
        elif isinstance(a, str) and isinstance(b, str):
            same = a == b
        else:
            raise EvalError(translate("expressions", "{a} tidak dapat dibandingkan dengan "
                                          "{b}").format(a=repr(a), b=repr(b)))
        return same if op == "==" else not same
    x: Any
    y: Any
    if isinstance(a, str) and isinstance(b, str):
        x, y = a, b
    else:
        x, y = _num(a, op), _num(b, op)
    return bool({"<": x < y, "<=": x <= y, ">": x > y, ">=": x >= y}[op])


def _flatten(values: list[Any]) -> list[Any]:
    out: list[Any] = []
    for v in values:
        out.extend(v if isinstance(v, list) else [v])
    return out


def evaluate(node: Node, scope: Scope, tables: Tables, groups_sub: Mapping[str, set[str]]
             ) -> Any:
    """Evaluate a parsed expression. Raises Missing or EvalError, nothing else."""
    try:
        return _eval(node, scope, tables, groups_sub)
    except (Missing, EvalError):
        raise
    except (ZeroDivisionError, OverflowError) as exc:
        raise EvalError(translate("expressions", "galat aritmetika: {error}").format(
            error=exc)) from None
    except (TypeError, ValueError, RecursionError) as exc:
        raise EvalError(str(exc) or type(exc).__name__) from None


def _eval(node: Node, scope: Scope, tables: Tables, gs: Mapping[str, set[str]]) -> Any:
    tag = node[0]
    if tag == "lit":
        return node[1]
    if tag == "name":
        return scope.resolve(node[1])
    if tag == "list":
        return [_eval(n, scope, tables, gs) for n in node[1]]
    if tag == "not":
        return not _truth(_eval(node[1], scope, tables, gs))
    if tag == "and":
        return _truth(_eval(node[1], scope, tables, gs)) and _truth(
            _eval(node[2], scope, tables, gs))
    if tag == "or":
        return _truth(_eval(node[1], scope, tables, gs)) or _truth(
            _eval(node[2], scope, tables, gs))
    if tag == "neg":
        return -_num(_eval(node[1], scope, tables, gs), "-")
    if tag == "cmp":
        return _cmp(node[1], _eval(node[2], scope, tables, gs), _eval(node[3], scope, tables, gs))
    if tag == "arith":
        a = _num(_eval(node[2], scope, tables, gs), node[1])
        b = _num(_eval(node[3], scope, tables, gs), node[1])
        op = node[1]
        if op == "/" and b == 0:
            raise EvalError(translate("expressions", "pembagian dengan nol"))
        return {"+": a + b, "-": a - b, "*": a * b, "/": a / b if b else a}[op]
    if tag == "call":
        return _call(node[1], node[2], scope, tables, gs)
    raise EvalError(f"bad node {tag!r}")


def _truth(v: Any) -> bool:
    if not isinstance(v, bool):
        raise EvalError(translate("expressions", "diharapkan ya/tidak (true/false), didapat "
                                      "{value}").format(value=repr(v)))
    return v


def _group_items(node: Node, scope: Scope, gs: Mapping[str, set[str]]) -> list[Scope] | None:
    if node[0] != "name" or len(node[1]) != 1 or node[1][0] not in gs:
        return None
    name = node[1][0]
    items = scope.resolve((name,))
    if not isinstance(items, list):
        raise EvalError(translate("expressions", "{name} bukan grup").format(
            name=repr(name)))
    return [Scope(item if isinstance(item, Mapping) else {}, gs[name], scope,
                  f"{scope.prefix}{name}[{i}].") for i, item in enumerate(items)]


def _call(name: str, args: tuple[Node, ...], scope: Scope, tables: Tables,
          gs: Mapping[str, set[str]]) -> Any:
    if name == "if":
        cond = _truth(_eval(args[0], scope, tables, gs))
        return _eval(args[1] if cond else args[2], scope, tables, gs)
    if name == "present":
        try:
            return _eval(args[0], scope, tables, gs) is not None
        except Missing:
            return False
    if name in AGGREGATES and args:
        items = _group_items(args[0], scope, gs)
        if items is not None and (len(args) == 2 or name == "count"):
            if len(args) == 1:
                return Fraction(len(items))
            values = [_eval(args[1], s, tables, gs) for s in items]
            if name == "count":
                return Fraction(sum(1 for v in values if _truth(v)))
            return _aggregate(name, values)
    values = [_eval(a, scope, tables, gs) for a in args]
    if name in AGGREGATES:
        if name == "count":
            return Fraction(len(_flatten(values)))
        return _aggregate(name, _flatten(values))
    if name == "abs":
        return abs(_num(values[0], "abs"))
    if name == "len":
        if not isinstance(values[0], (list, str)):
            raise EvalError(translate("expressions", "len() memerlukan daftar atau teks"))
        return Fraction(len(values[0]))
    if name == "round":
        digits = int(_num(values[1], "round")) if len(values) > 1 else 0
        return Fraction(round(_num(values[0], "round"), digits))
    if name == "convert":
        from k3desk.domain.errors import ValidationError
        from k3desk.domain.units import convert

        try:
            return convert(_num(values[0], "convert"), values[1], values[2])
        except ValidationError as exc:
            raise EvalError(str(exc)) from None
    if name == "lookup":
        table = tables.get(values[0])
        if table is None:
            raise EvalError(translate("expressions", "tabel {name} tidak dikenal").format(
                name=repr(values[0])))
        return table(values[1:])
    raise EvalError(translate("expressions", "fungsi {name} tidak dikenal").format(
        name=repr(name)))


def _aggregate(name: str, values: list[Any]) -> Any:
    if name in ("all", "any"):
        truths = [_truth(v) for v in values]
        return all(truths) if name == "all" else any(truths)
    nums = [_num(v, name) for v in values]
    if not nums:
        if name == "sum":
            return Fraction(0)
        raise EvalError(translate("expressions", "{name}() dari himpunan kosong").format(
            name=name))
    if name == "min":
        return min(nums)
    if name == "max":
        return max(nums)
    if name == "sum":
        return sum(nums, Fraction(0))
    return sum(nums, Fraction(0)) / len(nums)
