"""The Textual user interface: the only part of coach that imports Textual."""
