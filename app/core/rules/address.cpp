#include "address.h"

#include <QAbstractSocket>
#include <QCoreApplication>
#include <QStringList>

namespace {

QString quoted(const QString &text)
{
    return QLatin1Char('"') % text % QLatin1Char('"');
}

bool isDigits(const QString &text)
{
    if (text.isEmpty())
        return false;
    for (const QChar c : text) {
        if (c < QLatin1Char('0') || c > QLatin1Char('9'))
            return false;
    }
    return true;
}

// Only digits and dots: the user meant an IPv4 address, so a host-name reading
// ("127.1", "1.2.3") would only hide the mistake.
bool looksLikeIpv4(const QString &text)
{
    if (!text.contains(QLatin1Char('.')))
        return false;
    for (const QChar c : text) {
        if (c != QLatin1Char('.') && (c < QLatin1Char('0') || c > QLatin1Char('9')))
            return false;
    }
    return true;
}

Result<quint16> parsePort(const QString &text)
{
    if (!isDigits(text))
        return Error{QCoreApplication::translate("Rules", "\"%1\" is not a valid port: use a number 1-65535").arg(text)};
    // Digits only, so this can only fail by overflow.
    bool ok = false;
    const qulonglong port = text.toULongLong(&ok);
    if (!ok || port < 1 || port > 65535)
        return Error{QCoreApplication::translate("Rules", "port %1 is out of range (1-65535)").arg(text)};
    return quint16(port);
}

Result<QHostAddress> parseIpv4(const QString &text)
{
    const QStringList parts = text.split(QLatin1Char('.'));
    bool valid = parts.size() == 4;
    for (const QString &part : parts) {
        // A leading zero reads as octal to inet_aton ("010" is 8): refuse the ambiguity.
        if (!valid || !isDigits(part) || part.size() > 3 || (part.size() > 1 && part.startsWith(QLatin1Char('0'))) || part.toInt() > 255) {
            valid = false;
            break;
        }
    }
    if (!valid)
        return Error{QCoreApplication::translate("Rules", "\"%1\" is not a valid IP address: write IPv4 as four "
                                                          "numbers 0-255 separated by dots, without leading zeros "
                                                          "(e.g. 192.168.1.10)")
                         .arg(text)};
    return QHostAddress(text);
}

Result<QHostAddress> parseBracketedIpv6(const QString &host)
{
    const Result<QHostAddress> address = parseIpAddress(host);
    if (!address || address.value().protocol() != QAbstractSocket::IPv6Protocol)
        return Error{QCoreApplication::translate("Rules", "\"%1\" is not a valid IPv6 address; brackets are only "
                                                          "for IPv6")
                         .arg(host)};
    return address;
}

struct HostPort
{
    QString host;
    QString port;
    bool bracketed = false;
};

// Splits "HOST:PORT" or "[V6]:PORT"; a missing port is an error. `example` completes the hint.
Result<HostPort> splitHostPort(const QString &text, const QString &example)
{
    if (text.startsWith(QLatin1Char('['))) {
        const qsizetype close = text.indexOf(QLatin1Char(']'));
        if (close < 0)
            return Error{QCoreApplication::translate("Rules", "\"%1\" is missing the closing \"]\": use [IPV6]:PORT, "
                                                              "e.g. [::1]:8080")
                             .arg(text)};
        const QString host = text.mid(1, close - 1);
        const QString rest = text.mid(close + 1);
        if (rest.isEmpty())
            return Error{QCoreApplication::translate("Rules", "\"%1\" has no port: use [IPV6]:PORT, e.g. [::1]:8080")
                             .arg(text)};
        if (!rest.startsWith(QLatin1Char(':')))
            return Error{QCoreApplication::translate("Rules", "\"%1\" has text after \"]\" that is not \":PORT\": use "
                                                              "[IPV6]:PORT, e.g. [::1]:8080")
                             .arg(text)};
        if (const Result<QHostAddress> address = parseBracketedIpv6(host); !address)
            return Error{address.error()};
        return HostPort{host, rest.mid(1), true};
    }

    const qsizetype colons = text.count(QLatin1Char(':'));
    if (colons == 0)
        return Error{QCoreApplication::translate("Rules", "\"%1\" has no port: use %2").arg(text, example)};
    if (colons > 1)
        return Error{QCoreApplication::translate("Rules", "\"%1\" looks like an IPv6 address without brackets: "
                                                          "write it as [IPV6]:PORT, e.g. [::1]:8080")
                         .arg(text)};
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    const QString host = text.left(colon);
    if (host.isEmpty())
        return Error{QCoreApplication::translate("Rules", "\"%1\" has no host: use %2").arg(text, example)};
    return HostPort{host, text.mid(colon + 1), false};
}

} // namespace

QString Endpoint::toString() const
{
    const QString portText = QString::number(port);
    if (host.contains(QLatin1Char(':')))
        return QLatin1Char('[') % host % QStringLiteral("]:") % portText;
    return host % QLatin1Char(':') % portText;
}

Result<QHostAddress> parseIpAddress(const QString &text)
{
    if (text.isEmpty())
        return Error{QCoreApplication::translate("Rules", "the IP address is empty")};
    if (!text.contains(QLatin1Char(':'))) {
        // QHostAddress follows inet_aton and would accept "127.1" and octal "010.0.0.1".
        if (looksLikeIpv4(text) || isDigits(text))
            return parseIpv4(text);
        return Error{QCoreApplication::translate("Rules", "\"%1\" is not a valid IP address").arg(text)};
    }
    QHostAddress address;
    if (!address.setAddress(text) || address.protocol() != QAbstractSocket::IPv6Protocol)
        return Error{QCoreApplication::translate("Rules", "\"%1\" is not a valid IP address").arg(text)};
    // Qt takes any text as the scope; an interface name has at most 15 characters
    // (IFNAMSIZ), and a longer scope made rule names built from it too long to save.
    const qsizetype percent = text.indexOf(QLatin1Char('%'));
    if (percent >= 0 && text.size() - percent - 1 > 15)
        return Error{QCoreApplication::translate("Rules", "\"%1\": the part after % must be a network interface such "
                                                          "as eth0 (at most 15 characters)")
                         .arg(text)};
    return address;
}

bool isValidHostName(const QString &text)
{
    if (text.isEmpty() || text.size() > 253)
        return false;
    const QStringList labels = text.split(QLatin1Char('.'));
    for (const QString &label : labels) {
        if (label.isEmpty() || label.size() > 63 || label.startsWith(QLatin1Char('-')) || label.endsWith(QLatin1Char('-')))
            return false;
        for (const QChar c : label) {
            const bool allowed = (c >= QLatin1Char('a') && c <= QLatin1Char('z')) || (c >= QLatin1Char('A') && c <= QLatin1Char('Z'))
                || (c >= QLatin1Char('0') && c <= QLatin1Char('9')) || c == QLatin1Char('-') || c == QLatin1Char('_');
            if (!allowed)
                return false;
        }
    }
    // RFC 1123 2.1: an all-numeric top label would be confused with an IPv4 address.
    return !isDigits(labels.last());
}

Result<Endpoint> parseTarget(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return Error{QCoreApplication::translate("Rules", "the target is empty: use HOST:PORT, e.g. 192.168.49.2:80")};
    const Result<HostPort> split =
        splitHostPort(text, QCoreApplication::translate("Rules", "HOST:PORT, e.g. 192.168.49.2:80"));
    if (!split)
        return Error{split.error()};
    const HostPort &parts = split.value();

    if (!parts.bracketed) {  // a bracketed host was checked as IPv6 by splitHostPort
        if (looksLikeIpv4(parts.host)) {
            const Result<QHostAddress> address = parseIpAddress(parts.host);
            if (!address)
                return Error{address.error()};
        } else if (!isValidHostName(parts.host)) {
            return Error{QCoreApplication::translate("Rules", "\"%1\" is not a valid host name or IP address: use "
                                                              "letters, digits, '-' and '.' (e.g. minikube.local) or "
                                                              "an IP address")
                             .arg(parts.host)};
        }
    }

    const Result<quint16> port = parsePort(parts.port);
    if (!port)
        return Error{port.error()};
    return Endpoint{parts.host, port.value()};
}

Result<Endpoint> parseListen(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return Error{QCoreApplication::translate("Rules", "the listen address is empty: use PORT, ADDRESS:PORT or "
                                                          "[IPV6]:PORT, e.g. 0.0.0.0:8080")};

    if (!text.contains(QLatin1Char(':')) && !text.startsWith(QLatin1Char('['))) {
        if (parseIpAddress(text))
            return Error{QCoreApplication::translate("Rules", "\"%1\" has no port: use ADDRESS:PORT, e.g. %1:8080")
                             .arg(text)};
        const Result<quint16> port = parsePort(text);
        if (!port)
            return Error{port.error()};
        return Endpoint{QString::fromLatin1(DefaultListenHost), port.value()};
    }

    const Result<HostPort> split =
        splitHostPort(text, QCoreApplication::translate("Rules", "ADDRESS:PORT, e.g. 0.0.0.0:8080"));
    if (!split)
        return Error{split.error()};
    const HostPort &parts = split.value();

    if (!parts.bracketed) {  // a bracketed host was checked as IPv6 by splitHostPort
        const Result<QHostAddress> address = parseIpAddress(parts.host);
        if (!address) {
            // A name would have to be resolved to pick an interface, and could change under us.
            if (isValidHostName(parts.host))
                return Error{QCoreApplication::translate("Rules", "\"%1\" is not an IP address: listen on an "
                                                                  "address of this machine such as 127.0.0.1, or "
                                                                  "0.0.0.0 for all")
                                 .arg(parts.host)};
            return Error{address.error()};
        }
    }

    const Result<quint16> port = parsePort(parts.port);
    if (!port)
        return Error{port.error()};
    return Endpoint{parts.host, port.value()};
}

bool Cidr::contains(const QHostAddress &address) const
{
    if (address.isNull() || network.isNull())
        return false;
    // A dual-stack listener reports IPv4 peers as ::ffff:a.b.c.d.
    if (network.protocol() == QAbstractSocket::IPv4Protocol && address.protocol() == QAbstractSocket::IPv6Protocol) {
        bool mapped = false;
        const quint32 ipv4 = address.toIPv4Address(&mapped);
        return mapped && QHostAddress(ipv4).isInSubnet(network, prefixLength);
    }
    return address.isInSubnet(network, prefixLength);
}

QString Cidr::toString() const
{
    return network.toString() % QLatin1Char('/') % QString::number(prefixLength);
}

Result<Cidr> parseCidr(const QString &input)
{
    const QString text = input.trimmed();
    if (text.isEmpty())
        return Error{QCoreApplication::translate("Rules", "the network is empty: use ADDRESS/PREFIX, e.g. "
                                                          "192.168.1.0/24")};

    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    const QString addressText = slash < 0 ? text : text.left(slash);
    const Result<QHostAddress> address = parseIpAddress(addressText);
    if (!address)
        return Error{slash < 0 ? address.error() : quoted(text) % QStringLiteral(": ") % address.error()};

    const bool ipv4 = address.value().protocol() == QAbstractSocket::IPv4Protocol;
    const int maxPrefix = ipv4 ? 32 : 128;
    if (slash < 0)
        return Cidr{address.value(), maxPrefix};

    const QString prefixText = text.mid(slash + 1);
    const int prefix = isDigits(prefixText) && prefixText.size() <= 3 ? prefixText.toInt() : -1;
    if (prefix < 0 || prefix > maxPrefix) {
        return Error{(ipv4 ? QCoreApplication::translate("Rules", "\"%1\": prefix length must be 0-32 for IPv4")
                           : QCoreApplication::translate("Rules", "\"%1\": prefix length must be 0-128 for IPv6"))
                         .arg(text)};
    }
    return Cidr{address.value(), prefix};
}
