// The nginx format: a whole nginx.conf with the rules in a stream {} block.
#include "exportwriters.h"

namespace RuleExport {

namespace {

// nginx's stream proxy always has an idle timeout (10 minutes by default); "off" becomes
// Pasarela's longest, which also stays below the 24.8 days nginx's timers can hold.
const int NoIdleTimeoutS = ForwardRule::IdleTimeoutLimitS;

bool isIpLiteral(const QString &host)
{
    return parseIpAddress(host).ok();
}

// Several targets: an upstream, the first target primary and the others backup.
QString upstreamBlock(const ForwardRule &rule, const QString &name)
{
    QString text = QStringLiteral("    # %1: the first target, the others when it fails\n    upstream %2 {\n")
                       .arg(ruleLabel(rule), name);
    const QString failTimeout = QStringLiteral(" max_fails=1 fail_timeout=%1s").arg(qMax(rule.cooldownS, 1));
    for (const Endpoint &target : rule.targets())
        text += QStringLiteral("        server %1%2;\n")
                    .arg(target.toString(), target == rule.target ? failTimeout : failTimeout + QStringLiteral(" backup"));
    return text + QStringLiteral("    }\n\n");
}

QString serverBlock(const ForwardRule &rule, const QString &upstream)
{
    const bool udp = rule.transport == Transport::Udp;
    QString text = QStringLiteral("    # %1\n    server {\n").arg(ruleLabel(rule));
    const auto line = [&text](const QString &directive) { text += QStringLiteral("        ") + directive + u'\n'; };
    line(QStringLiteral("listen %1%2;").arg(rule.listen.toString(), udp ? QStringLiteral(" udp") : QString()));
    line(QStringLiteral("proxy_pass %1;").arg(upstream.isEmpty() ? rule.target.toString() : upstream));
    if (!udp)
        line(QStringLiteral("proxy_connect_timeout %1ms;").arg(rule.connectTimeoutMs));
    const int idleS = rule.effectiveIdleTimeoutS();
    line(QStringLiteral("proxy_timeout %1s;").arg(idleS > 0 ? idleS : NoIdleTimeoutS));
    if (!udp)
        line(QStringLiteral("proxy_half_close on;"));
    // One zone for all rules, counted per rule: the key is the rule's listen address.
    line(QStringLiteral("set $pasarela_rule \"%1\";").arg(rule.listen.toString() + (udp ? QStringLiteral("/udp") : QString())));
    line(QStringLiteral("limit_conn pasarela_connections %1;").arg(rule.maxConnections));
    if (!rule.allow.isEmpty()) {
        for (const Cidr &cidr : rule.allowCidrs())
            line(QStringLiteral("allow %1;").arg(cidr.toString()));
        line(QStringLiteral("deny all;"));
    }
    return text + QStringLiteral("    }\n");
}

} // namespace

QString writeNginx(const QList<ForwardRule> &rules, const ExportOptions &options, Notes &notes)
{
    notes.title = QStringLiteral("nginx stream proxy");
    notes.usage = {
        QStringLiteral("Run it as is with: nginx -p DIR -c THIS_FILE  (the pid file and error log go to DIR)."),
        QStringLiteral("To add the rules to an existing nginx, copy the stream {} block to the top level of"),
        QStringLiteral("its nginx.conf (beside http {}, not inside it), with the load_module line if stream is"),
        QStringLiteral("not loaded there yet (Debian: package libnginx-mod-stream). nginx 1.21.4 or newer."),
    };
    QString servers;
    for (const ForwardRule &rule : rules) {
        if (rule.effectiveIdleTimeoutS() == 0)
            notes.lost.append(ruleLabel(rule)
                              + QStringLiteral(": no idle timeout; nginx always has one, set to %1 s").arg(NoIdleTimeoutS));
        for (const Endpoint &target : rule.targets()) {
            if (!isIpLiteral(target.host))
                notes.lost.append(ruleLabel(rule)
                                  + QStringLiteral(": %1 is resolved once when nginx starts, not per connection")
                                        .arg(target.host));
        }
        QString upstream;
        if (!rule.moreTargets.isEmpty()) {
            upstream = QStringLiteral("pasarela_rule_%1").arg(notes.exported + 1);
            servers += (servers.isEmpty() ? QString() : QStringLiteral("\n")) + upstreamBlock(rule, upstream);
            if (rule.moreTargets.size() > 1)
                notes.lost.append(ruleLabel(rule) + QStringLiteral(": the fallback targets take turns (nginx backup "
                                                                   "servers), not one after the other"));
        }
        servers += (servers.isEmpty() || !upstream.isEmpty() ? QString() : QStringLiteral("\n")) + serverBlock(rule, upstream);
        ++notes.exported;
    }
    notes.lost.prepend(QStringLiteral("all rules: a reset from one side reaches the other as a normal close"));

    QString text;
    if (!options.nginxStreamModule.isEmpty())
        text += QStringLiteral("load_module %1;\n").arg(options.nginxStreamModule);
    text += QStringLiteral("worker_processes auto;\n"
                           "pid pasarela-nginx.pid;\n"
                           "error_log pasarela-nginx-error.log notice;\n"
                           "\n"
                           "events {\n"
                           "    # Two per relayed connection; raise it (and worker_rlimit_nofile) for more.\n"
                           "    worker_connections 4096;\n"
                           "}\n"
                           "\n"
                           "stream {\n"
                           "    limit_conn_zone $pasarela_rule zone=pasarela_connections:1m;\n"
                           "\n");
    return text + servers + QStringLiteral("}\n");
}

} // namespace RuleExport
