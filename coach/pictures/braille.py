"""A pose as Unicode braille line art, sized to a terminal area.

Each character cell holds 2×4 dots, so a cell of a usual terminal font gives near-square dots
and the figure keeps its proportions. The other leg's picture is the dot grid flipped, so the
two are exact mirror images whatever the size.
"""

from __future__ import annotations

import itertools
import math

from coach.frozen import frozen
from coach.pictures.pose import Point, Pose, bounds
from coach.pictures.shapes import Circle, Layer, feel_segments, shapes, stretched_names

BRAILLE_BASE = 0x2800
# The bit of each dot, by (column, row) inside the cell.
DOT_BITS = {(0, 0): 0x01, (0, 1): 0x02, (0, 2): 0x04, (1, 0): 0x08,
            (1, 1): 0x10, (1, 2): 0x20, (0, 3): 0x40, (1, 3): 0x80}
# Which layer a cell shows when strokes of several layers share it.
PRIORITY = {Layer.PROP: 0, Layer.FAR: 1, Layer.MOVE: 2, Layer.BODY: 3, Layer.FEEL: 4, Layer.STRETCHED: 5}
SMALLEST = (8, 4)  # below this many cells, a picture says nothing


@frozen
class Art:
    """Rows of text of equal width, and for each cell the layer it belongs to (None: blank)."""

    lines: tuple[str, ...]
    layers: tuple[tuple[Layer | None, ...], ...]

    @property
    def width(self) -> int:
        return len(self.lines[0]) if self.lines else 0

    @property
    def height(self) -> int:
        return len(self.lines)


EMPTY = Art((), ())


def render(pose: Pose, columns: int, rows: int, *, mirror: bool = False) -> Art:
    """The pose drawn as large as fits in `columns` × `rows` cells, trimmed to what it uses."""
    if columns < SMALLEST[0] or rows < SMALLEST[1]:
        return EMPTY
    grid = _DotGrid(columns * 2, rows * 4)
    left, bottom, right, top = bounds(pose)
    scale = min((grid.width - 2) / max(right - left, 1e-6), (grid.height - 2) / max(top - bottom, 1e-6))
    used_width = (right - left) * scale
    offset_x = (grid.width - used_width) / 2

    def to_dots(point: Point) -> tuple[float, float]:
        return (offset_x + (point[0] - left) * scale, grid.height - 1.5 - (point[1] - bottom) * scale)

    thick = scale >= 2.2  # wide enough to show the stretched leg bolder than the rest
    for shape in shapes(pose):
        if isinstance(shape, Circle):
            grid.circle(to_dots(shape.centre), max(1.6, shape.radius * scale), shape.layer)
            continue
        if shape.layer is Layer.FEEL or shape.fine:
            continue  # drawn below as a band around the stretched leg
        points = [to_dots(p) for p in shape.points]
        if shape.closed:
            points.append(points[0])
        width = 2 if shape.layer is Layer.STRETCHED and thick else 1
        for a, b in itertools.pairwise(points):
            grid.line(a, b, shape.layer, width)
    if thick:
        for name in stretched_names(pose):
            for segment in feel_segments(pose, name):
                a, b = to_dots(segment[0]), to_dots(segment[1])
                grid.line(a, b, Layer.FEEL, 4)
    if mirror:
        grid.flip()
    return grid.art(columns, rows)


class _DotGrid:
    def __init__(self, width: int, height: int):
        self.width = width
        self.height = height
        self.dots: dict[tuple[int, int], Layer] = {}

    def plot(self, x: float, y: float, layer: Layer) -> None:
        ix, iy = round(x), round(y)
        if 0 <= ix < self.width and 0 <= iy < self.height:
            here = self.dots.get((ix, iy))
            if here is None or PRIORITY[layer] > PRIORITY[here]:
                self.dots[(ix, iy)] = layer

    def line(self, a: tuple[float, float], b: tuple[float, float], layer: Layer, width: int = 1) -> None:
        length = math.hypot(b[0] - a[0], b[1] - a[1])
        # One point per dot along the longer axis leaves no gaps and plots each dot once.
        steps = max(1, math.ceil(max(abs(b[0] - a[0]), abs(b[1] - a[1]))))
        # A wide line is parallel strokes either side, across the line's direction.
        nx, ny = (-(b[1] - a[1]) / length, (b[0] - a[0]) / length) if length else (0.0, 0.0)
        offsets = [o - (width - 1) / 2 for o in range(width)]
        for step in range(steps + 1):
            t = step / steps
            x, y = a[0] + (b[0] - a[0]) * t, a[1] + (b[1] - a[1]) * t
            for offset in offsets:
                self.plot(x + nx * offset, y + ny * offset, layer)

    def circle(self, centre: tuple[float, float], radius: float, layer: Layer) -> None:
        steps = max(12, math.ceil(radius * 2 * math.pi))
        for step in range(steps):
            angle = 2 * math.pi * step / steps
            self.plot(centre[0] + radius * math.cos(angle), centre[1] + radius * math.sin(angle), layer)

    def flip(self) -> None:
        self.dots = {(self.width - 1 - x, y): layer for (x, y), layer in self.dots.items()}

    def art(self, columns: int, rows: int) -> Art:
        bits = [[0] * columns for _ in range(rows)]
        layers: list[list[Layer | None]] = [[None] * columns for _ in range(rows)]
        for (x, y), layer in self.dots.items():
            column, row = x // 2, y // 4
            bits[row][column] |= DOT_BITS[(x % 2, y % 4)]
            here = layers[row][column]
            if here is None or PRIORITY[layer] > PRIORITY[here]:
                layers[row][column] = layer
        used_rows = [r for r in range(rows) if any(bits[r])]
        used_columns = [c for c in range(columns) if any(bits[r][c] for r in range(rows))]
        if not used_rows:
            return EMPTY
        # Trim blank rows and columns symmetrically around the used area, so that the mirrored
        # picture is trimmed the same way and stays its exact mirror image.
        first_column = min(used_columns[0], columns - 1 - used_columns[-1])
        row_span = range(used_rows[0], used_rows[-1] + 1)
        column_span = range(first_column, columns - first_column)
        lines = tuple("".join(chr(BRAILLE_BASE + bits[r][c]) if bits[r][c] else " " for c in column_span)
                      for r in row_span)
        return Art(lines, tuple(tuple(layers[r][c] for c in column_span) for r in row_span))


# Terminal colours for plain printed text: the stretched leg stands out, the rest stays quiet.
ANSI = {Layer.STRETCHED: "\x1b[1;31m", Layer.FEEL: "\x1b[31m", Layer.FAR: "\x1b[2m", Layer.PROP: "\x1b[2m",
        Layer.MOVE: "\x1b[34m", Layer.BODY: ""}


def as_text(art: Art, *, colour: bool) -> str:
    """The art as printable lines; with `colour`, ANSI colours by layer (for a terminal)."""
    if not colour:
        return "\n".join(line.rstrip() for line in art.lines)
    lines = []
    for line, layers in zip(art.lines, art.layers, strict=True):
        parts = []
        current: Layer | None = None
        for character, layer in zip(line, layers, strict=True):
            if layer is not None and layer is not current:
                parts.append("\x1b[0m" + ANSI[layer])
                current = layer
            parts.append(character)
        lines.append(("".join(parts) + "\x1b[0m").rstrip())
    return "\n".join(lines)
