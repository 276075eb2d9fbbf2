"""The Hilfe menu: the user guide shipped with the program and the About dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QFontDatabase, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from jmd_desk.assets import resource
from jmd_desk.services import about
from jmd_desk.services.environment import AppPaths
from jmd_desk.services.session import UserSession

GUIDE = ("docs", "handbuch.html")


class HelpWindow(QWidget):
    """The user guide (German), read inside the program: no browser or network needed."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)  # its own window, closed with the main window
        self.setObjectName("help_window")
        self.setWindowTitle(self.tr("JMD Desk – User guide"))
        self.browser = QTextBrowser()
        self.browser.setObjectName("help_browser")
        self.browser.setOpenLinks(True)
        self.browser.setOpenExternalLinks(False)
        self.browser.setSource(QUrl.fromLocalFile(str(resource(*GUIDE))))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.browser)
        self.resize(760, 720)


class AboutDialog(QDialog):
    """Version, the folders where data live, and the licences of the bundled components."""

    def __init__(self, session: UserSession | None, paths: AppPaths, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About JMD Desk"))
        versions = about.component_versions(session)

        icon = QLabel()
        icon.setPixmap(QPixmap(str(resource("icons", "jmd-desk.png"))).scaled(64, 64))
        title = QLabel(f"<h2>JMD Desk {versions[0][1]}</h2>")
        title.setObjectName("about_version_label")
        tagline = QLabel(self.tr("Case management for youth migration services (Jugendmigrationsdienste)."))
        tagline.setWordWrap(True)
        head = QHBoxLayout()
        head.addWidget(icon)
        text = QVBoxLayout()
        text.addWidget(title)
        text.addWidget(tagline)
        head.addLayout(text, 1)

        folders = QWidget()
        form = QFormLayout(folders)
        if session is not None:
            form.addRow(self.tr("Store:"), self._path_label("about_store_label", about.store_location(session)))
        form.addRow(self.tr("Data folder:"), self._path_label("about_data_folder_label", str(paths.data_dir)))
        form.addRow(self.tr("Settings:"), self._path_label("about_config_folder_label", str(paths.config_dir)))
        form.addRow(self.tr("Log files:"), self._path_label("about_log_folder_label", str(paths.log_dir)))
        for name, version in versions[1:]:
            form.addRow(f"{name}:", QLabel(version))

        licences = QPlainTextEdit()
        licences.setObjectName("about_licences_text")
        licences.setReadOnly(True)
        licences.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        licences.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        licences.setPlainText(resource("licenses", "THIRD-PARTY.txt").read_text(encoding="utf-8"))
        licence_folder = QLabel(
            self.tr('Full licence texts (LGPL-3.0, GPL-3.0, Python): <a href="{url}">{path}</a>').format(
                url=QUrl.fromLocalFile(str(resource("licenses"))).toString(), path=resource("licenses")
            )
        )
        licence_folder.setOpenExternalLinks(False)
        licence_folder.linkActivated.connect(lambda url: QDesktopServices.openUrl(QUrl(url)))
        licence_folder.setWordWrap(True)
        licence_page = QWidget()
        licence_layout = QVBoxLayout(licence_page)
        licence_layout.addWidget(licences, 1)
        licence_layout.addWidget(licence_folder)

        tabs = QTabWidget()
        tabs.addTab(folders, self.tr("Program"))
        tabs.addTab(licence_page, self.tr("Licences"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(head)
        layout.addWidget(tabs, 1)
        layout.addWidget(buttons)
        self.resize(640, 520)

    @staticmethod
    def _path_label(name: str, path: str) -> QLabel:
        label = QLabel(path)
        label.setObjectName(name)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        label.setWordWrap(True)
        return label
