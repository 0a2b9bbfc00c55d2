"""Data files shipped with minutes-app: translations, sample data, templates."""
