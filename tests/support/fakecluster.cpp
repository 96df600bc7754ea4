#include "fakecluster.h"

#include <cstdio>

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "atomicfile.h"

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

Answers::Answers()
{
    m_ready = m_dir.isValid() && set({}).ok();
}

QString Answers::path() const
{
    return m_dir.filePath(QStringLiteral("current"));
}

// Each set is a new folder; the link "current" is swapped to it with rename(), which is atomic.
Result<void> Answers::set(const QMap<QString, QByteArray> &files)
{
    const QString version = QStringLiteral("v%1").arg(++m_version);
    if (!QDir(m_dir.path()).mkdir(version))
        return Error{QStringLiteral("cannot make %1").arg(m_dir.filePath(version))};
    for (auto it = files.cbegin(); it != files.cend(); ++it) {
        if (Result<void> written = writeFileAtomically(m_dir.filePath(version + u'/' + it.key()), it.value()); !written)
            return written;
    }
    const QString link = m_dir.filePath(QStringLiteral("current.new"));
    QFile::remove(link);
    if (!QFile::link(version, link) || ::rename(QFile::encodeName(link).constData(), QFile::encodeName(path()).constData()) != 0)
        return Error{QStringLiteral("cannot point %1 at %2").arg(path(), version)};
    return {};
}

QString Answers::logPath() const
{
    return m_dir.filePath(QStringLiteral("calls.log"));
}

int Answers::calls(const QString &key) const
{
    QFile log(logPath());
    if (!log.open(QIODevice::ReadOnly))
        return 0;
    return int(log.readAll().split('\n').count(key.toUtf8()));
}

QByteArray minikubeProfiles(const QStringList &nodeIps)
{
    QJsonArray nodes;
    for (qsizetype i = 0; i < nodeIps.size(); ++i) {
        nodes.append(QJsonObject{{QStringLiteral("Name"), i == 0 ? QString() : QStringLiteral("m%1").arg(int(i + 1), 2, 10, QLatin1Char('0'))},
                                 {QStringLiteral("IP"), nodeIps.at(i)},
                                 {QStringLiteral("Port"), 8443},
                                 {QStringLiteral("ControlPlane"), i == 0},
                                 {QStringLiteral("Worker"), true}});
    }
    const QJsonObject profile{{QStringLiteral("Name"), QStringLiteral("minikube")},
                              {QStringLiteral("Status"), QStringLiteral("Running")},
                              {QStringLiteral("Config"), QJsonObject{{QStringLiteral("Name"), QStringLiteral("minikube")},
                                                                     {QStringLiteral("Driver"), QStringLiteral("docker")},
                                                                     {QStringLiteral("Nodes"), nodes}}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("invalid"), QJsonArray()},
                                     {QStringLiteral("valid"), QJsonArray{profile}}})
        .toJson(QJsonDocument::Compact);
}

QByteArray webService(quint16 nodePort)
{
    const QJsonObject port{{QStringLiteral("name"), QStringLiteral("http")},
                           {QStringLiteral("protocol"), QStringLiteral("TCP")},
                           {QStringLiteral("port"), 8080},
                           {QStringLiteral("targetPort"), 8080},
                           {QStringLiteral("nodePort"), nodePort}};
    const QJsonObject service{
        {QStringLiteral("kind"), QStringLiteral("Service")},
        {QStringLiteral("metadata"), QJsonObject{{QStringLiteral("name"), QStringLiteral("web")},
                                                 {QStringLiteral("namespace"), QStringLiteral("default")}}},
        {QStringLiteral("spec"), QJsonObject{{QStringLiteral("type"), QStringLiteral("NodePort")},
                                             {QStringLiteral("clusterIP"), QStringLiteral("10.101.12.7")},
                                             {QStringLiteral("selector"), QJsonObject{{QStringLiteral("app"), QStringLiteral("web")}}},
                                             {QStringLiteral("ports"), QJsonArray{port}}}}};
    return QJsonDocument(QJsonObject{{QStringLiteral("kind"), QStringLiteral("List")},
                                     {QStringLiteral("items"), QJsonArray{service}}})
        .toJson(QJsonDocument::Compact);
}

} // namespace FakeCluster
