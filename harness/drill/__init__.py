"""The ``drill`` self-study front-end: the session and its commands, watch, reset, progress, the terminal."""
