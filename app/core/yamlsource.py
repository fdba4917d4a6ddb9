"""Parse YAML while remembering the line of every key and value.

jsonschema and our own checks speak in paths (("activities", 1, "states", 0));
authors need line numbers. PyYAML's node tree has both, so we walk it once and
build a path -> line map beside the plain data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml

Path_ = tuple[str | int, ...]


@dataclass
class Located:
    """Parsed YAML data with the 1-based line of each path (value lines and key lines)."""

    data: Any
    value_lines: dict[Path_, int] = field(default_factory=dict)
    key_lines: dict[Path_, int] = field(default_factory=dict)

    def line(self, path: Path_) -> int:
        """Line of the value at path, or of its nearest ancestor that has one."""
        for end in range(len(path), -1, -1):
            found = self.value_lines.get(tuple(path[:end]))
            if found is not None:
                return found
        return 1

    def key_line(self, path: Path_) -> int:
        """Line where the key that ends path is written (falls back to the value's line)."""
        return self.key_lines.get(tuple(path)) or self.line(path)


class YamlSyntaxError(Exception):
    def __init__(self, line: int, message: str) -> None:
        super().__init__(message)
        self.line = line
        self.message = message


# libyaml's C parser is about 10x faster than the pure-Python one and keeps line marks.
_SafeLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):
    """SafeLoader that rejects a key written twice in one mapping instead of keeping the last."""


def _construct_mapping(loader: _SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    seen: dict[Any, int] = {}
    for key_node, _ in node.value:
        key = loader.construct_object(key_node, deep=True)
        if key in seen:
            raise YamlSyntaxError(
                key_node.start_mark.line + 1,
                f"key '{key}' is written twice in the same block (first on line {seen[key]})",
            )
        seen[key] = key_node.start_mark.line + 1
    return loader.construct_mapping(node, deep=deep)


_UniqueKeyLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def parse(text: str) -> Located:
    """Parse one YAML document; raises YamlSyntaxError with a line number."""
    try:
        loader = _UniqueKeyLoader(text)
        try:
            node = loader.get_single_node()
            data = loader.construct_document(node) if node is not None else None
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        raise YamlSyntaxError(line, f"this is not valid YAML: {error.problem}") from error
    except yaml.YAMLError as error:
        raise YamlSyntaxError(1, f"this is not valid YAML: {error}") from error
    located = Located(data)
    if node is not None:
        _index(node, (), located)
    return located


def _index(node: yaml.Node, path: Path_, located: Located) -> None:
    located.value_lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        for key_node, value_node in node.value:
            child = (*path, key_node.value)
            located.key_lines[child] = key_node.start_mark.line + 1
            _index(value_node, child, located)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _index(item, (*path, index), located)
