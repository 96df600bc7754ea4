#pragma once

#include <optional>

#include <QList>
#include <QString>

#include "cluster/clusterinfo.h"
#include "http/requestcollections.h"
#include "rules/forwardrule.h"

// The listen ports suggested for the ingress, as in the field.
inline constexpr quint16 IngressHttpListenPort = 31042;
inline constexpr quint16 IngressHttpsListenPort = 31443;

// The rules that expose the cluster on listenAddress (an IP literal): the
// ingress controller's http on 31042 and https on 31443, and each TCP NodePort
// of the other services on its own node port. Each carries its origin, and one
// target per node (the control plane's first: the first that accepts takes a
// connection). Empty when the node IP is not known. A listen port taken by an
// earlier rule is skipped.
QList<ForwardRule> planRules(const ClusterInfo &info, const QString &listenAddress);

// A rule whose service port now answers elsewhere (after `minikube stop/start`
// the IP or the node port may change): the targets and origin to put in it.
struct StaleTarget
{
    // One per node on the new node port, then the rule's targets on other ports (added by hand).
    QList<Endpoint> targets;
    RuleOrigin origin;
    bool nodeMoved = false;  // the nodes' addresses changed
    bool portMoved = false;  // the node port changed
};
// nullopt when the rule has no origin, its service or port is not in `info`
// (or `info` is another context), or its targets are still right.
std::optional<StaleTarget> staleTarget(const ForwardRule &rule, const ClusterInfo &info);

// One GET per Ingress host and path, through the planned ingress rule (https
// on 31443 for hosts with TLS, http on 31042 otherwise) with the right Host
// header; one collection per Ingress, named after it. Empty without an ingress
// controller.
QList<RequestCollection> ingressRequests(const ClusterInfo &info, const QString &listenAddress);
