"""The Spark schema of vngov records, derived from their JSON Schema.

The record format is defined once, in ``schemas/record.schema.json`` (as
``vngov.schema()`` gives it); the Spark schema is computed from it, so that a field
added there (a provenance field of ``source``, a ``rule`` of tasks) reaches the
tables without a change here. Objects become structs, arrays of objects arrays of
structs, ``[start, end)`` spans arrays of longs; a record and an error record are
one struct (an error record has ``error`` and nulls for the facts).
"""

from __future__ import annotations

from typing import Any, Dict, List

from pyspark.sql import types as T

JSON = Dict[str, Any]

_SCALARS = {
    "string": T.StringType(),
    "integer": T.LongType(),
    "number": T.DoubleType(),
    "boolean": T.BooleanType(),
}


class SchemaError(ValueError):
    """A JSON Schema construct that has no Spark type here."""


def record_schema(json_schema: JSON) -> T.StructType:
    """The struct of one record (or error record) of ``json_schema``."""
    return _Converter(json_schema).convert(json_schema)


class _Converter:
    def __init__(self, root: JSON):
        self.defs: JSON = root.get("$defs", {})

    def resolve(self, node: JSON) -> JSON:
        ref = node.get("$ref")
        if ref is None:
            return node
        prefix = "#/$defs/"
        if not ref.startswith(prefix) or ref[len(prefix):] not in self.defs:
            raise SchemaError(f"unresolvable $ref {ref!r}")
        return self.resolve(self.defs[ref[len(prefix):]])

    def convert(self, node: JSON) -> T.DataType:
        node = self.resolve(node)
        alternatives = node.get("oneOf") or node.get("anyOf")
        if alternatives and "properties" not in node and "type" not in node:
            types = [self.convert(a) for a in alternatives if not _is_null(self.resolve(a))]
            return _unite(types)
        if "properties" in node or "allOf" in node or _types(node) == ["object"]:
            return self.struct(node)
        kinds = [k for k in _types(node) if k != "null"]
        if not kinds and "enum" in node:
            kinds = sorted({_json_type(v) for v in node["enum"] if v is not None})
        if len(kinds) != 1:
            raise SchemaError(f"no single type in {node}")
        kind = kinds[0]
        if kind in _SCALARS:
            return _SCALARS[kind]
        if kind == "array":
            if "items" in node:
                return T.ArrayType(self.convert(node["items"]), containsNull=True)
            if "prefixItems" in node:
                return T.ArrayType(_unite([self.convert(i) for i in node["prefixItems"]]), containsNull=True)
        raise SchemaError(f"no Spark type for {node}")

    def struct(self, node: JSON) -> T.StructType:
        fields: List[T.StructField] = []
        for name, sub in node.get("properties", {}).items():
            fields.append(T.StructField(name, self.convert(sub), nullable=True))
        for part in node.get("allOf", []):
            fields = _merge(fields, self.struct(self.resolve(part)).fields)
        return T.StructType(fields)


def _types(node: JSON) -> List[str]:
    t = node.get("type", [])
    return [t] if isinstance(t, str) else list(t)


def _is_null(node: JSON) -> bool:
    return _types(node) == ["null"]


def _json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return "string"


def _merge(fields: List[T.StructField], more: List[T.StructField]) -> List[T.StructField]:
    """Fields of two structs, each name once; structs under one name are merged."""
    out = list(fields)
    for f in more:
        i = next((i for i, g in enumerate(out) if g.name == f.name), None)
        if i is None:
            out.append(f)
        else:
            out[i] = T.StructField(f.name, _unite([out[i].dataType, f.dataType]), nullable=True)
    return out


def _unite(types: List[T.DataType]) -> T.DataType:
    """One type for the alternatives of a oneOf: structs are merged, others must agree."""
    if not types:
        raise SchemaError("no type besides null")
    if all(isinstance(t, T.StructType) for t in types):
        fields: List[T.StructField] = []
        for t in types:
            fields = _merge(fields, t.fields)
        return T.StructType(fields)
    first = types[0]
    if any(t != first for t in types[1:]):
        raise SchemaError(f"alternatives of different types: {types}")
    return first


def tasks_columns(records: T.StructType) -> List[str]:
    """The task fields of the records' struct, in order (for the flat table)."""
    tasks = records["tasks"].dataType
    assert isinstance(tasks, T.ArrayType) and isinstance(tasks.elementType, T.StructType)
    return tasks.elementType.fieldNames()
