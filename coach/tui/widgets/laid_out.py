"""A widget's content size as the last layout gave it, without asking the compositor.

`Widget.size` looks the widget's region up in its screen's compositor. Just after a layout the
compositor still has its map of every widget marked stale, so the first such look-up arranges the
whole screen a second time: on the run screen's first frame, where a person woken by a cramp is
waiting, every widget drawn by its size paid for that. The layout has already told each widget
its outer size; less the widget's padding and border, that is `size`, asked of no one.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget


def content_size(widget: Widget) -> Size:
    """What `widget.size` gives once the widget is laid out (zero before)."""
    outer, gutter = widget.outer_size, widget.styles.gutter
    return Size(max(0, outer.width - gutter.width), max(0, outer.height - gutter.height))
