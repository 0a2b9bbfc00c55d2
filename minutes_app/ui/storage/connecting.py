"""Connecting to a database on the office's server from the window: the connect dialog
(server, port, database, login, or a whole URL), the password prompt, and the check of
the database made off the UI thread before the window opens on it.

A password is asked for only when the server wants one (libpq's own places, ``~/.pgpass``,
a service file or ``PGPASSWORD``, are tried first) and kept in memory only
(``ServerAddress.with_password``): never in the settings, never in the recent list.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QThread
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from minutes_app import APP_NAME
from minutes_app.base.identity import os_login
from minutes_app.db.engine import Database, DatabaseRefused, storage_errors
from minutes_app.db.reaching import DEFAULT_PORT, server_url
from minutes_app.db.server import ServerAddress, ServerError, check_server, is_server_address
from minutes_app.ui.operations import DatabaseWorker, Op
from minutes_app.ui.widgets.common import ButtonRow, as_written, plain_label


def not_an_address_text(text: str) -> str:
    return QCoreApplication.translate(
        "Connecting",
        "%1 is not an address of an office server. Write it as "
        "postgresql://login@server/database, or fill in the server and the database.",
    ).replace("%1", text)


def refused_text(error: BaseException) -> str:
    """Why a server database could not be opened, in the window's language."""
    from minutes_app.ui.app import refusal_text
    from minutes_app.ui.storage.messages import storage_error_text

    if isinstance(error, DatabaseRefused):
        return refusal_text(error)
    if isinstance(error, storage_errors()):
        return storage_error_text(error)
    return str(error)


def _login(address: ServerAddress) -> str:
    """The login libpq will use: the URL's, else the operating system's."""
    return str(address.parts().get("user") or os_login())


def ask_password(parent: QWidget | None, address: ServerAddress) -> str | None:
    """Ask for the password of ``address``'s login (again, with the words saying so,
    when one was given already); None when the clerk cancels. Echoed as dots."""
    dialog = QInputDialog(parent)
    dialog.setObjectName("password_prompt")
    dialog.setWindowTitle(QCoreApplication.translate("Connecting", "Password"))
    dialog.setInputMode(QInputDialog.InputMode.TextInput)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    if address.password is None:
        text = QCoreApplication.translate(
            "Connecting", "The office server asks for the password of the login “%2” to open %1."
        )
    else:
        text = QCoreApplication.translate(
            "Connecting",
            "The server did not accept that password. Type the password of the login “%2” "
            "for %1 again.",
        )
    dialog.setLabelText(text.replace("%1", str(address)).replace("%2", _login(address)))
    dialog.setOkButtonText(QCoreApplication.translate("Connecting", "Connect"))
    dialog.setCancelButtonText(QCoreApplication.translate("Common", "Cancel"))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.textValue()


class ServerOpening(QObject):
    """Checks a server database on a worker of its own (the window goes on painting; a
    progress window shows after a moment, its Cancel gives up), asks for the password
    while the server wants one, then calls ``on_open(address)`` (with the password typed,
    if any) or ``on_refused(error)`` (None when the clerk cancelled)."""

    def __init__(
        self,
        parent: QWidget | None,
        address: ServerAddress,
        on_open: Callable[[ServerAddress], object],
        on_refused: Callable[[BaseException | None], object],
    ) -> None:
        super().__init__(parent)
        self.parent_widget = parent
        self.address = address
        self.on_open = on_open
        self.on_refused = on_refused
        self.finished = False
        self._worker = DatabaseWorker(None, self)
        self._op: Op[Any] | None = None

    def start(self) -> None:
        address = self.address
        label = QCoreApplication.translate("Connecting", "Connecting to %1…").replace(
            "%1", str(address)
        )
        self._op = self._worker.run_long_op(
            self.parent_widget,
            label,
            lambda _progress: check_server(address),
            self._on_checked,
            self._on_failed,
        )

    def _cancelled(self) -> bool:
        return self._op is not None and self._op.cancelled.is_set()

    def _on_checked(self, _result: object) -> None:
        if self._cancelled():
            self._end(None)
            return
        self._end(self.address, opened=True)

    def _on_failed(self, error: BaseException) -> None:
        if self._cancelled():
            self._end(None)
            return
        if isinstance(error, ServerError) and error.reason == "password":
            password = ask_password(self.parent_widget, self.address)
            if password is not None:
                self.address = self.address.with_password(password)
                self.start()
                return
        self._end(error)

    def _end(self, outcome: ServerAddress | BaseException | None, *, opened: bool = False) -> None:
        self.finished = True
        self._worker.shutdown()  # its one operation has ended
        self.deleteLater()
        if opened:
            assert isinstance(outcome, ServerAddress)
            self.on_open(outcome)
        else:
            assert not isinstance(outcome, ServerAddress)
            self.on_refused(outcome)


def parse_address(parent: QWidget | None, location: str | ServerAddress) -> ServerAddress | None:
    """``location`` as a server address, or None after saying it is not one."""
    if isinstance(location, ServerAddress):
        return location
    try:
        return ServerAddress.parse(location)
    except ValueError:
        QMessageBox.critical(parent, APP_NAME, as_written(not_an_address_text(location)))
        return None


def open_server_at_start(location: str | ServerAddress) -> Database | None:
    """The server database ``location`` names, checked before the window opens on it,
    the password asked for while the server wants one; or None after saying why not
    (nothing is said when the clerk cancelled). The program's first event loop runs
    meanwhile, so the progress window paints (``DatabaseWorker.finish_before_start``
    does the same for one operation)."""
    assert QThread.currentThread().loopLevel() == 0, "an event loop is running"
    address = parse_address(None, location)
    if address is None:
        return None
    opened: list[ServerAddress] = []
    loop = QEventLoop()

    def on_open(checked: ServerAddress) -> None:
        opened.append(checked)
        loop.quit()

    def on_refused(error: BaseException | None) -> None:
        if error is not None:
            QMessageBox.critical(None, APP_NAME, as_written(refused_text(error)))
        loop.quit()

    opening = ServerOpening(None, address, on_open, on_refused)
    opening.start()
    if not opening.finished:
        loop.exec()
    return Database(server=opened[0]) if opened else None


class ConnectDialog(QDialog):
    """File → Connect to office server…: the server, its port, the database and the login
    (or a whole URL pasted) make the libpq URL; no password here (asked for when the
    server wants one). ``address()`` is what was chosen."""

    def __init__(
        self,
        parent: QWidget | None = None,
        current: ServerAddress | None = None,
        *,
        title: str | None = None,
        intro: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("connect_dialog")
        self.setWindowTitle(title or self.tr("Connect to office server"))
        self.host = QLineEdit()
        self.host.setPlaceholderText(self.tr("e.g. server.office.local or 192.168.1.10"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue(DEFAULT_PORT)
        self.database = QLineEdit()
        self.database.setPlaceholderText(self.tr("e.g. minutes"))
        self.login = QLineEdit()
        self.login.setPlaceholderText(
            self.tr("your login on the server: %1").replace("%1", os_login())
        )
        self.url = QLineEdit()
        self.url.setPlaceholderText(self.tr("postgresql://login@server:5432/database"))
        self.url.setToolTip(
            self.tr(
                "A whole address given by the office's administrator; it replaces the fields above."
            )
        )
        self.preview = plain_label()
        self.preview.setObjectName("address_preview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form = QFormLayout()
        form.addRow(self.tr("&Server"), self.host)
        form.addRow(self.tr("&Port"), self.port)
        form.addRow(self.tr("&Database"), self.database)
        form.addRow(self.tr("&Login"), self.login)
        form.addRow(self.tr("or &address"), self.url)
        note = QLabel(
            self.tr(
                "The password, if the server asks for one, is asked for when connecting and "
                "kept only while the program runs."
            )
        )
        note.setWordWrap(True)
        self.buttons = ButtonRow(self, self.tr("C&onnect"))
        layout = QVBoxLayout(self)
        if intro:
            intro_label = QLabel(intro)
            intro_label.setWordWrap(True)
            layout.addWidget(intro_label)
        layout.addLayout(form)
        layout.addWidget(self.preview)
        layout.addWidget(note)
        layout.addLayout(self.buttons)
        for field in (self.host, self.database, self.login, self.url):
            field.textChanged.connect(self._update)
        self.port.valueChanged.connect(self._update)
        if current is not None:
            self._fill(current)
        self._update()
        self.setMinimumWidth(460)

    def _fill(self, address: ServerAddress) -> None:
        parts = address.parts()
        host, database = str(parts.get("host", "")), str(parts.get("dbname", ""))
        simple = set(parts) <= {"host", "port", "dbname", "user"} and host and "," not in host
        if simple:
            self.host.setText(host)
            if str(parts.get("port", "")).isdigit():
                self.port.setValue(int(parts["port"]))
            self.database.setText(database)
            self.login.setText(str(parts.get("user", "")))
        else:
            self.url.setText(address.url)

    def address(self) -> ServerAddress | None:
        """The address the fields or the URL make, or None while they make none."""
        text = self.url.text().strip()
        if text:
            if not is_server_address(text):
                return None
        elif self.host.text().strip() and self.database.text().strip():
            text = server_url(
                self.host.text(), self.port.value(), self.database.text(), self.login.text()
            )
        else:
            return None
        try:
            return ServerAddress.parse(text)
        except ValueError:
            return None

    def _update(self) -> None:
        from_url = bool(self.url.text().strip())
        for field in (self.host, self.port, self.database, self.login):
            field.setEnabled(not from_url)
        address = self.address()
        self.buttons.ok.setEnabled(address is not None)
        if address is not None:
            self.preview.setText(self.tr("Address: %1").replace("%1", address.url))
        elif from_url:
            self.preview.setText(not_an_address_text(self.url.text().strip()))
        else:
            self.preview.setText(self.tr("Fill in the server and the database."))
