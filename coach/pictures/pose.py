"""What a picture shows: one side-view stick figure, its props, and the leg being stretched.

Coordinates are in tenths of a metre: the floor is y = 0, y grows upward, and the figure of
a left-leg exercise faces right, so its left leg is the "near" one, drawn in front. The picture
of the right leg is the mirror image: facing left, the right leg is then the near one.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from coach.frozen import frozen
from coach.i18n import _, ngettext

Point = tuple[float, float]

LIMBS = ("near", "far")
STRETCH_LEGS = ("near", "far", "both")
STRETCH_AREAS = ("calf", "lower-calf", "hamstring", "foot")
PROP_KINDS = ("floor", "wall", "step", "chair", "bed", "towel", "book", "pillow", "lamp")
# How far a coordinate may go: a pose is a person-sized picture, not a map.
LIMIT = 60.0
PLAIN_PAIRS = (list, tuple)
PLAIN_NUMBERS = (int, float)  # exactly these: bool (a kind of int) is not a coordinate


@frozen
class Limb:
    """An arm (elbow, hand) or a leg (knee, ankle, heel, toe), from the body outward."""

    points: tuple[Point, ...]


@frozen
class Prop:
    """A thing in the picture. Boxes use x (left edge), y (bottom), width and height; a wall
    uses x; a towel is a line through `points`; `label` overrides the word shown beside it."""

    kind: str
    x: float = 0.0
    y: float = 0.0
    width: float = 0.0
    height: float = 0.0
    points: tuple[Point, ...] = ()
    label: str | None = None
    label_at: Point | None = None  # where the label goes, when the usual place is in the way

    @property
    def caption(self) -> str:
        return self.kind if self.label is None else self.label


@frozen
class Move:
    """An arrow showing which way to move: from a point, bending through another, to a third."""

    points: tuple[Point, Point, Point]


@frozen
class Pose:
    """A side-view stick figure: head, neck and hip, the limbs, the props, the arrows and a caption."""

    head: Point
    neck: Point
    hip: Point
    arms: Mapping[str, Limb]
    legs: Mapping[str, Limb]
    stretched: str | None = None  # "near", "far" or "both": the leg(s) marked
    areas: tuple[str, ...] = ()  # where the stretch is felt, shaded on the marked leg(s)
    props: tuple[Prop, ...] = ()
    moves: tuple[Move, ...] = ()
    caption: str = ""  # the words beside the picture: what to look for
    head_radius: float = 1.1

    def mirrored(self) -> Pose:
        """The same picture seen from the other side: x reflected about the picture's middle."""
        left, _, right, _ = bounds(self)
        axis = left + right

        def flip(point: Point) -> Point:
            return (round(axis - point[0], 6), point[1])

        def flip_prop(prop: Prop) -> Prop:
            return replace(prop, x=round(axis - prop.x - prop.width, 6),
                           points=tuple(flip(p) for p in prop.points),
                           label_at=None if prop.label_at is None else flip(prop.label_at))

        return replace(
            self, head=flip(self.head), neck=flip(self.neck), hip=flip(self.hip),
            arms={k: Limb(tuple(flip(p) for p in v.points)) for k, v in self.arms.items()},
            legs={k: Limb(tuple(flip(p) for p in v.points)) for k, v in self.legs.items()},
            props=tuple(flip_prop(p) for p in self.props),
            moves=tuple(Move(tuple(flip(p) for p in m.points)) for m in self.moves),  # type: ignore[arg-type]
        )


def bounds(pose: Pose) -> tuple[float, float, float, float]:
    """left, bottom, right, top of everything drawn, props included."""
    xs: list[float] = []
    ys: list[float] = []
    r = pose.head_radius
    xs += [pose.head[0] - r, pose.head[0] + r]
    ys += [pose.head[1] - r, pose.head[1] + r]
    for point in (pose.neck, pose.hip, *all_limb_points(pose), *(p for m in pose.moves for p in m.points)):
        xs.append(point[0])
        ys.append(point[1])
    for prop in pose.props:
        if prop.kind in ("floor", "wall"):
            continue  # they stretch to the picture's edges
        if prop.points:
            xs += [p[0] for p in prop.points]
            ys += [p[1] for p in prop.points]
        else:
            xs += [prop.x, prop.x + prop.width]
            ys += [prop.y, prop.y + prop.height]
    walls = [prop.x for prop in pose.props if prop.kind == "wall"]
    xs += walls + [wall + 1.0 for wall in walls]
    if any(prop.kind == "floor" for prop in pose.props):
        ys.append(-0.6)
    return min(xs), min(ys), max(xs), max(ys)


def all_limb_points(pose: Pose) -> list[Point]:
    return [p for limbs in (pose.arms, pose.legs) for limb in limbs.values() for p in limb.points]


class PoseError(ValueError):
    """A pose that cannot be drawn. `where` is the key path inside the pose ("legs", "near", 1);
    the message and the fix are in the person's language (`coach validate` shows them)."""

    def __init__(self, where: Sequence[str | int], message: str, fix: str, *, at_key: bool = False):
        super().__init__(message)
        self.where = tuple(where)
        self.at_key = at_key  # the mistake is the key itself (unknown), not its value
        self.message = message
        self.fix = fix


POSE_KEYS = ("head", "neck", "hip", "arms", "legs", "stretched", "feel", "props", "moves", "caption")
PROP_KEYS = ("x", "y", "width", "height", "points", "label", "label_at")


def pose_from_data(data: object) -> Pose:
    """Read a pose from plain data (as YAML gives it); raise PoseError saying where and why."""
    body = _mapping(data, (), POSE_KEYS, _("a pose should be a mapping of keys"), _("unknown key '{key}' in a pose"))
    for required in ("head", "neck", "hip", "legs"):
        if required not in body:
            raise PoseError((), _("the pose has no '{key}'").format(key=required),
                            _("add '{key}:' (see docs/routine-format.md)").format(key=required))
    stretched = body.get("stretched")
    if stretched is not None and stretched not in STRETCH_LEGS:
        choices = ", ".join(STRETCH_LEGS)
        raise PoseError(("stretched",), _("'stretched' should be one of {choices}").format(choices=choices),
                        _("name the leg that is stretched: near (drawn in front), far, or both"))
    feel = _words(body.get("feel", []), ("feel",), STRETCH_AREAS)
    caption = body.get("caption", "")
    if not isinstance(caption, str):
        raise PoseError(("caption",), _("'caption' should be text"), _("write one short sentence"))
    return Pose(
        head=_point(body["head"], ("head",)), neck=_point(body["neck"], ("neck",)),
        hip=_point(body["hip"], ("hip",)),
        arms=_limbs(body.get("arms", {}), ("arms",), 2, _("elbow and hand")),
        legs=_limbs(body["legs"], ("legs",), 4, _("knee, ankle, heel and toe")),
        stretched=stretched, areas=feel, props=_props(body.get("props", []), ("props",)),
        moves=_moves(body.get("moves", []), ("moves",)), caption=caption,
    )


def _mapping(data: object, where: tuple[str | int, ...], allowed: Sequence[str], not_mapping: str,
             unknown: str) -> dict[str, object]:
    """`data` as a mapping of the `allowed` keys; `unknown` says where a wrong `{key}` was found."""
    if not isinstance(data, Mapping):
        raise PoseError(where, not_mapping, _("write it as 'key: value' lines"))
    for key in data:
        if key not in allowed:
            raise PoseError((*where, str(key)), unknown.format(key=key),
                            _("allowed keys: {keys}").format(keys=", ".join(allowed)), at_key=True)
    return {str(k): v for k, v in data.items()}


def _number(value: object, where: tuple[str | int, ...]) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PoseError(where, _("'{value}' is not a number").format(value=value), _("write a number such as 4 or 2.5"))
    if not -LIMIT <= value <= LIMIT:
        raise PoseError(where, _("{value} is too far out").format(value=value),
                        _("keep coordinates between -{limit} and {limit}").format(limit=f"{LIMIT:g}"))
    return float(value)


def _point(value: object, where: tuple[str | int, ...]) -> Point:
    if not isinstance(value, Sequence) or isinstance(value, str) or len(value) != 2:
        raise PoseError(where, _("a point should be two numbers"), _("write it as [x, y], such as [4, 9.5]"))
    return _number(value[0], (*where, 0)), _number(value[1], (*where, 1))


def _points(value: object, where: tuple[str | int, ...], count: int | None, what: str) -> tuple[Point, ...]:
    """`what` names the points, already in the person's language ("knee, ankle, heel and toe")."""
    if not isinstance(value, Sequence) or isinstance(value, str):
        raise PoseError(where, _("{what} should be a list of points").format(what=what),
                        _("write it as [[x, y], [x, y], ...]"))
    if count is not None and len(value) != count:
        raise PoseError(where, ngettext("expected {count} point ({what}), found {found}",
                                        "expected {count} points ({what}), found {found}", count).format(
                                            count=count, what=what, found=len(value)),
                        ngettext("give the {what} as {count} [x, y] point", "give the {what} as {count} [x, y] points",
                                 count).format(what=what, count=count))
    if count is None and len(value) < 2:
        raise PoseError(where, _("{what} needs at least two points").format(what=what), _("add another [x, y] point"))
    # The common case in one quick pass (a start reads every pose from the routines cache); the
    # first point that is not plainly two numbers in range sends all of them through the checks
    # that say where and why.
    points = []
    for item in value:
        if type(item) in PLAIN_PAIRS and len(item) == 2:
            x, y = item
            if type(x) in PLAIN_NUMBERS and type(y) in PLAIN_NUMBERS and -LIMIT <= x <= LIMIT and -LIMIT <= y <= LIMIT:
                points.append((float(x), float(y)))
                continue
        return tuple(_point(item, (*where, index)) for index, item in enumerate(value))
    return tuple(points)


def _limbs(value: object, where: tuple[str | int, ...], count: int, what: str) -> dict[str, Limb]:
    limbs = _mapping(value, where, LIMBS, _("'{name}' should be a mapping of keys").format(name=where[-1]),
                     _("unknown key '{key}' in '{name}'").replace("{name}", str(where[-1])))
    return {name: Limb(_points(points, (*where, name), count, what)) for name, points in limbs.items()}


def _words(value: object, where: tuple[str | int, ...], allowed: Sequence[str]) -> tuple[str, ...]:
    items = [value] if isinstance(value, str) else value
    if not isinstance(items, Sequence):
        raise PoseError(where, _("expected a word or a list of words"),
                        _("use any of: {choices}").format(choices=", ".join(allowed)))
    for index, item in enumerate(items):
        if item not in allowed:
            choices = ", ".join(allowed)
            raise PoseError((*where, index), _("'{item}' is not one of {choices}").format(item=item, choices=choices),
                            _("use any of: {choices}").format(choices=choices))
    return tuple(str(item) for item in items)


def _props(value: object, where: tuple[str | int, ...]) -> tuple[Prop, ...]:
    if not isinstance(value, Sequence) or isinstance(value, str):
        raise PoseError(where, _("'props' should be a list"), _("write one '- kind: {...}' entry per prop"))
    props = []
    for index, item in enumerate(value):
        here = (*where, index)
        if isinstance(item, str):
            item = {item: {}}
        entry = _mapping(item, here, PROP_KINDS, _("a prop should be a mapping of keys"),
                         _("unknown key '{key}' in a prop"))
        if len(entry) != 1:
            raise PoseError(here, _("a prop should be one kind with its settings"), _("write it as '- wall: {x: 12}'"))
        kind, settings = next(iter(entry.items()))
        fields = _mapping(settings or {}, (*here, kind), PROP_KEYS,
                          _("the {kind} should be a mapping of keys").format(kind=kind),
                          _("unknown key '{key}' in the {kind}").replace("{kind}", kind))
        numbers = {key: _number(fields[key], (*here, kind, key))
                   for key in ("x", "y", "width", "height") if key in fields}
        points = (_points(fields["points"], (*here, kind, "points"), None, _("the towel"))
                  if "points" in fields else ())
        if kind == "towel" and not points:
            raise PoseError((*here, kind), _("a towel needs 'points'"), _("give the line it makes: [[x, y], [x, y]]"))
        boxed = kind not in ("floor", "wall", "towel")
        if boxed and not (numbers.get("width") and numbers.get("height")):
            raise PoseError((*here, kind), _("the {kind} needs a width and a height").format(kind=kind),
                            _("add 'width:' and 'height:'"))
        label = fields.get("label")
        if label is not None and not isinstance(label, str):
            raise PoseError((*here, kind, "label"), _("a label should be a word or two"), _("write it as text"))
        label_at = _point(fields["label_at"], (*here, kind, "label_at")) if "label_at" in fields else None
        props.append(Prop(kind=kind, points=points, label=label, label_at=label_at, **numbers))
    return tuple(props)


def _moves(value: object, where: tuple[str | int, ...]) -> tuple[Move, ...]:
    if not isinstance(value, Sequence) or isinstance(value, str):
        raise PoseError(where, _("'moves' should be a list of arrows"), _("write each as [[x, y], [x, y], [x, y]]"))
    moves = []
    for index, item in enumerate(value):
        start, bend, end = _points(item, (*where, index), 3, _("arrow start, bend and end"))
        moves.append(Move((start, bend, end)))
    return tuple(moves)


@frozen
class TextPicture:
    """A person's own small picture drawn with characters: shown as written, never mirrored."""

    lines: tuple[str, ...]


Picture = Pose | TextPicture
TEXT_PICTURE_SIZE = (40, 12)  # columns, rows: small enough for the run screen of a 60×20 terminal


def text_picture_from(data: object) -> TextPicture:
    if not isinstance(data, str) or not data.strip():
        raise PoseError((), _("'picture' should be a few lines of text"),
                        _("write it after 'picture: |' as indented lines"))
    lines = data.rstrip("\n").split("\n")
    columns, rows = TEXT_PICTURE_SIZE
    if len(lines) > rows:
        raise PoseError((), ngettext("the picture has {lines} line; at most {rows} fit",
                                     "the picture has {lines} lines; at most {rows} fit", len(lines)).format(
                                         lines=len(lines), rows=rows), _("make it smaller"))
    widest = max(len(line) for line in lines)
    if widest > columns:
        raise PoseError((), ngettext("a picture line is {width} character wide; at most {columns} fit",
                                     "a picture line is {width} characters wide; at most {columns} fit", widest).format(
                                         width=widest, columns=columns), _("make it narrower"))
    if any(not character.isprintable() for line in lines for character in line):
        raise PoseError((), _("the picture has a control character (such as a tab)"),
                        _("use spaces and plain characters"))
    return TextPicture(tuple(lines))
