#pragma once

#include <optional>

#include <QByteArray>
#include <QFileDevice>
#include <QString>

#include "result.h"

// What writeFileAtomically does when the file's folder is not there.
enum class ParentFolder {
    MustExist,  // a file the user chose: a missing folder is an error, not made for them
    Create,     // a file of ours (settings, data, autostart): the folder is made, with its parents
};

// Read and write for the owner only (0600): files that may hold secrets.
inline constexpr QFileDevice::Permissions OwnerOnly{QFileDevice::ReadOwner | QFileDevice::WriteOwner};

// The one way Pasarela writes a file: through QSaveFile, so the bytes take the file's
// name only once all of them are on disk, and a failure leaves the file that was there
// whole. permissions are set on the temporary file, before it takes the name, so a
// private file is never readable by others, not even for a moment; without them the
// file keeps the permissions it had, and a new one gets 0666 less the umask.
// The error names the file and says what happened: "cannot write FILE: REASON".
Result<void> writeFileAtomically(const QString &path, const QByteArray &bytes,
                                 std::optional<QFileDevice::Permissions> permissions = std::nullopt,
                                 ParentFolder parent = ParentFolder::MustExist);

// Whether writeFileAtomically could write path now (with ParentFolder::MustExist), with
// the same error, leaving nothing behind: lets a command refuse before it does work whose
// result it could not keep.
Result<void> checkWritable(const QString &path);
