"""`python -m checker`: the same command line as `checker`."""
from checker.cli import main

if __name__ == "__main__":
    main(prog_name="checker")
