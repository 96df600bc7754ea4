#include "nativesocket.h"

#include <cstring>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

#include <QNetworkInterface>

namespace NativeSocket {

void setNoDelay(int fd)
{
    const int one = 1;
    ::setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
}

bool address(int fd, bool peer, QHostAddress *address, quint16 *port)
{
    sockaddr_storage storage{};
    socklen_t length = sizeof storage;
    auto *raw = reinterpret_cast<sockaddr *>(&storage);
    if ((peer ? ::getpeername(fd, raw, &length) : ::getsockname(fd, raw, &length)) != 0)
        return false;
    fromSockaddr(storage, address, port);
    return true;
}

void fromSockaddr(const sockaddr_storage &storage, QHostAddress *address, quint16 *port)
{
    const auto *raw = reinterpret_cast<const sockaddr *>(&storage);
    address->setAddress(raw);
    bool isV4 = false;
    const quint32 v4 = address->toIPv4Address(&isV4);
    if (isV4 && address->protocol() == QAbstractSocket::IPv6Protocol)
        address->setAddress(v4);
    *port = storage.ss_family == AF_INET6 ? ntohs(reinterpret_cast<const sockaddr_in6 *>(raw)->sin6_port)
                                          : ntohs(reinterpret_cast<const sockaddr_in *>(raw)->sin_port);
}

QString errorText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error)).toLower();
}

socklen_t toSockaddr(const QHostAddress &address, quint16 port, sockaddr_storage *storage)
{
    *storage = {};
    if (address.protocol() == QAbstractSocket::IPv6Protocol) {
        auto *in6 = reinterpret_cast<sockaddr_in6 *>(storage);
        in6->sin6_family = AF_INET6;
        in6->sin6_port = htons(port);
        const Q_IPV6ADDR bytes = address.toIPv6Address();
        std::memcpy(&in6->sin6_addr, bytes.c, sizeof bytes.c);
        // fe80::1%eth0: the scope is an interface name or index.
        bool numeric = false;
        const uint scope = address.scopeId().toUInt(&numeric);
        in6->sin6_scope_id = numeric ? scope : uint(QNetworkInterface::interfaceIndexFromName(address.scopeId()));
        return sizeof *in6;
    }
    auto *in4 = reinterpret_cast<sockaddr_in *>(storage);
    in4->sin_family = AF_INET;
    in4->sin_port = htons(port);
    in4->sin_addr.s_addr = htonl(address.toIPv4Address());
    return sizeof *in4;
}

} // namespace NativeSocket
