"""The shell of the window: a stack of top-level pages (welcome, login, workspace).

The workspace has a header (who is logged in, their role, Keluar), a navigation sidebar
(``nav_*`` buttons), the pages, menus and a toolbar with the same actions
(``action_*``), and the status bar (who, sync state, busy indicator). Window geometry
and the last screen are kept per data folder (``window.ini`` through QSettings).
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QByteArray, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMessageBox,
    QProgressBar,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from k3desk.services.context import Actor
from k3desk.ui.pages.base import Page
from k3desk.ui.session import EXTERNAL, UiSession
from k3desk.ui.sync_bridge import SyncBridge

# The sidebar: key, objectName, Indonesian label (translated in _nav_label), supervisor only.
NAV = (
    ("dashboard", "nav_dashboard", False),
    ("inspections", "nav_inspections", False),
    ("registry", "nav_registry", False),
    ("review", "nav_review", True),
    ("certificates", "nav_certificates", False),
    ("settings", "nav_settings", False),
)
# Window actions routed to the current page's method of the same name (pages/base.py).
PAGE_ACTIONS = {"new_inspection": "action_new_inspection", "save_now": "action_save",
                "submit": "action_submit", "focus_search": "action_find",
                "undo": "action_undo", "redo": "action_redo", "print_document": "action_print"}


class MainWindow(QMainWindow):
    """One data folder, one window, one life cycle (welcome/login are pages, not dialogs)."""

    def __init__(self, session: UiSession) -> None:
        super().__init__()
        self.session = session
        self.setObjectName("main_window")
        self.setWindowTitle("k3desk")
        self.settings = QSettings(str(session.data_dir / "window.ini"),
                                  QSettings.Format.IniFormat)
        self.top = QStackedWidget()
        self.setCentralWidget(self.top)
        self.pages: dict[str, Page] = {}
        self.nav_buttons: dict[str, QToolButton] = {}
        self.actions_by_name: dict[str, QAction] = {}
        self._build_actions()
        self._build_workspace()
        self._build_menus()
        self._build_status_bar()
        self.top.addWidget(self.workspace)
        self.sync = SyncBridge(session.db, self)
        self.sync.synced.connect(lambda: session.notify(None, EXTERNAL))
        from k3desk.ui.sync_ui import SyncController

        self.sync_ui = SyncController(self)  # status bar, sync panel, re-login, conflicts
        self.actions_by_name["action_sync_now"].setEnabled(self.sync.configured)
        session.actor_changed.connect(self._on_actor_changed)
        self.top.currentChanged.connect(lambda _i: self.update_actions())
        self.successor: MainWindow | None = None
        self.resize(1280, 720)
        self.setMinimumSize(1000, 600)
        geometry = self.settings.value("geometry")
        if isinstance(geometry, QByteArray):
            self.restoreGeometry(geometry)

    # building ----------------------------------------------------------------------
    def _action(self, name: str, text: str, slot: Callable[[], object],
                shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None
                ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        self.actions_by_name[name] = action
        return action

    def _build_actions(self) -> None:
        def route(method: str) -> Callable[[], object]:
            return lambda: self._route(method)

        self._action("action_new_inspection", self.tr("Pemeriksaan baru…"),
                     self.new_inspection, QKeySequence.StandardKey.New)
        self._action("action_save", self.tr("Simpan"), route("save_now"),
                     QKeySequence.StandardKey.Save)
        self._action("action_submit", self.tr("Ajukan ke penyelia…"), route("submit"),
                     "Ctrl+Return")
        self.actions_by_name["action_submit"].setShortcuts(
            [QKeySequence("Ctrl+Return"), QKeySequence("Ctrl+Enter")])  # both Enter keys
        self._action("action_find", self.tr("Cari"), route("focus_search"),
                     QKeySequence.StandardKey.Find)
        self._action("action_undo", self.tr("Urungkan"), route("undo"))
        self._action("action_redo", self.tr("Ulangi"), route("redo"))
        self._action("action_print", self.tr("Cetak…"), route("print_document"),
                     QKeySequence.StandardKey.Print)
        self._action("action_sync_now", self.tr("Sinkronkan sekarang"), self.sync_now, "F5")
        self._action("action_logout", self.tr("Keluar akun"), self.logout)
        self._action("action_quit", self.tr("Tutup aplikasi"), self.close,
                     QKeySequence.StandardKey.Quit)
        self._action("action_about", self.tr("Tentang k3desk"), self.show_about)

    def _nav_label(self, key: str) -> str:
        return {
            "dashboard": self.tr("Dasbor"), "inspections": self.tr("Pemeriksaan"),
            "registry": self.tr("Registri"), "review": self.tr("Tinjauan"),
            "certificates": self.tr("Sertifikat"), "settings": self.tr("Pengaturan"),
        }[key]

    def _build_workspace(self) -> None:
        self.workspace = QWidget()
        self.workspace.setObjectName("workspace")
        header = QFrame()
        header.setObjectName("header")
        self.header_user = QLabel()
        self.header_user.setObjectName("header_user")
        logout = QToolButton()
        logout.setObjectName("header_logout")
        logout.setDefaultAction(self.actions_by_name["action_logout"])
        row = QHBoxLayout(header)
        row.setContentsMargins(8, 4, 8, 4)
        self.header_title = QLabel("k3desk")
        self.header_title.setObjectName("header_title")
        self.header_title.setStyleSheet("font-weight: 600; font-size: 12pt;")
        header.setStyleSheet("#header { background: #0d47a1; } #header QLabel { color: white; }"
                             "#header QToolButton { color: white; background: transparent;"
                             " border: 1px solid white; border-radius: 3px; padding: 3px 8px; }")
        row.addWidget(self.header_title)
        row.addStretch(1)
        row.addWidget(self.header_user)
        row.addWidget(logout)
        sidebar = QFrame()
        sidebar.setObjectName("sidebar")
        sidebar.setFixedWidth(170)
        sidebar.setStyleSheet(
            "#sidebar { background: #eceff1; }"
            "#sidebar QToolButton { text-align: left; padding: 9px 10px; border: none;"
            " font-size: 11pt; border-radius: 4px; }"
            "#sidebar QToolButton:hover { background: #cfd8dc; }"
            "#sidebar QToolButton:checked { background: #1565c0; color: white;"
            " font-weight: 600; }")
        column = QVBoxLayout(sidebar)
        column.setContentsMargins(4, 4, 4, 4)
        self.nav_group = QButtonGroup(self)
        self.nav_group.setExclusive(True)
        self.page_stack = QStackedWidget()
        for number, (key, object_name, _supervisor) in enumerate(NAV, start=1):
            button = QToolButton()
            button.setObjectName(object_name)
            button.setText(self._nav_label(key))
            button.setCheckable(True)
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
            button.setSizePolicy(button.sizePolicy().horizontalPolicy().Expanding,
                                 button.sizePolicy().verticalPolicy())
            button.setToolTip(f"{self._nav_label(key)} (Ctrl+{number})")
            button.clicked.connect(partial(self.show_page, key))
            self.nav_group.addButton(button)
            column.addWidget(button)
            self.nav_buttons[key] = button
            self._action(f"action_show_{key}", self._nav_label(key),
                         partial(self.show_page, key), f"Ctrl+{number}")
        column.addStretch(1)
        body = QHBoxLayout()
        body.setContentsMargins(0, 0, 0, 0)
        body.addWidget(sidebar)
        body.addWidget(self.page_stack, 1)
        layout = QVBoxLayout(self.workspace)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(header)
        layout.addLayout(body, 1)

    def _build_menus(self) -> None:
        a = self.actions_by_name
        file_menu = self.menuBar().addMenu(self.tr("&Berkas"))
        for name in ("action_new_inspection", "action_save", "action_submit", "action_print",
                     None, "action_sync_now", None, "action_logout", "action_quit"):
            file_menu.addSeparator() if name is None else file_menu.addAction(a[name])
        edit_menu = self.menuBar().addMenu(self.tr("&Sunting"))
        for name in ("action_undo", "action_redo", "action_find"):
            edit_menu.addAction(a[name])
        view_menu = self.menuBar().addMenu(self.tr("&Tampilan"))
        for key, _object_name, _supervisor in NAV:
            view_menu.addAction(a[f"action_show_{key}"])
        help_menu = self.menuBar().addMenu(self.tr("B&antuan"))
        help_menu.addAction(a["action_about"])
        toolbar = self.addToolBar(self.tr("Tindakan"))
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        for name in ("action_new_inspection", "action_save", "action_submit",
                     "action_sync_now"):
            toolbar.addAction(a[name])
        self.toolbar = toolbar

    def _build_status_bar(self) -> None:
        self.status_user = QLabel()
        self.status_user.setObjectName("status_user")
        self.sync_label = QLabel(self.tr("Luring: belum ada server"))
        self.sync_label.setObjectName("sync_label")
        self.busy = QProgressBar()
        self.busy.setObjectName("busy_indicator")
        self.busy.setRange(0, 0)
        self.busy.setMaximumWidth(120)
        self.busy.setVisible(False)
        self.statusBar().addWidget(self.status_user, 1)
        self.statusBar().addPermanentWidget(self.busy)
        self.statusBar().addPermanentWidget(self.sync_label)
        self.session.ops.busy_changed.connect(self.busy.setVisible)
        from k3desk.ui.errors import show_error

        self.session.ops.failed.connect(lambda exc: show_error(self, exc))

    # pages -------------------------------------------------------------------------
    def add_top_page(self, key: str, widget: QWidget) -> None:
        """Welcome and login are top-level pages beside the workspace."""
        widget.setProperty("top_key", key)
        self.top.addWidget(widget)

    def show_top(self, key: str) -> None:
        for i in range(self.top.count()):
            widget = self.top.widget(i)
            if widget is not None and (widget.property("top_key") or "workspace") == key:
                self.top.setCurrentIndex(i)
                return
        raise KeyError(key)

    def set_page(self, key: str, page: Page) -> None:
        """Install the page for a sidebar entry (or a page outside the sidebar: editor)."""
        old = self.pages.get(key)
        if old is not None:
            self.page_stack.removeWidget(old)
            old.deleteLater()
        self.pages[key] = page
        self.page_stack.addWidget(page)

    def show_page(self, key: str, *_signal_args: object) -> None:
        page = self.pages.get(key)
        if page is None:
            return
        button = self.nav_buttons.get(key)
        if button is not None:
            if button.isHidden():
                return  # e.g. review for an inspector
            button.setChecked(True)
        self.page_stack.setCurrentWidget(page)
        if key in self.nav_buttons:
            self.settings.setValue("last_page", key)
        page.on_shown()
        self.update_actions()

    def current_page(self) -> Page | None:
        widget = self.page_stack.currentWidget()
        return widget if isinstance(widget, Page) else None

    def _route(self, method: str) -> None:
        page = self.current_page()
        if page is not None and page.can(method):
            getattr(page, method)()

    def update_actions(self) -> None:
        in_workspace = self.top.currentWidget() is self.workspace
        self.toolbar.setVisible(in_workspace)
        page = self.current_page()
        for method, name in PAGE_ACTIONS.items():
            if method == "new_inspection":
                enabled = "inspections" in self.pages and self.pages["inspections"].can(method)
            else:
                enabled = page is not None and page.can(method)
            self.actions_by_name[name].setEnabled(in_workspace and enabled)
        self.actions_by_name["action_logout"].setEnabled(in_workspace)
        self.actions_by_name["action_sync_now"].setEnabled(self.sync.configured)
        for key, button in self.nav_buttons.items():
            self.actions_by_name[f"action_show_{key}"].setEnabled(
                in_workspace and button.isVisibleTo(self.workspace))

    # actions -----------------------------------------------------------------------
    def new_inspection(self) -> None:
        page = self.pages.get("inspections")
        if page is not None and page.can("new_inspection"):
            self.show_page("inspections")
            page.new_inspection()  # type: ignore[attr-defined]

    def sync_now(self) -> None:
        self.sync_ui.sync_now()

    def logout(self) -> None:
        from k3desk.services import auth_service

        for page in self.pages.values():
            closing = getattr(page, "about_to_close", None)
            if closing is not None:
                closing()  # the editor saves what was typed first
        self.session.run(auth_service.logout, self.session.db,
                         success=lambda _r: self.session.set_actor(None))

    def open_inspection(self, inspection_id: str) -> None:
        """Show the editor page (key "editor") on one inspection."""
        page = self.pages.get("editor")
        if page is None:
            return
        self.page_stack.setCurrentWidget(page)
        for button in self.nav_buttons.values():
            if button.isChecked():
                self.nav_group.setExclusive(False)
                button.setChecked(False)
                self.nav_group.setExclusive(True)
        page.open_inspection(inspection_id)  # type: ignore[attr-defined]
        page.on_shown()
        self.update_actions()

    # start: welcome, login, workspace ----------------------------------------------
    def show_start(self) -> None:
        """Welcome when the folder has no users, login when nobody is logged in."""
        from k3desk.services import browse_service

        self.session.run(browse_service.start_state, self.session.db,
                         success=self._start_state)

    def _start_state(self, state: object) -> None:
        from k3desk.services.browse_service import StartState

        assert isinstance(state, StartState)
        if state.balai_name:
            self.header_title.setText(state.balai_name)
        if self.session.actor is not None:
            return
        if not state.has_users:
            self.show_top("welcome")
        else:
            login = self.login_page
            login.set_balai(state.balai_name)
            login.set_demo(state.is_demo)
            self.show_top("login")
            login.reset()
        self.update_actions()

    def install_start_pages(self) -> None:
        from k3desk.ui.pages.login_page import LoginPage
        from k3desk.ui.pages.welcome_page import WelcomePage

        self.welcome_page = WelcomePage(self.session)
        self.login_page = LoginPage(self.session)
        self.add_top_page("welcome", self.welcome_page)
        self.add_top_page("login", self.login_page)
        self.welcome_page.logged_in.connect(self._online_login)
        self.welcome_page.demo_created.connect(self.show_start)
        self.login_page.logged_in.connect(self.session.set_actor)
        self.login_page.real_folder_requested.connect(self.ask_real_folder)

    def _online_login(self, actor: Actor) -> None:
        self.restart_sync()
        self.session.set_actor(actor)
        self.session.notify(None, EXTERNAL)

    def restart_sync(self) -> None:
        """After the first online login a server is configured: start the background sync."""
        self.sync.stop()
        self.sync = SyncBridge(self.session.db, self)
        self.sync.synced.connect(lambda: self.session.notify(None, EXTERNAL))
        self.sync_ui.set_bridge(self.sync)
        self.update_actions()

    def ask_real_folder(self) -> None:
        from k3desk.ui.dialogs.confirm import confirm

        self.confirm_box = confirm(self, "confirm_real_folder", self.tr("Folder data baru"),
                                   self.tr(
            "Data demo tidak pernah dikirim ke server. k3desk memindahkan folder demo ke "
            "samping ({demo}) dan memulai folder data baru yang kosong di {folder}; "
            "sesudah itu Anda login ke server. Lanjutkan?").format(
                demo=self.session.data_dir.name + "-demo", folder=self.session.data_dir),
            self.start_real_folder, self.tr("Mulai folder baru"))

    def start_real_folder(self) -> MainWindow:
        """Set the demo aside, open a fresh folder at the same place in a new window."""
        from k3desk.services.demo_service import set_demo_aside
        from k3desk.ui.app import build_main_window

        data_dir = self.session.data_dir
        self.settings.setValue("geometry", self.saveGeometry())
        self.sync.stop()
        self.session.close()
        self.session.db.dispose()
        set_demo_aside(data_dir)
        new = build_main_window(data_dir)
        new.restoreGeometry(self.saveGeometry())
        self.successor = new
        if self.isVisible():
            new.show()
        self._closing_for_successor = True
        self.close()
        return new

    def _on_actor_changed(self, actor: object) -> None:
        from k3desk.services.context import Actor

        if isinstance(actor, Actor):
            from k3desk.ui.labels import role_label

            role = role_label(actor.role)
            text = self.tr("{name} · {role}").format(name=actor.full_name, role=role)
            self.header_user.setToolTip(actor.username)
            self.settings.setValue("last_username", actor.username)
            if hasattr(self, "login_page"):
                self.login_page.set_last_username(actor.username)
            self.header_user.setText(text)
            self.status_user.setText(text)
            for key, _object_name, supervisor_only in NAV:
                self.nav_buttons[key].setVisible(not supervisor_only
                                                 or self.session.is_supervisor)
            self.top.setCurrentWidget(self.workspace)
            last = str(self.settings.value("last_page", "dashboard"))
            self.show_page(last if last in self.nav_buttons and last in self.pages
                           and self.nav_buttons[last].isVisibleTo(self.workspace)
                           else "dashboard")
        else:
            self.header_user.clear()
            self.status_user.clear()
            self.show_start()
        self.update_actions()

    def show_about(self) -> None:
        from k3desk import __version__

        QMessageBox.about(self, self.tr("Tentang k3desk"),
                          self.tr("k3desk {version}\nPemeriksaan dan pengujian K3, luring "
                                  "dulu.").format(version=__version__))

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 (Qt's name)
        if getattr(self, "_closing_for_successor", False):
            super().closeEvent(event)
            return
        for page in self.pages.values():
            closing = getattr(page, "about_to_close", None)
            if closing is not None:
                closing()
        self.settings.setValue("geometry", self.saveGeometry())
        self.settings.sync()
        self.sync.stop()
        super().closeEvent(event)
