"""Errors the policy engine raises: each names what is wrong, where, and how to fix it."""


class PolicyError(Exception):
    """Base class for every error of the policy engine."""


class FactsError(PolicyError):
    """A facts document is malformed: `field` names the fact path at fault."""

    def __init__(self, field: str, message: str):
        self.field = field
        super().__init__(f"{field}: {message}" if field else message)


class ParameterError(PolicyError):
    """A parameter file (or an override of one) is wrong: names the file, the key and the fix."""

    def __init__(self, file: str, key: str, message: str, fix: str = ""):
        self.file, self.key = file, key
        text = f"{file}: {key}: {message}"
        super().__init__(f"{text}. Fix: {fix}" if fix else text)


class PresetError(PolicyError):
    """A preset, an authority override or a custom rule is not acceptable."""
