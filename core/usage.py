"""Command-line usage errors as a user should meet them: one line, exit code 2, a hint.

Every command of the project (`careers-etl ...`, `python -m flows.ingest`, `python -m
load ...`) parses its arguments with `UsageParser`: a mistyped option or command is one
line on stderr naming what was wrong and, when a real one is close, "did you mean".
"""

from __future__ import annotations

import argparse
import difflib
import re
import sys
from collections.abc import Callable, Iterable
from typing import Any, NoReturn

EXIT_USAGE = 2


def closest(word: str, choices: Iterable[str]) -> str | None:
    """The choice `word` most likely meant, if one is close enough."""
    found = difflib.get_close_matches(word, list(choices), n=1, cutoff=0.6)
    return found[0] if found else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' (did you mean X?)' when a choice is close to `word`, else ''."""
    match = closest(word, choices)
    return f" (did you mean {match!r}?)" if match else ""


class UsageParser(argparse.ArgumentParser):
    """An ArgumentParser whose errors are one line with a suggestion, exit code 2.

    `on_error` (when set) is called with the line instead of printing it, so a command
    whose output is JSON lines can write its usage errors as JSON too.
    """

    def __init__(self, *args: Any, on_error: Callable[[str], None] | None = None,
                 **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.on_error = on_error

    def error(self, message: str) -> NoReturn:
        line = f"{self.prog}: error: {self._with_hint(message)}"
        line = " ".join(line.split())
        if self.on_error is not None:
            self.on_error(line)
        else:
            print(line, file=sys.stderr)
        raise SystemExit(EXIT_USAGE)

    def _with_hint(self, message: str) -> str:
        unknown = re.fullmatch(r"unrecognized arguments: (.*)", message)
        if unknown:
            options = [o for o in self._option_string_actions if o.startswith("--")]
            hints = []
            for word in unknown.group(1).split():
                name = word.split("=", 1)[0]
                if name.startswith("-"):
                    hints.append(f"{name}{did_you_mean(name, options)}")
                else:
                    hints.append(name)
            return (f"unrecognized arguments: {' '.join(hints)}; "
                    f"see `{self.prog} --help` for the options")
        choice = re.fullmatch(r"argument (\S+): invalid choice: '([^']*)' \(choose from (.*)\)",
                              message)
        if choice:
            what, word, listed = choice.groups()
            options = re.findall(r"'([^']*)'", listed) or [s.strip() for s in listed.split(",")]
            kind = "command" if what.isupper() else f"choice for {what}"
            return f"unknown {kind} {word!r}{did_you_mean(word, options)}; " \
                   f"{'commands' if kind == 'command' else 'choices'}: {', '.join(options)}"
        return message
