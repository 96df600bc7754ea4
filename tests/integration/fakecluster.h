#pragma once

#include <QFile>
#include <QProcessEnvironment>
#include <QString>
#include <QTemporaryDir>

// The fake minikube and kubectl of tests/support/fakecluster.
namespace FakeCluster {

inline QString dir()
{
    return QStringLiteral(FAKE_CLUSTER_DIR);
}

// PATH with the fakes first, so no real tool on this machine answers.
inline QString path()
{
    return dir() + u':' + qEnvironmentVariable("PATH");
}

// A directory holding only `tool` (a copy: the fakes find their fixtures
// through PASARELA_FAKE_CLUSTER_DIR), for a PATH where the other tool is missing.
inline bool installOnly(const QTemporaryDir &into, const QString &tool)
{
    const QString copy = into.filePath(tool);
    return QFile::copy(dir() + u'/' + tool, copy)
           && QFile::setPermissions(copy, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

} // namespace FakeCluster
