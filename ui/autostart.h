#pragma once

#include <QString>
#include <QStringList>

#include "result.h"

// "Start at login": an XDG autostart entry that starts the window hidden in the
// tray, so the saved rules listen from login on.
namespace Autostart {

// ~/.config/autostart/dev.pasarela.Pasarela.desktop (under $XDG_CONFIG_HOME when set).
QString entryPath();
bool isEnabled();
// Writes the entry running `program --hidden [arguments]`, or removes it. The error names the file.
Result<void> setEnabled(bool enabled, const QString &program, const QStringList &arguments = {});
// The entry's text (for tests).
QString entryText(const QString &program, const QStringList &arguments);

} // namespace Autostart
