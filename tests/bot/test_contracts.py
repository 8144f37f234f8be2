"""Each flow's widget ids and dialog-data keys are named constants (declared in its `states.py`,
shared ones in `dialogs/common.py`), never string literals scattered over windows, handlers and
getters: a typo in one of them fails silently at run time, a misspelt name fails at import."""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

DIALOGS = Path(__file__).parents[2] / "bot" / "dialogs"
FLOWS = sorted(p.name for p in DIALOGS.iterdir() if (p / "states.py").is_file())
CHECKED = ("windows.py", "handlers.py", "getters.py")
DATA = {"dialog_data", "start_data"}           # manager.dialog_data, manager.start_data
KEYED = {"get", "pop", "setdefault"}           # methods whose first argument is a key


def _is_str(node: ast.AST) -> bool:
    return isinstance(node, ast.Constant) and isinstance(node.value, str)


def _has_str(node: ast.AST) -> bool:
    """Any string literal inside (f-string parts too): `f"pick_{key}"` is a literal id."""
    return any(_is_str(n) for n in ast.walk(node))


class _Checker(ast.NodeVisitor):
    """Collects `line: what` for every literal widget id or dialog-data key of one module."""

    def __init__(self, tree: ast.Module) -> None:
        self.found: list[str] = []
        self.aliases = {"start_data"}  # the on_start parameter; plus `d = m.dialog_data` below
        self.id_params: dict[str, list[str]] = {}  # local helpers taking a widget id: `wid`
        for node in ast.walk(tree):
            if isinstance(node, ast.Assign):
                for target in node.targets:
                    self._alias(target, node.value)
            elif isinstance(node, ast.AnnAssign):
                self._alias(node.target, node.value)
            elif isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
                self.id_params[node.name] = [a.arg for a in node.args.args]

    def _alias(self, target: ast.AST, value: ast.AST | None) -> None:
        if isinstance(target, ast.Name) and value is not None and self._is_data(value):
            self.aliases.add(target.id)

    def _is_data(self, node: ast.AST) -> bool:
        """`m.dialog_data`, `data["dialog_data"]` (window data), an alias, `x if c else {}`."""
        if isinstance(node, ast.Attribute):
            return node.attr in DATA
        if isinstance(node, ast.Name):
            return node.id in self.aliases
        if isinstance(node, ast.Subscript):
            return _is_str(node.slice) and getattr(node.slice, "value", None) in DATA
        if isinstance(node, ast.IfExp):
            return self._is_data(node.body) or self._is_data(node.orelse)
        if isinstance(node, ast.BoolOp):
            return any(self._is_data(v) for v in node.values)
        return False

    def _add(self, node: ast.AST, what: str) -> None:
        self.found.append(f"{getattr(node, 'lineno', '?')}: {what}")

    def visit_Subscript(self, node: ast.Subscript) -> None:
        if self._is_data(node.value) and _is_str(node.slice):
            self._add(node, f"data key {ast.unparse(node)}")
        self.generic_visit(node)

    def visit_Compare(self, node: ast.Compare) -> None:
        sides = [node.left, *node.comparators]
        if any(isinstance(s, ast.Attribute) and s.attr == "widget_id" for s in sides) and any(
                _is_str(s) for s in sides):
            self._add(node, f"widget id compared with a literal: {ast.unparse(node)}")
        if (any(isinstance(op, ast.In | ast.NotIn) for op in node.ops) and _is_str(node.left)
                and any(self._is_data(s) for s in node.comparators)):
            self._add(node, f"data key {ast.unparse(node)}")
        self.generic_visit(node)

    def visit_Call(self, node: ast.Call) -> None:
        self._widget_ids(node)
        self._start_data(node)
        if isinstance(node.func, ast.Attribute) and self._is_data(node.func.value):
            self._data_method(node, node.func.attr)
        self.generic_visit(node)

    def _widget_ids(self, node: ast.Call) -> None:
        """`id=`, a calendar's first argument, or a local helper's `*id` parameter."""
        ids = [kw.value for kw in node.keywords if kw.arg == "id"]
        name = _name(node.func)
        if name.endswith("Calendar") and node.args:
            ids.append(node.args[0])
        params = self.id_params.get(name, []) if isinstance(node.func, ast.Name) else []
        ids += [arg for param, arg in zip(params, node.args, strict=False)
                if param.endswith("id")]
        ids += [kw.value for kw in node.keywords if kw.arg in params and kw.arg.endswith("id")]
        for value in ids:
            if _has_str(value):
                self._add(node, f"widget id {ast.unparse(value)}")

    def _start_data(self, node: ast.Call) -> None:
        """`manager.start(..., data={...})`: the started flow's start_data keys."""
        for kw in node.keywords:
            if kw.arg == "data" and isinstance(kw.value, ast.Dict):
                self._dict_keys(kw.value, "start data key")

    def _data_method(self, node: ast.Call, method: str) -> None:
        if method in KEYED and node.args and _is_str(node.args[0]):
            self._add(node, f"data key {ast.unparse(node)}")
        if method == "update":
            for arg in node.args:
                if isinstance(arg, ast.Dict):
                    self._dict_keys(arg, "data key")
            for kw in node.keywords:
                self._add(node, f"data key {kw.arg}= in update()")

    def _dict_keys(self, node: ast.Dict, what: str) -> None:
        for key in node.keys:
            if key is not None and _is_str(key):
                self._add(key, f"{what} {ast.unparse(key)}")


def _name(func: ast.AST) -> str:
    if isinstance(func, ast.Name):
        return func.id
    return func.attr if isinstance(func, ast.Attribute) else ""


def literals(source: str) -> list[str]:
    """Every widget id or dialog-data key written as a string literal in `source`."""
    tree = ast.parse(source)
    checker = _Checker(tree)
    checker.visit(tree)
    return checker.found


def _modules() -> Iterator[Path]:
    for flow in FLOWS:
        for name in CHECKED:
            if (DIALOGS / flow / name).is_file():
                yield DIALOGS / flow / name
    yield DIALOGS / "common.py"


@pytest.mark.parametrize("path", list(_modules()), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_widget_ids_and_data_keys_are_named_constants(path: Path) -> None:
    found = literals(path.read_text(encoding="utf-8"))
    assert not found, "name these in the flow's states.py:\n" + "\n".join(found)


def test_every_flow_is_checked() -> None:
    assert set(FLOWS) == {"find", "greetings", "importer", "menu", "newprospect", "pool",
                          "prospect", "referrals", "settings", "team", "visit"}


BAD = '''
def _select(items, wid):
    return Select(Format("{item}"), id=wid, items=items)

def window(key):
    return Window(Button(Label("x"), id="go"), Select(id=f"pick_{key}"), LocalCalendar("cal"),
                  _select("hits", "hit"), _select("rows", wid="row"),
                  Button(Label("y"), id=W.GO), _select("hits", W.HITS), LocalCalendar(W.CAL))

async def on_click(cb, button, manager):
    d = manager.dialog_data
    start = manager.start_data if isinstance(manager.start_data, dict) else {}
    role = "manager" if button.widget_id == "inv_manager" else "rep"
    manager.dialog_data["draft"] = 1
    manager.dialog_data.get("field", "name")
    d.pop("hits", None)
    d.update({"link": 1, LINK: 2})
    start["file_id"]
    manager.start(S.card, data={"prospect_id": 1, PROSPECT_ID: 2})
    ok = manager.dialog_data[DRAFT], d.get(HITS), button.widget_id == W.TODAY
'''


def test_the_checker_catches_each_kind_of_literal() -> None:
    """The checker can fail: each literal above is reported, and none of the named ones."""
    found = literals(BAD)
    assert [f.split(": ", 1)[1] for f in found] == [
        "widget id 'go'", "widget id f'pick_{key}'", "widget id 'cal'", "widget id 'hit'",
        "widget id 'row'",
        "widget id compared with a literal: button.widget_id == 'inv_manager'",
        "data key manager.dialog_data['draft']",
        "data key manager.dialog_data.get('field', 'name')",
        "data key d.pop('hits', None)",
        "data key 'link'",
        "data key start['file_id']",
        "start data key 'prospect_id'",
    ]
