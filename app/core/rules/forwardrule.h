#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "address.h"
#include "fault.h"
#include "result.h"

// Where a rule came from when it was made from the cluster (empty otherwise).
struct RuleOrigin
{
    QString context;          // kubectl context
    QString profile;          // minikube profile; may be empty
    QString ns;               // JSON "namespace"
    QString service;
    QString portName;         // the Service port's name, e.g. "http"; may be empty
    quint16 servicePort = 0;  // JSON "port"
    quint16 nodePort = 0;     // JSON "nodePort"; 0 when the rule targets the port itself
    QString targetPort;       // JSON "targetPort": the Service port's target, a number or a name; may be empty
    QMap<QString, QString> selector;  // JSON "selector": the Service's Pod selector; may be empty
    bool isEmpty() const { return service.isEmpty(); }
    bool operator==(const RuleOrigin &o) const;
    bool operator!=(const RuleOrigin &o) const { return !(*this == o); }

    // Reads the "origin" object; errors name "origin.<key>".
    static Result<RuleOrigin> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;
};

// What a rule relays: TCP streams, or UDP datagrams per client address.
enum class Transport { Tcp, Udp };
QString toString(Transport transport);  // "tcp", "udp": the JSON value and the --forward prefix

// One forwarding rule: listen address:port -> target host:port, with its limits.
// A plain value type; validation lives here and is shared by the file loader,
// the command line and the rule editor.
struct ForwardRule
{
    QString name;
    Endpoint listen{QString::fromLatin1(DefaultListenHost), 0};
    Endpoint target;            // the first target
    // Tried in order after target when it refuses, is unreachable or times out
    // (failover). JSON: "target" is then a list, target first.
    QList<Endpoint> moreTargets;
    Transport transport = Transport::Tcp;  // JSON "protocol", written only for UDP
    bool enabled = true;
    QStringList allow;          // CIDRs; empty: anyone who can reach the listen address
    int maxConnections = 16384;
    int connectTimeoutMs = 10000;
    int idleTimeoutS = 0;       // 0: off (UDP: DefaultUdpIdleTimeoutS)
    int cooldownS = 10;         // JSON "cooldownS": a target that failed is skipped this long
    // JSON "followCluster"; unset: on for a rule with an origin. Written only when set.
    std::optional<bool> followCluster;
    int clusterCheckS = 30;     // JSON "clusterCheckS": how often a following rule re-reads the cluster
    RuleOrigin origin;          // JSON key "origin" (object), written only when not empty
    // JSON "inspectHttp"; unset: inspectsHttp() decides from the target. Written only when set.
    std::optional<bool> inspectHttp;
    Faults faults;              // JSON "faults", written only when there are some
    QJsonObject extra;          // keys this version does not know, kept on save

    static constexpr int MaxConnectionsLimit = 1000000;
    static constexpr int ConnectTimeoutLimitMs = 3600 * 1000;
    static constexpr int IdleTimeoutLimitS = 7 * 24 * 3600;
    static constexpr int DefaultUdpIdleTimeoutS = 60;
    static constexpr int MaxTargets = 16;
    static constexpr int CooldownLimitS = 3600;
    static constexpr int ClusterCheckLimitS = 24 * 3600;

    // Reads one rule object. The error names the field and what is wrong with it.
    static Result<ForwardRule> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;

    // Field checks of a single rule; the error names the field.
    Result<void> validate() const;
    // Parsed allow-list; only meaningful on a rule that validates.
    QList<Cidr> allowCidrs() const;
    // True when the listen address is reachable from other machines.
    bool isExposed() const;
    // target, then moreTargets.
    QList<Endpoint> targets() const;
    void setTargets(const QList<Endpoint> &targets);  // the first becomes target; not empty
    // "a:1, b:2": the target list as the editor and the table show it.
    QString targetsText() const;
    // The idle timeout in force: UDP sessions always end after one.
    int effectiveIdleTimeoutS() const;
    // Re-reads its target from the cluster by itself: as set, else when it has an origin.
    bool followsCluster() const;
    // Whether connections are inspected (HTTP requests, TLS names): as set, else on
    // for a target on port 80 or 8080 and for a rule made from an ingress controller.
    // Never for UDP.
    bool inspectsHttp() const;
};

// "HOST:PORT, HOST:PORT" (commas, spaces or both): the failover list as typed.
Result<QList<Endpoint>> parseTargetList(const QString &text);

// "a string", "a number"...: for errors that say what was found instead.
QString jsonTypeName(const QJsonValue &value);

// Every rule's own checks, plus: names unique, no two enabled rules on the same
// listen address, port and protocol. The error names the rule ("rule 2 (\"api\")") and the field.
Result<void> validateRules(const QList<ForwardRule> &rules);
