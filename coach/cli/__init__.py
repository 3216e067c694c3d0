"""The command line: `main` parses arguments and dispatches, one module per command group
(`history`, `own`, `remind`), and `plain` runs a routine without the full screen.

May import everything in the core. It reaches the terminal UI at one place only, where `main`
opens the app; the UI never imports this package.
"""
