#pragma once

#include <optional>

#include <QList>
#include <QString>
#include <QStringList>

#include "result.h"
#include "rules/forwardrule.h"

// What the rules can be exported as, to run them without Pasarela's window.
enum class ExportFormat {
    Nginx,        // a top-level nginx.conf with a stream {} block, for `nginx -p DIR -c FILE`
    TcpServices,  // ingress-nginx's tcp-services ConfigMap (rules made from the cluster)
    Service,      // a Service of type LoadBalancer or NodePort per rule made from the cluster
    Socat,        // one socat command line per rule
    Systemd,      // a unit that runs `pasarela --headless --config FILE`
};

// "nginx", "tcp-services", "service", "socat", "systemd".
QString exportFormatName(ExportFormat format);
std::optional<ExportFormat> exportFormatFromName(const QString &name);
QStringList exportFormatNames();

struct ExportOptions
{
    enum class ServiceType { LoadBalancer, NodePort };

    QString rulesPath;     // systemd: the rules file the unit runs; empty: the service user's default
    QString binaryPath = QStringLiteral("/usr/bin/pasarela");  // systemd: ExecStart
    ServiceType serviceType = ServiceType::LoadBalancer;
    // nginx: Debian's and Ubuntu's dynamic stream module; empty where stream is built in.
    QString nginxStreamModule = QStringLiteral("/usr/lib/nginx/modules/ngx_stream_module.so");
    QString ingressNamespace = QStringLiteral("ingress-nginx");
    QString ingressConfigMap = QStringLiteral("tcp-services");
    QString ingressService = QStringLiteral("ingress-nginx-controller");
};

// The rules in `format`, deterministic. A comment at the top names Pasarela's version, how
// to use the output, what each rule loses in the target engine, and the rules left out
// (disabled, or not made from the cluster for the Kubernetes formats). The rules are
// expected to validate. The only error: nothing is left to export.
Result<QString> exportRules(const QList<ForwardRule> &rules, ExportFormat format, const ExportOptions &options);
