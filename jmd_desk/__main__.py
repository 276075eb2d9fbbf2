"""``python -m jmd_desk`` runs the program."""

import sys

from jmd_desk.app import main

sys.exit(main())
