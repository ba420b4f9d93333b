#!/usr/bin/env python
"""Django's command-line utility; `insource` (the console script) does the same."""

from insource.cli import main

if __name__ == "__main__":
    main()
