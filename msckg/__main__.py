"""``python -m msckg`` runs the CLI."""

from msckg.cli import main

main()
