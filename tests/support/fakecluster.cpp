#include "fakecluster.h"

#include <QFile>

namespace FakeCluster {

QString dir()
{
    return QStringLiteral(PASARELA_FAKE_CLUSTER_DIR);
}

QString path()
{
    return dir() + u':' + qEnvironmentVariable("PATH");
}

bool installOnly(const QTemporaryDir &into, const QString &tool)
{
    const QString copy = into.filePath(tool);
    return QFile::copy(dir() + u'/' + tool, copy)
           && QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

} // namespace FakeCluster
