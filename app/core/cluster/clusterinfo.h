#pragma once

#include <QByteArray>
#include <QHash>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "result.h"

// What `minikube profile list -o json` says of one profile.
struct MinikubeProfile
{
    QString name;
    QString status;  // "Running", "Stopped", "Paused"...
    QString driver;  // "docker", "kvm2"...
    QString ip;      // the control-plane node's IP (IPv4 or IPv6); empty when not known
    QStringList otherNodeIps;  // a multi-node profile's other nodes
    bool isRunning() const { return status == u"Running"; }
};

struct ServicePort
{
    QString name;        // may be empty
    QString protocol;    // "TCP", "UDP", "SCTP"
    quint16 port = 0;
    quint16 nodePort = 0;  // 0: none allocated
    QString targetPort;  // a number or a container port's name
};

// A Service of type NodePort or LoadBalancer.
struct ClusterService
{
    QString ns;
    QString name;
    QString type;  // "NodePort", "LoadBalancer"
    QStringList clusterIPs;
    QStringList loadBalancerIngress;  // IPs or host names
    QHash<QString, QString> labels;
    QMap<QString, QString> selector;  // the Pods it sends to
    QList<ServicePort> ports;

    // ingress-nginx's controller, by the labels its manifests and Minikube's addon put on it.
    bool isIngressController() const;
    // The TCP port by name, else by number; nullptr when there is none.
    const ServicePort *findPort(const QString &portName, quint16 port) const;
};

struct IngressBackend
{
    QString service;  // empty: not a service backend (a resource backend)
    quint16 port = 0;  // 0 when given by name
    QString portName;
    QString toString() const;  // "web:80", "web:http"
};

struct IngressPath
{
    QString path;      // may be empty (ImplementationSpecific)
    QString pathType;  // "Prefix", "Exact", "ImplementationSpecific"
    IngressBackend backend;
};

struct IngressRule
{
    QString host;  // empty: any host
    QList<IngressPath> paths;
};

struct IngressTls
{
    QStringList hosts;
    QString secretName;
};

// A networking.k8s.io/v1 Ingress.
struct ClusterIngress
{
    QString ns;
    QString name;
    QString ingressClassName;
    QList<IngressRule> rules;
    QList<IngressTls> tls;
    IngressBackend defaultBackend;
    bool hasTlsFor(const QString &host) const;
};

// The ingress controller's Service and its node ports (0: that port is not exposed).
struct IngressController
{
    QString ns;
    QString name;
    quint16 httpPort = 80;
    quint16 httpNodePort = 0;
    quint16 httpsPort = 443;
    quint16 httpsNodePort = 0;
    bool found() const { return !name.isEmpty(); }
};

// Everything read from the cluster.
struct ClusterInfo
{
    QList<MinikubeProfile> profiles;
    QString context;     // kubectl's context
    QString profile;     // the Minikube profile behind the context; empty when none is
    QString nodeIp;      // where NodePorts answer (the control plane); empty when not known
    QStringList otherNodeIps;  // the other nodes, where NodePorts answer too
    IngressController controller;
    QList<ClusterService> services;  // NodePort and LoadBalancer, the controller included
    QList<ClusterIngress> ingresses;
    QStringList notes;   // what could not be read and why it matters, for the user

    // nodeIp, then otherNodeIps; empty when nodeIp is not known.
    QStringList nodeIps() const;
    const MinikubeProfile *findProfile(const QString &name) const;
    const ClusterService *findService(const QString &ns, const QString &name) const;
};

// Parsers of the tools' outputs. Errors say what was expected; they name the tool's command.
Result<QList<MinikubeProfile>> parseMinikubeProfiles(const QByteArray &json);
Result<QString> parseCurrentContext(const QByteArray &text);
// Only Services of type NodePort or LoadBalancer are kept.
Result<QList<ClusterService>> parseServices(const QByteArray &json);
Result<QList<ClusterIngress>> parseIngresses(const QByteArray &json);
// Each node's InternalIP from `kubectl get nodes -o json`, control-plane nodes first:
// where NodePorts answer on a cluster that is not Minikube (kind, k3s...).
Result<QStringList> parseNodeAddresses(const QByteArray &json);

// The controller among the services; not found() when there is none.
IngressController findIngressController(const QList<ClusterService> &services);
