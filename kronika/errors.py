"""Named exceptions with messages that say what failed and what is allowed."""


class KronikaError(Exception):
    """Base class of every error Kronika raises on purpose."""


class InputError(KronikaError):
    """A document that cannot be read: empty, binary, undecodable, invalid Unicode, malformed or too large."""
