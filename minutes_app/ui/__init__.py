"""Qt widgets, dialogs and item models."""
