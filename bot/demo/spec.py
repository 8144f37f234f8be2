"""The official Bot API as data (bundled api.json) and a strict check of one call against it.

The stand-in server refuses what real Telegram would refuse or silently ignore: unknown methods
and parameters, missing required ones, wrong types, unknown fields in keyboards and buttons,
and strings over a documented length ("1-64 bytes", "1-256 characters") inside objects.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

JSON = dict[str, Any]
_ARRAY = "Array of "
_RANGE = re.compile(r"\b(\d+)-(\d+) (characters|bytes)\b")
_MUST_BE = re.compile(r"\bmust be (?:<em>)?\"?([a-z_]+)\"?")


@dataclass(frozen=True, slots=True)
class Param:
    """One field of a method or object: its accepted types, whether required, string limits."""

    name: str
    types: tuple[str, ...]
    required: bool
    limit: tuple[int, int, str] | None = None
    must_be: str | None = None


@dataclass(frozen=True, slots=True)
class Shape:
    """A method's parameters or an object's fields; a union type lists its subtypes instead."""

    name: str
    fields: Mapping[str, Param]
    subtypes: tuple[str, ...] = ()


class Spec:
    """Methods and types of one Bot API version, looked up case-insensitively for methods."""

    def __init__(self, data: JSON) -> None:
        self.version = str(data.get("version", ""))
        self.methods = {n.lower(): _shape(m) for n, m in data["methods"].items()}
        self.types = {n: _shape(t) for n, t in data["types"].items()}

    def method_name(self, method: str) -> str | None:
        """The documented spelling of a method, or None when the API has no such method."""
        shape = self.methods.get(method.lower())
        return shape.name if shape else None

    def problem(self, method: str, params: Mapping[str, Any], files: Mapping[str, Any]) -> str:
        """Why the API would not accept this call ("" when it would)."""
        shape = self.methods.get(method.lower())
        if shape is None:
            return f"method {method} is not in Bot API {self.version}"
        return _Checker(self, files).fields(shape, dict(params), method, top=True)


@cache
def bundled_spec() -> Spec:
    """The api.json shipped next to this module (read once per process)."""
    text = resources.files("bot.demo").joinpath("api.json").read_text(encoding="utf-8")
    return Spec(json.loads(text))


def _shape(entry: JSON) -> Shape:
    """A method or type entry of api.json as a Shape."""
    fields = {f["name"]: _param(f) for f in entry.get("fields", [])}
    return Shape(entry["name"], fields, tuple(entry.get("subtypes", ())))


def _param(field: JSON) -> Param:
    """A field entry, with the length range and fixed value its description states."""
    text = " ".join(field.get("description", "")) if isinstance(
        field.get("description"), list) else str(field.get("description", ""))
    found = _RANGE.search(text)
    limit = (int(found[1]), int(found[2]), found[3]) if found else None
    fixed = _MUST_BE.search(text) if field["name"] == "type" else None
    return Param(field["name"], tuple(field["types"]), bool(field["required"]), limit,
                 fixed[1] if fixed else None)


class _Checker:
    """One call's check; ``files`` are the multipart uploads that InputFile fields may name."""

    def __init__(self, spec: Spec, files: Mapping[str, Any]) -> None:
        self.spec = spec
        self.files = files

    def fields(self, shape: Shape, value: JSON, path: str, *, top: bool = False) -> str:
        """Unknown, missing and ill-typed fields of an object or a call ("" when none)."""
        for key in value:
            if key not in shape.fields:
                return f"{path}: unknown field {key!r} for {shape.name}"
        for param in shape.fields.values():
            if param.name not in value:
                if param.required:
                    return f"{path}: required field {param.name!r} of {shape.name} is missing"
                continue
            problem = self.param(param, value[param.name], f"{path}.{param.name}", top)
            if problem:
                return problem
        return ""

    def param(self, param: Param, value: Any, path: str, top: bool) -> str:
        """A field's value against its accepted types, fixed value and length range."""
        problems = [self.value(kind, value, path, top) for kind in param.types]
        if all(problems):
            return min(problems, key=lambda p: -len(p.split(":")[0]))
        if param.must_be is not None and value != param.must_be:
            return f"{path}: must be {param.must_be!r}, got {value!r}"
        if param.limit and isinstance(value, str) and not top:
            low, high, unit = param.limit
            size = len(value.encode()) if unit == "bytes" else len(value)
            if not low <= size <= high:
                return f"{path}: {size} {unit}, the API allows {low}-{high}"
        return ""

    def value(self, kind: str, value: Any, path: str, top: bool) -> str:
        """One type expression: a primitive, an array, an object or a union of subtypes."""
        if kind.startswith(_ARRAY):
            if not isinstance(value, list):
                return f"{path}: expected {kind}, got {type(value).__name__}"
            inner = kind.removeprefix(_ARRAY)
            for i, item in enumerate(value):
                problem = self.value(inner, item, f"{path}[{i}]", False)
                if problem:
                    return problem
            return ""
        primitive = _PRIMITIVES.get(kind)
        if primitive is not None:
            return "" if primitive(self, value, path, top) else (
                f"{path}: expected {kind}, got {type(value).__name__} {value!r:.40}")
        return self.object(kind, value, path)

    def object(self, kind: str, value: Any, path: str) -> str:
        """An object type, or the first fitting subtype of a union."""
        shape = self.spec.types.get(kind)
        if shape is None:
            return f"{path}: type {kind} is not in the spec"
        if not isinstance(value, dict):
            return f"{path}: expected {kind} object, got {type(value).__name__}"
        if not shape.subtypes:
            return self.fields(shape, value, path)
        problems = [self.object(sub, value, path) for sub in shape.subtypes]
        return "" if not all(problems) else min(problems, key=lambda p: -len(p))

    def input_file(self, value: Any, path: str, top: bool) -> bool:
        """An uploaded part under this name (top level) or an ``attach://`` reference to one."""
        if top:
            return path.rsplit(".", 1)[-1] in self.files
        return isinstance(value, str) and value.removeprefix("attach://") in self.files


def _string(checker: _Checker, value: Any, path: str, top: bool) -> bool:
    """A string; at the top level a form field that merely looks numeric also is one."""
    if isinstance(value, str):
        return True
    return top and isinstance(value, int | float) and not isinstance(value, bool)


_PRIMITIVES: dict[str, Callable[[_Checker, Any, str, bool], bool]] = {
    "String": _string,
    "Integer": lambda c, v, p, t: isinstance(v, int) and not isinstance(v, bool),
    "Float": lambda c, v, p, t: isinstance(v, int | float) and not isinstance(v, bool),
    "Boolean": lambda c, v, p, t: isinstance(v, bool),
    "True": lambda c, v, p, t: v is True,
    "InputFile": _Checker.input_file,
}
