"""Pictures of exercises: a side-view stick figure with its props, drawn two ways.

`pose` is the description (joint positions, props, the stretched leg) and how it is read from
plain data; `braille` draws it as Unicode braille line art sized to a terminal area; `svg`
draws it as an SVG for the docs and reports; `text` handles a person's own small text picture.
Pure: imports nothing of coach's, so the model and every domain package may use it.
"""
