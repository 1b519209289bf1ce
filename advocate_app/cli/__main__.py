"""`python -m advocate_app.cli`: the same as the `advocate-app` command."""

import sys

from advocate_app.cli import main

sys.exit(main())
