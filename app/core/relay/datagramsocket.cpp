#include "datagramsocket.h"

#include <cerrno>

#include <unistd.h>

#include "nativesocket.h"

namespace {

// The one socket of a rule takes every client's datagrams: room for bursts (the kernel
// caps it at net.core.rmem_max). UDP has no autotuning for this to defeat, unlike TCP.
constexpr int ReceiveBuffer = 1024 * 1024;

int closeKeepingErrno(int fd)
{
    const int error = errno;
    ::close(fd);
    errno = error;
    return -1;
}

} // namespace

size_t qHash(const UdpClientKey &key, size_t seed)
{
    return qHashBits(&key, sizeof key, seed);
}

UdpClientKey DatagramPeer::key() const
{
    UdpClientKey key;
    key.family = address.ss_family;
    if (address.ss_family == AF_INET6) {
        const auto &in6 = reinterpret_cast<const sockaddr_in6 &>(address);
        std::memcpy(key.address, &in6.sin6_addr, sizeof in6.sin6_addr);
        key.scope = in6.sin6_scope_id;
        key.port = in6.sin6_port;
    } else {
        const auto &in4 = reinterpret_cast<const sockaddr_in &>(address);
        std::memcpy(key.address, &in4.sin_addr, sizeof in4.sin_addr);
        key.port = in4.sin_port;
    }
    return key;
}

QHostAddress DatagramPeer::localAddress() const
{
    if (!hasLocal)
        return {};
    if (address.ss_family == AF_INET6)
        return QHostAddress(local6.ipi6_addr.s6_addr);
    return QHostAddress(ntohl(local4.ipi_addr.s_addr));
}

namespace DatagramSocket {

int bind(const QHostAddress &address, quint16 port, bool wildcard)
{
    sockaddr_storage storage{};
    const socklen_t length = NativeSocket::toSockaddr(address, port, &storage);
    const int fd = ::socket(storage.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    // No SO_REUSEADDR: on UDP it would let a second socket (another Pasarela) bind the
    // same port and take part of its datagrams, and there is no TIME_WAIT for it to skip.
    const int one = 1;
    if (storage.ss_family == AF_INET6) {
        ::setsockopt(fd, IPPROTO_IPV6, IPV6_V6ONLY, &one, sizeof one);
        if (wildcard)
            ::setsockopt(fd, IPPROTO_IPV6, IPV6_RECVPKTINFO, &one, sizeof one);
    } else if (wildcard) {
        ::setsockopt(fd, IPPROTO_IP, IP_PKTINFO, &one, sizeof one);
    }
    ::setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &ReceiveBuffer, sizeof ReceiveBuffer);
    if (::bind(fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0)
        return closeKeepingErrno(fd);
    return fd;
}

int connectTo(const QHostAddress &address, quint16 port)
{
    sockaddr_storage storage{};
    const socklen_t length = NativeSocket::toSockaddr(address, port, &storage);
    const int fd = ::socket(storage.ss_family, SOCK_DGRAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0);
    if (fd < 0)
        return -1;
    if (::connect(fd, reinterpret_cast<const sockaddr *>(&storage), length) != 0)
        return closeKeepingErrno(fd);
    return fd;
}

ssize_t receive(int fd, char *buffer, size_t size, bool wildcard, DatagramPeer *from)
{
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(in6_pktinfo))];
    iovec iov{buffer, size};
    msghdr message{};
    message.msg_name = &from->address;
    message.msg_namelen = sizeof from->address;
    message.msg_iov = &iov;
    message.msg_iovlen = 1;
    if (wildcard) {
        message.msg_control = control;
        message.msg_controllen = sizeof control;
    }
    const ssize_t n = ::recvmsg(fd, &message, 0);
    if (n < 0)
        return n;
    from->length = message.msg_namelen;
    for (cmsghdr *c = wildcard ? CMSG_FIRSTHDR(&message) : nullptr; c; c = CMSG_NXTHDR(&message, c)) {
        if (c->cmsg_level == IPPROTO_IP && c->cmsg_type == IP_PKTINFO) {
            std::memcpy(&from->local4, CMSG_DATA(c), sizeof from->local4);
            from->hasLocal = true;
        } else if (c->cmsg_level == IPPROTO_IPV6 && c->cmsg_type == IPV6_PKTINFO) {
            std::memcpy(&from->local6, CMSG_DATA(c), sizeof from->local6);
            from->hasLocal = true;
        }
    }
    return n;
}

// A reply from another of this machine's addresses than the one the client sent to
// would be dropped by the client: on a wildcard address the source is set per datagram.
int sendTo(int fd, const char *data, qsizetype size, const DatagramPeer &to)
{
    iovec iov{const_cast<char *>(data), size_t(size)};
    msghdr message{};
    message.msg_name = const_cast<sockaddr_storage *>(&to.address);
    message.msg_namelen = to.length;
    message.msg_iov = &iov;
    message.msg_iovlen = 1;
    alignas(cmsghdr) char control[CMSG_SPACE(sizeof(in6_pktinfo))] = {};
    if (to.hasLocal) {
        const bool v6 = to.address.ss_family == AF_INET6;
        message.msg_control = control;
        message.msg_controllen = v6 ? CMSG_SPACE(sizeof(in6_pktinfo)) : CMSG_SPACE(sizeof(in_pktinfo));
        cmsghdr *c = CMSG_FIRSTHDR(&message);
        c->cmsg_level = v6 ? IPPROTO_IPV6 : IPPROTO_IP;
        c->cmsg_type = v6 ? IPV6_PKTINFO : IP_PKTINFO;
        c->cmsg_len = v6 ? CMSG_LEN(sizeof(in6_pktinfo)) : CMSG_LEN(sizeof(in_pktinfo));
        if (v6) {
            std::memcpy(CMSG_DATA(c), &to.local6, sizeof to.local6);
        } else {
            // The source address; the route picks the interface. (ipi_spec_dst, not the
            // destination the client used: that may be a broadcast address.)
            in_pktinfo local{};
            local.ipi_spec_dst = to.local4.ipi_spec_dst;
            std::memcpy(CMSG_DATA(c), &local, sizeof local);
        }
    }
    return ::sendmsg(fd, &message, MSG_NOSIGNAL) >= 0 ? 0 : errno;
}

} // namespace DatagramSocket
