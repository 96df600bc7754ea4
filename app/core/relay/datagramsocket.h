#pragma once

#include <cstring>

#include <netinet/in.h>
#include <sys/socket.h>

#include <QHostAddress>

// A client's address and port: the key of its UDP session (no padding, compared bytewise).
struct UdpClientKey
{
    quint8 address[16] = {};
    quint32 scope = 0;
    quint16 port = 0;
    quint16 family = 0;
    bool operator==(const UdpClientKey &o) const { return std::memcmp(this, &o, sizeof o) == 0; }
};
size_t qHash(const UdpClientKey &key, size_t seed = 0);

// Where a datagram came from, and (read on a wildcard address) which of this machine's
// addresses it was sent to.
struct DatagramPeer
{
    sockaddr_storage address{};
    socklen_t length = 0;
    bool hasLocal = false;
    in_pktinfo local4{};
    in6_pktinfo local6{};

    UdpClientKey key() const;
    QHostAddress localAddress() const;  // null without hasLocal
};

// The UDP calls of the relay, on non-blocking descriptors.
namespace DatagramSocket {

// Bound to address:port (IPv6 only for an IPv6 address), or -1 with errno set. On a
// wildcard address, receive() tells which address each datagram was sent to.
int bind(const QHostAddress &address, quint16 port, bool wildcard);
// connect()ed to address:port, or -1 with errno set.
int connectTo(const QHostAddress &address, quint16 port);
// One datagram: its size (0 is an empty datagram, not an end), or -1 with errno set.
ssize_t receive(int fd, char *buffer, size_t size, bool wildcard, DatagramPeer *from);
// One datagram to `to`, from the address it sent to when known: 0 or the errno.
int sendTo(int fd, const char *data, qsizetype size, const DatagramPeer &to);

} // namespace DatagramSocket
