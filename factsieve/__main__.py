import sys

from factsieve.cli import main

sys.exit(main())
