"""The handbook generator: definitions → rulebook → pages → site, the command, and HR's appraisal tools.

    definitions/  YAML → the compiled rulebook          pages/     rulebook → Markdown (no MkDocs)
    importing/    HR's workbooks → definitions           site/      the engine's files, the MkDocs adapter, builds
    appraisal/    many people's answers → a workbook     cli.py     the `handbook` command
"""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent  # holds generator/ and assessment/: a checkout, or site-packages
