"""``python -m liveblog``: the same as the ``liveblog`` command."""

from __future__ import annotations

import sys

from liveblog.cli import main

if __name__ == "__main__":
    sys.exit(main())
