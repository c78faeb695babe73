"""The ``marsad`` command line: a thin layer over importable functions.

Each command lives in :mod:`marsad.commands` and is imported only when it runs, so
``marsad extract`` does not pay for the web server or the store.  Errors the user can
cause (:class:`marsad.errors.MarsadError`) end as one line on stderr; ``--debug``
shows the traceback instead.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys

import click

from marsad import __version__
from marsad.errors import MarsadError, UsageError

#: command name → "module:function" (module under marsad.commands)
COMMANDS: dict[str, str] = {
    "extract": "extract:extract",
    "eval": "evaluate:evaluate",
    "demo": "demo:demo",
    "geocode": "geocode:geocode",
    "explain": "explain:explain",
    "gazetteer": "gazetteer:gazetteer",
    "ingest": "ingest:ingest",
    "export": "export:export",
    "events": "events:events",
    "merge": "merge:merge",
    "relocate": "relocate:relocate",
    "journal": "journal:journal",
    "gaps": "gaps:gaps",
    "serve": "serve:serve",
}


class LazyGroup(click.Group):
    """A click group that imports a command's module only when the command is used."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(name for name in COMMANDS if self._available(name))

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        target = COMMANDS.get(cmd_name)
        if target is None:
            return None
        module_name, attr = target.split(":")
        try:
            module = importlib.import_module(f"marsad.commands.{module_name}")
        except ModuleNotFoundError as exc:
            if exc.name == f"marsad.commands.{module_name}":
                return None
            raise
        command: click.Command = getattr(module, attr)
        return command

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        """Each command with its whole first sentence, wrapped to the terminal (click cuts it at "...")."""
        rows = []
        for name in self.list_commands(ctx):
            command = self.get_command(ctx, name)
            if command is not None and not command.hidden:
                rows.append((name, _first_sentence(command.short_help or command.help or "")))
        if rows:
            with formatter.section("Commands"):
                formatter.write_dl(rows)

    @staticmethod
    def _available(name: str) -> bool:
        module_name = COMMANDS[name].split(":")[0]
        return importlib.util.find_spec(f"marsad.commands.{module_name}") is not None


def _first_sentence(text: str) -> str:
    """The first sentence of a help text, on one line."""
    paragraph = " ".join(text.split("\n\n", 1)[0].split())
    end = paragraph.find(". ")
    return paragraph if end == -1 else paragraph[: end + 1]


@click.group(cls=LazyGroup)
@click.version_option(__version__, prog_name="marsad")
@click.option("--debug", is_flag=True, help="Show tracebacks instead of one-line errors.")
@click.pass_context
def cli(ctx: click.Context, debug: bool) -> None:
    """Marsad (مرصد): coded conflict events from Arabic news, with evidence."""
    ctx.ensure_object(dict)
    ctx.obj["debug"] = debug


def main(argv: list[str] | None = None) -> None:
    """Entry point: run the CLI and turn user errors into one-line messages."""
    debug = "--debug" in (argv if argv is not None else sys.argv[1:])
    try:
        cli.main(args=argv, prog_name="marsad", standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("Aborted.", err=True)
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(2 if isinstance(exc, click.UsageError) else exc.exit_code)
    except UsageError as exc:
        if debug:
            raise
        click.echo(f"Error: {exc}", err=True)
        sys.exit(2)
    except MarsadError as exc:
        if debug:
            raise
        click.echo(f"Error: {exc}", err=True)
        sys.exit(1)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except BrokenPipeError:
        sys.exit(0)


if __name__ == "__main__":
    main()
