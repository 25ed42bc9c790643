import sys

from assistant.commands import main

sys.exit(main())
