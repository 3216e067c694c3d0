"""A dark, low-glare theme for a bedroom at night: warm, dim text on near-black, no bright blue."""

from textual.theme import Theme

NIGHT = Theme(
    name="coach-night",
    primary="#C8A165",      # dim amber: the countdown and the current leg
    secondary="#7D8C7A",
    accent="#B7956A",
    warning="#C9A24D",
    error="#C07060",
    success="#88A07A",
    foreground="#CFC6B8",
    background="#121110",
    surface="#1A1816",
    panel="#22201D",
    dark=True,
)
