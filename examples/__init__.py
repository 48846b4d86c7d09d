"""Example documents shipped with msc-kg; `msckg build` with no paths reads them.

Each states real MSC facts in the project's own words and names the DOI of its source.
"""
