"""Rules an exercise states ("no `np.dot`", "use `np.linalg.solve`"), checked by reading the code.

Runs in the checking child, on the learner's source only: nothing here calls
the learner's code. :class:`Source` parses the code once, learns what each
imported or assigned name stands for (``import numpy.linalg as la``,
``from numpy import dot as d``, ``d = np.dot``, ``getattr(np, "dot")``,
``__import__("numpy")``) and then lists, for one of the learner's functions,
every use of a forbidden call, with its line.

Only the exercise's function counts, together with the functions it defines
and the helpers of the learner's file that it calls (directly or through
other helpers): a test the learner wrote further down the file, calling
``np.dot`` to compare, breaks no rule.

A rule is a :class:`Rule`: what it forbids and why. :meth:`Source.broken`
gives each :class:`Use` of a forbidden thing; a check turns the first into a
failed case with :func:`rule_case`.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import dataclass, field

ARRAY_LIBRARIES = frozenset({"numpy", "scipy", "torch", "jax", "cupy", "tensorflow"})
"""Modules whose functions a rule about NumPy also covers (`scipy.linalg.inv` is still an inverse)."""

PLAIN_FUNCTIONS = frozenset({"sum", "abs", "len", "range", "min", "max", "float", "int", "zip", "enumerate"})


@dataclass(frozen=True)
class Use:
    """One forbidden thing found in the learner's function."""

    written: str
    """The code as the learner wrote it, such as `la.inv` or `@`."""
    meaning: str
    """What it stands for, such as `numpy.linalg.inv` (the same as `written` when it needs no explaining)."""
    line: int
    text: str
    """The source line, stripped."""

    def name(self) -> str:
        """`np.dot`, or `d (numpy.dot)` when an alias hides what it is."""
        plain = "." in self.written and self.written.split(".")[-1] == self.meaning.split(".")[-1]
        if self.meaning and self.meaning != self.written and not plain:
            return f"{self.written} ({self.meaning})"
        return self.written

    def where(self) -> str:
        return f"line {self.line}: {self.text}"


@dataclass(frozen=True)
class Rule:
    """What a rule forbids in one function, and the sentence that says why it is there.

    `functions` are final names under the array libraries (`dot` forbids
    `numpy.dot`, `numpy.core.multiarray.dot` and `scipy.dot`); `exact` are full
    dotted names (`operator.matmul`, `math.hypot`); `methods` are attribute
    calls on anything that is not a module (`a.dot(b)`); `operators` are binary
    operators (`ast.MatMult` for `@`); `own` are names of the learner's own
    functions that the rule's function must not call (grad_f may not call the
    learner's `derivative`). With `differencing`, `f(x + h) − f(x − h)` (two
    calls of the same function of the learner's, or of a sum, subtracted) counts
    as a use too.
    """

    function: str
    summary: str
    why: str
    functions: frozenset[str] = frozenset()
    exact: frozenset[str] = frozenset()
    methods: frozenset[str] = frozenset()
    operators: tuple[type[ast.operator], ...] = ()
    own: frozenset[str] = frozenset()
    differencing: bool = False
    roots: frozenset[str] = field(default=ARRAY_LIBRARIES)


def _constant_text(node: ast.AST) -> str | None:
    """A string the code spells out, also as a sum of string pieces (`"in" + "v"`)."""
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add):
        left, right = _constant_text(node.left), _constant_text(node.right)
        if left is not None and right is not None:
            return left + right
    if isinstance(node, ast.JoinedStr) and all(isinstance(part, ast.Constant) for part in node.values):
        return "".join(str(part.value) for part in node.values)  # type: ignore[attr-defined]
    return None


class Source:
    """The learner's code, parsed once, with what its names stand for."""

    def __init__(self, source: str) -> None:
        self.lines = source.splitlines()
        try:
            self.tree: ast.Module | None = ast.parse(source)
        except SyntaxError:
            self.tree = None
        self.aliases: dict[str, str] = {}
        self.star_modules: list[str] = []
        self.helpers: dict[str, ast.AST] = {}
        self.bound: set[str] = set()
        """Names the code binds itself (variables, parameters): a star import does not explain them."""
        if self.tree is not None:
            self._learn(self.tree)

    # -- what names stand for ------------------------------------------------------------------

    def _learn(self, tree: ast.Module) -> None:
        for node in ast.walk(tree):
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
                self.bound.add(node.id)
            elif isinstance(node, ast.arg):
                self.bound.add(node.arg)
        for node in tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                self.helpers[node.name] = node
            elif isinstance(node, ast.Assign) and isinstance(node.value, ast.Lambda):
                for target in node.targets:
                    if isinstance(target, ast.Name):
                        self.helpers[target.id] = node.value
        for _ in range(3):  # aliases of aliases (`la = np.linalg; inv = la.inv`)
            for node in ast.walk(tree):
                self._learn_statement(node)

    def _learn_statement(self, node: ast.AST) -> None:
        if isinstance(node, ast.Import):
            for alias in node.names:
                if alias.asname:
                    self.aliases[alias.asname] = alias.name
                else:
                    top = alias.name.split(".")[0]
                    self.aliases[top] = top
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            for alias in node.names:
                if alias.name == "*":
                    if node.module not in self.star_modules:
                        self.star_modules.append(node.module)
                else:
                    self.aliases[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        elif isinstance(node, (ast.Assign, ast.AnnAssign, ast.NamedExpr)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            value = node.value
            if value is None or isinstance(value, ast.Lambda):
                return
            meaning = self.resolve(value)
            known = ARRAY_LIBRARIES | {"math", "operator"}
            if meaning and ("." in meaning or meaning in known or meaning in self.aliases.values()):
                for target in targets:
                    if isinstance(target, ast.Name) and target.id not in self.helpers:
                        self.aliases[target.id] = meaning  # type: ignore[assignment]

    def resolve(self, node: ast.AST) -> str | None:
        """The dotted name an expression stands for (`la.inv` → `numpy.linalg.inv`), if it names one."""
        if isinstance(node, ast.Name):
            if node.id in self.aliases:
                return self.aliases[node.id]
            if node.id in self.helpers or node.id in PLAIN_FUNCTIONS:
                return node.id
            if self.star_modules and node.id not in self.bound:
                return f"{self.star_modules[-1]}.{node.id}"
            return node.id
        if isinstance(node, ast.Attribute):
            base = self.resolve(node.value)
            return f"{base}.{node.attr}" if base else None
        if isinstance(node, ast.Call):
            function = self.resolve(node.func)
            if function in ("getattr", "builtins.getattr") and len(node.args) >= 2:
                base, name = self.resolve(node.args[0]), _constant_text(node.args[1])
                if base and name:
                    return f"{base}.{name}"
            if function in ("__import__", "importlib.import_module") and node.args:
                return _constant_text(node.args[0])
        if isinstance(node, ast.Subscript):  # np.__dict__["dot"], vars(np)["dot"]
            key = _constant_text(node.slice)
            inner = node.value
            if key and isinstance(inner, ast.Attribute) and inner.attr == "__dict__":
                base = self.resolve(inner.value)
                return f"{base}.{key}" if base else None
            if key and isinstance(inner, ast.Call) and self.resolve(inner.func) == "vars" and inner.args:
                base = self.resolve(inner.args[0])
                return f"{base}.{key}" if base else None
        return None

    def _is_module(self, meaning: str | None) -> bool:
        if not meaning:
            return False
        root = meaning.split(".")[0]
        return root in ARRAY_LIBRARIES or root in {"math", "operator", "builtins", "statistics", "tutor"} or (
            meaning in self.aliases.values() and "." not in meaning
        )

    # -- the function and what it calls ----------------------------------------------------------

    def function(self, name: str) -> ast.FunctionDef | None:
        if self.tree is None:
            return None
        for node in self.tree.body:
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name == name:
                return node  # type: ignore[return-value]
        return None

    def reach(self, name: str, skip: frozenset[str] = frozenset()) -> list[ast.AST]:
        """The function `name` and every helper of the file it calls, directly or not (not `skip`)."""
        start = self.function(name)
        if start is None:
            return []
        found: list[ast.AST] = [start]
        names = {name}
        index = 0
        while index < len(found):
            for node in ast.walk(found[index]):
                if (
                    isinstance(node, ast.Name)
                    and node.id in self.helpers
                    and node.id not in names
                    and node.id not in skip
                ):
                    names.add(node.id)
                    found.append(self.helpers[node.id])
            index += 1
        return found

    # -- finding what a rule forbids -------------------------------------------------------------

    def broken(self, rule: Rule) -> list[Use]:
        """Every use in `rule.function` (and what it calls) of what `rule` forbids, in line order."""
        seen: set[tuple[int, str]] = set()
        uses: list[Use] = []
        for body in self.reach(rule.function, skip=rule.own):
            for use in self._uses(body, rule):
                key = (use.line, use.written)
                if key not in seen:
                    seen.add(key)
                    uses.append(use)
        return sorted(uses, key=lambda use: use.line)

    def _line(self, node: ast.AST) -> tuple[int, str]:
        line = getattr(node, "lineno", 0)
        text = self.lines[line - 1].strip() if 0 < line <= len(self.lines) else ""
        return line, text

    def _use(self, node: ast.AST, written: str, meaning: str) -> Use:
        line, text = self._line(node)
        return Use(written, meaning, line, text)

    def _forbidden(self, meaning: str | None, rule: Rule) -> bool:
        if not meaning:
            return False
        if meaning in rule.exact:
            return True
        parts = meaning.split(".")
        return len(parts) > 1 and parts[0] in rule.roots and parts[-1] in rule.functions

    def _uses(self, body: ast.AST, rule: Rule) -> Iterator[Use]:
        inner_attributes: set[int] = set()
        for node in ast.walk(body):
            if isinstance(node, ast.Attribute):
                inner_attributes.add(id(node.value))
        for node in ast.walk(body):
            if isinstance(node, (ast.BinOp, ast.AugAssign)) and isinstance(node.op, rule.operators):
                yield self._use(node, "the @ operator" if isinstance(node.op, ast.MatMult) else type(node.op).__name__, "")
            elif isinstance(node, (ast.Name, ast.Attribute, ast.Call, ast.Subscript)):
                if id(node) in inner_attributes and not isinstance(node, ast.Call):
                    continue  # judged as part of the longer name it starts (`np` in `np.dot`)
                meaning = self.resolve(node)
                written = ast.unparse(node)
                if isinstance(node, ast.Call):
                    if meaning is not None and self._forbidden(meaning, rule):
                        yield self._use(node, written, meaning)
                    continue
                if isinstance(node, ast.Name) and node.id in rule.own and isinstance(node.ctx, ast.Load):
                    yield self._use(node, node.id, f"your own {node.id}()")
                elif self._forbidden(meaning, rule):
                    yield self._use(node, written, meaning or written)
                elif (
                    isinstance(node, ast.Attribute)
                    and node.attr in rule.methods
                    and not self._is_module(self.resolve(node.value))
                ):
                    yield self._use(node, f".{node.attr}()", f"{written}")
            if rule.differencing and isinstance(node, ast.BinOp) and isinstance(node.op, ast.Sub):
                if self._differences(node):
                    yield self._use(node, ast.unparse(node), "a finite difference")

    def _differences(self, node: ast.BinOp) -> bool:
        """Whether `node` is f(a) − f(b): the same function of the learner's (or a sum) at two inputs."""
        left, right = node.left, node.right
        if not (isinstance(left, ast.Call) and isinstance(right, ast.Call)):
            return False
        if ast.dump(left.func) != ast.dump(right.func):
            return False
        if [ast.dump(arg) for arg in left.args] == [ast.dump(arg) for arg in right.args]:
            return False
        meaning = self.resolve(left.func) or ""
        reductions = {"sum", "math.fsum", "numpy.sum", "numpy.mean", "numpy.linalg.norm"}
        return meaning in reductions or not self._is_module(meaning) and "." not in ast.unparse(left.func)


def rule_case(source: Source, rule: Rule):
    """A failed case naming the first use that breaks `rule`, or None when the code keeps it."""
    from tutor.grading.cases import Broken

    uses = source.broken(rule)
    if not uses:
        return None
    first = uses[0]
    more = len(uses) - 1
    also = f" (and {more} more {'place' if more == 1 else 'places'})" if more else ""
    return Broken(
        label=f"the rule: {rule.summary}",
        function=rule.function,
        expected=rule.summary,
        got=first.where(),
        reason=f"{first.name()} on line {first.line}{also}: {rule.why}",
    )
