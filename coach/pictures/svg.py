"""A pose as a standalone SVG, for the exercise pages, the README and printed handouts."""

from __future__ import annotations

from xml.sax.saxutils import escape

from coach.i18n import _
from coach.pictures.pose import Point, Pose, bounds
from coach.pictures.shapes import Circle, Label, Layer, Stroke, label_for, shapes

SCALE = 22.0  # pixels per tenth of a metre
MARGIN = 14.0
KEY_HEIGHT = 26.0
LETTER_WIDTH = 9.5  # pixels, of the 17 px italic labels: generous, so a label never touches the edge

# Dark on white, so it prints; the stretched leg in a warm colour that survives greyscale as
# the darkest, thickest line, with where it is felt shaded around it.
STYLE = {
    Layer.PROP: 'stroke="#6b6b6b" stroke-width="2.5" fill="none"',
    Layer.FAR: 'stroke="#9aa3ad" stroke-width="7" fill="none"',
    Layer.BODY: 'stroke="#2b2f36" stroke-width="7" fill="none"',
    Layer.STRETCHED: 'stroke="#c2410c" stroke-width="9" fill="none"',
    Layer.FEEL: 'stroke="#fb923c" stroke-opacity="0.45" stroke-width="22" fill="none"',
    Layer.MOVE: 'stroke="#1d4ed8" stroke-width="3" fill="none" stroke-dasharray="7 5"',
}
ROUND = 'stroke-linecap="round" stroke-linejoin="round"'


def to_svg(pose: Pose, title: str, *, key: bool = True) -> str:
    """The picture, with a one-line key under it naming what the colours mean."""
    left, bottom, right, top = bounds(pose)
    labels = [label for prop in pose.props if (label := label_for(prop, left, right, top)) is not None]
    for label in labels:  # room for every word, so none is cut off at the edge
        start, end = _label_span(label)
        left, right = min(left, start), max(right, end)
    width = (right - left) * SCALE + 2 * MARGIN
    height = (top - bottom) * SCALE + 2 * MARGIN
    key_lines = _key(pose, width - 2 * MARGIN) if key else []
    total_height = height + KEY_HEIGHT * len(key_lines)

    def place(point: Point) -> str:
        return f"{(point[0] - left) * SCALE + MARGIN:.1f},{(top - point[1]) * SCALE + MARGIN:.1f}"

    body: list[str] = []
    for shape in shapes(pose):
        if isinstance(shape, Circle):
            x, y = place(shape.centre).split(",")
            body.append(f'<circle cx="{x}" cy="{y}" r="{shape.radius * SCALE:.1f}" '
                        f'stroke="#2b2f36" stroke-width="5" fill="#ffffff"/>')
        elif isinstance(shape, Stroke):
            tag = "polygon" if shape.closed else "polyline"
            points = " ".join(place(p) for p in shape.points)
            style = STYLE[shape.layer]
            if shape.layer is Layer.MOVE and len(shape.points) == 3:  # the arrowhead: solid
                style = style.replace(' stroke-dasharray="7 5"', "")
            body.append(f'<{tag} points="{points}" {style} {ROUND}/>')
    for label in labels:
        body.append(_text(label, place))
    for index, line in enumerate(key_lines):
        body.append(f'<text x="{MARGIN:.1f}" y="{height + KEY_HEIGHT * (index + 0.6):.1f}" '
                    f'font-family="sans-serif" font-size="16" fill="#2b2f36">{line}</text>')
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width:.0f}" height="{total_height:.0f}" '
        f'viewBox="0 0 {width:.1f} {total_height:.1f}" role="img">\n'
        f"<title>{escape(title)}</title>\n"
        f'<rect width="100%" height="100%" fill="#ffffff"/>\n' + "\n".join(body) + "\n</svg>\n"
    )


def _label_span(label: Label) -> tuple[float, float]:
    """Left and right ends of a label in pose units, from an average letter width."""
    length = len(label.text) * LETTER_WIDTH / SCALE
    start = {"start": 0.0, "middle": -length / 2, "end": -length}[label.anchor]
    return label.at[0] + start, label.at[0] + start + length


def _text(label: Label, place: object) -> str:
    assert callable(place)
    x, y = place(label.at).split(",")
    return (f'<text x="{x}" y="{y}" text-anchor="{label.anchor}" dominant-baseline="middle" '
            f'font-family="sans-serif" font-size="17" font-style="italic" fill="#4b4b4b">'
            f"{escape(label.text)}</text>")


def _key(pose: Pose, room: float) -> list[str]:
    """Words for the colours, each in its colour, wrapped to the picture's width."""
    words = []
    if pose.stretched:
        both = pose.stretched == "both"
        if pose.areas:
            stretched = _("both legs being worked") if both else _("the leg being worked")
        else:
            stretched = _("both legs this is for") if both else _("the leg this is for")
        words.append(("#c2410c", f"▬ {stretched}", True))
    if pose.areas:
        words.append(("#ea7a2a", "▬ " + _("where you feel it"), False))
    if any(shape.layer is Layer.FAR for shape in shapes(pose) if isinstance(shape, Stroke)):
        words.append(("#8a939d", "▬ " + _("the other side"), False))
    if pose.moves:
        words.append(("#1d4ed8", "⇢ " + _("move this way"), False))
    lines: list[str] = []
    used = room + 1
    for colour, text, bold in words:
        width = len(text) * 8.2 + 24
        weight = ' font-weight="bold"' if bold else ""
        span = f'<tspan fill="{colour}"{weight}>{escape(text)}</tspan>'
        if used + width > room:
            lines.append(span)
            used = width
        else:
            lines[-1] += "   " + span
            used += width
    return lines
