#pragma once

#include <QString>
#include <QTemporaryDir>

// The fake minikube and kubectl of tests/support/fakecluster.
namespace FakeCluster {

// The folder of the fakes; their answers are in its fixtures/ folder.
QString dir();
// PATH with the fakes first, so no real tool on this machine answers.
QString path();
// A directory holding only `tool` (a copy: the fakes find their fixtures
// through PASARELA_FAKE_CLUSTER_DIR), for a PATH where the other tool is missing.
bool installOnly(const QTemporaryDir &into, const QString &tool);

} // namespace FakeCluster
