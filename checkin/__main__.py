import multiprocessing

# First of all: in a frozen build, the dashboard's worker process starts here too.
multiprocessing.freeze_support()

from checkin.cli import main  # noqa: E402

raise SystemExit(main())
