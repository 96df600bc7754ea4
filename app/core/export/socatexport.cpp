// The formats for a plain server: socat command lines, and a systemd unit running Pasarela.
#include <QHostAddress>

#include "exportwriters.h"

namespace RuleExport {

namespace {

// After one side's EOF socat waits -t seconds (0.5 by default) for the other direction;
// with no idle timeout, keep that direction open as long as Pasarela's longest idle timeout.
const int NoIdleTimeoutS = ForwardRule::IdleTimeoutLimitS;

bool isIpv6(const QString &host)
{
    const Result<QHostAddress> address = parseIpAddress(host);
    return address.ok() && address.value().protocol() == QAbstractSocket::IPv6Protocol;
}

QString shellQuote(const QString &word)
{
    for (const QChar c : word) {
        if (!c.isLetterOrNumber() && !QStringLiteral("_-.,:=/@%+").contains(c))
            return u'\'' + QString(word).replace(QStringLiteral("'"), QStringLiteral("'\\''")) + u'\'';
    }
    return word;
}

QString socatCidr(const Cidr &cidr)
{
    if (cidr.network.protocol() == QAbstractSocket::IPv6Protocol)
        return QStringLiteral("[%1]/%2").arg(cidr.network.toString()).arg(cidr.prefixLength);
    return cidr.toString();
}

QString socatLine(const ForwardRule &rule, Notes &notes)
{
    const bool listen6 = isIpv6(rule.listen.host);
    const bool udp = rule.transport == Transport::Udp;
    const QString listenKind = udp ? QStringLiteral("UDP%1-LISTEN") : QStringLiteral("TCP%1-LISTEN");
    QString listen = QStringLiteral("%1:%2,bind=%3,reuseaddr,fork%4,max-children=%5")
                         .arg(listenKind.arg(listen6 ? QStringLiteral("6") : QStringLiteral("4")))
                         .arg(rule.listen.port)
                         .arg(listen6 ? u'[' + rule.listen.host + u']' : rule.listen.host)
                         .arg(udp ? QString() : QStringLiteral(",nodelay"))
                         .arg(rule.maxConnections);
    // socat takes one range= per listener, of the listener's address family.
    QStringList dropped;
    bool ranged = false;
    for (const Cidr &cidr : rule.allowCidrs()) {
        if (!ranged && (cidr.network.protocol() == QAbstractSocket::IPv6Protocol) == listen6) {
            listen += QStringLiteral(",range=") + socatCidr(cidr);
            ranged = true;
        } else {
            dropped.append(cidr.toString());
        }
    }
    if (!dropped.isEmpty()) {
        notes.lost.append(ruleLabel(rule) + QStringLiteral(": allow %1 (socat takes one range of the listen "
                                                           "address's family; those clients are refused)")
                                                .arg(dropped.join(QStringLiteral(", "))));
        if (!ranged)  // nothing fits the listener: refuse everyone rather than accept anyone
            listen += listen6 ? QStringLiteral(",range=[::1]/128") : QStringLiteral(",range=127.0.0.1/32");
    }
    if (!rule.moreTargets.isEmpty())
        notes.lost.append(ruleLabel(rule) + QStringLiteral(": the fallback targets %1 (socat connects to one target)")
                                                .arg(rule.targetsText().section(QStringLiteral(", "), 1)));
    const QString kind = udp ? QStringLiteral("UDP") : QStringLiteral("TCP");
    const QString target = isIpv6(rule.target.host) ? kind + QStringLiteral("6:[%1]:%2") : kind + QStringLiteral(":%1:%2");
    const QString connect = target.arg(rule.target.host).arg(rule.target.port)
                            + (udp ? QString()
                                   : QStringLiteral(",connect-timeout=%1,nodelay").arg(secondsText(rule.connectTimeoutMs)));
    const int idleS = rule.effectiveIdleTimeoutS();
    const QString idle = idleS > 0 ? QStringLiteral("-T %1 ").arg(idleS) : QString();
    const int halfClose = idleS > 0 ? idleS : NoIdleTimeoutS;
    return QStringLiteral("# %1\nsocat %2-t %3 %4 %5\n")
        .arg(ruleLabel(rule), idle)
        .arg(halfClose)
        .arg(shellQuote(listen), shellQuote(connect));
}

// One ExecStart word: systemd's quoting, '%' and '$' doubled so they are not expanded.
QString systemdWord(const QString &word)
{
    QString text = word;
    text.replace(QStringLiteral("%"), QStringLiteral("%%")).replace(QStringLiteral("$"), QStringLiteral("$$"));
    for (const QChar c : text) {
        if (c.isSpace() || c == u'"' || c == u'\'' || c == u'\\' || c == u';') {
            text.replace(QStringLiteral("\\"), QStringLiteral("\\\\")).replace(QStringLiteral("\""), QStringLiteral("\\\""));
            return u'"' + text + u'"';
        }
    }
    return text;
}

} // namespace

QString writeSocat(const QList<ForwardRule> &rules, const ExportOptions &, Notes &notes)
{
    notes.title = QStringLiteral("socat command lines");
    notes.usage = {QStringLiteral("One socat per rule: run each line in its own shell or service.")};
    notes.lost.append(QStringLiteral("all rules: a reset from one side reaches the other as a normal close"));
    QString text;
    for (const ForwardRule &rule : rules) {
        if (rule.effectiveIdleTimeoutS() == 0)
            notes.lost.append(ruleLabel(rule) + QStringLiteral(": after a half-close the other direction stays "
                                                               "open %1 s at most (socat -t)")
                                                    .arg(NoIdleTimeoutS));
        text += (text.isEmpty() ? QString() : QStringLiteral("\n")) + socatLine(rule, notes);
        ++notes.exported;
    }
    return text;
}

QString writeSystemd(const QList<ForwardRule> &rules, const ExportOptions &options, Notes &notes)
{
    notes.title = QStringLiteral("systemd unit");
    notes.usage = {
        QStringLiteral("Install as /etc/systemd/system/pasarela.service, then: systemctl enable --now pasarela"),
        QStringLiteral("It runs every enabled rule of the rules file as root; add User= to run it as the file's"),
        QStringLiteral("owner (the file is readable by its owner only)."),
    };
    bool privilegedPort = false;
    for (const ForwardRule &rule : rules) {
        privilegedPort = privilegedPort || rule.listen.port < 1024;
        ++notes.exported;
    }
    QString exec = systemdWord(options.binaryPath) + QStringLiteral(" --headless");
    if (!options.rulesPath.isEmpty())
        exec += QStringLiteral(" --config ") + systemdWord(options.rulesPath);
    QString what = options.rulesPath.isEmpty() ? QStringLiteral("the default rules file") : options.rulesPath;
    QString text = QStringLiteral("[Unit]\n"
                                  "Description=Pasarela: TCP forwarding rules of %1\n"
                                  "Wants=network-online.target\n"
                                  "After=network-online.target\n"
                                  "\n"
                                  "[Service]\n"
                                  "ExecStart=%2\n"
                                  "Restart=on-failure\n"
                                  "RestartSec=2\n"
                                  "NoNewPrivileges=yes\n"
                                  "PrivateTmp=yes\n")
                       .arg(what.replace(QStringLiteral("%"), QStringLiteral("%%")), exec);
    if (privilegedPort)
        text += QStringLiteral("# A rule listens on a port below 1024.\nAmbientCapabilities=CAP_NET_BIND_SERVICE\n");
    return text + QStringLiteral("\n[Install]\nWantedBy=multi-user.target\n");
}

} // namespace RuleExport
