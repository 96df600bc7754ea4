#pragma once

#include <QHostAddress>
#include <QString>

#include "result.h"

// A host (IP literal or DNS name, without brackets) and a port.
struct Endpoint
{
    QString host;
    quint16 port = 0;

    // "127.0.0.1:8080", "[::1]:8080", "example.com:80".
    QString toString() const;
    bool operator==(const Endpoint &other) const { return host == other.host && port == other.port; }
    bool operator!=(const Endpoint &other) const { return !(*this == other); }
};

// The listen address when only a port is given.
inline constexpr char DefaultListenHost[] = "127.0.0.1";

// Strict IP literal: IPv4 only as four dotted decimals, IPv6 as Qt parses it (scope ids allowed).
Result<QHostAddress> parseIpAddress(const QString &text);
// RFC 1123 host name (letters, digits, '-', '.', '_'), at most 253 characters.
bool isValidHostName(const QString &text);
// "HOST:PORT" or "[IPV6]:PORT"; HOST is an IP literal or a host name. Port 1-65535.
Result<Endpoint> parseTarget(const QString &text);
// "[ADDR:]PORT" or "[IPV6]:PORT"; ADDR must be an IP literal and defaults to 127.0.0.1.
Result<Endpoint> parseListen(const QString &text);

// A network in CIDR notation; a bare address means a single host (/32 or /128).
struct Cidr
{
    QHostAddress network;
    int prefixLength = 0;

    // IPv4-mapped IPv6 addresses (::ffff:a.b.c.d) match IPv4 networks.
    bool contains(const QHostAddress &address) const;
    QString toString() const;
};

Result<Cidr> parseCidr(const QString &text);
