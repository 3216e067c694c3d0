"""A 3×5 pixel font for digits and the letters of the leg labels, drawn with half blocks.

Two pixels share each terminal cell (▀ ▄ █), so a pixel is about square. At scale s a glyph is
3s columns wide and 5s pixels (ceil(5s/2) rows) tall, which is what lets the countdown and the
leg label grow with the window and be read from across a room.
"""

from __future__ import annotations

import functools
import math

GLYPHS: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    " ": ("..", "..", "..", "..", ".."),
    "A": (".#.", "#.#", "###", "#.#", "#.#"),
    "B": ("##.", "#.#", "##.", "#.#", "##."),
    "C": ("###", "#..", "#..", "#..", "###"),
    "D": ("##.", "#.#", "#.#", "#.#", "##."),
    "E": ("###", "#..", "##.", "#..", "###"),
    "F": ("###", "#..", "##.", "#..", "#.."),
    "G": ("###", "#..", "#.#", "#.#", "###"),
    "H": ("#.#", "#.#", "###", "#.#", "#.#"),
    "I": ("###", ".#.", ".#.", ".#.", "###"),
    "L": ("#..", "#..", "#..", "#..", "###"),
    "M": ("#.#", "###", "###", "#.#", "#.#"),
    "N": ("##.", "#.#", "#.#", "#.#", "#.#"),
    "O": ("###", "#.#", "#.#", "#.#", "###"),
    "P": ("###", "#.#", "###", "#..", "#.."),
    "R": ("##.", "#.#", "##.", "#.#", "#.#"),
    "S": ("###", "#..", "###", "..#", "###"),
    "T": ("###", ".#.", ".#.", ".#.", ".#."),
}
PIXEL_ROWS = 5
HALF_BLOCKS = {(False, False): " ", (True, False): "▀", (False, True): "▄", (True, True): "█"}


def can_draw(text: str) -> bool:
    return bool(text) and all(char in GLYPHS for char in text)


def rows_at(scale: int) -> int:
    return math.ceil(PIXEL_ROWS * scale / 2)


def width_at(text: str, scale: int) -> int:
    """Columns `text` takes: each glyph's pixels plus one pixel of space between glyphs."""
    return sum(len(GLYPHS[char][0]) * scale for char in text) + scale * max(0, len(text) - 1)


def largest_scale(text: str, width: int, height: int, most: int = 8) -> int:
    """The biggest scale at which `text` fits in width × height cells; 0 when even 1 does not."""
    for scale in range(most, 0, -1):
        if rows_at(scale) <= height and width_at(text, scale) <= width:
            return scale
    return 0


def draw(text: str, scale: int) -> list[str]:
    """`text` as rows of half-block characters, all the same width.

    Every glyph covers the same pixel rows, so each is drawn once per scale and a new number
    (the countdown draws one every second) only joins ready-made pieces."""
    gap = " " * scale
    glyphs = [glyph_rows(char, scale) for char in text]
    return [gap.join(rows[y] for rows in glyphs) for y in range(rows_at(scale))]


@functools.cache
def glyph_rows(char: str, scale: int) -> tuple[str, ...]:
    """One glyph at `scale` as rows of half blocks."""
    pixels = [[mark == "#" for mark in GLYPHS[char][y // scale] for _ in range(scale)]
              for y in range(PIXEL_ROWS * scale)]
    if len(pixels) % 2:
        pixels.append([False] * len(pixels[0]))
    return tuple("".join(HALF_BLOCKS[top, bottom] for top, bottom in zip(upper, lower, strict=True))
                 for upper, lower in zip(pixels[::2], pixels[1::2], strict=True))
