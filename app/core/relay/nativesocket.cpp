#include "nativesocket.h"

#include <cstring>

#include <netinet/in.h>
#include <netinet/tcp.h>
#include <sys/socket.h>

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
    address->setAddress(raw);
    bool isV4 = false;
    const quint32 v4 = address->toIPv4Address(&isV4);
    if (isV4 && address->protocol() == QAbstractSocket::IPv6Protocol)
        address->setAddress(v4);
    *port = storage.ss_family == AF_INET6 ? ntohs(reinterpret_cast<sockaddr_in6 *>(raw)->sin6_port)
                                          : ntohs(reinterpret_cast<sockaddr_in *>(raw)->sin_port);
    return true;
}

QString errorText(int error)
{
    return QString::fromLocal8Bit(std::strerror(error)).toLower();
}

} // namespace NativeSocket
