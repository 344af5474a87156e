"""The ``actorgraph`` command line. The only module that imports click; each command calls the library."""
import click

from .. import __version__
from .base import ActorGraphGroup


@click.group(cls=ActorGraphGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="actorgraph")
def cli():
    """actorgraph: explore a hand-curated, cited map of who is connected to whom.

    The data is YAML in a data folder (default ./data) citing documents in a seeds folder
    (default: seeds/ beside the data folder). Exit codes: 0 ok, 1 nothing found or invalid
    data, 2 usage error.
    """


from . import (  # noqa: E402,F401  (registers the commands)
    curation_commands,
    data_commands,
    document_commands,
    edit_commands,
    map_commands,
    query_commands,
    render_commands,
)
