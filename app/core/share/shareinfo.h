#pragma once

#include <QHostAddress>
#include <QList>
#include <QString>
#include <QStringList>

#include "cluster/clusterinfo.h"
#include "rules/forwardrule.h"

// What another machine uses to reach a rule through one address of this PC.
struct ShareEntry
{
    QHostAddress address;
    // A URL for an HTTP(S) rule ("http://192.168.1.20:31042/"), else "ADDR:PORT";
    // what the QR code holds.
    QString target;
    // A raw TCP or UDP port: the command that connects ("nc 192.168.1.20 5432"); empty for a URL.
    QString command;
    // With Ingress hosts: "192.168.1.20 api.local shop.local" for the other
    // machine's hosts file, and one `curl --resolve` per host (no hosts file needed).
    QString hostsLine;
    QStringList curlLines;
};

struct ShareInfo
{
    QList<ShareEntry> entries;  // one per address another machine may reach; empty on loopback
    QStringList warnings;       // sentences: why nobody can reach it, or why anybody can
};

// The share entries of `rule` for this machine's `addresses` (QNetworkInterface's,
// passed in so that tests choose them). A rule on 0.0.0.0 gets every IPv4
// address that is not loopback or link-local, one on [::] every such IPv6
// address; a rule on one address gets that one. `ingressHosts` (the rule's
// ingress routes on them) add the hosts-file and curl lines.
ShareInfo shareInfo(const ForwardRule &rule, const QList<QHostAddress> &addresses,
                    const QStringList &ingressHosts = {});

// The URL scheme another machine uses: "https" for the ingress's https rule
// (service port 443 or listen port 31443), "http" for a rule that inspects HTTP,
// empty for a raw port.
QString shareScheme(const ForwardRule &rule);

// Whether the rule may be one of the ingress controller's, by its origin alone
// (what the cluster says decides: isIngressRule()).
bool mayBeIngressRule(const ForwardRule &rule);
// Whether the rule's origin is the ingress controller of `info`.
bool isIngressRule(const ForwardRule &rule, const ClusterInfo &info);
// The hosts the Ingresses route on, each once, in order; "*.example.com" as
// "www.example.com" (a hosts file holds no wildcards).
QStringList ingressHosts(const ClusterInfo &info);
