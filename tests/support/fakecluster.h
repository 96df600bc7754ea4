#pragma once

#include <QByteArray>
#include <QMap>
#include <QString>
#include <QTemporaryDir>

#include "result.h"

// The fake minikube and kubectl of tests/support/fakecluster.
namespace FakeCluster {

// The folder of the fakes; their answers are in its fixtures/ folder.
QString dir();
// PATH with the fakes first, so no real tool on this machine answers.
QString path();
// A directory holding only `tool` (a copy: the fakes find their fixtures
// through PASARELA_FAKE_CLUSTER_DIR), for a PATH where the other tool is missing.
bool installOnly(const QTemporaryDir &into, const QString &tool);

// Answers a test makes up and changes while a program runs, e.g. a node IP that
// moves. They win over the fixtures' (PASARELA_FAKE_CLUSTER_ANSWERS=path()).
class Answers final
{
public:
    Answers();
    bool isValid() const { return m_ready; }
    QString path() const;
    // Files named as in fixtures/ ("minikube-profile-list.out", "kubectl-get-services.rc"...)
    // replace the previous set all at once: a call never sees half of a change.
    Result<void> set(const QMap<QString, QByteArray> &files);
    // For PASARELA_FAKE_CLUSTER_LOG: the calls made, one KEY a line.
    QString logPath() const;
    // How many times the fakes were asked for KEY ("kubectl-get-services").
    int calls(const QString &key) const;

private:
    QTemporaryDir m_dir;
    int m_version = 0;
    bool m_ready = false;
};

// `minikube profile list -o json` with one running profile "minikube" whose
// nodes have these IPs (the first is the control plane).
QByteArray minikubeProfiles(const QStringList &nodeIps);
// `kubectl get services -A -o json` with one NodePort Service default/web, port
// "http" 8080 on nodePort.
QByteArray webService(quint16 nodePort);

} // namespace FakeCluster
