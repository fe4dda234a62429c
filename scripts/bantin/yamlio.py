"""Safe YAML only: safe_dump to write, safe_load to read, schema errors with the key's line."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from bantin.exceptions import MetadataError

Model = TypeVar("Model", bound=BaseModel)

#: libyaml's safe dumper and loader when PyYAML was built with it (same output, ~10x faster);
#: both are the safe variants: no Python object tags are written or read.
SAFE_DUMPER: type[yaml.SafeDumper] = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
SAFE_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def dump_yaml(data: dict[str, Any]) -> str:
    """Block-style YAML in the given key order, Unicode kept, never line-wrapped."""
    return yaml.dump(
        data,
        Dumper=SAFE_DUMPER,
        sort_keys=False,
        allow_unicode=True,
        default_flow_style=False,
        width=1_000_000,
    )


def key_lines(text: str) -> dict[str, int]:
    """1-based line of each top-level key, from the composed node tree."""
    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(node, yaml.MappingNode):
        return {}
    return {str(key.value): key.start_mark.line + 1 for key, _ in node.value}


def yaml_error_line(error: yaml.YAMLError) -> int | None:
    mark = getattr(error, "problem_mark", None) or getattr(error, "context_mark", None)
    return int(mark.line) + 1 if mark is not None else None


def load_mapping(text: str, path: Path | str, line_offset: int = 0) -> dict[str, Any]:
    """safe_load a YAML mapping (empty text is an empty mapping); a key given twice is an
    error naming both lines (YAML itself would silently keep the last value)."""
    loader = SAFE_LOADER(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return {}
        check_unique_keys(node, path, line_offset)
        try:
            data = loader.construct_document(node)
        except ValueError as error:  # a date that does not exist (2021-02-30), ...
            raise value_error(node, path, line_offset, error) from error
    except yaml.YAMLError as error:
        line = yaml_error_line(error)
        where = line + line_offset if line else None
        raise MetadataError(path, f"not valid YAML: {error}", where) from error
    finally:
        loader.dispose()
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise MetadataError(path, "expected a mapping of keys to values", 1 + line_offset)
    return data


def check_unique_keys(node: yaml.Node, path: Path | str, line_offset: int = 0) -> None:
    """Every mapping of the document has each key once (each node is looked at once, so
    aliases repeated a billion times cost nothing)."""
    for mapping in nodes(node):
        if not isinstance(mapping, yaml.MappingNode):
            continue
        first: dict[str, int] = {}
        for key, _ in mapping.value:
            if not isinstance(key, yaml.ScalarNode):
                continue
            line = key.start_mark.line + 1 + line_offset
            if key.value in first:
                message = f"duplicate key {key.value!r} (first given on line {first[key.value]})"
                raise MetadataError(path, message, line)
            first[key.value] = line


def nodes(node: yaml.Node) -> list[yaml.Node]:
    """Every node of a document once, in document order (an alias is the node it names)."""
    found: list[yaml.Node] = []
    seen: set[int] = set()
    pending = [node]
    while pending:
        here = pending.pop()
        if id(here) in seen:
            continue
        seen.add(id(here))
        found.append(here)
        if isinstance(here, yaml.SequenceNode):
            pending.extend(reversed(here.value))
        elif isinstance(here, yaml.MappingNode):
            pending.extend(item for pair in reversed(here.value) for item in reversed(pair))
    return found


def value_error(
    node: yaml.Node, path: Path | str, line_offset: int, error: ValueError
) -> MetadataError:
    """A value YAML reads but Python cannot hold (2021-02-30), named with its line."""
    for scalar in (found for found in nodes(node) if isinstance(found, yaml.ScalarNode)):
        try:
            yaml.SafeLoader("").construct_object(scalar)  # a fresh constructor per value
        except ValueError:
            line = scalar.start_mark.line + 1 + line_offset
            return MetadataError(path, f"{scalar.value!r} is not a valid value: {error}", line)
    return MetadataError(path, f"invalid value: {error}")


def describe(error: dict[str, Any]) -> str:
    loc = ".".join(str(part) for part in error.get("loc", ()))
    return f"{loc}: {error.get('msg', 'invalid')}" if loc else str(error.get("msg"))


def validate(
    model: type[Model], data: dict[str, Any], path: Path | str, text: str, line_offset: int = 0
) -> Model:
    """Validate a mapping; the first schema error is raised naming its key's line."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        loc = first.get("loc", ())
        line = key_lines(text).get(str(loc[0])) if loc else None
        messages = "; ".join(describe(dict(e)) for e in error.errors())
        raise MetadataError(path, f"{messages}", line + line_offset if line else None) from error


def load_model(model: type[Model], text: str, path: Path | str, line_offset: int = 0) -> Model:
    """safe_load + schema validation of one YAML document."""
    return validate(model, load_mapping(text, path, line_offset), path, text, line_offset)


def read_model(model: type[Model], path: Path) -> Model:
    """A YAML file on disk, validated against model."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise MetadataError(path, f"cannot read: {error}") from error
    return load_model(model, text, path)
