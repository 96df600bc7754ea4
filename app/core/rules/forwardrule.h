#pragma once

#include <optional>

#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

#include "address.h"
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

// One forwarding rule: listen address:port -> target host:port, with its limits.
// A plain value type; validation lives here and is shared by the file loader,
// the command line and the rule editor.
struct ForwardRule
{
    QString name;
    Endpoint listen{QString::fromLatin1(DefaultListenHost), 0};
    Endpoint target;
    bool enabled = true;
    QStringList allow;          // CIDRs; empty: anyone who can reach the listen address
    int maxConnections = 16384;
    int connectTimeoutMs = 10000;
    int idleTimeoutS = 0;       // 0: off
    RuleOrigin origin;          // JSON key "origin" (object), written only when not empty
    // JSON "inspectHttp"; unset: inspectsHttp() decides from the target. Written only when set.
    std::optional<bool> inspectHttp;
    QJsonObject extra;          // keys this version does not know, kept on save

    static constexpr int MaxConnectionsLimit = 1000000;
    static constexpr int ConnectTimeoutLimitMs = 3600 * 1000;
    static constexpr int IdleTimeoutLimitS = 7 * 24 * 3600;

    // Reads one rule object. The error names the field and what is wrong with it.
    static Result<ForwardRule> fromJson(const QJsonObject &object);
    QJsonObject toJson() const;

    // Field checks of a single rule; the error names the field.
    Result<void> validate() const;
    // Parsed allow-list; only meaningful on a rule that validates.
    QList<Cidr> allowCidrs() const;
    // True when the listen address is reachable from other machines.
    bool isExposed() const;
    // Whether connections are inspected (HTTP requests, TLS names): as set, else on
    // for a target on port 80 or 8080 and for a rule made from an ingress controller.
    bool inspectsHttp() const;
};

// "a string", "a number"...: for errors that say what was found instead.
QString jsonTypeName(const QJsonValue &value);

// Every rule's own checks, plus: names unique, no two enabled rules on the same
// listen address and port. The error names the rule ("rule 2 (\"api\")") and the field.
Result<void> validateRules(const QList<ForwardRule> &rules);
