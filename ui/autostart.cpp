#include "autostart.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QStandardPaths>

#include "atomicfile.h"

namespace {

// An argument of an Exec key: quoted, with the characters the desktop entry
// spec reserves escaped; then backslashes doubled for the string value itself.
QString execArgument(const QString &argument)
{
    QString quoted;
    for (const QChar c : argument) {
        if (c == u'"' || c == u'`' || c == u'$' || c == u'\\')
            quoted += u'\\';
        quoted += c;
    }
    quoted.replace(u'\\', QStringLiteral("\\\\"));
    return u'"' + quoted + u'"';
}

} // namespace

namespace Autostart {

QString entryPath()
{
    return QStandardPaths::writableLocation(QStandardPaths::GenericConfigLocation)
           + QStringLiteral("/autostart/dev.pasarela.Pasarela.desktop");
}

bool isEnabled()
{
    return QFileInfo::exists(entryPath());
}

QString entryText(const QString &program, const QStringList &arguments)
{
    QStringList exec{execArgument(program), QStringLiteral("--hidden")};
    for (const QString &argument : arguments)
        exec.append(execArgument(argument));
    return QStringLiteral("[Desktop Entry]\n"
                          "Type=Application\n"
                          "Name=Pasarela\n"
                          "Comment=Forward this PC's ports to a local Kubernetes cluster\n"
                          "Comment[es]=Reenvía puertos de este PC a un clúster local de Kubernetes\n"
                          "Exec=%1\n"
                          "Icon=dev.pasarela.Pasarela\n"
                          "Terminal=false\n"
                          "X-GNOME-Autostart-enabled=true\n")
        .arg(exec.join(u' '));
}

Result<void> setEnabled(bool enabled, const QString &program, const QStringList &arguments)
{
    const QString path = entryPath();
    if (!enabled) {
        if (QFileInfo::exists(path) && !QFile::remove(path))
            return Error{QCoreApplication::translate("Autostart", "Could not remove %1; delete it to stop starting at login.")
                             .arg(path)};
        return {};
    }
    return writeFileAtomically(path, entryText(program, arguments).toUtf8(), std::nullopt, ParentFolder::Create);
}

} // namespace Autostart
