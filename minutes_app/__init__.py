"""minutes-app: minutes and follow-up tasks of online Party conferences."""

__version__ = "0.1.0"
APP_NAME = "minutes-app"
