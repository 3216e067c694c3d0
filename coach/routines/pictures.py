"""Reading pictures from YAML: an exercise's own `pose:` or `picture:`, and files of poses.

The pose itself is checked by `coach.pictures.pose` on plain values; a mistake it finds is
located back on the node it came from, so the message names the line to fix.
"""

from __future__ import annotations

from collections.abc import Sequence

import yaml
from yaml.constructor import SafeConstructor

from coach.i18n import _
from coach.pictures.pose import Picture, Pose, PoseError, pose_from_data, text_picture_from
from coach.routines.nodes import NodeReader
from coach.routines.yamlsource import Document


def is_pose_file(document: Document) -> bool:
    root = document.root
    return isinstance(root, yaml.MappingNode) and any(
        isinstance(key, yaml.ScalarNode) and key.value == "poses" for key, _ in root.value
    )


def read_pose(reader: NodeReader, node: yaml.Node, what: str) -> Pose | None:
    try:
        return pose_from_data(_plain(node))
    except PoseError as error:
        _report(reader, node, error, what)
        return None


def read_text_picture(reader: NodeReader, node: yaml.Node, what: str) -> Picture | None:
    try:
        return text_picture_from(_plain(node))
    except PoseError as error:
        _report(reader, node, error, what)
        return None


def read_poses(document: Document) -> dict[str, tuple[yaml.Node, Pose]]:
    """Each pose of a `poses:` file by exercise id, with the node of its id for messages."""
    reader = NodeReader(document)
    if document.root is None:
        return {}
    top = reader.fields(document.root, ["poses"], ["poses"], _("a file of poses"))
    if top is None:
        return {}
    entries = reader.mapping(top["poses"], "'poses'") or {}
    found: dict[str, tuple[yaml.Node, Pose]] = {}
    for exercise_id, (key, body) in entries.items():
        pose = read_pose(reader, body, _("the pose of '{id}'").format(id=exercise_id))
        if pose is not None:
            found[exercise_id] = (key, pose)
    return found


def _plain(node: yaml.Node) -> object:
    # Aliases are refused when the file is read, and a safe constructor builds only plain
    # values (numbers, text, lists, mappings), so this runs no code and cannot blow up.
    return SafeConstructor().construct_object(node, deep=True)


def _report(reader: NodeReader, node: yaml.Node, error: PoseError, what: str) -> None:
    reader.problem(_node_at(node, error.where, error.at_key), f"{what}: {error.message}", error.fix)


def _node_at(node: yaml.Node, where: Sequence[str | int], at_key: bool) -> yaml.Node:
    """The node a key path leads to, as far as it goes; with `at_key`, the last key itself."""
    for index, step in enumerate(where):
        if isinstance(node, yaml.MappingNode):
            for key, value in node.value:
                if isinstance(key, yaml.ScalarNode) and key.value == str(step):
                    node = key if at_key and index == len(where) - 1 else value
                    break
            else:
                return node
        elif isinstance(node, yaml.SequenceNode) and isinstance(step, int) and step < len(node.value):
            node = node.value[step]
        else:
            return node
    return node
