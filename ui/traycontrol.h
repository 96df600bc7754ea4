#pragma once

#include <QObject>

class QAction;
class QMainWindow;
class QSystemTrayIcon;

// The tray icon: the state in its tooltip, show/hide on click, and Quit.
class TrayControl final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrayControl)

public:
    TrayControl(QMainWindow *window, QAction *quitAction);

    // False where the desktop has no tray (then closing the window quits).
    bool isAvailable() const;
    void setStatus(int listening, int rules, quint64 connections);
    void showNotice(const QString &title, const QString &message);

private:
    void toggleWindow();

    QMainWindow *m_window;
    QSystemTrayIcon *m_icon;
    QAction *m_showAction;
};
