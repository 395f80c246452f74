"""Print an import's report from a management command and exit with its status."""


def write_report(command, report):
    """Write `report` (rules.import_report.ImportReport) line by line, then exit with its status if not 0.

    The first line says the outcome in French; the status is 0 when every row
    loaded (warnings allowed), 1 when some rows were rejected, 2 when the file
    could not be read.
    """
    for line in report.lines():
        command.stdout.write(line)
    if report.exit_code:
        raise SystemExit(report.exit_code)
