#!/usr/bin/env python
"""Django's usual entry point, for developers; operators use the ``tremplin`` command."""

import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tremplin.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
