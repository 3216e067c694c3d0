"""A pose broken into the strokes both renderers draw, each on a layer that says how to draw it."""

from __future__ import annotations

import math
from enum import Enum

from coach.frozen import frozen
from coach.pictures.pose import Point, Pose, Prop, bounds


class Layer(Enum):
    PROP = "prop"  # furniture, the wall, the floor: thin and quiet
    FAR = "far"  # the limbs on the far side of the body: drawn behind, lighter
    BODY = "body"  # head, trunk and the near limbs
    STRETCHED = "stretched"  # the leg being stretched: stands out
    FEEL = "feel"  # where the stretch is felt, along the stretched leg
    MOVE = "move"  # an arrow: which way to move


@frozen
class Stroke:
    """A line through points (closed: back to the first), drawn on one layer."""

    points: tuple[Point, ...]
    layer: Layer
    closed: bool = False
    fine: bool = False  # a detail for print (wall hatching) that is noise at terminal size


@frozen
class Circle:
    """A circle (the head), drawn on one layer."""

    centre: Point
    radius: float
    layer: Layer


@frozen
class Label:
    """A word beside a prop, anchored at its start, middle or end."""

    at: Point
    text: str
    anchor: str = "middle"  # start, middle or end, as in SVG


Shape = Stroke | Circle


def leg_points(pose: Pose, name: str) -> tuple[Point, ...]:
    """hip, knee, ankle, heel, toe, back to the ankle: the foot is drawn as a small triangle."""
    knee, ankle, heel, toe = pose.legs[name].points
    return (pose.hip, knee, ankle, heel, toe, ankle)


def stretched_names(pose: Pose) -> set[str]:
    if pose.stretched == "both":
        return set(pose.legs)
    return {pose.stretched} if pose.stretched is not None and pose.stretched in pose.legs else set()


def shapes(pose: Pose) -> list[Shape]:
    """Everything to draw, back to front."""
    left, _, right, top = bounds(pose)
    drawn: list[Shape] = []
    for prop in pose.props:
        outline = prop_outline(prop, left, right, top)
        drawn += [Stroke(points, Layer.PROP, closed, fine=prop.kind == "wall" and index > 0)
                  for index, (points, closed) in enumerate(outline)]
    marked = stretched_names(pose)
    for name in ("far", "near"):
        if name in pose.arms:
            layer = Layer.BODY if name == "near" else Layer.FAR
            drawn.append(Stroke((pose.neck, *pose.arms[name].points), layer))
        if name in pose.legs:
            layer = Layer.STRETCHED if name in marked else Layer.BODY if name == "near" else Layer.FAR
            drawn.append(Stroke(leg_points(pose, name), layer))
            if name in marked:
                drawn += [Stroke(segment, Layer.FEEL) for segment in feel_segments(pose, name)]
        if name == "far":  # the trunk and head sit between the far and the near limbs
            drawn.append(Stroke((pose.neck, pose.hip), Layer.BODY))
            drawn.append(Circle(pose.head, pose.head_radius, Layer.BODY))
    for move in pose.moves:
        drawn += [Stroke(part, Layer.MOVE) for part in arrow(*move.points)]
    return drawn


def feel_segments(pose: Pose, name: str) -> list[tuple[Point, ...]]:
    knee, ankle, heel, toe = pose.legs[name].points
    segments: list[tuple[Point, ...]] = []
    for area in pose.areas:
        if area == "calf":
            segments.append((_along(knee, ankle, 0.15), _along(knee, ankle, 0.75)))
        elif area == "lower-calf":  # the soleus, felt low down, just above the heel
            segments.append((_along(knee, ankle, 0.5), _along(knee, ankle, 0.9)))
        elif area == "hamstring":
            segments.append((_along(pose.hip, knee, 0.2), _along(pose.hip, knee, 0.85)))
        elif area == "foot":
            segments.append((heel, toe))
    return segments


def _along(a: Point, b: Point, t: float) -> Point:
    return (a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t)


def prop_outline(prop: Prop, left: float, right: float, top: float) -> list[tuple[tuple[Point, ...], bool]]:
    """The lines of one prop, each with whether it closes on itself."""
    x, y, w, h = prop.x, prop.y, prop.width, prop.height
    if prop.kind == "floor":
        return [(((left - 1, 0.0), (right + 1, 0.0)), False)]
    if prop.kind == "wall":
        hatch = [(((x, y0 + 1.0), (x + 1.0, y0)), False) for y0 in range(1, max(2, int(top)), 2)]
        return [(((x, 0.0), (x, top + 0.5)), False), *hatch]
    if prop.kind == "towel":
        return [(prop.points, False)]
    box = ((x, y), (x + w, y), (x + w, y + h), (x, y + h))
    if prop.kind == "chair":
        # A seat on legs with its back at the left edge: behind a person sitting facing right,
        # or in front of one standing to its left and holding it.
        seat = ((x, y + h), (x + w, y + h))
        return [(seat, False), (((x + 0.2, y + h), (x + 0.2, y)), False),
                (((x + w - 0.2, y + h), (x + w - 0.2, y)), False),
                (((x, y + h), (x, y + h * 2.0)), False)]
    if prop.kind == "lamp":
        middle = x + w / 2
        shade = ((x, y + h * 0.6), (x + w, y + h * 0.6), (x + w * 0.75, y + h), (x + w * 0.25, y + h))
        return [(((x + w * 0.2, y), (x + w * 0.8, y)), False), (((middle, y), (middle, y + h * 0.6)), False),
                (shade, True)]
    if prop.kind == "bed":
        legs = [(((x + 0.4, y), (x + 0.4, y + h * 0.4)), False),
                (((x + w - 0.4, y), (x + w - 0.4, y + h * 0.4)), False)]
        mattress = ((x, y + h * 0.4), (x + w, y + h * 0.4), (x + w, y + h), (x, y + h))
        return [(mattress, True), *legs]
    return [(box, True)]


def label_for(prop: Prop, left: float, right: float, top: float) -> Label | None:
    """Where a prop's name goes: on or beside it, clear of the figure where possible."""
    if prop.kind == "floor":
        return None
    text = prop.caption
    if not text:
        return None
    if prop.label_at is not None:
        return Label(prop.label_at, text)
    if prop.kind == "wall":
        return Label((prop.x + 1.3, top - 0.5), text, "start")
    if prop.kind == "towel":
        a, b = prop.points[0], prop.points[-1]
        return Label(((a[0] + b[0]) / 2 + 0.8, (a[1] + b[1]) / 2), text, "start")
    if prop.kind == "book":  # feet stand on it: the word goes beside it
        return Label((prop.x + prop.width + 0.4, prop.y + prop.height / 2), text, "start")
    if prop.kind == "chair":
        return Label((prop.x + prop.width / 2, prop.y + prop.height * 0.45), text)
    return Label((prop.x + prop.width / 2, prop.y + prop.height * 0.55), text)


def arrow(start: Point, bend: Point, end: Point) -> list[tuple[Point, ...]]:
    """A smooth curve through three points with an arrowhead at the end."""
    curve = []
    for step in range(13):
        t = step / 12
        # A quadratic Bézier that passes through `bend` at its middle.
        control = (2 * bend[0] - (start[0] + end[0]) / 2, 2 * bend[1] - (start[1] + end[1]) / 2)
        u = 1 - t
        curve.append((u * u * start[0] + 2 * u * t * control[0] + t * t * end[0],
                      u * u * start[1] + 2 * u * t * control[1] + t * t * end[1]))
    tail = curve[-2]
    angle = math.atan2(end[1] - tail[1], end[0] - tail[0])
    size = 0.9
    head = (
        (end[0] - size * math.cos(angle - 0.5), end[1] - size * math.sin(angle - 0.5)),
        end,
        (end[0] - size * math.cos(angle + 0.5), end[1] - size * math.sin(angle + 0.5)),
    )
    return [tuple(curve), head]
