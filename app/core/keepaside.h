#pragma once

#include <QString>

#include "result.h"

// A file that could not be read is kept where the user can find it, never
// overwritten: renamed to "<path>.broken-<yyyyMMdd-HHmmss>" ("-2", "-3"... when
// taken), or copied there when it cannot be renamed. Returns the new path; the
// error is the path it could not be kept as.
Result<QString> keepAside(const QString &path);
