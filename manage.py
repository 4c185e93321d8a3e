#!/usr/bin/env python3
from planwatch.cli import main

if __name__ == "__main__":
    main()
