"""Brother QL label printers without a driver: where the printer is, what it says, sending.

A printer is a URI and a model, as ``brother_ql`` (the maintained ``brother_ql_next``
distribution) names them:

* ``usb://0x04f9:0x2042[/SERIAL]`` — pyusb, any OS (``discover`` lists them);
* ``tcp://HOST[:PORT]`` — the network backend, port 9100 by default;
* ``file:///PATH`` — a device node (``/dev/usb/lp0``, Linux's printer class driver), or
  a plain file that receives the raster (tests, or printing later with ``cat``).

``read_status`` asks the printer what is wrong, in words a desk can act on (no tape,
wrong tape, cover open, offline); the network backend cannot read a status, so a
``tcp://`` printer is only known to be reachable.  ``send`` writes one job and, where
the backend can read back, waits for "printing completed" or the printer's error.
Every failure is a ``PrinterError`` that says which printer and what to do.
"""

from __future__ import annotations

import contextlib
import os
import socket
import stat
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlparse

from checkin.core.errors import UserError, translatable

DEFAULT_MODEL = "QL-700"
DEFAULT_LABEL = "62"  # DK-22205 62 mm continuous, black only
NETWORK_PORT = 9100
CONNECT_TIMEOUT_S = 4.0
STATUS_TIMEOUT_S = 2.0
PRINT_TIMEOUT_S = 15.0

# The printer's own error bits (brother_ql.reader), as a desk says them (%1: the printer).
_ERROR_WORDS = {
    "No media when printing": translatable("The printer at %1 has no tape: load a roll."),
    "End of media (die-cut size only)":
        translatable("The printer at %1 ran out of labels: load a new roll."),
    "Tape cutter jam": translatable("The cutter of the printer at %1 is jammed: open the "
                                    "cover and clear it."),
    "Printer turned off": translatable("The printer at %1 is off."),
    "Replace media error":
        translatable("The printer at %1 has the wrong tape: load the roll the badge is "
                     "made for."),
    "Cover opened while printing (Except QL-500)":
        translatable("The cover of the printer at %1 is open: close it."),
    "Media cannot be fed (also when the media end is detected)":
        translatable("The printer at %1 cannot feed the tape: check the roll."),
    "Transmission / Communication error":
        translatable("The printer at %1 did not receive the label: send it again."),
    "Expansion buffer full error":
        translatable("The memory of the printer at %1 is full: switch it off and on."),
    "System error": translatable("The printer at %1 reports a system error: switch it off "
                                 "and on."),
    "Main unit in use (QL-560/650TD/1050)": translatable("The printer at %1 is busy."),
}


class PrinterError(UserError, OSError):
    """The label printer is missing, unreachable or reports a problem; says which.

    Worth trying again (a desk's print queue does): the tape may be changed, the cover
    closed, the printer switched on."""


class PrinterSetupError(PrinterError):
    """The printer as set up cannot work (unknown model or tape, a template for other
    paper, a malformed address): trying again changes nothing until the setting does."""


@dataclass(frozen=True)
class LabelPrinter:
    """A Brother QL printer: where (``uri``), which (``model``), and the tape in it."""

    uri: str
    model: str = DEFAULT_MODEL
    label: str = DEFAULT_LABEL  # brother_ql's name: "62", "62x100", "62red"…

    @property
    def red(self) -> bool:
        """Black/red tape (DK-22251): the raster carries a red layer."""
        return self.label.endswith("red")

    def describe(self) -> str:
        return f"{self.model} at {self.uri} ({self.label} mm tape)"


@dataclass(frozen=True)
class PrinterStatus:
    ready: bool
    words: str  # "ready, 62 mm tape", or the problems in English (logs, the CLI)
    problems: tuple[PrinterError, ...] = ()  # each translatable (ui: messages.explain)
    media: str = ""  # the tape the printer reports ("62", "62x100"…), "" if unknown


@dataclass(frozen=True)
class SendResult:
    printer: str
    bytes_sent: int
    confirmed: bool  # the printer said "printing completed" (False: it cannot say)


def models() -> list[str]:
    from brother_ql.models import ModelsManager

    return sorted(ModelsManager().identifiers())


def labels() -> list[str]:
    from brother_ql.labels import LabelsManager

    return list(LabelsManager().identifiers())


def check(printer: LabelPrinter) -> None:
    """Refuse an unknown model, tape, or URI before anything is rendered."""
    if printer.model not in models():
        raise PrinterSetupError(
            "Unknown printer model %1; known: %2.", printer.model, ", ".join(models())
        )
    if printer.label not in labels():
        raise PrinterSetupError(
            "Unknown tape %1; known: %2.", printer.label, ", ".join(labels())
        )
    if printer.red and not _two_colour(printer.model):
        raise PrinterSetupError(
            "The %1 cannot print red: black/red tape needs a QL-800 series printer.",
            printer.model,
        )
    scheme(printer.uri)


def _two_colour(model: str) -> bool:
    from brother_ql.models import ModelsManager

    return bool(ModelsManager()[model].two_color)


def scheme(uri: str) -> str:
    """``"usb"``, ``"tcp"`` or ``"file"``; anything else is refused with the forms."""
    kind = urlparse(uri).scheme
    if kind not in ("usb", "tcp", "file") or uri.rstrip("/") == f"{kind}:":
        raise PrinterSetupError(
            "Printer %1: use usb://VENDOR:PRODUCT[/SERIAL], tcp://HOST[:PORT] or "
            "file:///PATH.", uri,
        )
    return kind


def discover() -> list[str]:
    """The Brother printers this computer can see: USB (pyusb) and Linux printer nodes.

    The network backend has no discovery: a ``tcp://`` printer is typed in."""
    found: list[str] = []
    try:
        from brother_ql.backends.pyusb import list_available_devices

        found += [d["identifier"] for d in list_available_devices()]
    except Exception:  # no libusb, no permission: USB discovery is a bonus
        pass
    found += [f"file://{p}" for p in sorted(Path("/dev/usb").glob("lp*"))]
    return found


def _plain_file(uri: str) -> Path | None:
    """The path a ``file://`` URI names when it is not a device node (a raster file)."""
    path = Path(urlparse(uri).path)
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        if str(path).startswith("/dev/"):
            raise PrinterError(
                "No printer at %1: the device is not there (is the printer plugged in "
                "and switched on?).", uri,
            ) from None
        if not path.parent.is_dir():
            raise PrinterError("Printer %1: the folder %2 does not exist.", uri,
                               str(path.parent)) from None
        return path
    return None if stat.S_ISCHR(mode) else path


def _probe_network(uri: str) -> None:
    """Connect once with a short timeout: the library's own connect has none."""
    url = urlparse(uri)
    host, port = url.hostname or "", url.port or NETWORK_PORT
    try:
        with socket.create_connection((host, port), timeout=CONNECT_TIMEOUT_S):
            pass
    except OSError as exc:
        reason = exc.strerror or type(exc).__name__
        raise PrinterError(
            "The printer at %1 is offline (%2): check it is on and on this network.",
            uri, reason,
        ) from None


def _open(printer: LabelPrinter) -> Any:
    """The ``brother_ql`` backend for the printer, connected; a ``PrinterError`` if not."""
    kind = scheme(printer.uri)
    try:
        if kind == "usb":
            from brother_ql.backends.pyusb import BrotherQLBackendPyUSB

            return BrotherQLBackendPyUSB(printer.uri)
        if kind == "tcp":
            _probe_network(printer.uri)
            from brother_ql.backends.network import BrotherQLBackendNetwork

            return BrotherQLBackendNetwork(printer.uri)
        from brother_ql.backends.linux_kernel import BrotherQLBackendLinuxKernel

        return BrotherQLBackendLinuxKernel(printer.uri)
    except PrinterError:
        raise
    except (ValueError, OSError, NotImplementedError, AssertionError) as exc:
        if type(exc).__name__ == "NoBackendError":  # pyusb: an OSError
            raise PrinterError(
                "No printer at %1: USB printing needs the libusb library (libusb-1.0) "
                "installed.", printer.uri,
            ) from None
        raise PrinterError(
            "No printer at %1: %2 (is it plugged in, switched on, and not in Editor Lite "
            "mode?).", printer.uri, _reason(exc),
        ) from None
    except Exception as exc:  # pyusb's NoBackendError and USBError
        if type(exc).__name__ == "NoBackendError":
            raise PrinterError(
                "No printer at %1: USB printing needs the libusb library (libusb-1.0) "
                "installed.", printer.uri,
            ) from None
        raise PrinterError("No printer at %1: %2.", printer.uri, _reason(exc)) from None


def _reason(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return "device not found" if text == "Device not found" else text


def _error(error: str, uri: str) -> PrinterError:
    """One of the printer's error bits as a translatable sentence."""
    known = _ERROR_WORDS.get(error)
    args = (known, uri) if known else (translatable("The printer at %1 reports: %2."), uri, error)
    return PrinterError(*args)


def describe_response(response: dict[str, Any], printer: LabelPrinter) -> PrinterStatus:
    """A status reply from the printer (``brother_ql.reader.interpret_response``) in words."""
    from brother_ql.labels import LabelsManager

    uri = printer.uri
    problems = [_error(e, uri) for e in response.get("errors", [])]
    width = int(response.get("media_width") or 0)
    media = response.get("identified_media")
    media_name = getattr(media, "identifier", "") if media is not None else ""
    wanted = LabelsManager()[printer.label]
    if response.get("media_type") == "No media" or (not width and not problems):
        problems.append(PrinterError("The printer at %1 has no tape: load a roll.", uri))
    elif width and width != wanted.tape_size[0]:
        problems.append(PrinterError(
            "The printer at %1 has the wrong tape: %2 mm loaded, the badge needs %3 mm.",
            uri, width, wanted.tape_size[0],
        ))
    elif wanted.tape_size[1] and response.get("media_type") == "Continuous length tape":
        problems.append(PrinterError(
            "The printer at %1 has the wrong tape: continuous tape loaded, the badge needs "
            "%2 die-cut labels.", uri, printer.label,
        ))
    unique = tuple({str(p): p for p in problems}.values())
    if unique:
        return PrinterStatus(False, " ".join(str(p) for p in unique), unique, media_name)
    return PrinterStatus(True, f"ready, {media_name or width} mm tape", (), media_name)


def _read_reply(backend: Any, timeout: float, done: Callable[[dict[str, Any]], bool]
                ) -> dict[str, Any] | None:
    """Status replies until ``done(reply)`` or an error; the last reply (None: silence)."""
    from brother_ql.reader import interpret_response

    last = None
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        data = backend.read()
        if not data:
            time.sleep(0.01)
            continue
        try:
            last = interpret_response(data)
        except (ValueError, NameError):
            continue
        if last["errors"] or done(last):
            break
    return last


def read_status(printer: LabelPrinter) -> PrinterStatus:
    """Ask the printer how it is; ``tcp://`` printers can only say they are reachable."""
    check(printer)
    if scheme(printer.uri) == "file" and _plain_file(printer.uri) is not None:
        return PrinterStatus(True, "a file: the raster is written to it")
    backend = _open(printer)
    try:
        if scheme(printer.uri) == "tcp":
            return PrinterStatus(True, "reachable (a network printer cannot report its tape)")
        from brother_ql.raster import BrotherQLRaster

        request = BrotherQLRaster(printer.model)
        request.add_invalidate()
        request.add_status_information()
        backend.write(request.data)
        reply = _read_reply(backend, STATUS_TIMEOUT_S, lambda r: True)
    except OSError as exc:
        raise PrinterError("The printer at %1 stopped answering: %2.", printer.uri,
                           _reason(exc)) from None
    finally:
        _dispose(backend)
    if reply is None:
        offline = PrinterError("The printer at %1 does not answer: is it switched on?",
                               printer.uri)
        return PrinterStatus(False, str(offline), (offline,))
    return describe_response(reply, printer)


def _dispose(backend: Any) -> None:
    with contextlib.suppress(Exception):  # a printer that went away: keep the real error
        backend.dispose()


def send(raster: bytes, printer: LabelPrinter) -> SendResult:
    """Send one job; wait for the printer's answer where the backend can read it."""
    check(printer)
    if scheme(printer.uri) == "file":
        target = _plain_file(printer.uri)
        if target is not None:
            try:
                with open(target, "wb") as fh:
                    fh.write(raster)
                    fh.flush()
                    os.fsync(fh.fileno())
            except OSError as exc:
                raise PrinterError("Printer %1: cannot write %2: %3.", printer.uri,
                                   str(target), exc.strerror or exc) from None
            return SendResult(printer.uri, len(raster), False)
    if scheme(printer.uri) != "tcp":  # refuse early when the tape is wrong or missing
        status = read_status(printer)
        if not status.ready:
            raise status.problems[0]
    backend = _open(printer)
    try:
        backend.write(raster)
        if scheme(printer.uri) == "tcp":
            return SendResult(printer.uri, len(raster), False)
        reply = _read_reply(backend, PRINT_TIMEOUT_S,
                            lambda r: r["status_type"] == "Printing completed")
    except OSError as exc:
        raise PrinterError("The printer at %1 stopped answering: %2.", printer.uri,
                           _reason(exc)) from None
    finally:
        _dispose(backend)
    if reply is not None and reply["errors"]:
        raise describe_response(reply, printer).problems[0]
    confirmed = reply is not None and reply["status_type"] == "Printing completed"
    return SendResult(printer.uri, len(raster), confirmed)
