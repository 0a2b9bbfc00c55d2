"""Migration scripts, one per schema revision, in a linear chain."""
