"""`python -m kronika.store …`: the store's commands on their own (the same as under `kronika`)."""
import sys

from kronika.store.cli import main

sys.exit(main())
