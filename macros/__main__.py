"""`python -m macros ...`: an alias of the command line, `macros/commands/main.py`."""

import sys

from macros.commands.main import main

if __name__ == "__main__":
    sys.exit(main())
