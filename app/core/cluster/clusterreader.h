#pragma once

#include <atomic>

#include "cluster/clusterinfo.h"
#include "result.h"

struct ClusterReadOptions
{
    QString context;          // kubectl context; empty: the current one
    int timeoutMs = 10000;    // per tool call
    // When it turns true the tool running is killed and the read fails at once.
    const std::atomic<bool> *cancel = nullptr;
};

// Reads the cluster with `minikube` (optional: profiles and the node IP) and
// `kubectl` (required: context, Services, Ingresses) from PATH, never through a
// shell. Blocks for up to a few timeouts: call it off the GUI thread. The error
// says why no cluster could be read (tool missing, cluster stopped, context
// unreachable) and what to do; lesser problems end up in ClusterInfo::notes.
Result<ClusterInfo> readCluster(const ClusterReadOptions &options = {});
