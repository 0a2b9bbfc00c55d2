"""Signing off the minutes in the editor, and reopening them with a reason (issue 16, 5).

Below the editor's tabs: "Sign off…" for whoever may (a leader on the office's server,
the clerk on a file), "Reopen…" once signed off. Signed off, the editor is read-only and
says by whom and when; a login that may not change conferences (a leader, a unit) sees it
read-only too, saying why. Both run on the worker as writes that check the version read
(someone else's change first: told, nothing written); the editor then shows the
conference as stored, with its new version.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QInputDialog, QLineEdit, QMessageBox, QPushButton

from minutes_app.core.access import Access
from minutes_app.core.conferences.forms import ConferenceForm
from minutes_app.core.conferences.sign_off import SignOffState
from minutes_app.db.versions import RecordGone, StaleRecord
from minutes_app.ui.conferences.editor import ConferenceEditor
from minutes_app.ui.operations import CONFERENCES, DatabaseWorker, changes, tell_failure
from minutes_app.ui.widgets.conflicts import tell_conflict


class SignOffControls(QObject):
    """The editor's sign-off and reopen buttons, and its read-only state."""

    def __init__(
        self,
        editor: ConferenceEditor,
        worker: DatabaseWorker,
        user: Callable[[], str],
        access: Access | None,
    ) -> None:
        super().__init__(editor)
        self.editor = editor
        self.worker = worker
        self.user = user
        self.access = access
        self.state: SignOffState | None = None
        self.sign_button = QPushButton(self.tr("Si&gn off…"))
        self.sign_button.setObjectName("sign_off_button")
        self.sign_button.setToolTip(
            self.tr("The minutes are final: nobody can change them until they are reopened")
        )
        self.reopen_button = QPushButton(self.tr("Reo&pen…"))
        self.reopen_button.setObjectName("reopen_button")
        for button in (self.sign_button, self.reopen_button):
            button.setAutoDefault(False)
            button.hide()
            editor.bottom.insertWidget(1, button)
        self.sign_button.clicked.connect(self.sign_off)
        self.reopen_button.clicked.connect(self.reopen)

    @property
    def conference_id(self) -> int | None:
        return self.editor.form().id

    def read(self) -> None:
        """Read the sign-off on the worker and show it."""
        from minutes_app.core.conferences.sign_off import sign_off_state

        conference_id, db = self.conference_id, self.worker.db
        if conference_id is None or db is None:
            self.show_state(None)
            return
        self.worker.run_op(
            self.editor, lambda: sign_off_state(db, conference_id), self.show_state, lambda _: None
        )

    def show_state(self, state: SignOffState | None) -> None:
        self.state = state
        signs = self.access is None or self.access.signs_off
        records = self.access is None or self.access.records
        signed = state is not None and state.signed_off
        self.sign_button.setVisible(state is not None and not signed and signs)
        self.reopen_button.setVisible(signed and signs)
        if signed:
            assert state is not None and state.signed_off_at is not None
            self.editor.set_read_only(
                self.tr(
                    "Signed off by %1 on %2: these minutes are final. To change them, "
                    "reopen them with a reason."
                )
                .replace("%1", state.signed_off_by or "?")
                .replace("%2", state.signed_off_at.strftime("%d/%m/%Y %H:%M"))
            )
        elif not records:
            login = self.access.login if self.access is not None else ""
            self.editor.set_read_only(
                self.tr("Your login (%1) may read this conference, not change it.").replace(
                    "%1", login
                )
            )
        else:
            self.editor.set_read_only(None)

    def sign_off(self) -> None:
        from minutes_app.core.conferences.sign_off import sign_off

        if self.state is None or self.conference_id is None:
            return
        if self.editor.has_unsaved_changes():
            QMessageBox.information(
                self.editor,
                self.tr("Sign off"),
                self.tr("Save the changes first: what is signed off is what is saved."),
            )
            return
        answer = QMessageBox.question(
            self.editor,
            self.tr("Sign off"),
            self.tr(
                "Sign off these minutes as final? Nobody can change them afterwards "
                "unless they are reopened, with a reason; both are kept in the change log."
            ),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return
        conference_id, version, by = self.conference_id, self.state.version, self.user()
        db = self.worker.db
        assert db is not None
        self._write(lambda: sign_off(db, conference_id, version, by), self.tr("Sign off"))

    def reopen(self) -> None:
        from minutes_app.core.conferences.sign_off import reopen

        if self.state is None or self.conference_id is None:
            return
        reason, ok = QInputDialog.getText(
            self.editor,
            self.tr("Reopen"),
            self.tr("Why must the signed-off minutes be changed? (kept in the change log)"),
            QLineEdit.EchoMode.Normal,
        )
        if not ok:
            return
        if not reason.strip():
            QMessageBox.information(
                self.editor, self.tr("Reopen"), self.tr("Reopening needs a reason.")
            )
            return
        conference_id, version, by = self.conference_id, self.state.version, self.user()
        db = self.worker.db
        assert db is not None
        self._write(lambda: reopen(db, conference_id, version, reason, by), self.tr("Reopen"))

    def _write(self, work: Callable[[], int], what: str) -> None:
        from minutes_app.core.conferences.loading import load_conference

        db, conference_id = self.worker.db, self.conference_id
        assert db is not None and conference_id is not None

        def written_then_read() -> ConferenceForm:
            work()
            return load_conference(db, conference_id)

        def done(form: ConferenceForm) -> None:
            self.editor.reload(form)
            self.read()

        def failed(error: BaseException) -> None:
            self.read()
            if isinstance(error, StaleRecord | RecordGone):
                tell_conflict(self.editor, error, what)
            else:
                tell_failure(self.editor, error)

        self.worker.run_op(
            self.editor, written_then_read, done, failed, change=changes(CONFERENCES)
        )
