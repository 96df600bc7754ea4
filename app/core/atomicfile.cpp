#include "atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QSaveFile>

namespace {

Error cannotWrite(const QString &path, const QString &reason)
{
    return Error{QCoreApplication::translate("File", "cannot write %1: %2").arg(QDir::toNativeSeparators(path), reason)};
}

Result<void> open(QSaveFile &file)
{
    // QSaveFile's own words for a folder are about a temporary file the user never named.
    if (QFileInfo(file.fileName()).isDir())
        return cannotWrite(file.fileName(), QCoreApplication::translate("File", "it is a directory"));
    if (!file.open(QIODevice::WriteOnly))
        return cannotWrite(file.fileName(), file.errorString());
    return {};
}

} // namespace

Result<void> writeFileAtomically(const QString &path, const QByteArray &bytes,
                                 std::optional<QFileDevice::Permissions> permissions, ParentFolder parent)
{
    if (parent == ParentFolder::Create) {
        const QString folder = QFileInfo(path).absolutePath();
        if (!QDir().mkpath(folder)) {
            return cannotWrite(path, QCoreApplication::translate("File", "the folder %1 could not be created; check "
                                                                         "its permissions")
                                         .arg(QDir::toNativeSeparators(folder)));
        }
    }
    QSaveFile file(path);
    if (Result<void> opened = open(file); !opened)
        return opened;
    if (permissions && !file.setPermissions(*permissions))
        return cannotWrite(path, file.errorString());
    if (file.write(bytes) != bytes.size() || !file.commit())
        return cannotWrite(path, file.errorString());
    return {};
}

Result<void> checkWritable(const QString &path)
{
    // Opening makes the temporary file beside path; QSaveFile removes it again when it
    // goes out of scope without a commit.
    QSaveFile file(path);
    return open(file);
}
