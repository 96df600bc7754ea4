#include "traycontrol.h"

#include <QAction>
#include <QMainWindow>
#include <QMenu>
#include <QSystemTrayIcon>

TrayControl::TrayControl(QMainWindow *window, QAction *quitAction)
    : QObject(window)
    , m_window(window)
    , m_icon(new QSystemTrayIcon(window->windowIcon(), this))
{
    auto *menu = new QMenu(window);
    m_showAction = menu->addAction(tr("Show Pasarela"), this, &TrayControl::toggleWindow);
    menu->addSeparator();
    menu->addAction(quitAction);
    m_icon->setContextMenu(menu);
    connect(menu, &QMenu::aboutToShow, this,
            [this] { m_showAction->setText(m_window->isVisible() ? tr("Hide Pasarela") : tr("Show Pasarela")); });
    connect(m_icon, &QSystemTrayIcon::activated, this, [this](QSystemTrayIcon::ActivationReason reason) {
        if (reason == QSystemTrayIcon::Trigger)
            toggleWindow();
    });
    setStatus(0, 0, 0);
    if (isAvailable())
        m_icon->show();
}

bool TrayControl::isAvailable() const
{
    return QSystemTrayIcon::isSystemTrayAvailable();
}

void TrayControl::setStatus(int listening, int rules, quint64 connections)
{
    m_icon->setToolTip(tr("Pasarela: %1 of %2 rules listening, %3 connections")
                           .arg(listening)
                           .arg(rules)
                           .arg(connections));
}

void TrayControl::showNotice(const QString &title, const QString &message)
{
    m_icon->showMessage(title, message, m_window->windowIcon());
}

void TrayControl::toggleWindow()
{
    if (m_window->isVisible() && !m_window->isMinimized()) {
        m_window->hide();
        return;
    }
    m_window->showNormal();
    m_window->raise();
    m_window->activateWindow();
}
