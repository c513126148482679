import sys

# First of all: in a frozen build, the dashboard's worker process starts here too.  (Not
# imported otherwise: ``freeze_support`` does nothing then, and the import costs the
# start-up time.)
if getattr(sys, "frozen", False):
    import multiprocessing

    multiprocessing.freeze_support()

from checkin.cli import main

raise SystemExit(main())
