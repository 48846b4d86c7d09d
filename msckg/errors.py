"""Typed errors. The library raises these; the CLI turns each into one line and exit code 1."""


class MsckgError(Exception):
    """Base class of every error msc-kg expects and reports to the user."""


class UnreadableSource(MsckgError):
    """A source file cannot be read as a document (binary, empty, truncated, malformed)."""


class NoReadableSources(MsckgError):
    """A build was given paths that hold no readable document."""


class GraphFileError(MsckgError):
    """A saved graph file is missing, unreadable, or not an msc-kg graph."""


class UnknownEntity(MsckgError):
    """An entity name matches no node; the message lists the closest names."""


class BackendUnavailable(MsckgError):
    """A graph backend (Neo4j) cannot be reached or refuses the connection."""


class UnknownQuery(MsckgError):
    """A named query that the catalogue does not hold; the message lists the known names."""


class QueryParameterError(MsckgError):
    """A named query's parameter is unknown, missing, or of the wrong type."""


class CypherError(MsckgError):
    """The server refused a Cypher statement (syntax error, a write in a read-only run, ...)."""


class ExportError(MsckgError):
    """A graph cannot be written in the requested export format or place."""


class GoldFileError(MsckgError):
    """A gold (annotation) file for ``msckg evaluate`` is missing, malformed or points at no sentence."""
