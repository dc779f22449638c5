"""Where the ``audit`` logger sends its JSON lines in production: a file and/or syslog, chosen
by the environment (docs/deployment.md). Used by cms/settings/production.py."""


def audit_logging(environ, logging_config: dict) -> dict:
    """Add the audit handlers that ``AUDIT_LOG_FILE`` / ``AUDIT_SYSLOG_ADDRESS`` ask for to a
    ``LOGGING`` dict and return it."""
    handlers = logging_config.setdefault("handlers", {})
    names = []
    if environ.get("AUDIT_LOG_FILE"):
        # WatchedFileHandler reopens the file after logrotate moved it
        handlers["audit_file"] = {
            "class": "logging.handlers.WatchedFileHandler",
            "filename": environ["AUDIT_LOG_FILE"],
            "encoding": "utf-8",
        }
        names.append("audit_file")
    if environ.get("AUDIT_SYSLOG_ADDRESS"):
        address = environ["AUDIT_SYSLOG_ADDRESS"]  # "/dev/log" or "host:514" (UDP)
        host, _, port = address.rpartition(":")
        handlers["audit_syslog"] = {
            "class": "logging.handlers.SysLogHandler",
            "address": [host, int(port)] if host and port.isdigit() else address,
            "facility": environ.get("AUDIT_SYSLOG_FACILITY", "local4"),
        }
        names.append("audit_syslog")
    logging_config.setdefault("loggers", {})["audit"] = {
        "handlers": names,
        "level": "INFO",
        "propagate": True,
    }
    return logging_config
