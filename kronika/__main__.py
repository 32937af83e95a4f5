"""`python -m kronika`."""
import sys

from kronika.cli import main

sys.exit(main())
