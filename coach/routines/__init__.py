"""Routine and exercise files: reading, checking and writing them, and the library.

Files are composed into YAML nodes (`yamlsource`, `nodes`) and never constructed into objects;
`loader` turns nodes into the model, `library` layers coach's files under the person's own, and
`writer` writes a routine back as readable YAML, and `pregnancy` picks a routine's pregnancy
version. May import the shared modules at the top of `coach` (model, problems, durations,
locations) and nothing else of coach's.
"""
