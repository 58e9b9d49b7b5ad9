"""`python -m load versions | show VERSION | diff [OLD] [NEW] | gc` (see `load.cli`)."""

from load.cli import main

raise SystemExit(main())
