"""`python -m macros.check`: an alias of the check command, `macros/commands/check.py`."""

import sys

from macros.commands.check import main

if __name__ == "__main__":
    sys.exit(main(exit_now=True))
